"""Read .ics files with five readers the site does not write with, for the interoperability tests.

Each reader turns a file into :class:`Seen` records, one per VEVENT occurrence it
finds: UID, URL, SUMMARY, and start and end as UTC instants, or dates for an
all-day event (end exclusive, as in the file). In Python: icalendar with
recurring-ical-events (expanded), vobject (``readComponents``, ``getrruleset``)
and ics-py; in Node (``tests/ics_readers.mjs``, one process per reader for all
files): ical.js and node-ical. A time a reader could not place in its zone stays
naive (or lands in the Node process's far-away zone), and compares unequal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
import json
import os
from pathlib import Path
import subprocess

import icalendar
import ics
import recurring_ical_events
import vobject

from sitebuild import ROOT

READERS = ("icalendar", "vobject", "ics-py", "ical.js", "node-ical")
NODE_SCRIPT = Path(__file__).with_name("ics_readers.mjs")
#: The Node readers' local zone: far from every zone the tests write, and with its own DST.
NODE_TZ = "Australia/Lord_Howe"
NODE_TIMEOUT = 120  # seconds, for all files of one reader


@dataclass(frozen=True, slots=True)
class Seen:
    """One occurrence as a reader understood it."""

    uid: str
    url: str | None
    summary: str
    start: datetime | date
    end: datetime | date | None

    @property
    def slug(self) -> str | None:
        """The event's slug, from its page's address (``.../events/<slug>/``)."""
        return self.url.rstrip("/").rsplit("/", 1)[-1] if self.url else None


def _moment(value) -> datetime | date | None:
    """A reader's date or time as a UTC instant (aware) or a date; naive stays naive."""
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo is not None else value
    return value


def _text(value) -> str | None:
    return None if value is None else str(value)


def read_icalendar(text: str) -> list[Seen]:
    """icalendar, every occurrence expanded by recurring-ical-events."""
    calendar = icalendar.Calendar.from_ical(text)
    occurrences = recurring_ical_events.of(calendar).between((1990, 1, 1), (2050, 1, 1))
    return [
        Seen(
            str(event["UID"]),
            _text(event.get("URL")),
            str(event["SUMMARY"]),
            _moment(event.start),
            _moment(event.end) if "DTEND" in event else None,
        )
        for event in occurrences
    ]


#: vobject keeps each zone it reads in one map for the whole process, and a zone already in
#: it is not read again: a calendar read after another with a different VTIMEZONE of the same
#: TZID (other years) would be read with the first. Each read starts as a fresh process does.
_VOBJECT_ZONES = vars(vobject.icalendar)["__tzidMap"]
_VOBJECT_ZONES_AT_START = dict(_VOBJECT_ZONES)


def read_vobject(text: str) -> list[Seen]:
    """vobject (inside Radicale): its own VTIMEZONE reading, ``getrruleset(addRDate=True)``."""
    _VOBJECT_ZONES.clear()
    _VOBJECT_ZONES.update(_VOBJECT_ZONES_AT_START)
    seen = []
    for calendar in vobject.readComponents(text):
        for event in calendar.contents.get("vevent", []):
            start = event.dtstart.value
            rules = event.getrruleset(addRDate=True)
            end = event.dtend.value if "dtend" in event.contents else None
            for found in list(rules) if rules is not None else [start]:
                all_day = not isinstance(start, datetime) and isinstance(found, datetime)
                occurrence = found.date() if all_day else found
                # Another occurrence of a rule lasts as long as the first.
                same = end is None or occurrence == start
                until = end if same else occurrence + (end - start)
                seen.append(
                    Seen(
                        event.uid.value,
                        event.url.value if "url" in event.contents else None,
                        event.summary.value,
                        _moment(occurrence),
                        _moment(until),
                    )
                )
    return seen


def read_ics_py(text: str) -> list[Seen]:
    """ics-py 0.7: an all-day event's begin and end are midnights, kept as dates."""
    seen = []
    for event in ics.Calendar(text).events:
        start, end = event.begin.datetime, event.end.datetime if event.has_end() else None
        if event.all_day:
            start, end = start.date(), end.date() if end else None
        seen.append(Seen(event.uid, event.url, event.name, _moment(start), _moment(end)))
    return seen


PYTHON_READERS = {"icalendar": read_icalendar, "vobject": read_vobject, "ics-py": read_ics_py}


def _from_json(value: str | None) -> datetime | date | None:
    if value is None:
        return None
    if len(value) == 10:
        return date.fromisoformat(value)
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)


def read_with_node(reader: str, files: list[Path]) -> dict[Path, list[Seen]]:
    """Read every file with one Node process of ``reader`` (ical.js or node-ical)."""
    result = subprocess.run(
        ["node", str(NODE_SCRIPT), reader, *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=NODE_TIMEOUT,
        env={**os.environ, "TZ": NODE_TZ},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return {
        path: [
            Seen(
                e["uid"],
                e["url"],
                e["summary"],
                _from_json(e["start"]),
                _from_json(e["end"]),
            )
            for e in data[str(path)]
        ]
        for path in files
    }


def read_all(reader: str, files: list[Path]) -> dict[Path, list[Seen]]:
    """What ``reader`` sees in each file."""
    if reader in PYTHON_READERS:
        read = PYTHON_READERS[reader]
        return {path: read(path.read_bytes().decode("utf-8")) for path in files}
    return read_with_node(reader, files)
