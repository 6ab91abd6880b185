"""site_core: what every capability of the site shares, wired into Pelican's signals.

On ``initialized``: start the build's state (:class:`Build`, in the settings as
``SITE_BUILD``, so every signal handler of this build reaches it) and its problem
report, refuse links and special files in ``content/`` (Pelican is told to skip
them), read ``content/chapter.yml`` into the settings, point Pelican at a
temporary output folder.
On ``content_object_init``: give pages and news posts without a ``Slug:`` the
site's one slug (``slugs.py``), and clean their HTML (``editor_html.py``).
On ``all_generators_finalized`` (everything read, nothing written yet): check
page headers and that no two files share an address (``addresses.py``), print
the problem report and stop the build if it has errors; ``CHECK_ONLY`` stops
here in any case (``invoke check``).
On ``finalized``: write the sitemap, robots.txt and the fingerprinted theme
assets, let other plugins finish the output (``output_ready``), write the
``_headers`` file for static hosts, then swap it in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import logging
from pathlib import Path
import sys
from typing import TypeVar

from babel.support import NullTranslations
from blinker import signal
from pelican import signals

from .addresses import check_addresses
from .assets import Assets
from .builddate import build_datetime
from .catalogs import catalog_problems
from .chapter import Chapter, chapter_settings, load_chapter
from .contentfiles import refuse_links
from .dates import DateStyle, DateStyles
from .editor_html import clean_content
from .feeds import add_language
from .headers import meta_content_security_policy, write_headers
from .i18n import (
    Alternates,
    LanguageLink,
    SiteLanguages,
    catalog,
    install as install_i18n,
    language_links,
    site_languages,
)
from .markdown_reader import use_reusing_reader
from .output import AtomicOutput
from .page_headers import check_front_matter
from .page_translations import (
    in_language,
    link_in_language,
    mark_language,
    plan_news,
    settle_translations,
    write_news_in_languages,
)
from .problems import CheckPassed, ContentProblems, ProblemReport
from .sitemap import Sitemap
from .slugs import slug_pelican_content
from .templates import compact_json, share_compiled_templates
from .writer import site_writer

logger = logging.getLogger(__name__)

#: Sent with Pelican's generators once every one has read its content, before the problem
#: report is checked: checks across capabilities (an event's working group) connect here.
content_read = signal("site_core.content_read")
#: Sent with the temporary output folder (a Path) once every page is written
#: and before it is swapped in: post-build steps (search index...) connect here.
output_ready = signal("site_core.output_ready")
#: Sent with the final output folder (a Path) once the build has been swapped in:
#: caches that describe the published output (events' reuse manifest) are saved here.
output_committed = signal("site_core.output_committed")

State = TypeVar("State")


class _ErrorCounter(logging.Handler):
    """Count the errors Pelican itself logs (e.g. a page it could not read)."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Remember one logged error."""
        self.messages.append(record.getMessage())


