"""A new events file holding one event, written from an editor's answers."""

from __future__ import annotations

import json
from pathlib import Path

from site_core.slugs import slugify

from .model import EVENT_TYPES

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/events.schema.json"
#: When to use a list and when one event per file (docs/editing/events.md).
LIST_OR_ONE = (
    "# A list: add related events below, each starting with '- title:'. The browser editor\n"
    "# (/admin/) writes one event per .yaml file instead, without the '- '; both are read."
)


def _quoted(text: str) -> str:
    """A YAML scalar that survives colons, quotes and '#' (a JSON string is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def event_file(
    folder: Path,
    title: str,
    type: str,
    start: str,
    location: str = "",
    address: str = "",
    online: str = "",
    rsvp: str = "",
    description: str = "",
) -> tuple[Path, str]:
    """Return the path and text of ``content/events/<date>-<title>.yml`` with one event."""
    if type not in EVENT_TYPES:
        raise SystemExit(f"type: must be one of {', '.join(EVENT_TYPES)} (got {type!r})")
    lines = [
        SCHEMA_LINE,
        LIST_OR_ONE,
        "",
        f"- title: {_quoted(title)}",
        f"  type: {type}",
        f"  start: {start}",
    ]
    for name, value in (
        ("location", location),
        ("address", address),
        ("online", online),
        ("rsvp", rsvp),
    ):
        if value:
            lines.append(f"  {name}: {_quoted(value)}")
    if not (location or online):
        lines.append('  location: "Where? A place name, or use online: https://..."')
    if description:
        lines += ["  description: |", *(f"    {line}" for line in description.splitlines())]
    return folder / f"{start[:10]}-{slugify(title, max_length=60)}.yml", "\n".join(lines) + "\n"
