"""How an event and its dates read on pages, flyers, feeds and share images.

Mixed into :class:`~events.event.Event` and :class:`~events.event.Occurrence`,
so templates keep writing ``event.place`` and ``o.times(style)``. Words are in the
language of the page being written (``site_core.i18n.gettext``), dates in its
``DATE_STYLE``.
"""

from __future__ import annotations

from datetime import datetime
import re
from typing import TYPE_CHECKING
from urllib.parse import quote_plus

from site_core.dates import DateStyle
from site_core.i18n import N_, gettext as _

if TYPE_CHECKING:
    from .event import Event

#: Each type's name and its listing's heading (shown translated: ``_()``).
TYPE_LABELS = {
    "canvass": (N_("Canvass"), N_("Canvasses")),
    "town-hall": (N_("Town hall"), N_("Town halls")),
    "panel": (N_("Panel"), N_("Panels")),
    "rally": (N_("Rally"), N_("Rallies")),
    "phonebank": (N_("Phonebank"), N_("Phonebanks")),
    "training": (N_("Training"), N_("Trainings")),
    "meeting": (N_("Meeting"), N_("Meetings")),
    "other": (N_("Other"), N_("Other events")),
}
PRIVATE_PLACE = N_("Address sent after you RSVP")


class OccurrenceText:
    """An occurrence's date and time as readers see them."""

    __slots__ = ()
    event: Event
    start: datetime
    end: datetime

    @property
    def anchor(self) -> str:
        """The id of this date on the event's page."""
        return f"on-{self.start:%Y-%m-%d-%H%M}"

    @property
    def start_iso(self) -> str:
        """The start in ISO 8601 (pages, JSON-LD, feed): the date alone for all day."""
        return self.start.date().isoformat() if self.all_day else self.start.isoformat()

    @property
    def end_iso(self) -> str:
        """The end in ISO 8601: for all day, the last day (inclusive, as schema.org means)."""
        return self.last_day.isoformat() if self.all_day else self.end.isoformat()

    def zone_note(self, when: datetime) -> str:
        """ " EST" after a time when the event is not in the chapter's zone; else nothing."""
        return f" {when.strftime('%Z')}" if self.event.zone_differs else ""

    def times(self, style: DateStyle) -> str:
        """10:00 AM – 1:00 PM, with the end's day when it ends on another day; or "all day"."""
        if self.all_day:
            return _("all day")
        end = style.time(self.end) + self.zone_note(self.end)
        if self.spans_days:
            return f"{style.time(self.start)} – {style.date(self.last_day)}, {end}"
        return f"{style.time(self.start)} – {end}"

    def label(self, style: DateStyle) -> str:
        """The whole date and time as one line of text, for descriptions and feeds."""
        if self.all_day and self.spans_days:
            return _("{first} – {last}, all day").format(
                first=style.date(self.start), last=style.date(self.last_day)
            )
        return _("{day}, {times}").format(day=style.date(self.start), times=self.times(style))


class EventText:
    """An event's type, place and contact as readers see them."""

    __slots__ = ()
    type: str
    location: str | None
    address: str | None
    address_private: bool
    online: str | None
    contact: str | None

    @property
    def type_label(self) -> str:
        """Canvass, Town hall…"""
        return _(TYPE_LABELS[self.type][0])

    @property
    def place(self) -> str:
        """Where, in a few words: the place's name, or "Online"."""
        if self.location:
            return self.location
        if self.address:
            return self.address
        if self.address_private:
            return _(PRIVATE_PLACE)
        return _("Online")

    @property
    def attendance(self) -> str:
        """offline, online or mixed (schema.org's eventAttendanceMode)."""
        in_person = bool(self.location or self.address or self.address_private)
        if in_person and self.online:
            return "mixed"
        return "online" if self.online else "offline"

    @property
    def map_url(self) -> str | None:
        """A plain OpenStreetMap search link for a public address; None otherwise."""
        if (
            self.address_private
            or not (self.address or self.location)
            or self.attendance == "online"
        ):
            return None
        return "https://www.openstreetmap.org/search?query=" + quote_plus(
            self.address or self.location
        )

    @property
    def contact_href(self) -> str | None:
        """A link for the contact, when it is an e-mail address or a web address."""
        text = self.contact or ""
        if re.match(r"^(https?|mailto|tel):", text):
            return text
        if re.fullmatch(r"[^@\s,]+@[^@\s,]+\.[a-z]{2,}", text, re.IGNORECASE):
            return f"mailto:{text}"
        return None
