"""The sample site's events: listings, pages, JSON-LD, calendars, JSON feed, a member's home."""

from __future__ import annotations

from datetime import UTC, datetime
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import yaml

from sitebuild import ROOT, soup

SAMPLE_ZONE = ZoneInfo("America/Chicago")  # content/chapter.yml
REQUIRED_JSONLD = {
    "@context",
    "@type",
    "name",
    "startDate",
    "endDate",
    "eventStatus",
    "eventAttendanceMode",
    "location",
    "description",
    "organizer",
    "image",
    "url",
}


def instant(text: str) -> datetime:
    """An ISO date and time with its offset, or a date alone (all day): its local midnight."""
    value = datetime.fromisoformat(text)
    if len(text) == 10:
        return value.replace(tzinfo=SAMPLE_ZONE)
    assert value.utcoffset() is not None, text
    return value


def test_a_meeting_in_a_members_home_shows_the_neighbourhood_and_how_to_get_the_address(
    sample_site: Path,
):
    events = yaml.safe_load((ROOT / "content" / "events" / "meetings.yml").read_text())
    [home] = [e for e in events if e.get("address_private")]
    assert "address" not in home  # the rule: the address is never written down
    slug = "2026-12-06-house-meeting-our-health-care-stories"
    page = soup(sample_site / "events" / slug / "index.html")
    assert page.find("address").get_text(" ", strip=True) == (
        f"{home['location']} Address sent after you RSVP"
    )
    assert not page.find("a", string="Map (OpenStreetMap)")
    [vevent] = icalendar.Calendar.from_ical(
        (sample_site / "events" / f"{slug}.ics").read_bytes()
    ).walk("VEVENT")
    assert str(vevent["LOCATION"]) == f"{home['location']} (address sent after you RSVP)"


def test_every_event_page_has_valid_event_jsonld(sample_site: Path):
    pages = sorted((sample_site / "events").glob("*/index.html"))
    event_pages = [p for p in pages if p.parent.name[:4].isdigit()]
    assert len(event_pages) >= 10
    for path in event_pages:
        (script,) = soup(path).find_all("script", type="application/ld+json")
        for data in json.loads(script.string):
            assert data.keys() >= REQUIRED_JSONLD, path
            assert data["@type"] == "Event"
            assert instant(data["startDate"]) <= instant(data["endDate"])  # dates: inclusive
            assert data["url"].startswith("https://m4a.madisondsa.org/events/")
            locations = (
                data["location"] if isinstance(data["location"], list) else [data["location"]]
            )
            assert {loc["@type"] for loc in locations} <= {"Place", "VirtualLocation"}
            if "offers" in data:
                assert data["offers"]["url"].startswith("https://")


def test_every_calendar_file_parses_with_icalendar(sample_site: Path):
    files = sorted(sample_site.rglob("*.ics"))
    names = {p.relative_to(sample_site).as_posix() for p in files}
    assert {"events/calendar.ics", "events/canvass.ics", "events/phonebank.ics"} <= names
    stamp = datetime(2026, 11, 25, 12, tzinfo=UTC)
    for path in files:
        cal = icalendar.Calendar.from_ical(path.read_bytes())
        # No METHOD: a published calendar, not a scheduling message (RFC 4791 4.1, RFC 5546).
        assert str(cal["VERSION"]) == "2.0" and "METHOD" not in cal
        tzids = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
        for vevent in cal.walk("VEVENT"):
            assert vevent["DTSTAMP"].dt == stamp
            assert vevent.end > vevent.start
            if isinstance(vevent.start, datetime):  # else all day: a date, DTEND exclusive
                assert vevent.start.tzinfo is not None
                assert str(vevent["DTSTART"].params.get("TZID", "UTC")) in tzids | {"UTC"}
            # Each language's calendar links to the pages in its language.
            folder = path.relative_to(sample_site).parts[0]
            prefix = "" if folder == "events" else f"{folder}/"
            assert str(vevent["URL"]).startswith(f"https://m4a.madisondsa.org/{prefix}events/")
    whole = icalendar.Calendar.from_ical((sample_site / "events" / "calendar.ics").read_bytes())
    uids = [str(v["UID"]) for v in whole.walk("VEVENT")]
    assert len(uids) == len(set(uids)) > 20
    statuses = {str(v["SUMMARY"]): str(v["STATUS"]) for v in whole.walk("VEVENT")}
    assert statuses["Cancelled: Rally for single payer at the Capitol"] == "CANCELLED"


