"""The events listing and an event page in Chromium, on a phone, with JavaScript off."""

from __future__ import annotations

from datetime import UTC, datetime
import json

import icalendar

from conftest import PHONE

ATWOOD = "events/2026-12-05-door-knocking-in-atwood/"


def phone_page(browser):
    """A page in a phone-sized context with scripts off."""
    return browser.new_context(viewport=PHONE, java_script_enabled=False).new_page()


def test_listing_filters_by_type_without_javascript(browser, site_url):
    page = phone_page(browser)
    page.goto(site_url + "events/")
    assert page.locator("h1").inner_text() == "Events"
    assert page.locator("main h2").first.inner_text() == "December 2026"
    cards = page.locator(".event-card")
    assert cards.count() > 10
    first_rsvp = cards.locator("a.button").first
    assert first_rsvp.is_visible()
    box = first_rsvp.bounding_box()
    assert box["height"] >= 44 and box["x"] + box["width"] <= PHONE["width"]
    page.get_by_role("link", name="Canvasses").click()
    page.wait_for_url("**/events/canvass/")
    assert page.locator("h1").inner_text() == "Canvasses"
    types = page.locator(".event-card .event-type").all_inner_texts()
    assert types and set(types) == {"Canvass"}
    current = page.locator('.event-filter a[aria-current="page"]')
    assert current.inner_text().startswith("Canvasses")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.context.close()


def test_event_page_on_a_phone_has_rsvp_map_calendar_and_structured_data(browser, site_url):
    page = phone_page(browser)
    page.goto(site_url + "events/")
    page.get_by_role("link", name="Door knocking in Atwood").first.click()
    page.wait_for_url("**/" + ATWOOD)
    assert page.locator("h1").inner_text().strip() == "Door knocking in Atwood"
    rsvp = page.get_by_role("link", name="RSVP for Door knocking in Atwood")
    assert rsvp.is_visible()
    assert rsvp.get_attribute("href").startswith("https://www.mobilize.us/")
    assert page.get_by_role("link", name="Map (OpenStreetMap)").is_visible()
    assert page.locator("address").inner_text().startswith("Olbrich Park Beach House")
    add = page.get_by_role("link", name="Add to calendar (.ics)")
    assert add.is_visible()
    response = page.request.get(site_url + add.get_attribute("href").lstrip("/"))
    assert response.ok
    (vevent,) = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Door knocking in Atwood"
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data[0]["name"] == "Door knocking in Atwood"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.context.close()


# --- freshness between builds: events-fresh.js ----------------------------------------------

#: The sample site is built on 2026-11-25 12:00 UTC (conftest). By these readers' clocks,
#: some of its upcoming events have ended (early December), or all of December's.
SOME_ENDED = datetime(2026, 12, 6, 0, 0, tzinfo=UTC)
DECEMBER_OVER = datetime(2027, 1, 1, 12, 0, tzinfo=UTC)


def cards_by_end(page) -> list[tuple[datetime, bool]]:
    """Each upcoming card's end (from its data-event-end) and whether it is shown."""
    return [
        (datetime.fromisoformat(card.get_attribute("data-event-end")), card.is_visible())
        for card in page.locator("[data-event-end]").all()
    ]


def page_at(browser, when: datetime | None, *, javascript: bool = True):
    """A phone-sized page whose clock reads ``when``."""
    page = browser.new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    if when is not None:
        page.clock.set_fixed_time(when)
    return page


def test_events_that_ended_by_the_readers_clock_leave_the_listing(browser, site_url):
    page = page_at(browser, SOME_ENDED)
    page.goto(site_url + "events/")
    cards = cards_by_end(page)
    ended = [shown for end, shown in cards if end <= SOME_ENDED]
    coming = [shown for end, shown in cards if end > SOME_ENDED]
    assert ended and coming, "the sample site has events on both sides of the clock"
    assert not any(ended) and all(coming)
    assert page.locator("h2", has_text="December 2026").is_visible()
    assert not page.locator("[data-events-none]").is_visible()
    page.context.close()


def test_a_month_whose_events_all_ended_is_hidden(browser, site_url):
    page = page_at(browser, DECEMBER_OVER)
    page.goto(site_url + "events/")
    assert not page.locator("h2", has_text="December 2026").is_visible()
    assert page.locator("h2", has_text="January 2027").is_visible()
    assert all(shown == (end > DECEMBER_OVER) for end, shown in cards_by_end(page))
    page.goto(site_url + "events/rally/")  # its only event, on December 12, has ended
    assert not page.locator("[data-event-end]").first.is_visible()
    assert page.locator("[data-events-none]").is_visible()
    page.context.close()


def test_the_home_page_hides_ended_events_too(browser, site_url):
    page = page_at(browser, DECEMBER_OVER)
    page.goto(site_url)
    cards = cards_by_end(page)
    assert cards and not any(shown for _, shown in cards)
    assert page.locator("[data-events-none]").is_visible()
    assert page.get_by_role("link", name="All events").is_visible()
    page.context.close()


def test_without_javascript_the_build_date_decides(browser, site_url):
    for address in ("events/", ""):
        page = page_at(browser, DECEMBER_OVER, javascript=False)
        page.goto(site_url + address)
        cards = cards_by_end(page)
        assert cards and all(shown for _, shown in cards)
        assert not page.locator("[data-events-none]").is_visible()
        page.context.close()
