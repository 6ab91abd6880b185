"""The share image of an upcoming event: what a link to its page shows in a chat."""

from __future__ import annotations

from site_core.dates import DateStyle
from site_core.i18n import N_, gettext as _
from site_core.share_images import ShareCard

from .event import Event, Occurrence

SHARE_FILE = "share.png"  # in the event's folder, beside its page

#: What the label adds for a status other than "scheduled" (as the page's badge), and its colour.
STATUS_WORDS = {
    "cancelled": (N_("Cancelled"), "bad"),
    "postponed": (N_("Postponed"), "warn"),
    "rescheduled": (N_("New date"), "ok"),
}


def share_card(event: Event, occurrence: Occurrence, footer: str, style: DateStyle) -> ShareCard:
    """The card of an event's next date: type (and status), title, when, where (in the
    language being written, ``style`` its dates)."""
    label, tone = event.type_label, ""
    if event.status in STATUS_WORDS:
        word, tone = STATUS_WORDS[event.status]
        label = f"{label} · {_(word)}"
    return ShareCard(
        label=label,
        title=event.title,
        details=(occurrence.label(style), event.place),
        footer=footer,
        tone=tone,
    )
