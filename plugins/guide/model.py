"""The organizing guide's chapters: the header fields an editor writes, and the built chapter.

A chapter file is Markdown with a ``Field: value`` header (see
docs/editing/guide.md). :class:`ChapterHeader` is the one statement of what
that header may hold, :class:`ChapterTranslationHeader` that of a translation
(``x.es.md``); :class:`GuideChapter` is a chapter ready for templates, in one language;
:class:`Guide` is the whole book in chapter order, in one language (chapters not
translated into it are there in the original's).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
import re
from typing import Annotated, Literal

from pydantic import field_validator

from site_core.fields import AnyCase, Strict
from site_core.slugs import Slug
from site_core.translated_headers import TranslationFields

STATUSES = ("written", "planned")
#: Slugs the guide uses for its own pages.
RESERVED_SLUGS = ("print",)
#: A chapter's place in the book: 4, or 4.5 to go between 4 and 5 (a trailing '.' is forgiven).
_PLACE = re.compile(r"^(\d+(?:\.\d+)?)\.?$")


def place_text(place: Decimal) -> str:
    """A place as an editor writes it: 4, 4.5 (never 4.50 or 1E+1)."""
    return f"{place.normalize():f}"


def place_after(place: Decimal, following: Decimal | None = None) -> str:
    """The shortest place after ``place`` and before ``following`` (None: at the end).

    After 4 at the end: 5; between 4 and 5: 4.5; between 4.5 and 5: 4.8; between 4 and 4.1:
    4.05. With as few decimals as will fit, near the middle, so later chapters fit on both sides.
    """
    if following is None:
        return place_text(place.to_integral_value(rounding="ROUND_FLOOR") + 1)
    digits = 0
    while True:
        step = Decimal(1).scaleb(-digits)
        candidate = (place // step + 1) * step
        if candidate < following:
            halfway = ((place + following) / 2).quantize(step)
            return place_text(halfway if place < halfway < following else candidate)
        digits += 1


class ChapterHeader(Strict):
    """The fields on top of a chapter file."""

    title: str
    chapter: Decimal
    summary: str | None = None
    status: Annotated[Literal[STATUSES], AnyCase] = "written"  # type: ignore[valid-type]
    slug: Slug | None = None

    @field_validator("chapter", mode="before")
    @classmethod
    def _chapter_place(cls, value):
        match = _PLACE.match(str(value).strip())
        if not match or Decimal(match[1]) <= 0:
            raise ValueError(
                f"must be the chapter's place in the book, a number above 0 (got {value!r}); "
                "write e.g. 'Chapter: 4', or 'Chapter: 4.5' to go between 4 and 5"
            )
        return Decimal(match[1])


class ChapterTranslationHeader(ChapterHeader, TranslationFields):
    """The fields on top of a chapter's translation: its own title, summary and slug; its
    place and status are the original's (see ``site_core.translated_headers``)."""

    chapter: Decimal | None = None
    status: Annotated[Literal[STATUSES], AnyCase] | None = None  # type: ignore[valid-type]


@dataclass(frozen=True, slots=True)
class Section:
    """One ``##`` section of a chapter, with its anchor."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class GuideChapter:
    """One chapter, ready for templates. Planned chapters have no text and no page.

    ``place`` is the ``Chapter:`` an editor wrote (it orders the book); ``number`` is the
    chapter's number as readers see it, 1 to n in that order. ``lang`` is the language of
    its text (a book in Spanish holds the chapters not yet translated in the original's).
    """

    place: Decimal
    title: str
    summary: str | None
    status: str
    slug: str
    source: str  # the file, relative to the project, for "edit this page"
    number: int = 0  # set once the book is in order
    content: str = ""  # HTML of the chapter page
    print_content: str = ""  # for the print page: headings a level down, ids prefixed
    sections: tuple[Section, ...] = ()
    url: str = ""
    save_as: str = ""
    edit_url: str | None = None
    lang: str = ""
    digest: str = ""  # source_digest of the title and text (an original's, for translations)

    @property
    def written(self) -> bool:
        """True if the chapter has text and a page."""
        return self.status == "written"


@dataclass(frozen=True)
class Guide:
    """The whole book in one language (``lang``), in chapter order."""

    chapters: tuple[GuideChapter, ...]
    url: str
    print_url: str
    lang: str = ""

    @property
    def written(self) -> tuple[GuideChapter, ...]:
        """The chapters that have a page, in order."""
        return tuple(c for c in self.chapters if c.written)

    def previous_and_next(self, chapter: GuideChapter):
        """The written chapters before and after ``chapter`` (None at either end)."""
        written = self.written
        index = written.index(chapter)
        previous = written[index - 1] if index > 0 else None
        following = written[index + 1] if index + 1 < len(written) else None
        return previous, following
