"""Check the ``Field: value`` lines at the top of Markdown pages and news posts.

Pelican accepts any field name and silently ignores what it does not know, so a
typo (``Titel:``, ``Slgu:``) goes unnoticed until a reader sees a broken page.
This check reads only the header of each Markdown file in the page and article
folders, once, and reports unknown fields with a suggestion, missing titles,
unknown templates and statuses, dates that do not parse, and files that are not
UTF-8 text, each with its line.
"""

from __future__ import annotations

import difflib
from pathlib import Path
import re

from pelican.utils import get_date

from .problems import ProblemReport

MAX_BYTES = 2_000_000
#: The fields Pelican and our theme understand in a page's or post's header.
KNOWN_FIELDS = {
    "title",
    "slug",
    "summary",
    "date",
    "modified",
    "template",
    "save_as",
    "url",
    "status",
    "lang",
    "translation",
    "author",
    "authors",
    "category",
    "tags",
    "keywords",
    "noindex",
}
STATUSES = {"published", "hidden", "draft"}
_FIELD = re.compile(r"^(?P<key>[A-Za-z][\w-]*)\s*:(?P<value>.*)$")
_INTERNAL_LINK = re.compile(r"\{(?:filename|static|attach)\}(?P<target>[^)\s\"'#?]+)")


def _header(lines: list[str]):
    """Yield (line number, key, value) for each field of a Markdown header."""
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            return
        match = _FIELD.match(text)
        if match:
            yield number, match["key"], match["value"].strip()
        elif not text.startswith((" ", "\t")):
            yield number, None, text
            return


def check_markdown_file(
    path: Path, content: Path, report: ProblemReport, templates: set[str], extra: set[str]
) -> None:
    """Check one Markdown file's header; record problems in ``report``."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        report.error(
            path,
            None,
            None,
            f"is {len(raw):,} bytes, more than {MAX_BYTES:,}",
            "split it into several pages",
        )
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        report.error(
            path,
            raw[: exc.start].count(b"\n") + 1,
            None,
            "is not UTF-8 text",
            "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
        )
        return
    if not text.strip():
        report.error(path, None, None, "is empty", "add 'Title: ...' and some text, or delete it")
        return
    known = KNOWN_FIELDS | extra
    seen = {}
    for line, key, value in _header(text.splitlines()[:60]):
        if key is None:
            if not seen:
                report.error(
                    path,
                    line,
                    "Title",
                    "is missing: the file must start with 'Title: ...'",
                    "add a first line 'Title: The page title' then a blank line",
                )
            break
        name = key.lower()
        if name in seen:
            report.error(
                path, line, key, f"is written twice (first on line {seen[name]})", "keep one"
            )
        seen[name] = line
        if name not in known:
            close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
            hint = (
                f"did you mean '{close[0].capitalize()}'?"
                if close
                else f"known fields: {', '.join(sorted(f.capitalize() for f in known))}"
            )
            report.error(path, line, key, "is not a field pages know", hint)
        elif name == "template" and value not in templates:
            close = difflib.get_close_matches(value, sorted(templates), n=1)
            report.error(
                path,
                line,
                key,
                f"names no template of the theme (got {value!r})",
                f"did you mean '{close[0]}'?" if close else "remove the line",
            )
        elif name == "status" and value.lower() not in STATUSES:
            report.error(
                path,
                line,
                key,
                f"must be one of {', '.join(sorted(STATUSES))} (got {value!r})",
                "write 'Status: draft' to keep a page unpublished",
            )
        elif name in {"date", "modified"}:
            try:
                get_date(value)
            except (ValueError, OverflowError):
                report.error(
                    path,
                    line,
                    key,
                    f"is not a date (got {value!r})",
                    "write it as 2026-11-25 or 2026-11-25 18:30",
                )
    if "title" not in seen and seen:
        report.error(
            path, 1, "Title", "is missing", "add a line 'Title: The page title' at the top"
        )
    check_internal_links(path, content, text, report)


def check_internal_links(path: Path, content: Path, text: str, report: ProblemReport) -> None:
    """Report ``{filename}`` links to files that do not exist, with their line."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _INTERNAL_LINK.finditer(line):
            target = match["target"]
            resolved = (
                content / target.lstrip("/") if target.startswith("/") else path.parent / target
            )
            if not resolved.exists():
                report.error(
                    path,
                    number,
                    "link",
                    f"points to a file that does not exist ({target})",
                    "check the file name under content/, e.g. {filename}/pages/about.md",
                )


def check_front_matter(settings: dict, report: ProblemReport, templates: set[str]) -> None:
    """Check every Markdown page and news post of the site."""
    content = Path(settings["PATH"])
    extra = {name.lower() for name in settings.get("EXTRA_FRONT_MATTER_FIELDS", ())}
    for folder in (*settings["PAGE_PATHS"], *settings["ARTICLE_PATHS"]):
        for path in sorted((content / folder).rglob("*.md")):
            check_markdown_file(path, content, report, templates, extra)
