"""Check the ``Field: value`` header of Markdown pages and news posts.

Pelican accepts any field name and silently ignores what it does not know, so a
typo (``Titel:``, ``Slgu:``) goes unnoticed until a reader sees a broken page.
This check reads each Markdown file of the page and article folders once (with
:func:`~site_core.metadata.read_markdown_file`, the header reader the guide and
charters use too) and reports unknown fields with a suggestion, a missing
title, unknown templates and statuses, dates that do not parse, slugs and
paths that are not addresses inside the site, and ``{filename}`` links to files
that do not exist, each with its line.
"""

from __future__ import annotations

from datetime import datetime
import os
from pathlib import Path
import re

from pelican.utils import get_date

from .addresses import path_problem
from .contentfiles import ignored
from .metadata import read_markdown_file
from .problems import ProblemReport
from .slugs import slug_problem
from .suggest import closest
from .translated_headers import check_source_hash
from .translations import STATUSES as TRANSLATION_STATUSES
from .yamlfile import LineDict

#: The fields Pelican and our theme understand in a page's or post's header.
KNOWN_FIELDS = {
    "title", "slug", "summary", "date", "modified", "template", "save_as", "url", "status",
    "translation", "author", "authors", "category", "tags", "keywords", "noindex",
    "source-hash", "translation-status",
}  # fmt: skip
STATUSES = ("draft", "hidden", "published")
_INTERNAL_LINK = re.compile(r"\{(?:filename|static|attach)\}(?P<target>[^)\s\"'#?]+)")


def _is_source_hash(value: str) -> bool:
    """Whether ``value`` is a digest as every translation writes it (``translated_headers``)."""
    try:
        check_source_hash(value)
    except ValueError:
        return False
    return True


def _parse_date(value: str) -> None:
    """Parse a date as Pelican does; ISO dates (nearly all) without dateutil's slow parser."""
    try:
        datetime.fromisoformat(value)
    except ValueError:
        get_date(value)


def _field_name(key: str) -> str:
    """A field as editors write it: ``Source-Hash``, ``URL``."""
    return "URL" if key == "url" else "-".join(w.capitalize() for w in key.split("-"))


def _check_field(
    path: Path,
    line: int,
    key: str,
    value: str,
    known: set[str],
    templates: set[str],
    report: ProblemReport,
) -> None:
    name = _field_name(key)
    if key == "lang":
        lang = value or "es"
        stem = re.sub(rf"[-_.]{re.escape(lang)}$", "", path.stem)  # about-es: about.es.md
        report.error(
            path,
            line,
            name,
            "is not how a page says its language: its file name does",
            "remove the line; a translation is named after the file it translates, with"
            f" its language before the extension: {stem}.{lang}{path.suffix}",
        )
    elif key not in known:
        close = closest(key, known)
        hint = (
            f"did you mean '{_field_name(close)}'?"
            if close
            else f"known fields: {', '.join(sorted(_field_name(f) for f in known))}"
        )
        report.error(path, line, name, "is not a field pages know", hint)
    elif key == "template" and value not in templates:
        close = closest(value, templates)
        report.error(
            path,
            line,
            name,
            f"names no template of the theme (got {value!r})",
            f"did you mean '{close}'?" if close else "remove the line",
        )
    elif key == "status" and value.lower() not in STATUSES:
        report.error(
            path,
            line,
            name,
            f"must be one of {', '.join(STATUSES)} (got {value!r})",
            "write 'Status: draft' to keep a page unpublished",
        )
    elif key == "translation-status" and value.lower() not in TRANSLATION_STATUSES:
        report.error(
            path,
            line,
            name,
            f"must be one of {', '.join(TRANSLATION_STATUSES)} (got {value!r})",
            f"did you mean '{close}'?"
            if (close := closest(value.lower(), set(TRANSLATION_STATUSES)))
            else "write 'Translation-Status: draft' until a native speaker has reviewed it",
        )
    elif key == "source-hash" and not _is_source_hash(value):
        report.error(
            path,
            line,
            name,
            f"must be the 12-letter digest of the original (got {value!r})",
            f"run: invoke translations --stamp {report.relative(path)}",
        )
    elif key == "slug" and (problem := slug_problem(value)):
        report.error(path, line, name, *problem)
    elif key in {"save_as", "url"} and (problem := path_problem(value)):
        example = "about/index.html" if key == "save_as" else "about/"
        report.error(path, line, name, problem, f"write e.g. '{name}: {example}'")
    elif key in {"date", "modified"}:
        try:
            _parse_date(value)
        except (ValueError, OverflowError):
            report.error(
                path,
                line,
                name,
                f"is not a date (got {value!r})",
                "write it as 2026-11-25 or 2026-11-25 18:30",
            )


def check_markdown_file(
    path: Path,
    content: Path,
    report: ProblemReport,
    templates: set[str],
    extra: set[str],
    is_post: bool = False,
) -> LineDict | None:
    """Check one page's or post's header and internal links; record problems in ``report``.

    Return the header (with the line of each field), or None if the file could not be read.
    """
    read = read_markdown_file(path, report)
    if read is None:
        return None
    header, body, body_line = read
    if not header and not body.strip():
        report.error(path, None, None, "is empty", "add 'Title: ...' and some text, or delete it")
        return header
    for key, value in header.items():
        _check_field(
            path, header.key_lines[key], key, value, KNOWN_FIELDS | extra, templates, report
        )
    if "title" not in header:
        report.error(
            path, 1, "Title", "is missing", "add a line 'Title: The page title' at the top"
        )
    if is_post and "date" not in header:
        report.error(
            path,
            1,
            "Date",
            "is missing: a news post needs its date",
            "add a line 'Date: 2026-11-25' (or '2026-11-25 18:30') under the title",
        )
    check_internal_links(path, content, body, body_line, report)
    return header


def check_internal_links(
    path: Path, content: Path, body: str, first_line: int, report: ProblemReport
) -> None:
    """Report ``{filename}`` links to files that do not exist, with their line."""
    if "{" not in body:  # most pages: no internal link to check
        return
    for match in _INTERNAL_LINK.finditer(body):
        target = match["target"]
        resolved = content / target.lstrip("/") if target.startswith("/") else path.parent / target
        if not os.path.exists(resolved):  # False, not OSError, for a name too long to exist
            report.error(
                path,
                first_line + body.count("\n", 0, match.start()),
                "link",
                f"points to a file that does not exist ({target})",
                "check the file name under content/, e.g. {filename}/pages/about.md",
            )


def check_front_matter(
    settings: dict, report: ProblemReport, templates: set[str]
) -> dict[Path, LineDict]:
    """Check every Markdown page and news post of the site; return each one's header."""
    content = Path(settings["PATH"])
    extra = {name.lower() for name in settings.get("EXTRA_FRONT_MATTER_FIELDS", ())}
    posts: dict[Path, bool] = {}  # each file once; True for a news post (needs a Date)
    for kind in ("PAGE", "ARTICLE"):
        excluded = [content / folder for folder in settings.get(f"{kind}_EXCLUDES", ())]
        for folder in settings[f"{kind}_PATHS"]:
            for path in (content / folder).rglob("*.md"):
                if not any(path.is_relative_to(e) for e in excluded) and not ignored(
                    path.name, settings["IGNORE_FILES"]
                ):
                    posts[path] = posts.get(path, False) or kind == "ARTICLE"
    headers = {}
    for path in sorted(posts):
        header = check_markdown_file(path, content, report, templates, extra, posts[path])
        if header is not None:
            headers[path] = header
    return headers
