"""The events listing and an event page in Chromium, on a phone, with JavaScript off."""

from __future__ import annotations

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
