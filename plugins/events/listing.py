"""The listings: which occurrences are upcoming or past, by month, type and working group.

Built once per build from the loaded events; every listing page, the home
page, the feeds and the calendars read from this one object.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby

from site_core.i18n import gettext as _

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
    """One type with events, for the filter: its slug, labels and page (in one language)."""

    slug: str
    upcoming: int
    prefix: str = ""  # the language folder of its pages: "" or "es/"

    @property
    def label(self) -> str:
        """Canvass (in the language of the page being written)."""
        return _(TYPE_LABELS[self.slug][0])

    @property
    def plural(self) -> str:
        """Canvasses: the heading of its listing."""
        return _(TYPE_LABELS[self.slug][1])

    @property
    def url(self) -> str:
        """The type's listing page."""
        return f"{self.prefix}events/{self.slug}/"

    @property
    def ics_url(self) -> str:
        """The type's subscription calendar."""
        return f"{self.prefix}events/{self.slug}.ics"


def by_month(occurrences: list[Occurrence]) -> list[Month]:
    """Group occurrences (already in order) by the month they start in, in their own zone."""
    return [
        Month(key, f"{key:%Y-%m}", list(group))
        for key, group in groupby(occurrences, key=lambda o: o.start.replace(day=1).date())
    ]


class Listing:
    """Every occurrence of every event, split at the build date: the listing of one language
    (``prefix``: its folder, "" or "es/"), whose events are as that language shows them."""

    def __init__(self, events: list[Event], now: datetime, prefix: str = ""):
        self.events = events
        self.prefix = prefix
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
        self.types = [EventType(t, counts[t], prefix) for t in EVENT_TYPES if t in present]
        #: The listing page of each working group with events, by the slug of its charter.
        self.group_urls = {
            g: prefix + group_url(g) for g in sorted({e.working_group for e in events} - {None})
        }

    @property
    def url(self) -> str:
        """The listing's page: ``events/``, ``es/events/``."""
        return f"{self.prefix}events/"

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
