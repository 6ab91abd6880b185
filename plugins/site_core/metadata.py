"""Markdown files with a ``Field: value`` header, read once with the line of every field.

Guide chapters and charters are prose with a few metadata lines on top, the
same form as Pelican's pages::

    Title: Canvassing: the Rap
    Chapter: 4
    Status: planned

    The text, in Markdown.

HTML comment lines above the fields (``<!-- content/guide/x.md -->``) are skipped.

:func:`read_markdown_file` splits the header from the body and returns the
header as a :class:`~site_core.yamlfile.LineDict` (keys lower-cased), so
:func:`~site_core.validation.validate` reports each mistake at its line.
:func:`markdown_converter` converts their bodies with the site's ``MARKDOWN``
settings (heading anchors, callouts), as Pelican does for pages.
"""

from __future__ import annotations

from pathlib import Path
import re

import markdown

from .problems import ProblemReport
from .validation import M, validate
from .yamlfile import LineDict, read_text

_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9 _-]*):(?:\s+(.*))?$")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")


def read_markdown_file(path: Path, report: ProblemReport) -> tuple[LineDict, str, int] | None:
    """Return (header fields, Markdown body, line where the body starts), or None on a problem."""
    text = read_text(path, report)
    if text is None:
        return None
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    header = LineDict()
    header.line = 1
    header.key_lines = {}
    number = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            break
        if not header and _COMMENT.match(line):  # e.g. <!-- content/guide/x.md --> on top
            continue
        match = _FIELD.match(line)
        if not match:
            report.error(
                path,
                number,
                None,
                f"is not a 'Field: value' line (got {line.strip()!r})",
                "the lines above the first blank line are fields; leave one before the text",
            )
            continue
        key, value = match.group(1).strip().lower(), (match.group(2) or "").strip()
        if key in header.key_lines:
            report.error(
                path,
                number,
                key,
                f"is written twice (first on line {header.key_lines[key]})",
                "keep one",
            )
            continue
        header[key] = value
        header.key_lines[key] = number
    else:
        number = len(lines)
    body = "\n".join(lines[number:])
    return header, body, number + 1


def read_and_validate(path: Path, model: type[M], report: ProblemReport):
    """Read a header + body file and validate its header with ``model``.

    Return (model, header fields, body, body line), or None when the file or its header
    has a problem (already reported).
    """
    read = read_markdown_file(path, report)
    if read is None:
        return None
    fields, body, body_line = read
    header = validate(model, fields, path, report)
    return None if header is None else (header, fields, body, body_line)


def markdown_converter(settings: dict, overrides: dict | None = None) -> markdown.Markdown:
    """Return a converter with the site's MARKDOWN settings plus ``overrides``."""
    configs = {
        name: dict(config)
        for name, config in settings["MARKDOWN"].get("extension_configs", {}).items()
        if name != "markdown.extensions.meta"  # the header is read by read_markdown_file
    }
    for name, config in (overrides or {}).items():
        configs[name] = {**configs.get(name, {}), **config}
    return markdown.Markdown(
        extensions=list(configs),
        extension_configs=configs,
        output_format=settings["MARKDOWN"].get("output_format", "html5"),
    )