class Build:
    """The state of one Pelican build: ``settings["SITE_BUILD"]``, made anew on ``initialized``.

    Plugins keep what their signal handlers share during a build in :meth:`state`,
    never in module variables, so two builds in one process (the preview, the tests)
    share nothing.
    """

    def __init__(self, pelican):
        settings = pelican.settings
        self._states: dict[type, object] = {}
        if settings.get("PUBLISH"):  # a published site is always built from scratch
            settings["CACHE_CONTENT"] = settings["LOAD_CONTENT_CACHE"] = False
        content = Path(settings["PATH"]).resolve()
        self.report = ProblemReport(root=content.parent)
        self.output = AtomicOutput(Path(pelican.output_path), settings.get("OUTPUT_RETENTION", []))
        pelican.output_path = str(self.output.building)
        settings["OUTPUT_FINAL"] = self.output.final  # the published folder (a resolved Path)
        self.errors = _ErrorCounter()
        logging.getLogger("pelican").addHandler(self.errors)
        settings["SITE_PROBLEMS"] = self.report
        refuse_links(content, self.report, settings)  # before anything reads content
        settings["BUILD_DATETIME"] = build_datetime(settings)
        chapter = load_chapter(content / settings.get("CHAPTER_FILE", "chapter.yml"), self.report)
        settings["CHAPTER"] = chapter
        if chapter is not None:
            settings.update(chapter_settings(chapter))
        self.languages = chapter.languages if chapter else site_languages(settings)
        settings["SITE_LANGUAGES"] = self.languages
        settings["DATE_STYLES"] = DateStyles(
            tuple(
                (lang, DateStyle(chapter.locale_in(lang) if chapter else "en_US"))
                for lang in self.languages.all
            )
        )
        settings["DATE_STYLE"] = settings["DATE_STYLES"].of(self.languages.default)
        settings["JINJA_FILTERS"] = {
            **settings.get("JINJA_FILTERS", {}),
            **settings["DATE_STYLES"].filters(),
        }
        if settings.get("PUBLISH") and not settings.get("SITEURL") and chapter is not None:
            settings["SITEURL"] = chapter.site_url.rstrip("/")
        base = settings.get("SITEURL") or (chapter.site_url if chapter else "")
        settings["CANONICAL_BASE"] = base.rstrip("/")
        settings["FEED_DOMAIN"] = settings.get("FEED_DOMAIN") or settings["CANONICAL_BASE"]
        self.sitemap = Sitemap(settings["CANONICAL_BASE"])
        self.assets = Assets(settings)  # hashed once per build, not per page
        settings["JINJA_GLOBALS"] = {**settings["JINJA_GLOBALS"], "asset": self.assets.url}
        # CSP_META_TAG = False leaves it out (the livereload preview injects an inline script).
        csp = meta_content_security_policy(settings) if settings.get("CSP_META_TAG", True) else ""
        settings["CSP_META"] = csp
        share_compiled_templates(settings)  # each template compiled once, not per generator
        for lang in self.languages.others:  # a translator's slip is a problem, not a traceback
            catalog_problems(Path(settings["THEME"]) / "translations", lang, self.report)
        self._views = {
            lang: LanguageView.make(lang, settings, chapter) for lang in self.languages.all
        }
        self._catalogs = {lang: view.translations for lang, view in self._views.items()}

    def language_view(self, path: str) -> LanguageView:
        """What a page written at ``path`` (relative to the output folder) is rendered with."""
        return self._views[self.languages.of_path(path)]

    def page_languages(self, page_url: str) -> list[LanguageLink]:
        """The language switcher and ``hreflang`` links of the page at ``page_url`` ([] if the
        site has one language)."""
        if not self.languages.multilingual:
            return []
        lang = self.languages.of_path(page_url or "index.html")
        alternates = self.state(Alternates).of(page_url) or {lang: page_url}
        return language_links(self.languages, alternates, lang, self._catalogs)

    def state(self, kind: type[State]) -> State:
        """This build's ``kind()``, made on first use: a plugin's per-build state."""
        if kind not in self._states:
            self._states[kind] = kind()
        return self._states[kind]  # type: ignore[return-value]

    def cache_fingerprint(self) -> str:
        """What it changes in a page (for output caches): nothing, it is the build's bookkeeping."""
        return ""

    def close(self) -> None:
        """Stop listening to Pelican's log."""
        logging.getLogger("pelican").removeHandler(self.errors)

    def fail(self) -> None:
        """Discard the temporary output and stop with the whole report."""
        self.close()
        self.output.discard()
        raise ContentProblems(self.report)


@dataclass(frozen=True)
class LanguageView:
    """A language's catalog and the context values its pages are rendered with."""

    lang: str
    translations: NullTranslations
    context: dict

    @classmethod
    def make(cls, lang: str, settings: dict, chapter: Chapter | None) -> LanguageView:
        """The view of ``lang`` for a build with these settings."""
        languages: SiteLanguages = settings["SITE_LANGUAGES"]
        root = (settings.get("SITEURL") or "") + "/" + languages.prefix(lang)
        context = {
            "lang": lang,
            "LANG_ROOT": root.rstrip("/"),
            "LANG_PREFIX": languages.prefix(lang),
            "DATE_STYLE": settings["DATE_STYLES"].of(lang),
        }
        if chapter is not None:
            context["CHAPTER"] = chapter.in_language(lang)
            context["SITENAME"] = context["CHAPTER"].sitename
        folder = Path(settings["THEME"]) / "translations"
        return cls(lang, catalog(folder, lang), context)


def build_of(settings: Mapping) -> Build:
    """The build in progress, from its settings or a context made of them."""
    return settings["SITE_BUILD"]


def start_build(pelican) -> None:
    """Set up the state of a new build (closing a previous one of the same settings)."""
    previous = pelican.settings.get("SITE_BUILD")
    if previous is not None:
        previous.close()
    pelican.settings["SITE_BUILD"] = Build(pelican)


