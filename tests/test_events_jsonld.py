"""Events' schema.org data as a search engine reads it, and og:locale as a social site reads it.

``extruct`` (lxml) extracts the JSON-LD and Open Graph data from the built pages;
every value is then checked against the types schema.org expects for its property
(the ranges below, from https://schema.org/Event and the pages of each type), and
a place's one-line address must come out as a structured PostalAddress.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import extruct
import pytest

from events.address import postal_address
from sitebuild import build_site, make_content

#: schema.org's expected types ("rangeIncludes") of each property the events use, by type.
RANGES = {
    "Event": {
        "name": {"Text"},
        "startDate": {"Date", "DateTime"},
        "endDate": {"Date", "DateTime"},
        "previousStartDate": {"Date", "DateTime"},
        "eventStatus": {"EventStatusType"},
        "eventAttendanceMode": {"EventAttendanceModeEnumeration"},
        "location": {"Place", "PostalAddress", "Text", "VirtualLocation"},
        "description": {"Text", "TextObject"},
        "image": {"ImageObject", "URL"},
        "url": {"URL"},
        "organizer": {"Organization", "Person"},
        "offers": {"Offer", "Demand"},
        "inLanguage": {"Language", "Text"},  # a BCP 47 code, as Text
    },
    "Place": {"name": {"Text"}, "address": {"PostalAddress", "Text"}, "url": {"URL"}},
    "PostalAddress": {
        "streetAddress": {"Text"},
        "addressLocality": {"Text"},
        "addressRegion": {"Text"},
        "postalCode": {"Text"},
        "addressCountry": {"Country", "Text"},
    },
    "VirtualLocation": {"name": {"Text"}, "url": {"URL"}},
    "Offer": {
        "url": {"URL"},
        "price": {"Number", "Text"},
        "priceCurrency": {"Text"},
        "availability": {"ItemAvailability"},
    },
    "Organization": {"name": {"Text"}, "url": {"URL"}},
}
#: The members of the enumerations above.
ENUMERATIONS = {
    "EventStatusType": {
        "EventCancelled",
        "EventMovedOnline",
        "EventPostponed",
        "EventRescheduled",
        "EventScheduled",
    },
    "EventAttendanceModeEnumeration": {
        "MixedEventAttendanceMode",
        "OfflineEventAttendanceMode",
        "OnlineEventAttendanceMode",
    },
    "ItemAvailability": {"InStock", "SoldOut", "LimitedAvailability", "PreOrder", "OutOfStock"},
}
JSON_LD_KEYWORDS = {"@context", "@type", "@id"}


def _is_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def _is_datetime(text: str) -> bool:
    try:
        return datetime.fromisoformat(text).utcoffset() is not None and "T" in text
    except ValueError:
        return False


def _is_date(text: str) -> bool:
    try:
        return date.fromisoformat(text) is not None
    except ValueError:
        return False


def _text_conforms(value: str, ranges: set[str]) -> bool:
    checks = {
        "Text": lambda v: True,
        "URL": _is_url,
        "DateTime": _is_datetime,
        "Date": _is_date,
    }
    if any(check(value) for name, check in checks.items() if name in ranges):
        return True
    return any(
        value in {f"https://schema.org/{m}" for m in ENUMERATIONS[r]}
        for r in ranges & ENUMERATIONS.keys()
    )


def schema_problems(value, ranges: set[str], where: str) -> list[str]:
    """Every value in ``value`` that is not of a type schema.org expects for its property."""
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in schema_problems(v, ranges, f"{where}[{i}]")]
    if isinstance(value, dict):
        kind = value.get("@type")
        if kind not in ranges or kind not in RANGES:
            return [f"{where}: a {kind} where schema.org expects {sorted(ranges)}"]
        problems = []
        for key, item in value.items():
            if key in JSON_LD_KEYWORDS:
                continue
            if key not in RANGES[kind]:
                problems.append(f"{where}.{key}: not a property of {kind}")
            else:
                problems += schema_problems(item, RANGES[kind][key], f"{where}.{key}")
        return problems
    if isinstance(value, bool) or value is None:
        return [f"{where}: {value!r} is not a value"]
    if isinstance(value, int | float):
        return [] if "Number" in ranges else [f"{where}: a number where {sorted(ranges)}"]
    if not _text_conforms(value, ranges):
        return [f"{where}: {value!r} is not one of {sorted(ranges)}"]
    return []


def extracted(page: Path, syntax: str) -> list[dict]:
    """The page's data of one syntax ("json-ld", "opengraph"), as extruct reads it."""
    data = extruct.extract(
        page.read_text(encoding="utf-8"),
        base_url="https://m4a.madisondsa.org/",
        syntaxes=[syntax],
        uniform=True,
    )
    return data[syntax]


