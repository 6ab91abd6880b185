"""Dates and times of events: parsing, local times at DST changes, repeats, "upcoming".

Editors write local wall-clock times (``2026-12-05 10:00``) in the event's
timezone, or a date alone (``2027-04-10``) for an all-day event.
:func:`localize` turns a time into an aware datetime and refuses the two kinds
of local time that daylight saving makes meaningless: a time skipped when
clocks spring forward, and a time that happens twice when they fall back.
Repeats are expanded in local time, so a weekly 6 pm phonebank stays at 6 pm
across a DST change. :func:`is_upcoming` is the one rule for "upcoming".
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

EXAMPLE = "write e.g. '2026-12-05 10:00' (year-month-day, then the 24-hour time)"

#: How many weeks apart repeats are, for the weekly kinds.
REPEAT_INTERVALS = {"weekly": 1, "biweekly": 2}
#: The years an event's dates may be in. Others are typos, and a time near the years 1 or
#: 9999 cannot be moved between timezones or repeated without overflowing.
YEARS = range(1900, 3000)


def _in_years(value: date) -> date:  # (a datetime is a date too)
    if value.year not in YEARS:
        raise ValueError(f"is in the year {value.year}, which cannot be meant; check the year")
    return value


def parse_when(value) -> datetime | date:
    """Read a start or end as YAML gives it: a date and time, or a bare date (all day)."""
    if isinstance(value, date):  # a datetime is a date too
        return _in_years(value)
    if not isinstance(value, str):
        raise ValueError(f"must be a date and time (got {value!r}); {EXAMPLE}")
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"is not a date and time (got {text!r}); {EXAMPLE}") from None
    if ":" not in text:  # no time of day: an all-day event's date
        return _in_years(parsed.date())
    return _in_years(parsed)


def parse_day(value) -> date:
    """Read an ``until`` date: a date, or a string in year-month-day form."""
    if isinstance(value, datetime):
        return _in_years(value.date())
    if isinstance(value, date):
        return _in_years(value)
    try:
        day = date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(
            f"is not a date (got {value!r}); write e.g. '2027-01-26' (year-month-day)"
        ) from None
    return _in_years(day)


def localize(when: datetime, zone: ZoneInfo) -> tuple[datetime, str | None, str | None]:
    """Return (aware time, problem, hint) for a local time in ``zone``; problem is None if fine.

    A time written with an explicit UTC offset is taken as it is (this is how an
    editor picks one of the two 1:30s of the night clocks fall back).
    """
    if when.tzinfo is not None:
        return when.astimezone(zone), None, None
    aware = when.replace(tzinfo=zone)
    stamp = f"{when:%Y-%m-%d %H:%M}"
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != when:
        moved = aware.astimezone(UTC).astimezone(zone)  # the wall time once clocks moved on
        return (
            aware,
            f"{stamp} does not exist in {zone.key}: the clocks spring forward that night",
            f"pick a time that exists, e.g. '{moved:%Y-%m-%d %H:%M}'",
        )
    if happens_twice(aware):
        first, second = _offset(aware), _offset(aware.replace(fold=1))
        return (
            aware,
            f"{stamp} happens twice in {zone.key}: the clocks fall back that night",
            f"write the offset to say which, e.g. '{when:%Y-%m-%dT%H:%M}{first}' (the first) "
            f"or '{when:%Y-%m-%dT%H:%M}{second}' (the second)",
        )
    return aware, None, None


def happens_twice(when: datetime) -> bool:
    """Say whether an existing local time is one the clocks show twice (they fall back)."""
    return when.replace(fold=1 - when.fold).utcoffset() != when.utcoffset()


def later(when: datetime, by: timedelta) -> datetime:
    """``when`` plus elapsed time (not wall-clock time), as a local time of its zone."""
    return (when.astimezone(UTC) + by).astimezone(when.tzinfo)


def elapsed(start: datetime, end: datetime) -> timedelta:
    """The real time from ``start`` to ``end``, even on the night clocks fall back.

    (Python subtracts two times of one zone on the wall clock, ignoring ``fold``.)
    """
    return end.astimezone(UTC) - start.astimezone(UTC)


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """The first instant of ``day`` in ``zone`` (1:00 where clocks skip midnight)."""
    return datetime.combine(day, time(), zone).astimezone(UTC).astimezone(zone)


def _offset(when: datetime) -> str:
    text = when.strftime("%z")
    return f"{text[:3]}:{text[3:]}"


def repeat_starts(first: datetime, repeat: str, until: date) -> list[datetime]:
    """Every local start time of a repeating event from ``first`` up to ``until`` (inclusive).

    ``monthly`` keeps the weekday and its place in the month (the 2nd Thursday);
    a start in the fifth week means the last such weekday of each month. The
    rules are RFC 5545's (``dateutil.rrule``), on local wall time.
    """
    if repeat == "monthly":
        week = (first.day - 1) // 7  # 0 = first ... 4 = fifth, taken as "last"
        place = -1 if week == 4 else week + 1
        rule = rrule(MONTHLY, byweekday=weekday(first.weekday(), place), dtstart=first)
    else:
        rule = rrule(WEEKLY, interval=REPEAT_INTERVALS[repeat], dtstart=first)
    return list(rule.between(first, datetime.combine(until, time.max), inc=True))


def is_upcoming(end: datetime, now: datetime) -> bool:
    """Say whether an occurrence ending at ``end`` is still to come (or under way) at ``now``.

    ``now`` is the build date (``settings["BUILD_DATETIME"]``), so the same
    ``SOURCE_DATE_EPOCH`` always sorts the same events into upcoming and past.
    """
    return end > now
