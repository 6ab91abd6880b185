"""VTIMEZONE components every calendar reader understands: yearly rules derived from tzdata.

A zone's transitions over the years a calendar covers are found with zoneinfo.
Transitions of one kind (the same offsets before and after, the same name) that
follow one yearly rule (the second Sunday of March at 02:00, the last Sunday of
October at 01:00...) become one STANDARD or DAYLIGHT component with that RRULE;
when the zone's rules change within the range, each rule period is its own
component, closed with UNTIL. A rule is kept only for the run of transitions its
expansion (dateutil's, not ours) reproduces exactly, so every component is
checked against every transition in the range; a transition no rule explains
gets a component of its own. No RDATE lists: several readers apply only their
first value. Design notes: docs/architecture.md (events, ``vtimezone.py``).
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil import rrule
from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

#: How far apart the instants probed for a change are: no zone changes twice in a day
#: in the years calendars cover.
PROBE_STEP = 86400
#: UNTIL is the last onset of a rule plus this margin: readers that compare UNTIL with
#: the local onset (dateutil) and those that compare it in UTC (ical.js) then agree that
#: the last onset is included, and the rule's next onset is a year away.
UNTIL_MARGIN = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Transition:
    """A change of a zone's offset, name or DST flag: when (UTC), the offsets, what follows."""

    at: datetime
    before: timedelta
    after: timedelta
    name: str
    daylight: bool

    @property
    def onset(self) -> datetime:
        """The change as the clock before it shows it: a VTIMEZONE DTSTART (local, naive)."""
        return (self.at + self.before).replace(tzinfo=None)

    @property
    def kind(self) -> tuple[timedelta, timedelta, str, bool]:
        """What a component shares: offsets from and to, name, daylight or standard."""
        return self.before, self.after, self.name, self.daylight


def _state(zone: ZoneInfo, instant: int) -> tuple[timedelta, str, bool]:
    """Offset, name, and whether tzdata calls it daylight saving time (even negative)."""
    local = datetime.fromtimestamp(instant, zone)
    return local.utcoffset(), local.tzname() or "", bool(local.dst())


def transitions(zone: ZoneInfo, start: datetime, end: datetime) -> list[Transition]:
    """Every change of ``zone``'s offset or name between two UTC instants, in order."""
    found = []
    instant, last = int(start.timestamp()), int(end.timestamp())
    state = _state(zone, instant)
    while instant < last:
        following = min(instant + PROBE_STEP, last)
        new = _state(zone, following)
        if new != state:
            before, after = instant, following  # the change is in (before, after]
            while after - before > 1:
                middle = (before + after) // 2
                if _state(zone, middle) == state:
                    before = middle
                else:
                    after = middle
            found.append(Transition(datetime.fromtimestamp(after, UTC), state[0], *new))
        instant, state = following, new
    return found


def _rules(onset: datetime) -> list[dict]:
    """The yearly rules that put a change at ``onset``: nth or last weekday, or a fixed day."""
    weekday = rrule.weekdays[onset.weekday()]
    week = (onset.day - 1) // 7 + 1
    rules = [{"byweekday": weekday(week)}] if week <= 4 else []
    if onset.day + 7 > monthrange(onset.year, onset.month)[1]:
        rules.append({"byweekday": weekday(-1)})
    rules.append({"bymonthday": onset.day})
    return rules


def _expand(rule: dict, first: datetime) -> rrule.rrule:
    return rrule.rrule(rrule.YEARLY, dtstart=first, bymonth=first.month, **rule)


def _longest_run(changes: list[Transition]) -> tuple[dict | None, int]:
    """The rule that reproduces the most leading ``changes`` exactly, and how many."""
    best: tuple[dict | None, int] = (None, 1)
    for rule in _rules(changes[0].onset):
        count = 0
        for onset, change in zip(_expand(rule, changes[0].onset), changes, strict=False):
            if onset != change.onset:
                break
            count += 1
        if count > best[1]:
            best = (rule, count)
    return best


def _recur(rule: dict, run: list[Transition], end: datetime) -> dict:
    """The RRULE value of a rule for ``run``; open-ended if it holds until ``end`` (local)."""
    recur = {"FREQ": "YEARLY", "BYMONTH": run[0].onset.month}
    if "byweekday" in rule:
        day = rule["byweekday"]
        recur["BYDAY"] = f"{day.n}{('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')[day.weekday]}"
    else:
        recur["BYMONTHDAY"] = rule["bymonthday"]
    following = _expand(rule, run[0].onset).after(run[-1].onset)
    if following is None or following < end:  # the zone stops following it within the range
        recur["UNTIL"] = run[-1].at + UNTIL_MARGIN
    return recur


def _component(
    kind: tuple[timedelta, timedelta, str, bool], start: datetime, recur: dict | None = None
) -> TimezoneStandard | TimezoneDaylight:
    """One observance: DAYLIGHT where tzdata says daylight saving time, even negative.

    (Europe/Dublin's winter, Morocco's Ramadan hour: so the zone's STANDARD
    time is its usual one; why it matters: docs/architecture.md.)
    """
    before, after, name, daylight = kind
    component = TimezoneDaylight() if daylight else TimezoneStandard()
    component.add("DTSTART", start)
    if recur is not None:
        component.add("RRULE", recur)
    component.add("TZNAME", name)
    component.add("TZOFFSETFROM", before)
    component.add("TZOFFSETTO", after)
    return component


@lru_cache(maxsize=64)
def vtimezone(key: str, first: date, last: date) -> bytes:
    """The serialised VTIMEZONE of zone ``key``, right for every instant of ``first``..``last``."""
    zone = ZoneInfo(key)
    start = datetime(first.year, first.month, first.day, tzinfo=UTC)
    end = datetime(last.year, last.month, last.day, tzinfo=UTC)
    changes = transitions(zone, start, end)
    offset, name, daylight = _state(zone, int(start.timestamp()))
    # What the clocks show from the start of the range.
    components = [
        _component((offset, offset, name, daylight), (start + offset).replace(tzinfo=None))
    ]
    by_kind: dict[tuple, list[Transition]] = {}
    for change in changes:
        by_kind.setdefault(change.kind, []).append(change)
    local_end = (end + offset).replace(tzinfo=None)
    runs = []
    for kind_changes in by_kind.values():
        index = 0
        while index < len(kind_changes):
            rule, count = _longest_run(kind_changes[index:])
            run = kind_changes[index : index + count]
            recur = _recur(rule, run, local_end) if rule is not None else None
            runs.append((run[0].onset, _component(run[0].kind, run[0].onset, recur)))
            index += count
    components += [component for _, component in sorted(runs, key=lambda r: r[0])]
    timezone = Timezone()
    timezone.add("TZID", key)
    for component in components:
        timezone.add_component(component)
    return timezone.to_ical()
