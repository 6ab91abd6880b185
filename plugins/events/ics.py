"""iCalendar (RFC 5545) files: one per event, one for all events, one per type.

Built with the ``icalendar`` library. Every occurrence is its own VEVENT with a
UID that is the same in every build (``<slug>-<first start in UTC>@<site host>``;
a rescheduled event keeps the UID of its previous start, so calendars move it
instead of adding a second one), a DTSTAMP in UTC from the build date, and its
times in the event's own timezone with that zone's VTIMEZONE in the file
(:mod:`events.vtimezone`); an occurrence with a local time the clocks show twice
is written in UTC, an all-day one as dates. No METHOD, no X-WR-TIMEZONE (why:
docs/architecture.md, events).
On a site in several languages each language has its calendars (``es/events/calendar.ics``):
the same VEVENTs (UIDs, times) with the words of that language, the translated title
and description where there are some, each text marked with its language
(``LANGUAGE=es``, RFC 5545 3.2.10) where it is not the default language's calendar.
Each VEVENT is serialised once and reused by every calendar that lists it. It is
serialised with a placeholder DTSTAMP (:data:`PLACEHOLDER`) that is then replaced
by the build's, so the events cache can keep the bytes from one build to the next.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event as VEvent, vDatetime, vText, vUri

from site_core.i18n import N_, gettext as _

from .event import Event, Occurrence
from .presentation import PRIVATE_PLACE
from .timing import happens_twice
from .vtimezone import vtimezone

PRODID = "-//Medicare for All chapter site kit//events//EN"
#: iCalendar STATUS and SEQUENCE for each of our statuses.
STATUS = {
    "scheduled": ("CONFIRMED", 0),
    "rescheduled": ("CONFIRMED", 1),
    "postponed": ("TENTATIVE", 1),
    "cancelled": ("CANCELLED", 1),
}
SUMMARY_PREFIX = {"postponed": N_("Postponed: {title}"), "cancelled": N_("Cancelled: {title}")}
REFRESH = timedelta(hours=6)  # how often subscribed calendar apps should fetch again
#: The DTSTAMP a VEVENT is serialised with, then replaced: a whole line, never folded, and
#: no event text can hold it (icalendar escapes line breaks in TEXT values).
PLACEHOLDER = datetime(1970, 1, 1, tzinfo=UTC)
_PLACEHOLDER_LINE = b"\r\nDTSTAMP:19700101T000000Z\r\n"


class Calendars:
    """Serialised VEVENTs and VTIMEZONEs of one build, assembled into calendar files."""

    def __init__(
        self,
        events: list[Event],
        *,
        now: datetime,
        base_url: str,
        chapter_zone: str,
    ):
        """Prepare the calendars of ``events`` (the default language's: every event)."""
        self.stamp = now.astimezone(UTC)
        self.base_url = base_url
        self.chapter_zone = chapter_zone
        starts = [o.start for e in events for o in e.occurrences] or [self.stamp]
        first = date(min(starts).year - 1, 1, 1)
        last = date(max(starts).year + 2, 1, 1)
        zones = sorted({e.zone.key for e in events} | {chapter_zone})
        self.timezones = {key: vtimezone(key, first, last) for key in zones}
        self.opening = self._opening()
        self._stamp = b"\r\nDTSTAMP:" + vDatetime(self.stamp).to_ical() + b"\r\n"
        #: Each event's VEVENTs with the placeholder DTSTAMP, for the events cache (by ref).
        self.serialised: dict[str, bytes] = {}
        self.vevents: dict[str, bytes] = {}

    def add(
        self,
        events: list[Event],
        cached: Callable[[Event], bytes | None] | None = None,
        language: str | None = None,
    ) -> None:
        """Serialise the VEVENTs of ``events`` as one language shows them, in the language
        being written; ``language``: that language, given when it is not the site's default
        (then each text says its language).

        ``cached(event)`` may return an event's VEVENTs as :meth:`vevents_of`
        serialised them in an earlier build (the events cache), or None.
        """
        for event in events:
            data = cached(event) if cached is not None else None
            data = self.vevents_of(event, language) if data is None else data
            self.serialised[event.ref] = data
            self.vevents[event.ref] = data.replace(_PLACEHOLDER_LINE, self._stamp)

    def fingerprint(self) -> bytes:
        """What every calendar file shares besides its events: head, timezones, DTSTAMP."""
        return b"".join([self.opening, *self.timezones.values(), str(self.stamp).encode()])

    def vevents_of(self, event: Event, language: str | None = None) -> bytes:
        """Every occurrence of ``event`` as VEVENTs, with the placeholder DTSTAMP."""
        return b"".join(self.vevent(o, language) for o in event.occurrences)

    def vevent(self, occurrence: Occurrence, language: str | None = None) -> bytes:
        """One occurrence as a serialised VEVENT (with the placeholder DTSTAMP); with a
        ``language``, SUMMARY says the title's language, and DESCRIPTION says ``language``
        when it is all in it (its words are: an untranslated description is not)."""
        event = occurrence.event
        status, sequence = STATUS[event.status]
        page = f"{self.base_url}/{event.url}"
        component = VEvent()
        component.add("uid", occurrence.uid)
        component.add("dtstamp", PLACEHOLDER)
        if occurrence.all_day:
            component.add("dtstart", occurrence.start.date())
            component.add("dtend", occurrence.end.date())
        else:
            for name, when in zip(("dtstart", "dtend"), _times(occurrence), strict=True):
                component.add(name, when)
        summary = event.title
        if event.status in SUMMARY_PREFIX:
            summary = _(SUMMARY_PREFIX[event.status]).format(title=summary)
        component.add("summary", summary, parameters=_language(language and event.text_lang))
        component.add("status", status)
        component.add("sequence", sequence)
        component.add("categories", [event.type_label])
        component.add("url", vUri(page))
        component.add("location", _location(event))
        whole = event.description_lang == language or not event.description_text
        component.add(
            "description", _description(event, page), parameters=_language(whole and language)
        )
        if event.online and event.is_active:
            component.add("conference", vUri(event.online), parameters={"VALUE": "URI"})
        return component.to_ical()

    def _opening(self) -> bytes:
        """BEGIN:VCALENDAR and the properties every calendar of the site shares."""
        head = Calendar()
        head.add("prodid", PRODID)
        head.add("version", "2.0")
        head.add("calscale", "GREGORIAN")
        head.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        head.add("x-published-ttl", "PT6H")
        return head.to_ical().removesuffix(b"END:VCALENDAR\r\n")

    def calendar(self, name: str, events: list[Event]) -> bytes:
        """A whole VCALENDAR of ``events``, named ``name``."""
        named = Calendar()
        named.add("name", vText(name))  # TEXT: escaped (commas, line breaks) by icalendar
        named.add("x-wr-calname", vText(name))
        names = (
            named.to_ical().removeprefix(b"BEGIN:VCALENDAR\r\n").removesuffix(b"END:VCALENDAR\r\n")
        )
        zones = sorted({e.zone.key for e in events} or {self.chapter_zone})
        return b"".join(
            [
                self.opening,
                names,
                *(self.timezones[key] for key in zones),
                *(self.vevents[e.ref] for e in events),
                b"END:VCALENDAR\r\n",
            ]
        )


def _times(occurrence: Occurrence) -> tuple[datetime, datetime]:
    """Start and end as written: local with their zone, or both in UTC if one happens twice.

    Both, because readers that add the length to the start on the wall clock
    (recurring-ical-events) misplace an end in UTC after a local start.
    """
    start, end = occurrence.start, occurrence.end
    if happens_twice(start) or happens_twice(end):
        return start.astimezone(UTC), end.astimezone(UTC)
    return start, end


def _language(lang: str | bool | None) -> dict[str, str] | None:
    """The LANGUAGE parameter of a text in ``lang`` (none when ``lang`` is false)."""
    return {"LANGUAGE": lang} if lang else None


def _location(event: Event) -> str:
    parts = [event.location, event.address] if not event.address_private else [event.location]
    text = ", ".join(p for p in parts if p)
    if event.address_private:
        return (
            _("{place} (address sent after you RSVP)").format(place=text)
            if text
            else (_(PRIVATE_PLACE))
        )
    return text or _("Online")


def _description(event: Event, page: str) -> str:
    lines = []
    if event.status == "cancelled":
        lines.append(
            _("CANCELLED: {reason}").format(reason=event.cancelled_reason)
            if event.cancelled_reason
            else _("CANCELLED.")
        )
    elif event.status == "postponed":
        lines.append(_("POSTPONED: a new date will be announced."))
    if event.description_text:
        lines.append(event.description_text)
    if event.online and event.is_active:
        lines.append(_("Join online: {url}").format(url=event.online))
    if event.rsvp and event.is_active:
        lines.append(_("RSVP: {url}").format(url=event.rsvp))
    if event.accessibility:
        lines.append(_("Accessibility: {text}").format(text=event.accessibility))
    lines.append(_("Details: {url}").format(url=page))
    return "\n\n".join(lines)
