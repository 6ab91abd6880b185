"""charters: working-group charters, one Markdown file each in ``content/charters/``.

Writes ``/working-groups/`` (every charter with its status) and one page per
charter (``/working-groups/<slug>/``) with its metadata, its text, and, when
an ``events`` plugin has put events into the context, the group's events.

A charter is translated by a file next to it (``medicare-for-all.es.md``), written at
``/es/working-groups/<slug>/``; ``/es/working-groups/`` lists every charter, the
untranslated ones in the original's language (templates mark them).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from site_core.addresses import AddressBook, top_level
from site_core.contentfiles import content_files
from site_core.editor_html import convert
from site_core.i18n import Alternates, site_languages
from site_core.metadata import markdown_converter, read_and_validate
from site_core.plugin import build_of
from site_core.slugs import address_field, slugify
from site_core.translated_headers import check_follows
from site_core.translations import TranslationRecord, TranslationUnit, pair_files, source_digest

from .model import LISTING_ORDER, Charter, CharterHeader, CharterTranslationHeader

#: Defaults; override any of them in pelicanconf.py.
CHARTERS_DEFAULTS = {
    "CHARTERS_PATH": "charters",  # folder under content/, one file per charter
    "CHARTERS_URL": "working-groups/",  # where the listing and the charters live
}


def _setting(settings: dict, name: str):
    return settings.get(name, CHARTERS_DEFAULTS[name])


def read_charter(path: Path, settings: dict, converter) -> tuple[Charter, dict] | None:
    """Read and validate one charter file: (charter, its header); problems go to the report."""
    report = settings["SITE_PROBLEMS"]
    read = read_and_validate(path, CharterHeader, report)
    if read is None:
        return None
    header, fields, body, body_line = read
    if header.status == "proposed" and header.adopted:
        report.error(
            path,
            fields.line_of("adopted"),
            "adopted",
            "a proposed charter has no adoption date",
            "remove the 'Adopted:' line, or write 'Status: adopted'",
        )
        return None
    if not body.strip():
        report.error(path, body_line, None, "has no charter text", "write it below the fields")
        return None
    slug = header.slug or slugify(header.working_group)
    base = _setting(settings, "CHARTERS_URL")
    charter = Charter(
        working_group=header.working_group,
        chapter=header.chapter,
        status=header.status,
        adopted=header.adopted,
        reports_to=header.reports_to,
        summary=header.summary,
        slug=slug,
        content=convert(converter, body, report, path, body_line),
        url=f"{base}{slug}/",
        save_as=f"{base}{slug}/index.html",
        source=report.relative(path),
        group=slug,
        lang=site_languages(settings).default,
        digest=source_digest(header.working_group, body),
    )
    return charter, fields


def read_translation(path: Path, original: Charter, lang: str, settings: dict, converter):
    """Read one translation of a charter: (charter in ``lang``, its header, its header
    fields) or None; problems are reported. Its status and adoption date are the original's."""
    report = settings["SITE_PROBLEMS"]
    read = read_and_validate(path, CharterTranslationHeader, report)
    if read is None:
        return None
    header, fields, body, body_line = read
    check_follows(fields, "status", header.status, original.status, original.status, path, report)
    adopted = original.adopted.isoformat() if original.adopted else "none"
    check_follows(fields, "adopted", header.adopted, original.adopted, adopted, path, report)
    if not body.strip():
        report.error(
            path, body_line, None, "has no charter text",
            "write the translated text below the fields, or delete the file",
        )  # fmt: skip
        return None
    url = site_languages(settings).url(
        lang, f"{_setting(settings, 'CHARTERS_URL')}{header.slug or original.slug}/"
    )
    charter = replace(
        original,
        working_group=header.working_group,
        chapter=header.chapter,
        reports_to=header.reports_to,
        summary=header.summary,
        slug=header.slug or original.slug,
        content=convert(converter, body, report, path, body_line),
        url=url,
        save_as=f"{url}index.html",
        source=report.relative(path),
        lang=lang,
    )
    return charter, header, fields


