"""The JSON feed of upcoming events (JSON Feed 1.1), for other sites to embed.

Standard JSON Feed items (id, url, title, summary, content_text,
date_published, tags) with the event's facts in a ``_event`` extension object:
start and end with offsets (for an all-day event, ``all_day`` and the first and
last days alone), timezone, type, status, place, links. A private address is not
in the model, so not here.

Each item is one date of an event; its ``url`` is that date's element on the
event's page. ``date_published`` is the date's start: the one date an event
has in its content, so the feed is the same in every build, and readers that
sort by it list events in the order they happen (the build date would change
every build and move every item to the top of readers' timelines).

Each language of the site has its feed (``es/events/upcoming.json``, ``language: es``),
written in that language; an item whose title is in another language (an event not
translated) says so in its own ``language``.
"""

from __future__ import annotations

import json

from site_core.dates import DateStyle
from site_core.i18n import N_, gettext as _

from .event import Occurrence

VERSION = "https://jsonfeed.org/version/1.1"
#: What a reader must know before the date, in the item's summary.
STATUS_NOTE = {
    "cancelled": N_("Cancelled: {summary}"),
    "postponed": N_("Postponed: {summary}"),
    "rescheduled": N_("New date: {summary}"),
}


def upcoming_feed(
    occurrences: list[Occurrence],
    *,
    title: str,
    base_url: str,
    language: str,
    style: DateStyle,
    prefix: str = "",
) -> bytes:
    """The feed document for ``occurrences`` (already the upcoming ones, in order), in
    ``language``, whose pages are in the folder ``prefix`` ("" or "es/")."""
    items = []
    for o in occurrences:
        event = o.event
        facts = {
            "start": o.start_iso,
            "end": o.end_iso,
            "all_day": o.all_day,
            "timezone": event.zone.key,
            "type": event.type,
            "status": event.status,
            "place": event.place,
            "attendance": event.attendance,
            "ics": f"{base_url}/{event.ics_url}",
        }
        optional = {
            "address": event.address,
            "online": event.online,
            "rsvp": event.rsvp,
            "accessibility": event.accessibility,
            "languages": list(event.languages) or None,
            "cancelled_reason": event.cancelled_reason,
            "previous_start": event.previous_start.isoformat() if event.previous_start else None,
        }
        facts.update({k: v for k, v in optional.items() if v})
        summary = f"{o.label(style)} · {event.place}"
        if event.status in STATUS_NOTE:
            summary = _(STATUS_NOTE[event.status]).format(summary=summary)
        item = {
            "id": o.uid,
            "url": f"{base_url}/{event.url}#{o.anchor}",
            "title": event.title,
            "summary": summary,
            "content_text": event.description_text or event.title,
            "date_published": o.start.isoformat(timespec="seconds"),
            "tags": [event.type],
            "_event": facts,
        }
        if event.text_lang != language:  # JSON Feed 1.1: an item's own language
            item["language"] = event.text_lang
        items.append(item)
    feed = {
        "version": VERSION,
        "title": title,
        "home_page_url": f"{base_url}/{prefix}events/",
        "feed_url": f"{base_url}/{prefix}events/upcoming.json",
        "language": language,
        "items": items,
    }
    return (json.dumps(feed, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