def event_pages(output: Path) -> list[Path]:
    """Every event's page of a built site."""
    return [p for p in sorted((output / "events").glob("*/index.html")) if extracted(p, "json-ld")]


def test_every_sample_event_is_schema_org_data_of_the_expected_types(sample_site):
    pages = event_pages(sample_site)
    assert len(pages) >= 10
    addresses = 0
    for page in pages:
        for event in extracted(page, "json-ld"):
            assert event["@context"] == "https://schema.org"
            assert schema_problems(event, {"Event"}, page.parent.name) == []
            location = event["location"]
            locations = location if isinstance(location, list) else [location]
            places = [p for p in locations if p["@type"] == "Place"]
            for place in places:
                address = place["address"]
                assert address["addressCountry"] == "US"
                assert address["addressLocality"] == "Madison"
                if "streetAddress" in address:
                    addresses += 1
                    assert address["addressRegion"] == "WI"
                    assert len(address["postalCode"]) == 5 and address["postalCode"].isdigit()
                    assert "," not in address["streetAddress"]
    assert addresses >= 8


def test_a_private_address_gives_only_the_city(sample_site):
    page = sample_site / "events" / "2026-12-06-house-meeting-our-health-care-stories"
    (event,) = extracted(page / "index.html", "json-ld")
    assert event["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Madison",
        "addressRegion": "Wisconsin",
        "addressCountry": "US",
    }


def test_every_page_says_its_locale_as_language_and_territory(sample_site):
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        (graph,) = extracted(page, "opengraph")
        spanish = page.relative_to(sample_site).parts[0] == "es"  # the sample is also in Spanish
        assert graph["og:locale"] == ("es_US" if spanish else "en_US"), page


ADDRESSED = """\
- title: Town hall
  type: town-hall
  start: 2026-12-05 10:00
  location: "Library <b>\\"main\\"</b> </script>"
  address: "1234 Main St, Suite 5, Springfield, IL 62701, USA"
  slug: springfield-town-hall
- title: Canvass
  type: canvass
  start: 2026-12-06 10:00
  location: Washington Park
  address: 400 S Grand Ave W
  slug: park-canvass
- title: Rally
  type: rally
  start: 2026-12-07 12:00
  location: The Capitol
  address: 1 Capitol Ave, Sacramento, California
  online: https://example.org/stream
  slug: capitol-rally
"""


