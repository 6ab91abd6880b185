"""The questionnaires plugin: candidate questionnaires, answers and endorsements.

``content/questionnaires/<questionnaire>/questionnaire.md`` holds the election,
offices, sent date and the questions; one ``<candidate>.md`` beside it holds a
candidate's details, the chapter's endorsement decision and the answers (see
docs/editing/questionnaires.md). A Generator reads the folder itself, which
makes the checks across files simple (an unknown questionnaire or question,
a duplicate answer), and writes:

- ``candidates/``: every questionnaire, by election;
- ``candidates/<questionnaire>/``: its candidates, their status, its questions;
- ``candidates/<questionnaire>/<candidate>/``: one answer sheet, ``#question-id`` permalinks,
  and its share image (``share.png``: name, office, endorsement status);
- ``candidates/<questionnaire>/compare/``: the answers side by side, per office.

Each page is written in every language of the site (``es/candidates/…``), registered in
the build's :class:`~site_core.i18n.Alternates` before anything is written: the
interface in the page's language, the questions in it where translated
(``questionnaire.es.md``), each answer in the language the candidate wrote it in
(``<candidate>.es.md``), marked when it is not the page's (:mod:`.translated`).

Settings (defaults below): ``QUESTIONNAIRE_PATH``, the folder in content/;
``QUESTIONNAIRE_URL``, the address prefix of the pages.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import Generator

from site_core.addresses import top_level
from site_core.builddate import build_datetime
from site_core.i18n import Alternates, site_languages, use_language
from site_core.plugin import build_of
from site_core.share_images import ShareImages
from site_core.translations import TranslationRecord

from .model import Candidate, Questionnaire
from .privacy import chapter_region
from .read import read_questionnaires
from .share import SHARE_FILE, candidate_card
from .translated import translation_units

DEFAULTS = {
    "QUESTIONNAIRE_PATH": "questionnaires",  # folder under content/
    "QUESTIONNAIRE_URL": "candidates",  # pages are written under this address
}
#: On the home page: endorsements (and rescinded ones) for elections not yet held.
HOME_STATUSES = ("endorsed", "rescinded")


def _today(settings: dict) -> date:
    """The build date in the chapter's timezone."""
    now = settings.get("BUILD_DATETIME") or build_datetime(settings)
    return now.astimezone(ZoneInfo(settings.get("TIMEZONE") or "UTC")).date()


def elections(questionnaires: list[Questionnaire]) -> list[tuple]:
    """Group questionnaires (already newest first) by their election."""
    groups: dict[tuple, list[Questionnaire]] = {}
    for questionnaire in questionnaires:
        election = questionnaire.fields.election
        groups.setdefault((election.date, election.name), []).append(questionnaire)
    return list(groups.items())


def home_endorsements(questionnaires: list[Questionnaire], today: date) -> list[Candidate]:
    """Endorsed and rescinded candidates in elections from today on, soonest first."""
    upcoming = sorted(
        (q for q in questionnaires if q.fields.election.date >= today),
        key=lambda q: (q.fields.election.date, q.title.casefold(), q.slug),
    )
    return [c for q in upcoming for c in q.candidates if c.endorsement.status in HOME_STATUSES]


class QuestionnaireGenerator(Generator):
    """Read the questionnaires into the context, then write their pages."""

    def generate_context(self):
        """Read and check every questionnaire and answer sheet; publish them to the context."""
        for key, value in DEFAULTS.items():
            self.settings.setdefault(key, value)
        root = Path(self.path) / self.settings["QUESTIONNAIRE_PATH"]
        url_base = self.settings["QUESTIONNAIRE_URL"].strip("/")
        languages = site_languages(self.settings)
        questionnaires = read_questionnaires(
            root,
            self.settings["SITE_PROBLEMS"],
            url_base,
            chapter_region(self.settings),
            languages,
        )
        self.questionnaires = questionnaires
        build = build_of(self.settings)
        alternates, record = build.state(Alternates), build.state(TranslationRecord)
        for url in self.page_urls(f"{url_base}/"):
            alternates.add_everywhere(languages, url)
        for questionnaire in questionnaires:
            for unit in translation_units(questionnaire, languages.others):
                record.add(unit)
        self.context["questionnaires"] = questionnaires
        self.context["questionnaire_elections"] = elections(questionnaires)
        self.context["questionnaire_index_url"] = f"{url_base}/"
        self.context["questionnaire_endorsements"] = home_endorsements(
            questionnaires, _today(self.settings)
        )

    def top_level_paths(self) -> dict[str, str]:
        """The folder of the site the questionnaires are in (site_core's address check)."""
        return {top_level(self.settings["QUESTIONNAIRE_URL"]): "the candidates' pages"}

    def page_urls(self, index_url: str) -> list[str]:
        """The address of every page the questionnaires have, in the default language."""
        urls = [index_url]
        for questionnaire in self.questionnaires:
            urls += [questionnaire.url, questionnaire.compare_url]
            urls += [c.url for c in questionnaire.candidates]
        return urls

    def generate_output(self, writer):
        """Write the index, and each questionnaire's page, comparison and answer sheets, in
        every language of the site."""
        index_url = self.context["questionnaire_index_url"]
        images = ShareImages(self.settings)
        pages = [(index_url, "index", {})]
        for questionnaire in self.questionnaires:
            pages.append((questionnaire.url, "questionnaire", {"questionnaire": questionnaire}))
            pages.append((questionnaire.compare_url, "compare", {"questionnaire": questionnaire}))
            pages.extend(
                (c.url, "candidate", {"questionnaire": questionnaire, "candidate": c})
                for c in questionnaire.candidates
            )
        languages = site_languages(self.settings)
        for lang in languages.all:
            for url, template, values in pages:
                address = languages.url(lang, url)
                if template == "candidate":
                    image = self.share_image(images, values["candidate"], address)
                    values = {**values, "page_share_image": image}
                writer.write_file(
                    f"{address}index.html",
                    self.get_template(f"questionnaires/{template}"),
                    self.context,
                    url=address,
                    **values,
                )

    def share_image(self, images: ShareImages, candidate: Candidate, url: str) -> dict[str, str]:
        """Draw (or take from the cache) a candidate's share image for the page at ``url``,
        in that page's language; its address and text."""
        view = build_of(self.settings).language_view(url)
        with use_language(view.lang, view.translations):
            footer = view.context.get("SITENAME") or self.settings.get("SITENAME", "")
            card = candidate_card(candidate, footer)
        images.write(card, Path(self.output_path) / url / SHARE_FILE)
        base = self.settings.get("CANONICAL_BASE", "")
        return {"url": f"{base}/{url}{SHARE_FILE}", "alt": card.alt}


def keep_pelican_out(pelican) -> None:
    """Make sure Pelican's own readers never take the answer sheets for pages or articles."""
    settings = pelican.settings
    folder = settings.get("QUESTIONNAIRE_PATH", DEFAULTS["QUESTIONNAIRE_PATH"])
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
        excluded = list(settings.get(key) or [])
        if folder not in excluded:
            settings[key] = [*excluded, folder]


def get_generators(pelican):
    """Add the questionnaire generator to Pelican's."""
    return QuestionnaireGenerator


def register():
    """Connect the plugin to Pelican's signals."""
    signals.initialized.connect(keep_pelican_out)
    signals.get_generators.connect(get_generators)
