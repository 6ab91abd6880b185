"""The JSON Feed of upcoming events, read as the JSON Feed 1.1 spec says a reader may read it.

The spec's rules for the top level and for items (https://jsonfeed.org/version/1.1)
are written below as a JSON Schema and checked with ``jsonschema`` (dates with its
RFC 3339 format checker); every item's ``url`` must lead to a built page and to an
element with that id on it.
"""

from __future__ import annotations

from datetime import datetime, time
import json
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker

from sitebuild import build_site, make_content, soup

RFC_3339 = {"type": "string", "format": "date-time"}
URL = {"type": "string", "pattern": "^https?://[^\\s]+$"}
TEXT = {"type": "string"}
AUTHORS = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"name": TEXT, "url": TEXT, "avatar": TEXT},
        "minProperties": 1,
    },
}
#: RFC 5646 language tag, as JSON Feed's ``language`` (e.g. en, en-US, es-419).
LANGUAGE = {"type": "string", "pattern": "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$"}
#: Extension names begin with "_" and a letter; no key contains ".".
KEYS = {"propertyNames": {"not": {"pattern": "\\."}}}
ITEM = {
    "type": "object",
    "required": ["id"],
    "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
    "properties": {
        "id": TEXT,
        "url": URL,
        "external_url": URL,
        "title": TEXT,
        "content_html": TEXT,
        "content_text": TEXT,
        "summary": TEXT,
        "image": URL,
        "banner_image": URL,
        "date_published": RFC_3339,
        "date_modified": RFC_3339,
        "authors": AUTHORS,
        "tags": {"type": "array", "items": TEXT},
        "language": LANGUAGE,
        "attachments": {"type": "array"},
    },
    "patternProperties": {"^_[a-zA-Z]": {"type": "object", **KEYS}},
    "additionalProperties": False,
    **KEYS,
}
JSON_FEED_1_1 = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": TEXT,
        "home_page_url": URL,
        "feed_url": URL,
        "description": TEXT,
        "user_comment": TEXT,
        "next_url": URL,
        "icon": URL,
        "favicon": URL,
        "authors": AUTHORS,
        "language": LANGUAGE,
        "expired": {"type": "boolean"},
        "hubs": {"type": "array"},
        "items": {"type": "array", "items": ITEM},
    },
    "patternProperties": {"^_[a-zA-Z]": {"type": "object"}},
    "additionalProperties": False,
}


def feed_of(output: Path) -> dict:
    """The built feed, parsed."""
    return json.loads((output / "events" / "upcoming.json").read_text(encoding="utf-8"))


def check_spec(feed: dict) -> None:
    """Fail with every rule of JSON Feed 1.1 the feed breaks."""
    validator = Draft202012Validator(JSON_FEED_1_1, format_checker=FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(feed)]
    assert errors == []


def target_exists(output: Path, url: str, site: str) -> bool:
    """Whether ``url`` leads to a built page of ``output`` and, with a #fragment, to that id."""
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == site, url
    path = output / parts.path.lstrip("/")
    page = path / "index.html" if parts.path.endswith("/") else path
    if not page.is_file():
        return False
    return not parts.fragment or soup(page).find(id=parts.fragment) is not None


def test_the_sample_feed_follows_json_feed_1_1_and_every_url_leads_to_its_date(sample_site):
    feed = feed_of(sample_site)
    check_spec(feed)
    site = "https://m4a.madisondsa.org"
    assert feed["language"] == "en"
    assert target_exists(sample_site, feed["home_page_url"], site)
    assert target_exists(sample_site, feed["feed_url"], site)
    items = feed["items"]
    assert len(items) > 20
    missing = [i["url"] for i in items if not target_exists(sample_site, i["url"], site)]
    assert missing == []
    single = [i for i in items if "-weekly-" not in i["url"]]
    assert single, "the sample has events with one date: their items need an anchor too"
    for item in items:
        published = datetime.fromisoformat(item["date_published"])
        event = item["_event"]
        if event.get("all_day"):  # the start is a day alone: published at its local midnight
            assert (published.date().isoformat(), published.time()) == (event["start"], time())
        else:
            assert published == datetime.fromisoformat(event["start"])
        assert published.utcoffset() is not None


def test_every_jsonld_id_leads_to_its_date(sample_site):
    site = "https://m4a.madisondsa.org"
    for page in sorted((sample_site / "events").glob("*/index.html")):
        for script in soup(page).find_all("script", type="application/ld+json"):
            for data in json.loads(script.string):
                assert target_exists(sample_site, data["@id"], site), data["@id"]


EVENTS = """\
- title: Door knocking in Atwood
  type: canvass
  start: 2026-12-05 10:00
  location: Olbrich Park Beach House
  slug: atwood
  description: |
    Meet at the shelter.
    Bring water.

    Sign up with [the sign-up form](https://example.org/form).
- title: Rally
  type: rally
  start: 2026-12-12 12:00
  location: Capitol Square
  cancelled: true
  slug: capitol-rally
"""


def test_items_do_not_change_with_the_build_date(tmp_path, monkeypatch):
    """date_published comes from the content: two builds a day apart give the same items."""
    content = make_content(tmp_path, {"events/a.yml": EVENTS})
    first = feed_of(build_site(content, tmp_path / "one" / "output"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1795608000 + 86400))
    second = feed_of(build_site(content, tmp_path / "two" / "output"))
    assert first == second
    check_spec(first)
    atwood, rally = first["items"]
    assert atwood["date_published"] == "2026-12-05T10:00:00-06:00"
    assert atwood["content_text"] == (
        "Meet at the shelter. Bring water.\n\n"
        "Sign up with the sign-up form (https://example.org/form)."
    )
    assert atwood["summary"] == (
        "Saturday, December 5, 2026, 10:00\u202fAM – 1:00\u202fPM · Olbrich Park Beach House"
    )
    assert rally["summary"].startswith("Cancelled: Saturday, December 12, 2026")
