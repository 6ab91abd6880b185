"""schema.org ``Event`` structured data (JSON-LD) for an event's page.

One ``Event`` per occurrence, with the properties Google's event rich results
require and recommend: name, startDate and endDate with their UTC offset (days for all day),
eventStatus (including EventCancelled, EventPostponed, EventRescheduled with
previousStartDate), eventAttendanceMode, location (a Place with its address, a
VirtualLocation, or both), description, organizer, offers (the RSVP link),
image and url. A place's address is a structured PostalAddress (street, city,
region, postal code, country), read from the event's one-line address and the
chapter file (``address.py``). A private address never appears: only the
neighbourhood and city. On a site in several languages each object says the language
its name and description are in (``inLanguage``).
"""

from __future__ import annotations

from site_core.chapter import Chapter

from .address import postal_address
from .event import Event

SCHEMA = "https://schema.org"
STATUS = {
    "scheduled": "EventScheduled",
    "rescheduled": "EventRescheduled",
    "postponed": "EventPostponed",
    "cancelled": "EventCancelled",
}
ATTENDANCE = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}
CURRENCY = "USD"  # Medicare for All is a US campaign; events are free


def _place(event: Event, chapter: Chapter) -> dict:
    address = postal_address(event.address, chapter.city, chapter.region, chapter.country)
    return {"@type": "Place", "name": event.place, "address": address}


def event_objects(
    event: Event, *, page_url: str, chapter: Chapter, image: str, language: str | None = None
) -> list[dict]:
    """The schema.org Event objects of every occurrence of ``event``; ``language``: the
    language of its words, given on a site in several languages.

    ``chapter`` is always there: a build whose chapter file is not valid writes no page.
    """
    locations = []
    if event.attendance in {"offline", "mixed"}:
        locations.append(_place(event, chapter))
    if event.attendance in {"online", "mixed"}:
        locations.append({"@type": "VirtualLocation", "url": event.online})
    base = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.title,
        "eventStatus": f"{SCHEMA}/{STATUS[event.status]}",
        "eventAttendanceMode": f"{SCHEMA}/{ATTENDANCE[event.attendance]}",
        "location": locations[0] if len(locations) == 1 else locations,
        "description": event.description_text or f"{event.type_label}: {event.title}",
        "image": [image],
        "url": page_url,
        "organizer": {"@type": "Organization", "name": chapter.name, "url": chapter.site_url},
    }
    if language:
        base["inLanguage"] = language
    if event.previous_start is not None:
        base["previousStartDate"] = event.previous_start.isoformat()
    if event.rsvp:
        base["offers"] = {
            "@type": "Offer",
            "url": event.rsvp,
            "price": 0,
            "priceCurrency": CURRENCY,
            "availability": f"{SCHEMA}/InStock",
        }
    return [
        {
            **base,
            "startDate": o.start_iso,
            "endDate": o.end_iso,
            "@id": f"{page_url}#{o.anchor}",
        }
        for o in event.occurrences
    ]
