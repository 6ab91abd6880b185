"""A new chapter of the organizing guide, placed where asked without touching other files.

Its ``Chapter:`` is a place between its neighbours' (4.5 between 4 and 5; see
``model.place_after``), so no other file is renumbered.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from site_core.i18n import SiteLanguages
from site_core.metadata import read_and_validate
from site_core.problems import ProblemReport
from site_core.slugs import slugify
from site_core.suggest import did_you_mean
from site_core.translations import language_of_file

from .model import ChapterHeader, place_after


class UnknownChapter(SystemExit):
    """``--after`` names no chapter of the guide: nothing was written."""


def book_order(folder: Path) -> list[tuple[Decimal, str]]:
    """(place, slug) of each readable chapter, in order (the check reports the others);
    translations (``x.es.md``) take the place of their original, not one of their own."""
    report = ProblemReport(root=folder.parent.parent)
    chapters = []
    for path in sorted(folder.glob("*.md")):
        if language_of_file(path, SiteLanguages())[1] is not None:
            continue
        read = read_and_validate(path, ChapterHeader, report)
        if read is not None:
            header = read[0]
            chapters.append((header.chapter, header.slug or slugify(header.title)))
    return sorted(chapters)


def new_place(chapters: list[tuple[Decimal, str]], number: int = 0, after: str = "") -> str:
    """The ``Chapter:`` of a new chapter: after the chapter ``after`` (a slug), as the
    ``number``-th chapter readers see, or at the end."""
    places = [place for place, _ in chapters]
    if after:
        slugs = [slug for _, slug in chapters]
        if after not in slugs:
            raise UnknownChapter(
                f"--after {after}: no chapter of the guide has that address; "
                + did_you_mean(after, slugs, f"choose one of {', '.join(slugs) or '(none yet)'}")
            )
        index = slugs.index(after) + 1
    else:
        index = min(number - 1, len(places)) if number > 0 else len(places)
    before = places[index - 1] if index > 0 else Decimal(0)
    return place_after(before, places[index] if index < len(places) else None)


def chapter_file(
    folder: Path, title: str, number: int = 0, status: str = "planned", after: str = ""
) -> tuple[Path, str]:
    """Return the path and text of a new guide chapter (see :func:`new_place`)."""
    place = new_place(book_order(folder), number, after)
    slug = slugify(title)
    lines = [f"Title: {title}", f"Chapter: {place}", f"Slug: {slug}", f"Status: {status}"]
    if status == "written":
        lines += [
            "Summary: One or two sentences on what this chapter teaches.",
            "",
            "The chapter's text, in Markdown.",
            "",
            "## A first section",
            "",
            "Text of the section.",
        ]
    return folder / f"{slug}.md", "\n".join(lines) + "\n"
