"""The typed events the rest of the plugin uses: an :class:`Event` and its :class:`Occurrence` s.

An event is immutable and holds its dates as :class:`Span` values; its
occurrences are views of those spans that refer back to it. An all-day
occurrence runs from the first instant of its first day to the first instant
of the day after its last.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

from markupsafe import Markup

from site_core.published import Published, site_address

from .presentation import EventText, OccurrenceText

if TYPE_CHECKING:
    from .languages import EventWords


class Span(NamedTuple):
    """One date of an event: its start and end instants and its calendar UID."""

    start: datetime
    end: datetime
    uid: str


@dataclass(frozen=True, slots=True)
class Occurrence(OccurrenceText):
    """One date of an event: the unit listings, calendars and feeds are made of.

    ``start`` and ``end`` are instants in the event's zone.
    """

    event: Event
    start: datetime
    end: datetime
    uid: str

    @property
    def all_day(self) -> bool:
        """A day (or days) with no time: a day of action."""
        return self.event.all_day

    @property
    def last_day(self) -> date:
        """The day it ends on (for all day: the last day it covers)."""
        if self.all_day:
            return self.end.date() - timedelta(days=1)
        return self.end.date()

    @property
    def spans_days(self) -> bool:
        """It ends on another day than it starts."""
        return self.last_day != self.start.date()


@dataclass(frozen=True, slots=True)
class Event(EventText):
    """A valid event, ready for pages, calendars and feeds. A private address is not kept."""

    slug: str
    title: str
    type: str
    status: str
    all_day: bool
    zone: ZoneInfo
    zone_differs: bool
    location: str | None
    address: str | None
    address_private: bool
    online: str | None
    rsvp: str | None
    description_html: Markup
    description_text: str
    accessibility: str | None
    bring: str | None
    languages: tuple[str, ...]
    contact: str | None
    cancelled_reason: str | None
    previous_start: datetime | date | None
    source: str
    line: int | None
    #: The line the address comes from: ``slug:``, else the title (problems with it go there).
    slug_line: int | None = None
    #: The slug of the charter of the working group that organises it, and its line.
    working_group: str | None = None
    group_line: int | None = None
    #: Its dates, in order (never empty for an event ``rules.build_event`` made).
    spans: tuple[Span, ...] = ()
    #: The languages its title and its description are in, and the language folder of
    #: the pages it is shown on ("" or "es/"): an event as a Spanish page shows it has
    #: ``prefix`` "es/" and, when it is not translated, ``text_lang`` "en" (languages.py).
    text_lang: str = "en"
    description_lang: str = "en"
    prefix: str = ""
    #: ``source_digest`` of its title and description as written: what a translation records.
    words_digest: str = ""
    #: Its title and description in other languages, as the editor wrote them (languages.py).
    translations: tuple[EventWords, ...] = ()

    @property
    def occurrences(self) -> tuple[Occurrence, ...]:
        """Its dates, in order, each referring back to it."""
        return tuple(Occurrence(self, *span) for span in self.spans)

    @property
    def url(self) -> str:
        """The page's address, relative to the site root."""
        return f"{self.prefix}events/{self.slug}/"

    @property
    def save_as(self) -> str:
        """The page's file in the output."""
        return f"{self.prefix}events/{self.slug}/index.html"

    @property
    def ics_url(self) -> str:
        """The event's own calendar file."""
        return f"{self.prefix}events/{self.slug}.ics"

    @property
    def ref(self) -> str:
        """What names the event in one language in the caches: ``slug``, ``es/slug``."""
        return f"{self.prefix}{self.slug}"

    @property
    def published(self) -> Published:
        """The event's address and what it is, for the record of published addresses."""
        first = self.spans[0]
        start = first.start.date().isoformat() if self.all_day else f"{first.start:%Y-%m-%d %H:%M}"
        return Published(site_address(self.url), "event", self.title, self.source, start, first.uid)

    def with_first_uid(self, uid: str) -> Event:
        """This event with the calendar UID recorded when it was first published."""
        first, *rest = self.spans
        return replace(self, spans=(first._replace(uid=uid), *rest))

    @property
    def is_active(self) -> bool:
        """Readers can still go: not cancelled or postponed."""
        return self.status in {"scheduled", "rescheduled"}
