"""The organizing guide's chapters: the header fields an editor writes, and the built chapter.

A chapter file is Markdown with a ``Field: value`` header (see
docs/editing/guide.md). :class:`ChapterHeader` is the one statement of what
that header may hold; :class:`GuideChapter` is a chapter ready for templates;
:class:`Guide` is the whole book in chapter order.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import field_validator

from site_core.chapter import Strict
from site_core.metadata import check_choice
from site_core.slugs import Slug

STATUSES = ("written", "planned")
#: Slugs the guide uses for its own pages.
RESERVED_SLUGS = ("print",)


class ChapterHeader(Strict):
    """The fields on top of a chapter file."""

    title: str
    chapter: int
    summary: str | None = None
    status: str = "written"
    slug: Slug | None = None

    @field_validator("chapter", mode="before")
    @classmethod
    def _chapter_number(cls, value):
        text = str(value).strip().rstrip(".")
        if not text.isdigit() or int(text) < 1:
            raise ValueError(
                f"must be the chapter's number, 1 or more (got {value!r}); write e.g. 'Chapter: 4'"
            )
        return int(text)

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value):
        return check_choice(value, STATUSES)


@dataclass(frozen=True, slots=True)
class Section:
    """One ``##`` section of a chapter, with its anchor."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class GuideChapter:
    """One chapter, ready for templates. Planned chapters have no text and no page."""

    number: int
    title: str
    summary: str | None
    status: str
    slug: str
    source: str  # the file, relative to the project, for "edit this page"
    content: str = ""  # HTML of the chapter page
    print_content: str = ""  # for the print page: headings a level down, ids prefixed
    sections: tuple[Section, ...] = ()
    url: str = ""
    save_as: str = ""
    edit_url: str | None = None

    @property
    def written(self) -> bool:
        """True if the chapter has text and a page."""
        return self.status == "written"


@dataclass(frozen=True)
class Guide:
    """The whole book, in chapter order."""

    chapters: tuple[GuideChapter, ...]
    url: str
    print_url: str

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