def theme_templates(settings: dict) -> set[str]:
    """The names a page's ``Template:`` line may use (theme templates, without .html)."""
    folder = Path(settings["THEME"]) / "templates"
    return {p.relative_to(folder).with_suffix("").as_posix() for p in folder.rglob("*.html")}


def check_problems(generators) -> None:
    """Print all problems found while reading; stop the build if any is an error."""
    settings = generators[0].settings
    build = build_of(settings)
    report = build.report
    content_read.send(generators, report=report)
    headers = check_front_matter(settings, report, theme_templates(settings))
    check_addresses(generators, headers, report)
    reported = {p.path.rsplit("/", 1)[-1] for p in report.errors}
    for message in build.errors.messages:
        if not any(name in message for name in reported):  # already said, with its line
            report.error("content", None, None, message, "see Pelican's message above")
    build.errors.messages.clear()
    if report.errors:
        build.fail()
    if report.warnings:
        print(report.render(), file=sys.stderr)
    if settings.get("CHECK_ONLY"):
        build.close()
        build.output.discard()
        raise CheckPassed(len(report.warnings))


def page_written(path: str, context: dict) -> None:
    """Note a written page for the sitemap."""
    # The Writer names the file relative to the output folder; resolving each path
    # cost 0.1 ms a page (a second per 10,000 event pages).
    build = build_of(context)
    relative = context.get("output_file") or (
        Path(path).resolve().relative_to(build.output.building).as_posix()
    )
    build.sitemap.page_written(relative, context)


def drop_drafts(generator) -> None:
    """A draft is never written: Pelican would publish it under ``drafts/`` (and, with no
    categories, stop with a traceback on a news draft)."""
    for name in ("drafts", "drafts_translations", "draft_pages", "draft_translations"):
        getattr(generator, name, []).clear()  # in place: the context holds the same lists


def finish_build(pelican) -> None:
    """Write the sitemap, run post-build steps, and swap the output in."""
    build = build_of(pelican.settings)
    if build.errors.messages:  # logged while writing, after the problem check
        for message in build.errors.messages:
            build.report.error("content", None, None, message, "see Pelican's message above")
        build.fail()
    folder = build.output.building
    folder.mkdir(parents=True, exist_ok=True)
    build.sitemap.write(folder, build.state(Alternates), build.languages)
    immutable = build.assets.copy_into(folder)
    build.output.carry_in()  # unchanged folders of the published site (carry_over)
    try:
        output_ready.send(folder, settings=pelican.settings)
        write_headers(folder, immutable, pelican.settings)
    except BaseException:  # a post-build step failed: give the carried folders back
        build.output.discard()
        raise
    build.close()
    build.output.commit()
    output_committed.send(build.output.final, settings=pelican.settings)


def install_languages(generator) -> None:
    """Give a generator's templates ``_()``, ``lang_attr()``, ``page_languages()``,
    ``page_link()`` and the ``localized`` filter (pages and posts in the language being
    rendered)."""
    install_i18n(generator)
    generator.env.globals["page_languages"] = build_of(generator.settings).page_languages
    generator.env.filters["localized"] = in_language
    generator.env.globals["page_link"] = link_in_language(generator.settings)


def register() -> None:
    """Connect site_core to Pelican's signals."""
    signals.initialized.connect(start_build)
    signals.readers_init.connect(use_reusing_reader)
    signals.generator_init.connect(compact_json)
    signals.generator_init.connect(install_languages)
    signals.content_object_init.connect(slug_pelican_content)
    signals.content_object_init.connect(clean_content)
    signals.content_object_init.connect(mark_language)
    # Translations pair before drafts are dropped (a draft's translation keeps its address).
    signals.article_generator_finalized.connect(settle_translations)
    signals.article_generator_finalized.connect(plan_news)
    signals.page_generator_finalized.connect(settle_translations)
    signals.article_generator_finalized.connect(drop_drafts)
    signals.page_generator_finalized.connect(drop_drafts)
    signals.article_writer_finalized.connect(write_news_in_languages)
    signals.all_generators_finalized.connect(check_problems)
    signals.content_written.connect(page_written)
    signals.get_writer.connect(site_writer)
    signals.feed_generated.connect(add_language)
    signals.finalized.connect(finish_build)
