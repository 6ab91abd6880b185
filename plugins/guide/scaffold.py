"""A new chapter of the organizing guide, numbered after the last one."""

from __future__ import annotations

from pathlib import Path
import re

from site_core.problems import ProblemReport
from site_core.slugs import slugify
from site_core.yamlfile import read_text

CHAPTER_LINE = re.compile(r"^Chapter:\s*(\d+)\s*$", re.MULTILINE | re.IGNORECASE)


def next_chapter_number(folder: Path) -> int:
    """One more than the highest ``Chapter:`` of the guide's files (unreadable ones skipped)."""
    report = ProblemReport(root=folder.parent.parent)  # the check after the task reports them
    numbers = [
        int(match[1])
        for path in folder.glob("*.md")
        if (text := read_text(path, report)) and (match := CHAPTER_LINE.search(text))
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
