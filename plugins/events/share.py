"""The share image of an upcoming event: what a link to its page shows in a chat."""

from __future__ import annotations

from site_core.dates import DateStyle
from site_core.share_images import ShareCard

from .model import Event, Occurrence

SHARE_FILE = "share.png"  # in the event's folder, beside its page

#: What the label adds for a status other than "scheduled" (as the page's badge), and its colour.
STATUS_WORDS = {
    "cancelled": ("Cancelled", "bad"),
    "postponed": ("Postponed", "warn"),
    "rescheduled": ("New date", "ok"),
}


def share_card(event: Event, occurrence: Occurrence, footer: str, style: DateStyle) -> ShareCard:
    """The card of an event's next date: type (and status), title, when, where."""
    label, tone = event.type_label, ""
    if event.status in STATUS_WORDS:
        word, tone = STATUS_WORDS[event.status]
        label = f"{label} · {word}"
    return ShareCard(
        label=label,
        title=event.title,
        details=(occurrence.label(style), event.place),
        footer=footer,
        tone=tone,
    )
