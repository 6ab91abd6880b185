"""The events plugin's own VEVENT writer gives the same bytes as the icalendar library.

``events.ics`` writes VEVENT lines itself because icalendar's per-property
machinery was most of the calendars' build time; these tests hold it to
icalendar's output (escaping, property order, folding at 75 octets without
splitting a UTF-8 character or an escape) for the sample site's events and for
values chosen to hit every rule.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar, Event as VEvent, vUri
import pytest

from events.ics import (
    STATUS,
    SUMMARY_PREFIX,
    Calendars,
    _description,
    _location,
    content_line,
    escape_text,
)
from events.loader import load_events
from events.model import BuildFacts
from site_core.problems import ProblemReport

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
BASE = "https://m4a.example.org"

#: Texts that cross the folding and escaping rules: long ASCII, multi-byte characters
#: around the 75-octet boundary, escapes (backslash, comma, semicolon, newline) there too.
TRICKY_TEXTS = [
    "",
    "short",
    "x" * 73,
    "x" * 74,
    "x" * 75,
    "x" * 200,
    "é" * 40,
    "a" + "é" * 40,
    "日本語のテキスト" * 12,
    "🙂" * 30,
    "x" * 60 + ", ; \\ " * 10,
    "x" * 62 + "\\" + "y" * 80,
    "x" * 61 + ";" * 30,
    "line one\nline two\r\nline three\rfour \\N five",
    "Café, Straße; naïve \\ résumé\n" * 5,
]

TRICKY_EVENTS = """\
- title: "Café Ünïcödé town hall, with commas; semicolons \\\\ and a very long title indeed"
  type: town-hall
  start: 2026-12-05 10:00
  timezone: Europe/Berlin
  location: "Rathaus, Saal 3; 2. Stock"
  address: Marktplatz 1, 10178 Berlin
  online: https://example.org/call?room=1&x=a,b;c
  rsvp: https://example.org/rsvp
  description: |
    Zeile eins mit **fett** und einem [Link](https://example.org/a,b).

    - Punkt, eins
    - Punkt; zwei

    日本語のテキスト日本語のテキスト日本語のテキスト日本語のテキスト日本語のテキスト
  accessibility: "Step-free; ASL, on request"
- title: Cancelled rally in UTC
  type: rally
  start: 2026-12-06 18:00
  timezone: UTC
  location: Capitol Square
  cancelled: true
  cancelled_reason: "Storm warning; see you next week, same place"
- title: Postponed potluck
  type: other
  start: 2026-12-07 18:00
  timezone: Etc/GMT+5
  address_private: true
  rsvp: https://example.org/rsvp/2
  status: postponed
- title: Moved training
  type: training
  start: 2026-12-08 18:00
  previous_start: 2026-12-01 18:00
  status: rescheduled
  online: https://example.org/training
- title: Weekly phonebank
  type: phonebank
  start: 2026-10-06 18:00
  repeat: weekly
  until: 2026-12-29
  online: https://example.org/phonebank
"""


def reference_vevent(calendars: Calendars, occurrence) -> bytes:
    """The VEVENT as icalendar writes it (what events.ics did before it wrote lines itself)."""
    event = occurrence.event
    status, sequence = STATUS[event.status]
    page = f"{calendars.base_url}/{event.url}"
    component = VEvent()
    component.add("uid", occurrence.uid)
    component.add("dtstamp", calendars.stamp)
    component.add("dtstart", occurrence.start)
    component.add("dtend", occurrence.end)
    component.add("summary", SUMMARY_PREFIX.get(event.status, "") + event.title)
    component.add("status", status)
    component.add("sequence", sequence)
    component.add("categories", [event.type_label])
    component.add("url", vUri(page))
    component.add("location", _location(event))
    component.add("description", _description(event, page))
    if event.online and event.is_active:
        component.add("conference", vUri(event.online), parameters={"VALUE": "URI"})
    return component.to_ical()


def loaded(folder: Path) -> list:
    """Every event of an events folder, read as the build reads it."""
    report = ProblemReport(root=folder.parent)
    facts = BuildFacts(chapter_zone="America/Chicago", now=NOW, host="m4a.example.org")
    events = load_events(folder, report, facts)
    assert not report.errors, report.render()
    return events


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_a_text_line_is_escaped_and_folded_as_icalendar_does(text):
    component = VEvent()
    component.add("description", text)
    expected = component.to_ical().decode().removeprefix("BEGIN:VEVENT\r\n")
    assert content_line("DESCRIPTION", escape_text(text)) == expected.removesuffix("END:VEVENT\r\n")


def test_no_line_is_longer_than_75_octets():
    for text in TRICKY_TEXTS:
        for line in content_line("DESCRIPTION", escape_text(text)).split("\r\n"):
            assert len(line.encode()) <= 75


@pytest.mark.parametrize("source", ["sample", "tricky"])
def test_each_vevent_is_byte_identical_to_icalendar(tmp_path, source):
    if source == "sample":
        folder = ROOT / "content" / "events"
    else:
        folder = tmp_path / "events"
        folder.mkdir()
        (folder / "tricky.yml").write_text(TRICKY_EVENTS, encoding="utf-8")
    events = loaded(folder)
    calendars = Calendars(events, now=NOW, base_url=BASE, chapter_zone="America/Chicago")
    occurrences = [o for e in events for o in e.occurrences]
    assert len(occurrences) >= 5
    for occurrence in occurrences:
        assert calendars.vevent(occurrence).encode() == reference_vevent(calendars, occurrence)


def test_a_calendar_name_is_text_escaped_as_icalendar_escapes_text():
    """NAME (RFC 7986) and X-WR-CALNAME are TEXT: commas, semicolons and newlines escaped.

    icalendar does not know NAME and would write it raw (and refuse a newline in it).
    """
    name = "Madison, WI; Medicare for All: town halls\\panels and more\n" * 2
    calendars = Calendars([], now=NOW, base_url=BASE, chapter_zone="America/Chicago")
    as_text = VEvent()
    as_text.add("summary", name)
    summary = as_text.to_ical().decode().split("\r\n", 1)[1].removesuffix("END:VEVENT\r\n")
    value = summary.removeprefix("SUMMARY:")
    written = calendars.calendar(name, []).removeprefix(calendars.opening).decode()
    expected = content_line("NAME", escape_text(name)) + content_line(
        "X-WR-CALNAME", escape_text(name)
    )
    assert written.startswith(expected)
    assert content_line("SUMMARY", escape_text(name)) == f"SUMMARY:{value}"
    parsed = Calendar.from_ical(calendars.calendar(name, []))
    assert parsed["X-WR-CALNAME"].to_ical().decode() == escape_text(name)