def translated_charters(
    charters: list[Charter], files: dict[str, dict[str, Path]], lang: str, settings, converter
) -> dict[str, Charter]:
    """The charters translated into ``lang`` (``files``: each charter's translation files by
    language, by its source), by source; each charter is recorded for the gap report."""
    report = settings["SITE_PROBLEMS"]
    addresses = AddressBook(report)
    record = build_of(settings).state(TranslationRecord)
    translated = {}
    for charter in charters:
        path = files.get(charter.source, {}).get(lang)
        read = read_translation(path, charter, lang, settings, converter) if path else None
        if read is not None and addresses.claim(
            read[0].save_as,
            read[0].source,
            path,
            address_field(read[2], "slug", "working group")[1],
            "slug",
            "write a different 'Slug:' in one of them",
        ):
            translated[charter.source] = read[0]
        done = translated.get(charter.source)
        unit = TranslationUnit.of(
            "charter", charter.working_group, charter.source, lang, charter.digest,
            done.source if done else None, read[1] if done else None,
        )  # fmt: skip
        record.add(unit)
    return translated


class ChartersGenerator(Generator):
    """Read content/charters/*.md and their translations; write the working-groups page in
    every language and one page per charter in each language it is written in."""

    def generate_context(self):
        """Read and validate every charter and translation; publish ``charters`` (in the
        default language) and ``CHARTERS_URL`` into the context."""
        folder = Path(self.path) / _setting(self.settings, "CHARTERS_PATH")
        report = self.settings["SITE_PROBLEMS"]
        languages = site_languages(self.settings)
        converter = markdown_converter(self.settings)
        addresses = AddressBook(report)
        files = content_files(folder, ["*.md"], report, self.settings["IGNORE_FILES"])
        groups, _ = pair_files(files, languages, report, "charter")
        charters: list[Charter] = []
        translations: dict[str, dict[str, Path]] = {}
        for group in groups:
            read = read_charter(group.source, self.settings, converter)
            if read is None:
                continue
            charter, fields = read
            if addresses.claim(
                charter.save_as,
                charter.source,
                group.source,
                address_field(fields, "slug", "working group")[1],
                "slug",
                "write a different 'Slug:' in one of them",
            ):
                charters.append(charter)
                translations[charter.source] = group.translations
        self.charters = sorted(
            charters, key=lambda c: (LISTING_ORDER.index(c.status), c.working_group)
        )
        self.listings = {languages.default: self.charters}
        for lang in languages.others:
            translated = translated_charters(
                self.charters, translations, lang, self.settings, converter
            )
            self.listings[lang] = [translated.get(c.source, c) for c in self.charters]
        if self.charters:
            self._register_alternates(languages)
        self.context["charters"] = self.charters
        self.context["CHARTERS_URL"] = _setting(self.settings, "CHARTERS_URL")

    def _register_alternates(self, languages) -> None:
        """The listing exists in every language; a charter in those it is translated into."""
        alternates = build_of(self.settings).state(Alternates)
        alternates.add_everywhere(languages, _setting(self.settings, "CHARTERS_URL"))
        for lang, listing in self.listings.items():
            for original, shown in zip(self.charters, listing, strict=True):
                if shown.lang == lang:
                    alternates.add(original.url, lang, shown.url)

    def top_level_paths(self) -> dict[str, str]:
        """The folder of the site the charters are in (site_core's address check)."""
        return {top_level(_setting(self.settings, "CHARTERS_URL")): "the working groups"}

    def generate_output(self, writer):
        """Write, in each language, the listing and every charter written in it."""
        if not self.charters:
            return
        languages = site_languages(self.settings)
        base = _setting(self.settings, "CHARTERS_URL")
        index = self.get_template("charters/index")
        template = self.get_template("charters/charter")
        for lang, listing in self.listings.items():
            writer.write_file(
                languages.url(lang, f"{base}index.html"), index, self.context, charters=listing
            )
            for charter in listing:
                if charter.lang == lang:
                    writer.write_file(charter.save_as, template, self.context, charter=charter)


def get_generators(pelican):
    """Add the charters' generator to Pelican's."""
    return ChartersGenerator


def register():
    """Connect the charters to Pelican."""
    signals.get_generators.connect(get_generators)
