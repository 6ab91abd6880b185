"""Our VTIMEZONEs, read by five readers, put local times where zoneinfo does.

Zones with odd rules and rule changes (events.vtimezone derives yearly rules from
tzdata): a calendar holds each zone's VTIMEZONE and a local time three hours
before and after each of its changes and between them; every reader must place
every one at the UTC instant zoneinfo gives. Then the shape: yearly rules with
UNTIL where the rules change, a component per change no rule explains, no RDATE.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from events.vtimezone import transitions, vtimezone
from ics_readers import READERS, read_all

#: zone -> (first year, last year covered): odd rules, or rules changing in the range.
ZONES = {
    "America/Chicago": (2005, 2010),  # the US moved its changes in 2007
    "Europe/Moscow": (2009, 2016),  # no DST from 2011, UTC+4 to UTC+3 in 2014
    "Asia/Tehran": (2017, 2025),  # March 21 or 22 (Persian calendar), no DST from 2023
    "Africa/Casablanca": (2024, 2030),  # an hour back for Ramadan: no yearly rule
    "America/Santiago": (2024, 2030),  # the first Sunday on or after the 2nd
    "Australia/Lord_Howe": (2025, 2030),  # half an hour of DST
    "Europe/Dublin": (2025, 2030),  # negative DST in tzdata
    "Asia/Kolkata": (2025, 2030),  # UTC+5:30, no DST
    "Pacific/Chatham": (2025, 2030),  # UTC+12:45 / +13:45
    "America/Asuncion": (2023, 2027),  # permanent UTC-3 from October 2024
    "Antarctica/Troll": (2025, 2030),  # UTC+0 / UTC+2
    "America/Havana": (2025, 2030),  # clocks change at midnight
    "Antarctica/Casey": (2019, 2024),  # three hours back and forth, on no rule
}
PROBE_OFFSET = timedelta(hours=3)


def covered(key: str) -> tuple[date, date]:
    first, last = ZONES[key]
    return date(first, 1, 1), date(last + 1, 1, 1)


def probes(key: str) -> list[datetime]:
    """UTC instants around and between each change of the zone, and one in its first days.

    Not those whose local time the clocks show twice: those are written in UTC.
    """
    first, last = covered(key)
    start, end = (datetime(d.year, 1, 1, tzinfo=UTC) for d in (first, last))
    changes = [c.at for c in transitions(ZoneInfo(key), start, end)]
    instants = [start + timedelta(days=2)]
    for index, at in enumerate(changes):
        instants += [at - PROBE_OFFSET, at + PROBE_OFFSET]
        if index + 1 < len(changes):
            instants.append(at + (changes[index + 1] - at) / 2)
    return [i for i in instants if not happens_twice(i.astimezone(ZoneInfo(key)))]


def happens_twice(local: datetime) -> bool:
    return local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()


@pytest.fixture(scope="module")
def calendar_file(tmp_path_factory) -> Path:
    """One calendar: every zone's VTIMEZONE, and a VEVENT at each probe's local time."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//tests//vtimezone//EN")
    calendar.add("version", "2.0")
    head = calendar.to_ical().removesuffix(b"END:VCALENDAR\r\n")
    parts = [head]
    for key in ZONES:
        parts.append(vtimezone(key, *covered(key)))
        for number, instant in enumerate(probes(key)):
            event = icalendar.Event()
            event.add("uid", f"{key}-{number}")
            event.add("dtstamp", datetime(2026, 1, 1, tzinfo=UTC))
            event.add("dtstart", instant.astimezone(ZoneInfo(key)))  # local, with TZID
            event.add("summary", f"{key} {instant:%Y-%m-%d %H:%M}Z")
            parts.append(event.to_ical())
    path = tmp_path_factory.mktemp("vtimezone") / "zones.ics"
    path.write_bytes(b"".join([*parts, b"END:VCALENDAR\r\n"]))
    return path


@pytest.fixture(scope="module")
def seen(calendar_file):
    @cache
    def read(reader: str) -> dict[str, datetime]:
        found = read_all(reader, [calendar_file])[calendar_file]
        return {s.uid: s.start for s in found}

    return read


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("key", ZONES)
def test_each_reader_places_local_times_where_zoneinfo_does(seen, key, reader):
    found = seen(reader)
    wrong = {
        f"{instant.astimezone(ZoneInfo(key)):%Y-%m-%d %H:%M %Z}": found.get(f"{key}-{number}")
        for number, instant in enumerate(probes(key))
        if found.get(f"{key}-{number}") != instant
    }
    assert wrong == {}


def components(key: str) -> list[icalendar.Component]:
    (timezone,) = icalendar.Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\n" + vtimezone(key, *covered(key)) + b"END:VCALENDAR\r\n"
    ).walk("VTIMEZONE")
    return timezone.subcomponents


def test_a_rule_change_is_two_rule_periods_closed_with_until():
    chicago = components("America/Chicago")
    rules = [(c.name, dict(c["RRULE"])) for c in chicago if "RRULE" in c]
    assert [(name, rule["BYMONTH"], rule["BYDAY"], "UNTIL" in rule) for name, rule in rules] == [
        ("DAYLIGHT", [4], ["1SU"], True),  # until 2006
        ("STANDARD", [10], ["-1SU"], True),
        ("DAYLIGHT", [3], ["2SU"], False),  # from 2007, open-ended
        ("STANDARD", [11], ["1SU"], False),
    ]
    assert all("RDATE" not in c for key in ZONES for c in components(key))


def test_a_zone_without_changes_is_one_standard_time_and_irregular_changes_are_single():
    (kolkata,) = components("Asia/Kolkata")
    assert kolkata.name == "STANDARD"
    assert kolkata["TZOFFSETFROM"].td == kolkata["TZOFFSETTO"].td == timedelta(hours=5, minutes=30)
    casablanca = components("Africa/Casablanca")
    assert sum("RRULE" not in c for c in casablanca) > 10  # Ramadan follows the moon
