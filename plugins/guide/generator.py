"""guide: the organizing guide as a book, from one Markdown file per chapter in ``content/guide/``.

The order of the book comes from each file's ``Chapter:`` (4, or 4.5 to go between
4 and 5), never from file names; readers see the chapters numbered 1 to n in that
order, so adding a chapter anywhere is adding one file. Written chapters get a page
(``/guide/<slug>/``) with their section contents, previous/next links that
skip planned chapters, a shareable anchor on every heading and an "edit this
page" link; planned chapters appear in the table of contents only, marked
"not yet written". ``/guide/print/`` has every written chapter on one page.

Each file is read and converted once; the print version of a chapter is a
second conversion of the same text, with headings one level down and ids
prefixed by the chapter's slug so that ids stay unique on the print page.

Chapters are translated one by one: ``canvassing-the-rap.es.md`` translates
``canvassing-the-rap.md`` (``site_core.translations.pair_files``) and is written at
``/es/guide/<slug>/``. The book in each other language (``/es/guide/``, its print page,
previous/next) has every chapter in order: the translation where there is one, else the
original, which templates mark with its language.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from markdown.extensions.toc import slugify as heading_id
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from site_core.addresses import AddressBook, top_level
from site_core.contentfiles import content_files
from site_core.editor_html import convert
from site_core.i18n import Alternates, site_languages
from site_core.metadata import markdown_converter, read_and_validate
from site_core.plugin import build_of
from site_core.safety import sanitize_html
from site_core.slugs import address_field, slugify
from site_core.translated_headers import check_follows
from site_core.translations import TranslationRecord, TranslationUnit, pair_files, source_digest

from .model import (
    RESERVED_SLUGS,
    ChapterHeader,
    ChapterTranslationHeader,
    Guide,
    GuideChapter,
    Section,
    place_after,
    place_text,
)

#: Defaults; override any of them in pelicanconf.py.
GUIDE_DEFAULTS = {
    "GUIDE_PATH": "guide",  # folder under content/ with one file per chapter
    "GUIDE_URL": "guide/",  # where the book lives on the site
    "GUIDE_EDIT_BRANCH": "main",  # branch "edit this page" opens
    # Base of "edit this page" links; None: <repository_url>/edit/<branch>/ from chapter.yml.
    "GUIDE_EDIT_BASE": None,
}
TOC_EXTENSION = "markdown.extensions.toc"


def _setting(settings: dict, name: str):
    return settings.get(name, GUIDE_DEFAULTS[name])


class _Converters:
    """The two Markdown converters: for chapter pages and for the print page."""

    def __init__(self, settings: dict):
        self.page = markdown_converter(settings)
        self.prefix = ""
        self.print = markdown_converter(
            settings,
            {
                TOC_EXTENSION: {
                    "baselevel": 2,
                    "permalink": False,
                    "slugify": lambda value, sep: f"{self.prefix}-{heading_id(value, sep)}",
                }
            },
        )

    def convert(
        self, text: str, prefix: str, report, path: Path, first_line: int
    ) -> tuple[Markup, Markup, list[dict]]:
        """Return (page HTML, print HTML, the page's heading tokens), both sanitised.

        The text's problems are reported once, from the page's conversion.
        """
        html = convert(self.page, text, report, path, first_line)
        tokens = getattr(self.page, "toc_tokens", [])
        self.prefix = prefix
        return html, Markup(sanitize_html(self.print.reset().convert(text))), tokens


def edit_base(settings: dict) -> str | None:
    """The address "edit this page" links start with, or None when there is none."""
    base = _setting(settings, "GUIDE_EDIT_BASE")
    if base:
        return base.rstrip("/") + "/"
    chapter = settings.get("CHAPTER")
    if chapter is None or not chapter.repository_url:
        return None
    branch = _setting(settings, "GUIDE_EDIT_BRANCH")
    return f"{chapter.repository_url.rstrip('/')}/edit/{branch}/"


def _reserved(slug: str, fields, path: Path, report, base_url: str) -> bool:
    """Whether ``slug`` is one of the guide's own pages (reported)."""
    if slug not in RESERVED_SLUGS:
        return False
    report.error(
        path,
        address_field(fields, "slug", "title")[1],
        "slug",
        f"the address /{base_url}{slug}/ is the guide's own {slug} page",
        f"write a 'Slug:' line with another address, e.g. 'Slug: {slug}-chapter'",
    )
    return True


def _written_chapter(path: Path, text: tuple[str, int], settings: dict, converters, **facts):
    """A written chapter of ``facts`` (place, title, slug, lang…) with its converted text."""
    report = settings["SITE_PROBLEMS"]
    body, body_line = text
    source = report.relative(path)
    html, print_html, tokens = converters.convert(body, facts["slug"], report, path, body_line)
    url = site_languages(settings).url(
        facts["lang"], f"{_setting(settings, 'GUIDE_URL')}{facts['slug']}/"
    )
    base = edit_base(settings)
    return GuideChapter(
        status="written",
        source=source,
        content=html,
        print_content=print_html,
        sections=tuple(Section(t["id"], t["name"]) for t in tokens if t["level"] == 2),
        url=url,
        save_as=f"{url}index.html",
        edit_url=f"{base}{source}" if base else None,
        **facts,
    )


def read_chapter(path: Path, settings: dict, converters: _Converters):
    """Read and validate one chapter file: (chapter, its header) or None; problems are reported."""
    report = settings["SITE_PROBLEMS"]
    read = read_and_validate(path, ChapterHeader, report)
    if read is None:
        return None
    header, fields, body, body_line = read
    slug = header.slug or slugify(header.title)
    if _reserved(slug, fields, path, report, _setting(settings, "GUIDE_URL")):
        return None
    lang = site_languages(settings).default
    if header.status == "planned":
        if body.strip():
            report.warning(
                path,
                body_line,
                "status",
                "the chapter has text but is 'planned', so the text is not published",
                "write 'Status: written' to publish it",
            )
        planned = GuideChapter(
            header.chapter,
            header.title,
            header.summary,
            "planned",
            slug,
            report.relative(path),
            lang=lang,
        )
        return planned, fields
    if not body.strip():
        report.error(
            path,
            fields.line_of("status"),
            "status",
            "the chapter is 'written' but has no text",
            "write the text below the fields, or write 'Status: planned'",
        )
        return None
    chapter = _written_chapter(
        path,
        (body, body_line),
        settings,
        converters,
        place=header.chapter,
        title=header.title,
        summary=header.summary,
        slug=slug,
        lang=lang,
        digest=source_digest(header.title, body),
    )
    return chapter, fields


def read_translation(
    path: Path, original: GuideChapter, lang: str, settings: dict, converters: _Converters
):
    """Read one translation of a written chapter: (chapter in ``lang``, its header, its header
    fields) or None; problems are reported. Its place and status are the original's."""
    report = settings["SITE_PROBLEMS"]
    read = read_and_validate(path, ChapterTranslationHeader, report)
    if read is None:
        return None
    header, fields, body, body_line = read
    check_follows(fields, "chapter", header.chapter, original.place,
                  place_text(original.place), path, report)  # fmt: skip
    check_follows(fields, "status", header.status, "written", "written", path, report)
    slug = header.slug or original.slug
    base_url = site_languages(settings).url(lang, _setting(settings, "GUIDE_URL"))
    if _reserved(slug, fields, path, report, base_url):
        return None
    if not body.strip():
        report.error(
            path, body_line, None, "has no text",
            "write the translated text below the fields, or delete the file",
        )  # fmt: skip
        return None
    chapter = _written_chapter(
        path,
        (body, body_line),
        settings,
        converters,
        place=original.place,
        number=original.number,
        title=header.title,
        summary=header.summary,
        slug=slug,
        lang=lang,
        digest=original.digest,
    )
    return chapter, header, fields


def check_unique(
    chapters: list[tuple[Path, GuideChapter, dict]], base_url: str, report
) -> list[GuideChapter]:
    """Keep the first chapter of each place and address, numbered 1 to n in order; report the
    files that repeat one."""
    seen_places: dict = {}
    places = sorted({chapter.place for _, chapter, _ in chapters})
    addresses = AddressBook(report)
    kept = []
    for path, chapter, fields in chapters:
        if chapter.place in seen_places:
            place = chapter.place
            following = next((p for p in places if p > place), None)
            report.error(
                path,
                fields.line_of("chapter"),
                "chapter",
                f"chapter {place_text(place)} is also {report.relative(seen_places[place])}",
                f"give each chapter its own place: 'Chapter: {place_after(place, following)}' "
                "puts it after that one",
            )
            continue
        if not addresses.claim(  # a planned chapter's too: its page comes once it is written
            f"{base_url}{chapter.slug}/index.html",
            chapter.source,
            path,
            address_field(fields, "slug", "title")[1],
            "slug",
            "write a different 'Slug:' in one of them",
        ):
            continue
        seen_places[chapter.place] = path
        kept.append(chapter)
    ordered = sorted(kept, key=lambda c: c.place)
    return [replace(chapter, number=number) for number, chapter in enumerate(ordered, start=1)]


def translated_chapters(
    book: Guide, files: dict[str, dict[str, Path]], lang: str, settings: dict, converters
) -> dict[str, GuideChapter]:
    """The chapters of ``book`` translated into ``lang`` (``files``: each chapter's
    translation files by language, by its source), by source; each written chapter is
    recorded for the gap report, translated or not."""
    report = settings["SITE_PROBLEMS"]
    addresses = AddressBook(report)
    record = build_of(settings).state(TranslationRecord)
    translated = {}
    for chapter in book.chapters:
        path = files.get(chapter.source, {}).get(lang)
        if not chapter.written:
            if path is not None:
                report.warning(
                    path, 1, None, "translates a planned chapter, which has no page yet",
                    "it is published once the original is written ('Status: written')",
                )  # fmt: skip
            continue
        read = read_translation(path, chapter, lang, settings, converters) if path else None
        if read is not None and addresses.claim(
            read[0].save_as,
            read[0].source,
            path,
            address_field(read[2], "slug", "title")[1],
            "slug",
            "write a different 'Slug:' in one of them",
        ):
            translated[chapter.source] = read[0]
        done = translated.get(chapter.source)
        unit = TranslationUnit.of(
            "guide chapter", chapter.title, chapter.source, lang, chapter.digest,
            done.source if done else None, read[1] if done else None,
        )  # fmt: skip
        record.add(unit)
    return translated


class GuideGenerator(Generator):
    """Read content/guide/*.md and their translations into a :class:`Guide` per language;
    write each language's home, chapters and print page."""

    def generate_context(self):
        """Read, validate and order every chapter and translation; publish ``guide`` (the
        book in the default language) into the context."""
        folder = Path(self.path) / _setting(self.settings, "GUIDE_PATH")
        converters = _Converters(self.settings)
        report = self.settings["SITE_PROBLEMS"]
        languages = site_languages(self.settings)
        files = content_files(folder, ["*.md"], report, self.settings["IGNORE_FILES"])
        groups, _ = pair_files(files, languages, report, "guide chapter")
        chapters = []
        translations: dict[str, dict[str, Path]] = {}
        for group in groups:
            read = read_chapter(group.source, self.settings, converters)
            if read is not None:
                chapters.append((group.source, *read))
                translations[read[0].source] = group.translations
        base_url = _setting(self.settings, "GUIDE_URL")
        ordered = check_unique(chapters, base_url, report)
        self.books: dict[str, Guide] = {}
        if ordered:
            book = Guide(tuple(ordered), base_url, f"{base_url}print/", languages.default)
            self.books[languages.default] = book
            for lang in languages.others:
                translated = translated_chapters(
                    book, translations, lang, self.settings, converters
                )
                self.books[lang] = Guide(
                    tuple(translated.get(c.source, c) for c in ordered),
                    languages.url(lang, book.url),
                    languages.url(lang, book.print_url),
                    lang,
                )
            self._register_alternates(languages)
        self.guide = self.books.get(languages.default)
        self.context["guide"] = self.guide

    def _register_alternates(self, languages) -> None:
        """The guide's home and print page exist in every language; a chapter in those it
        is translated into."""
        alternates = build_of(self.settings).state(Alternates)
        book = self.books[languages.default]
        alternates.add_everywhere(languages, book.url)
        alternates.add_everywhere(languages, book.print_url)
        for index, chapter in enumerate(book.chapters):
            for lang, other in self.books.items():
                shown = other.chapters[index]
                if shown.written and shown.lang == lang:
                    alternates.add(chapter.url, lang, shown.url)

    def top_level_paths(self) -> dict[str, str]:
        """The folder of the site the guide writes (site_core's address check)."""
        return {top_level(_setting(self.settings, "GUIDE_URL")): "the guide"}

    def generate_output(self, writer):
        """Write, in each language, the guide home, one page per chapter written in that
        language, and the print page."""
        index = self.get_template("guide/index")
        template = self.get_template("guide/chapter")
        printed = self.get_template("guide/print")
        for lang, book in self.books.items():
            writer.write_file(f"{book.url}index.html", index, self.context, guide=book)
            for chapter in book.written:
                if chapter.lang != lang:
                    continue  # not translated: the book links to the original's page
                previous, following = book.previous_and_next(chapter)
                writer.write_file(
                    chapter.save_as,
                    template,
                    self.context,
                    guide=book,
                    chapter=chapter,
                    previous_chapter=previous,
                    next_chapter=following,
                )
            writer.write_file(f"{book.print_url}index.html", printed, self.context, guide=book)


def get_generators(pelican):
    """Add the guide's generator to Pelican's."""
    return GuideGenerator


def register():
    """Connect the guide to Pelican."""
    signals.get_generators.connect(get_generators)
