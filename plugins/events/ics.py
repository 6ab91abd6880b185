"""iCalendar (RFC 5545) files: one per event, one for all events, one per type.

Built with the ``icalendar`` library. Every occurrence is its own VEVENT with a
UID that is the same in every build (``<slug>-<first start in UTC>@<site host>``;
a rescheduled event keeps the UID of its previous start, so calendars move it
instead of adding a second one), a DTSTAMP in UTC from the build date, and its
times in the event's own timezone with that zone's VTIMEZONE in the file.
Each VEVENT is serialised once and reused by every calendar that lists it.

``icalendar`` writes what is the same for many events (the calendar's opening
lines, each zone's VTIMEZONE, how a time in each zone is written). The VEVENTs
themselves, thousands of short lines, are written by :func:`content_line` with
the same escaping, property order and folding as ``icalendar``'s
``Component.to_ical`` (about forty times faster); ``tests/test_events_ics.py``
checks that both give the same bytes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event as VEvent, Timezone

from .model import Event, Occurrence

PRODID = "-//Medicare for All chapter site kit//events//EN"
#: iCalendar STATUS and SEQUENCE for each of our statuses.
STATUS = {
    "scheduled": ("CONFIRMED", 0),
    "rescheduled": ("CONFIRMED", 1),
    "postponed": ("TENTATIVE", 1),
    "cancelled": ("CANCELLED", 1),
}
SUMMARY_PREFIX = {"postponed": "Postponed: ", "cancelled": "Cancelled: "}
REFRESH = timedelta(hours=6)  # how often subscribed calendar apps should fetch again
FOLD_AT = 75  # RFC 5545 3.1: lines longer than this (in octets, with the break) are folded


def escape_text(text: str) -> str:
    """A TEXT value escaped as RFC 5545 3.3.11 says (and as icalendar does it)."""
    return (
        text.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def fold(line: str) -> str:
    """Fold a content line into pieces shorter than 75 octets (RFC 5545 3.1).

    Never splits a UTF-8 character, nor an escape (a backslash and what
    follows it), as icalendar does.
    """
    if len(line) < FOLD_AT and (line.isascii() or len(line.encode()) < FOLD_AT):
        return line
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = 1 if char < "\x80" else len(char.encode())
        if current and size + width >= FOLD_AT:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                pieces.append("".join(current))
                current, size = [carried], len(carried.encode())
            else:
                pieces.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def content_line(name: str, value: str, params: str = "") -> str:
    """One folded content line with its CRLF; ``value`` already escaped, ``params`` ";A=B"."""
    return fold(f"{name}{params}:{value}") + "\r\n"


class _ZoneTimes:
    """How icalendar writes a time in one zone: with ``;TZID=...``, or in UTC with a Z."""

    def __init__(self, key: str):
        sample = VEvent()
        sample.add("dtstart", datetime(2000, 1, 1, tzinfo=ZoneInfo(key)))
        line = sample.to_ical().decode().split("\r\n")[1]  # DTSTART...:20000101T000000[Z]
        head, _, value = line.rpartition(":")
        self.params = head.removeprefix("DTSTART")
        self.suffix = "Z" if value.endswith("Z") else ""

    def value(self, when: datetime) -> str:
        """The time as written after the property's name and parameters."""
        return f"{when:%Y%m%dT%H%M%S}{self.suffix}"