@pytest.mark.parametrize(
    ("language", "country", "locale"),
    [("es-MX", "US", "es_MX"), ("fr", "ca", "fr_CA"), ("en", None, "en_US")],
)
def test_structured_addresses_and_locale_of_a_fixture_chapter(tmp_path, language, country, locale):
    content = make_content(tmp_path, {"events/a.yml": ADDRESSED})
    chapter = content / "chapter.yml"
    extra = f"language: {language}\n" + (f"country: {country}\n" if country else "")
    chapter.write_text(chapter.read_text() + extra, encoding="utf-8")
    output = build_site(content, tmp_path / "output")
    territory = (country or "US").upper()

    def address_of(slug: str) -> dict:
        (event,) = extracted(output / "events" / slug / "index.html", "json-ld")
        assert schema_problems(event, {"Event"}, slug) == []
        location = event["location"]
        place = location if isinstance(location, dict) else location[0]
        return place["address"]

    if territory == "US":
        assert address_of("springfield-town-hall") == {
            "@type": "PostalAddress",
            "streetAddress": "1234 Main St, Suite 5",
            "addressLocality": "Springfield",
            "addressRegion": "IL",
            "postalCode": "62701",
            "addressCountry": "US",
        }
        rally = address_of("capitol-rally")
        assert (rally["addressLocality"], rally["addressRegion"]) == ("Sacramento", "California")
    assert address_of("park-canvass")["addressLocality"] == "Springfield"  # the chapter's city
    assert address_of("park-canvass")["addressRegion"] == "Illinois"  # the chapter's region
    assert address_of("park-canvass")["addressCountry"] == territory
    (graph,) = extracted(output / "events" / "park-canvass" / "index.html", "opengraph")
    assert graph["og:locale"] == locale


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("3527 Atwood Ave, Madison, WI 53714", ("3527 Atwood Ave", "Madison", "WI", "53714")),
        (
            "3527 Atwood Ave, Madison, WI 53714, United States",
            ("3527 Atwood Ave", "Madison", "WI", "53714"),
        ),
        ("10 Elm St, New York, NY 10001-1234", ("10 Elm St", "New York", "NY", "10001-1234")),
        ("2 E Main St, Milwaukee, Wisconsin", ("2 E Main St", "Milwaukee", "Wisconsin", None)),
        ("2 E Main St, Milwaukee", ("2 E Main St", "Milwaukee", "Oregon", None)),
        ("2 E Main St, 53703", ("2 E Main St", "Portland", "Oregon", "53703")),
        (
            "Olbrich Park, 3527 Atwood Ave, Madison",
            ("Olbrich Park, 3527 Atwood Ave", "Madison", "Oregon", None),
        ),
        ("123 Main, Sacramento, CA 95814", ("123 Main", "Sacramento", "CA", "95814")),
        ("just a place", ("just a place", "Portland", "Oregon", None)),
        (" , ,, ", (None, "Portland", "Oregon", None)),
        ("", (None, "Portland", "Oregon", None)),
        ("x" * 10_000, ("x" * 10_000, "Portland", "Oregon", None)),
    ],
)
def test_an_address_line_is_read_from_its_end(line, parts):
    address = postal_address(line, "Portland", "Oregon", "US")
    street, locality, region, postal_code = parts
    assert address.get("streetAddress") == street
    assert address["addressLocality"] == locality
    assert address["addressRegion"] == region
    assert address.get("postalCode") == postal_code
    assert address["addressCountry"] == "US"


def test_regions_and_postal_codes_of_another_country():
    address = postal_address("1 Rue Sainte-Catherine, Montréal, QC H2X 1Y4", "Laval", "QC", "CA")
    assert address == {
        "@type": "PostalAddress",
        "streetAddress": "1 Rue Sainte-Catherine",
        "addressLocality": "Montréal",
        "addressRegion": "QC",
        "postalCode": "H2X 1Y4",
        "addressCountry": "CA",
    }


def test_the_type_check_finds_what_schema_org_does_not_expect():
    wrong = {
        "@type": "Event",
        "name": "x",
        "startDate": "2026-12-05 10:00",  # no offset, no T
        "eventStatus": "Scheduled",
        "url": "/events/x/",
        "location": {"@type": "Place", "address": {"@type": "PostalAddress", "zip": "53703"}},
        "organizer": {"@type": "Place", "name": "x"},
        "offers": {"@type": "Offer", "price": True},
    }
    problems = schema_problems(wrong, {"Event"}, "x")
    assert [p.split(":")[0] for p in problems] == [
        "x.startDate",
        "x.eventStatus",
        "x.url",
        "x.location.address.zip",
        "x.organizer",
        "x.offers.price",
    ]
