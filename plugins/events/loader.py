"""Read every ``content/events/*.yml`` file once and turn it into typed events.

Each file is parsed once with :func:`~site_core.yamlfile.load_yaml`, each item
is validated with :class:`~events.model.EventEntry` and completed with
:func:`~events.model.build_event`. Every problem in every file is recorded in
the build's report (``'Door knocking in Atwood'.start: ...``) and reading goes
on, so an editor sees all mistakes at once.
"""

from __future__ import annotations

from pathlib import Path

from site_core.problems import ProblemReport
from site_core.validation import validate
from site_core.yamlfile import LineDict, LineList, load_yaml

from .model import BuildFacts, Event, EventEntry, build_event

PATTERNS = ("*.yml", "*.yaml")


def event_prefix(item, index: int) -> str:
    """How problems name an event: by its title, else by its place in the file."""
    title = item.get("title") if isinstance(item, dict) else None
    if isinstance(title, str) and title.strip():
        return f"'{title.strip()}'."
    return f"event {index + 1}."


def load_file(path: Path, report: ProblemReport, facts: BuildFacts) -> list[Event]:
    """Read one events file; problems go to ``report``."""
    data = load_yaml(path, report)
    if data is None:
        return []
    if not isinstance(data, LineList):
        report.error(
            path,
            getattr(data, "line", None),
            None,
            "must be a list of events",
            "start each event with '- title: ...' (see docs/editing/events.md)",
        )
        return []
    events = []
    source = report.relative(path)
    for index, item in enumerate(data):
        prefix = event_prefix(item, index)
        if not isinstance(item, LineDict):
            report.error(
                path,
                data.item_lines[index],
                prefix.rstrip("."),
                f"must be a block of 'field: value' lines (got {item!r})",
                "start the event with '- title: ...' and indent its other lines under it",
            )
            continue
        entry = validate(EventEntry, item, path, report, field_prefix=prefix)
        if entry is None:
            continue
        event = build_event(entry, item, path, report, prefix, facts, source)
        if event is not None:
            events.append(event)
    return events


def load_events(folder: Path, report: ProblemReport, facts: BuildFacts) -> list[Event]:
    """Read every events file in ``folder``; two events may not share a slug."""
    files = sorted({p for pattern in PATTERNS for p in folder.glob(pattern) if p.is_file()})
    events: list[Event] = []
    first_by_slug: dict[str, Event] = {}
    for path in files:
        for event in load_file(path, report, facts):
            if event.slug in first_by_slug:
                other = first_by_slug[event.slug]
                report.error(
                    path,
                    event.line,
                    f"'{event.title}'.slug",
                    f"'{event.slug}' is already the address of '{other.title}' ({other.source})",
                    "give one of them another 'slug:'",
                )
                continue
            first_by_slug[event.slug] = event
            events.append(event)
    events.sort(key=lambda e: (e.occurrences[0].start, e.slug))
    return events
