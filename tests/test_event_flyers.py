"""Event flyers as built: which events get one, what they say (never a private address),
and that they stay out of search. Printing and the QR code: tests/browser/test_flyers.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import build_site, make_content, soup

EVENTS = """\
- title: Canvass <b>with</b> "quotes" & ampersands
  type: canvass
  start: 2026-12-05 10:00
  end: 2026-12-05 13:00
  location: Olbrich Park Beach House
  address: 3527 Atwood Ave, Madison, WI 53714
  bring: Comfortable shoes and a charged phone
  accessibility: Step-free entrance
  languages: English, Spanish
  slug: atwood-canvass
- title: House meeting
  type: meeting
  start: 2026-12-06 18:00
  location: Near East Side
  address_private: true
  rsvp: https://example.org/rsvp
  slug: house-meeting
- title: Cancelled rally
  type: rally
  start: 2026-12-12 12:00
  location: The Capitol
  cancelled: true
  slug: cancelled-rally
- title: Last month's canvass
  type: canvass
  start: 2026-10-10 10:00
  location: Tenney Park
  slug: past-canvass
"""


@pytest.fixture
def site(tmp_path) -> Path:
    """The events above, built on the tests' build date (2026-11-25, conftest)."""
    return build_site(make_content(tmp_path, {"events/events.yml": EVENTS}), tmp_path / "output")


def flyer(site: Path, slug: str) -> Path:
    return site / "events" / slug / "flyer" / "index.html"


def test_only_upcoming_events_that_still_happen_get_a_flyer(site: Path):
    assert flyer(site, "atwood-canvass").is_file() and flyer(site, "house-meeting").is_file()
    assert not flyer(site, "cancelled-rally").exists()
    assert not flyer(site, "past-canvass").exists()
    for slug, linked in [
        ("atwood-canvass", True),
        ("cancelled-rally", False),
        ("past-canvass", False),
    ]:
        page = soup(site / "events" / slug / "index.html")
        link = page.find("a", string="Print a flyer")
        assert bool(link) == linked, slug
        if link:
            assert link["href"] == f"/events/{slug}/flyer/"


def test_the_flyer_says_what_where_when_and_what_to_bring(site: Path):
    page = soup(flyer(site, "atwood-canvass"))
    assert page.h1.get_text() == 'Canvass <b>with</b> "quotes" & ampersands'  # as text
    facts = dict(
        zip(
            [dt.get_text(strip=True) for dt in page.select(".flyer-facts dt")],
            [dd.get_text(" ", strip=True) for dd in page.select(".flyer-facts dd")],
            strict=True,
        )
    )
    assert facts == {
        "When": "Saturday, December 5, 2026, 10:00\u202fAM – 1:00\u202fPM",
        "Where": "Olbrich Park Beach House 3527 Atwood Ave, Madison, WI 53714",
        "Bring": "Comfortable shoes and a charged phone",
        "Access": "Step-free entrance",
        "Languages": "English, Spanish",
    }
    assert page.select_one(".flyer-chapter").get_text() == "Test Chapter"
    assert page.select_one(".flyer-url").get_text() == "m4a.example.org/events/atwood-canvass"
    assert len(page.select(".flyer-tabs li")) == 6
    code = page.select_one("svg.flyer-qr-code")
    assert code["role"] == "img" and code["aria-label"]
    assert not page.select("[style]")


def test_a_private_events_flyer_gives_the_neighbourhood_only(site: Path):
    page = soup(flyer(site, "house-meeting"))
    where = page.select(".flyer-facts dd")[1].get_text(" ", strip=True)
    assert where == "Near East Side Address sent after you RSVP"


def test_flyers_stay_out_of_search_and_the_sitemaps(site: Path):
    page = soup(flyer(site, "atwood-canvass"))
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not page.main.has_attr("data-pagefind-body")
    assert "/flyer/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    site_map = soup(site / "site-map" / "index.html")
    assert not [a for a in site_map.select("main a") if "/flyer/" in a["href"]]
    assert site_map.find("a", href="/events/atwood-canvass/")  # the event itself is listed


def test_no_flyer_tabs_when_the_chapter_wants_none(tmp_path: Path):
    output = build_site(
        make_content(tmp_path, {"events/events.yml": EVENTS}),
        tmp_path / "output",
        EVENTS_FLYER_TABS=0,
    )
    assert not soup(flyer(output, "atwood-canvass")).select(".flyer-tabs")
