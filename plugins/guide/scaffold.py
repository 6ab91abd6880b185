"""A new chapter of the organizing guide, numbered after the last one."""

from __future__ import annotations

from pathlib import Path
import re

from site_core.slugs import slugify

CHAPTER_LINE = re.compile(r"^Chapter:\s*(\d+)\s*$", re.MULTILINE | re.IGNORECASE)


def next_chapter_number(folder: Path) -> int:
    """One more than the highest ``Chapter:`` of the guide's files."""
    numbers = [
        int(match[1])
        for path in folder.glob("*.md")
        if (match := CHAPTER_LINE.search(path.read_text(encoding="utf-8", errors="replace")))
    ]
    return max(numbers, default=0) + 1


def chapter_file(
    folder: Path, title: str, number: int | None = None, status: str = "planned"
) -> tuple[Path, str]:
    """Return the path and text of a new guide chapter."""
    number = number or next_chapter_number(folder)
    slug = slugify(title)
    lines = [f"Title: {title}", f"Chapter: {number}", f"Slug: {slug}", f"Status: {status}"]
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