def test_json_feed_lists_upcoming_events_in_order(sample_site: Path):
    feed = json.loads((sample_site / "events" / "upcoming.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    items = feed["items"]
    starts = [instant(i["_event"]["start"]) for i in items]
    assert starts == sorted(starts)
    assert all(instant(i["_event"]["end"]) > datetime(2026, 11, 25, 12, tzinfo=UTC) for i in items)
    day = next(i["_event"] for i in items if i["title"].startswith("Statewide day of action"))
    assert (day["all_day"], day["start"], day["end"]) == (True, "2027-01-23", "2027-01-23")
    assert {i["_event"]["status"] for i in items} >= {
        "scheduled",
        "cancelled",
        "postponed",
        "rescheduled",
    }
    assert all(i["id"] and i["url"].startswith("https://m4a.madisondsa.org/events/") for i in items)


def test_listing_is_grouped_by_month_with_place_type_and_rsvp(sample_site: Path):
    page = soup(sample_site / "events" / "index.html")
    months = [h.get_text() for h in page.select('main section[aria-labelledby^="month-"] > h2')]
    assert months == ["December 2026", "January 2027", "February 2027", "March 2027"]
    times = [instant(c.find("time")["datetime"]) for c in page.select(".event-card")]
    assert times == sorted(times)
    atwood = next(
        c for c in page.select(".event-card") if "Door knocking in Atwood" in c.h3.get_text()
    )
    assert "Canvass · Olbrich Park Beach House" in atwood.get_text(" ", strip=True)
    assert atwood.find("a", class_="button")["href"].startswith("https://www.mobilize.us/")
    online = next(c for c in page.select(".event-card") if "phonebank" in c.h3.get_text().lower())
    assert "Phonebank · Online" in online.get_text(" ", strip=True)
    assert page.find("a", href="/events/past/")
    past = soup(sample_site / "events" / "past" / "index.html")
    assert "Door knocking on the Near East Side" in [
        a.get_text() for a in past.select(".event-card h3 a")
    ]


def test_home_page_shows_the_next_events_and_the_events_button(sample_site: Path):
    home = soup(sample_site / "index.html")
    cards = home.select("#events-heading ~ .event-card")
    assert len(cards) == 3
    times = [datetime.fromisoformat(c.find("time")["datetime"]) for c in cards]
    assert times == sorted(times) and times[0] > datetime(2026, 11, 25, 12, tzinfo=UTC)
    secondary = [a.get_text(strip=True) for a in home.select("main .hero .actions a.secondary")]
    assert secondary[0] == "Come to an event"
    menu = home.select_one(".site-header nav:not(.languages)")
    assert menu.find("a", string="Events")["href"] == "/events/"


def test_calendar_names_are_escaped_text(tmp_path: Path):
    """A title with a comma, a semicolon and a line break is one calendar name, not a crash."""
    from sitebuild import build_site, make_content

    content = make_content(
        tmp_path,
        {
            "events/a.yml": (
                '- title: "Town hall, part 1;\\nnurses"\n  type: town-hall\n  location: Hall\n'
                "  start: 2026-12-05 10:00\n  slug: hall-1\n"
            )
        },
    )
    output = build_site(content, tmp_path / "output")
    calendar = icalendar.Calendar.from_ical((output / "events" / "hall-1.ics").read_bytes())
    # Written as RFC 5545 TEXT; icalendar leaves an X- property as written when it reads.
    assert str(calendar["X-WR-CALNAME"]) == "Town hall\\, part 1\\;\\nnurses"
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Town hall, part 1;\nnurses"
