"""Read every ``content/events/*.yml`` file once and turn it into typed events.

A file holds a list of events, or one event as a mapping (the form of the
browser editor, which writes one file per event).

Each file is parsed once with :func:`~site_core.yamlfile.load_yaml`, each item
is validated with :class:`~events.entry.EventEntry` and completed with
:func:`~events.rules.build_event`. Every problem in every file is recorded in
the build's report (``'Door knocking in Atwood'.start: ...``) and reading goes
on, so an editor sees all mistakes at once.

With a :class:`~events.cache.ReadCache` (Pelican's content cache on), a file
unchanged since a build in which it had no problem is not read again; the rules
that depend on the build date or on other files are applied to it as to a file
just read, so the report is the same with and without the cache.
"""

from __future__ import annotations

from pathlib import Path

from site_core.addresses import AddressBook
from site_core.contentfiles import content_files
from site_core.problems import ProblemReport
from site_core.validation import validate
from site_core.yamlfile import LineDict, LineList, load_yaml

from .cache import FileReading, ReadCache
from .entry import EventEntry
from .event import Event
from .rules import BuildFacts, build_event, far_away, start_of

PATTERNS = ("*.yml", "*.yaml")


def event_prefix(item, index: int) -> str:
    """How problems name an event: by its title, else by its place in the file."""
    title = item.get("title") if isinstance(item, dict) else None
    if isinstance(title, str) and title.strip():
        return f"'{title.strip()}'."
    return f"event {index + 1}."


def read_file(path: Path, report: ProblemReport, facts: BuildFacts) -> FileReading:
    """Read one events file, keeping what a later build date must check again."""
    reading = FileReading([], [])
    data = load_yaml(path, report)
    if data is None:
        return reading
    if isinstance(data, LineDict):  # one event in its own file (as the browser editor writes)
        items, lines = [data], [data.line]
    elif isinstance(data, LineList):
        items, lines = list(data), data.item_lines
    else:
        report.error(
            path,
            getattr(data, "line", None),
            None,
            "must be one event ('title: ...') or a list of events",
            "start each event with '- title: ...' (see docs/editing/events.md)",
        )
        return reading
    source = report.relative(path)
    for index, item in enumerate(items):
        prefix = event_prefix(item, index)
        if not isinstance(item, LineDict):
            report.error(
                path,
                lines[index],
                prefix.rstrip("."),
                f"must be a block of 'field: value' lines (got {item!r})",
                "start the event with '- title: ...' and indent its other lines under it",
            )
            continue
        entry = validate(
            EventEntry,
            item,
            path,
            report,
            field_prefix=prefix,
            context={"languages": facts.languages},
        )
        if entry is None:
            continue
        event = build_event(entry, item, path, report, prefix, facts, source)
        if event is not None:
            reading.events.append(event)
            start = start_of(entry, event.zone)
            reading.starts.append((start, item.line_of("start"), f"{prefix}start"))
    return reading


def _read_cached(
    path: Path, report: ProblemReport, facts: BuildFacts, cache: ReadCache | None
) -> list[Event]:
    """The events of one file: from the cache if it is unchanged, else read (and cached)."""
    reading = cache.get(path) if cache is not None else None
    if reading is None:
        before = len(report.problems)
        reading = read_file(path, report, facts)
        if cache is not None and len(report.problems) == before:
            cache.put(path, reading)
        return reading.events
    for start, line, field in reading.starts:  # as build_event does, against this build's date
        far = far_away(start, facts.now)
        if far:
            report.warning(path, line, field, *far)
    return reading.events


def load_events(
    folder: Path,
    report: ProblemReport,
    facts: BuildFacts,
    cache: ReadCache | None = None,
    ignores: tuple[str, ...] = (),
) -> list[Event]:
    """Read every events file in ``folder``; two events may not share an address."""
    files = content_files(folder, PATTERNS, report, ignores)  # before the cache looks at them
    events: list[Event] = []
    addresses = AddressBook(report)
    for path in files:
        for event in _read_cached(path, report, facts, cache):
            if addresses.claim(
                event.save_as,
                f"'{event.title}' ({event.source}:{event.slug_line})",
                path,
                event.slug_line,
                f"'{event.title}'.slug",
                "give one of them another 'slug:'",
            ):
                events.append(event)
    events.sort(key=lambda e: (e.spans[0].start, e.slug))
    return events