class Calendars:
    """Serialised VEVENTs and VTIMEZONEs of one build, assembled into calendar files."""

    def __init__(self, events: list[Event], *, now: datetime, base_url: str, chapter_zone: str):
        self.stamp = now.astimezone(UTC)
        self.base_url = base_url
        self.chapter_zone = chapter_zone
        starts = [o.start for e in events for o in e.occurrences] or [self.stamp]
        first = date(min(starts).year - 1, 1, 1)
        last = date(max(starts).year + 2, 1, 1)
        zones = sorted({e.zone.key for e in events} | {chapter_zone})
        self.timezones = {
            key: Timezone.from_tzinfo(ZoneInfo(key), first_date=first, last_date=last).to_ical()
            for key in zones
        }
        self.zone_times = {key: _ZoneTimes(key) for key in zones}
        self.dtstamp = content_line("DTSTAMP", f"{self.stamp:%Y%m%dT%H%M%S}Z")
        self.opening = self._opening()
        self.vevents = {e.slug: "".join(map(self.vevent, e.occurrences)).encode() for e in events}

    def vevent(self, occurrence: Occurrence) -> str:
        """One occurrence as a serialised VEVENT.

        Properties in icalendar's order for a VEVENT: SUMMARY, DTSTART, DTEND,
        DTSTAMP, UID, SEQUENCE, then the others alphabetically.
        """
        event = occurrence.event
        status, sequence = STATUS[event.status]
        page = f"{self.base_url}/{event.url}"
        times = self.zone_times[event.zone.key]
        summary = SUMMARY_PREFIX.get(event.status, "") + event.title
        lines = [
            "BEGIN:VEVENT\r\n",
            content_line("SUMMARY", escape_text(summary)),
            content_line("DTSTART", times.value(occurrence.start), times.params),
            content_line("DTEND", times.value(occurrence.end), times.params),
            self.dtstamp,
            content_line("UID", escape_text(occurrence.uid)),
            content_line("SEQUENCE", str(sequence)),
            content_line("CATEGORIES", escape_text(event.type_label)),
        ]
        if event.online and event.is_active:
            lines.append(content_line("CONFERENCE", event.online, ";VALUE=URI"))
        lines += [
            content_line("DESCRIPTION", escape_text(_description(event, page))),
            content_line("LOCATION", escape_text(_location(event))),
            content_line("STATUS", status),
            content_line("URL", page),
            "END:VEVENT\r\n",
        ]
        return "".join(lines)

    def _opening(self) -> bytes:
        """BEGIN:VCALENDAR and the properties every calendar of the site shares."""
        head = Calendar()
        head.add("prodid", PRODID)
        head.add("version", "2.0")
        head.add("calscale", "GREGORIAN")
        head.add("method", "PUBLISH")
        head.add("x-wr-timezone", self.chapter_zone)
        head.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        head.add("x-published-ttl", "PT6H")
        return head.to_ical().removesuffix(b"END:VCALENDAR\r\n")

    def calendar(self, name: str, events: list[Event]) -> bytes:
        """A whole VCALENDAR of ``events``, named ``name``."""
        escaped = escape_text(name)
        names = (content_line("NAME", escaped) + content_line("X-WR-CALNAME", escaped)).encode()
        zones = sorted({e.zone.key for e in events} or {self.chapter_zone})
        return b"".join(
            [
                self.opening,
                names,
                *(self.timezones[key] for key in zones),
                *(self.vevents[e.slug] for e in events),
                b"END:VCALENDAR\r\n",
            ]
        )


def _location(event: Event) -> str:
    parts = [event.location, event.address] if not event.address_private else [event.location]
    text = ", ".join(p for p in parts if p)
    if event.address_private:
        return f"{text} (address sent after you RSVP)" if text else "Address sent after you RSVP"
    return text or "Online"


def _description(event: Event, page: str) -> str:
    lines = []
    if event.status == "cancelled":
        lines.append(
            "CANCELLED" + (f": {event.cancelled_reason}" if event.cancelled_reason else ".")
        )
    elif event.status == "postponed":
        lines.append("POSTPONED: a new date will be announced.")
    if event.description_text:
        lines.append(event.description_text)
    if event.online and event.is_active:
        lines.append(f"Join online: {event.online}")
    if event.rsvp and event.is_active:
        lines.append(f"RSVP: {event.rsvp}")
    if event.accessibility:
        lines.append(f"Accessibility: {event.accessibility}")
    lines.append(f"Details: {page}")
    return "\n\n".join(lines)
