"""The listings: which occurrences are upcoming or past, by month, type and working group.

Built once per build from the loaded events; every listing page, the home
page, the feeds and the calendars read from this one object.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby

from .entry import EVENT_TYPES
from .event import Event, Occurrence
from .groups import group_url
from .presentation import TYPE_LABELS
from .timing import is_upcoming


@dataclass(frozen=True, slots=True)
class Month:
    """The occurrences of one month, for a listing's headings."""

    start: date
    id: str
    occurrences: list[Occurrence]


@dataclass(frozen=True, slots=True)
class EventType:
    """One type with events, for the filter: its slug, labels and page."""

    slug: str
    label: str
    plural: str
    upcoming: int

    @property
    def url(self) -> str:
        """The type's listing page."""
        return f"events/{self.slug}/"

    @property
    def ics_url(self) -> str:
        """The type's subscription calendar."""
        return f"events/{self.slug}.ics"


def by_month(occurrences: list[Occurrence]) -> list[Month]:
    """Group occurrences (already in order) by the month they start in, in their own zone."""
    return [
        Month(key, f"{key:%Y-%m}", list(group))
        for key, group in groupby(occurrences, key=lambda o: o.start.replace(day=1).date())
    ]


class Listing:
    """Every occurrence of every event, split at the build date."""

    def __init__(self, events: list[Event], now: datetime):
        self.events = events
        self.now = now
        every = sorted(
            (o for e in events for o in e.occurrences), key=lambda o: (o.start, o.event.slug)
        )
        self.upcoming = [o for o in every if is_upcoming(o.end, now)]
        self.past = [o for o in reversed(every) if not is_upcoming(o.end, now)]
        counts = dict.fromkeys(EVENT_TYPES, 0)
        for occurrence in self.upcoming:
            counts[occurrence.event.type] += 1
        present = {e.type for e in events}
        self.types = [EventType(t, *TYPE_LABELS[t], counts[t]) for t in EVENT_TYPES if t in present]
        #: The listing page of each working group with events, by the slug of its charter.
        self.group_urls = {
            g: group_url(g) for g in sorted({e.working_group for e in events} - {None})
        }

    def split(self, event: Event) -> tuple[list[Occurrence], list[Occurrence]]:
        """The upcoming and the past occurrences of one event, each in date order."""
        return (
            [o for o in event.occurrences if is_upcoming(o.end, self.now)],
            [o for o in event.occurrences if not is_upcoming(o.end, self.now)],
        )

    def upcoming_of(self, event_type: str) -> list[Occurrence]:
        """The upcoming occurrences of one type."""
        return [o for o in self.upcoming if o.event.type == event_type]

    def upcoming_in_group(self, slug: str) -> list[Occurrence]:
        """The upcoming occurrences of the events of one working group."""
        return [o for o in self.upcoming if o.event.working_group == slug]

    def events_of(self, event_type: str) -> list[Event]:
        """Every event of one type, for its calendar."""
        return [e for e in self.events if e.type == event_type]
