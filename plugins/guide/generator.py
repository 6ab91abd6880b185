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
from site_core.metadata import markdown_converter, read_and_validate
from site_core.safety import sanitize_html
from site_core.slugs import address_field, slugify

from .model import (
    RESERVED_SLUGS,
    ChapterHeader,
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


def read_chapter(path: Path, settings: dict, converters: _Converters):
    """Read and validate one chapter file: (chapter, its header) or None; problems are reported."""
    report = settings["SITE_PROBLEMS"]
    read = read_and_validate(path, ChapterHeader, report)
    if read is None:
        return None
    header, fields, body, body_line = read
    source = report.relative(path)
    slug = header.slug or slugify(header.title)
    base_url = _setting(settings, "GUIDE_URL")
    if slug in RESERVED_SLUGS:
        report.error(
            path,
            address_field(fields, "slug", "title")[1],
            "slug",
            f"the address /{base_url}{slug}/ is the guide's own {slug} page",
            f"write a 'Slug:' line with another address, e.g. 'Slug: {slug}-chapter'",
        )
        return None
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
            header.chapter, header.title, header.summary, "planned", slug, source
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
    html, print_html, tokens = converters.convert(body, slug, report, path, body_line)
    base = edit_base(settings)
    chapter = GuideChapter(
        place=header.chapter,
        title=header.title,
        summary=header.summary,
        status="written",
        slug=slug,
        source=source,
        content=html,
        print_content=print_html,
        sections=tuple(Section(t["id"], t["name"]) for t in tokens if t["level"] == 2),
        url=f"{base_url}{slug}/",
        save_as=f"{base_url}{slug}/index.html",
        edit_url=f"{base}{source}" if base else None,
    )
    return chapter, fields


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


class GuideGenerator(Generator):
    """Read content/guide/*.md into a :class:`Guide`; write its home, chapters and print page."""

    def generate_context(self):
        """Read, validate and order every chapter; publish ``guide`` into the context."""
        folder = Path(self.path) / _setting(self.settings, "GUIDE_PATH")
        converters = _Converters(self.settings)
        chapters = []
        report = self.settings["SITE_PROBLEMS"]
        for path in content_files(folder, ["*.md"], report, self.settings["IGNORE_FILES"]):
            read = read_chapter(path, self.settings, converters)
            if read is not None:
                chapters.append((path, *read))
        base_url = _setting(self.settings, "GUIDE_URL")
        ordered = check_unique(chapters, base_url, report)
        self.guide = Guide(tuple(ordered), base_url, f"{base_url}print/") if ordered else None
        self.context["guide"] = self.guide

    def top_level_paths(self) -> dict[str, str]:
        """The folder of the site the guide writes (site_core's address check)."""
        return {top_level(_setting(self.settings, "GUIDE_URL")): "the guide"}

    def generate_output(self, writer):
        """Write the guide home, one page per written chapter, and the print page."""
        if self.guide is None:
            return
        base = _setting(self.settings, "GUIDE_URL")
        writer.write_file(
            f"{base}index.html", self.get_template("guide/index"), self.context, guide=self.guide
        )
        template = self.get_template("guide/chapter")
        for chapter in self.guide.written:
            previous, following = self.guide.previous_and_next(chapter)
            writer.write_file(
                chapter.save_as,
                template,
                self.context,
                chapter=chapter,
                previous_chapter=previous,
                next_chapter=following,
            )
        writer.write_file(
            f"{base}print/index.html",
            self.get_template("guide/print"),
            self.context,
            guide=self.guide,
        )


def get_generators(pelican):
    """Add the guide's generator to Pelican's."""
    return GuideGenerator


def register():
    """Connect the guide to Pelican."""
    signals.get_generators.connect(get_generators)
