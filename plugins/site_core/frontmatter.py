"""Markdown files with YAML front matter, read once, with file line numbers kept.

A file looks like::

    ---
    name: Maria Exampleton
    office: Common Council
    ---
    The Markdown body.

The front matter goes through :func:`~site_core.yamlfile.parse_yaml`, so its
values know their line *in the file* (the opening ``---`` is YAML's own
document marker, and the text is parsed from the file's first line). Blank
lines and one-line HTML comments (``<!-- content/x.md -->``) may come before
the opening ``---``. ``body_line`` is the file line of the body's first line,
so a check on the body can name its line too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import ProblemReport
from .yamlfile import parse_yaml, read_text

FENCE = "---"


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The parsed metadata of one Markdown file, and its body."""

    data: object  # a LineDict when the front matter is a block of fields
    body: str
    body_line: int


def _skippable(line: str) -> bool:
    text = line.strip()
    return not text or (text.startswith("<!--") and text.endswith("-->"))


def load_front_matter(path: Path, report: ProblemReport) -> FrontMatter | None:
    """Read a Markdown file with front matter; on any mistake record it and return None."""
    text = read_text(path, report)
    if text is None:
        return None
    lines = text.removeprefix("\ufeff").split("\n")
    start = next((i for i, line in enumerate(lines) if not _skippable(line)), len(lines))
    if start == len(lines) or lines[start].rstrip() != FENCE:
        report.error(
            path,
            start + 1,
            None,
            "must start with a line '---', then the fields, then another '---'",
            "see docs/editing for an example to copy",
        )
        return None
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].rstrip() in (FENCE, "...")), None
    )
    if end is None:
        report.error(
            path,
            start + 1,
            None,
            "the fields opened with '---' here are never closed",
            "add a line '---' after the last field",
        )
        return None
    if all(not line.strip() or line.lstrip().startswith("#") for line in lines[start + 1 : end]):
        report.error(path, start + 2, None, "has no fields between the '---' lines", "add them")
        return None
    # Lines before the opening fence become blank lines, so YAML's line numbers are the file's.
    data = parse_yaml("\n" * start + "\n".join(lines[start:end]) + "\n", path, report)
    return FrontMatter(data, "\n".join(lines[end + 1 :]), end + 2) if data is not None else None
