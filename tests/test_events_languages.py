"""Events in several languages: the translations field, the Spanish pages, listings,
calendars and feed, the switcher's alternates, the gap report, and a one-language site.

A small site in English and Spanish is built once for the module (the build date is pinned
to 2026-11-25 12:00 UTC by conftest); problems are read from the files as a build reads them.
"""

from __future__ import annotations

from datetime import UTC, datetime
import json
from pathlib import Path

import icalendar
import pytest
from test_events_feed import check_spec
import vobject

from events.languages import translation_units
from events.loader import read_file
from events.rules import BuildFacts
from ics_readers import read_all
from site_core.i18n import SiteLanguages
from site_core.problems import ContentProblems, ProblemReport
from site_core.translations import source_digest
from sitebuild import MINIMAL_CHAPTER, build_site, make_content, soup

SPANISH = SiteLanguages("en", ("es",))
FACTS = BuildFacts(
    "America/Chicago", datetime(2026, 11, 25, 12, tzinfo=UTC), "example.org", SPANISH
)
ATWOOD_TITLE = "Door knocking in Atwood"
ATWOOD_TEXT = "We **knock on doors** in Atwood."
CHAPTER_IN_SPANISH = MINIMAL_CHAPTER.read_text(encoding="utf-8") + (
    "translations:\n  es:\n    campaign: Medicare para Todos\n"
)
EVENTS = f"""\
- title: {ATWOOD_TITLE}
  type: canvass
  start: 2026-12-05 10:00
  end: 2026-12-05 13:00
  location: Olbrich Park Beach House
  address: 3527 Atwood Ave, Madison, WI 53714
  rsvp: https://www.mobilize.us/example/event/1/
  accessibility: Step-free entrance
  slug: atwood
  description: |
    {ATWOOD_TEXT}
  translations:
    es:
      title: Tocamos puertas en Atwood
      description: |
        Tocamos **puertas** en Atwood.
      source_hash: {source_digest(ATWOOD_TITLE, ATWOOD_TEXT)}
      translation_status: draft
- title: Rally at the Capitol
  type: rally
  start: 2026-12-12 12:00
  location: Capitol Square
  cancelled: true
  cancelled_reason: Freezing rain.
  slug: capitol-rally
  description: Tell the legislature.
- title: Town hall on the East Side
  type: town-hall
  start: 2026-11-10 18:00
  location: Library
  slug: east-side-town-hall
  translations:
    es:
      title: Asamblea en el East Side
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A site in English and Spanish with a translated, an untranslated and a past event."""
    root = tmp_path_factory.mktemp("bilingual")
    content = make_content(root, {"chapter.yml": CHAPTER_IN_SPANISH, "events/events.yml": EVENTS})
    return build_site(content, root / "output", SEARCH_INDEX=False)


def jsonld(page) -> list[dict]:
    """The JSON-LD of a page, parsed."""
    (script,) = page.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def hreflangs(page) -> dict[str, str]:
    """The page's versions by language, from its ``<link rel=alternate hreflang>``."""
    return {
        link["hreflang"]: link["href"]
        for link in page.find_all("link", rel="alternate")
        if link.get("hreflang")
    }


# --- the format ---------------------------------------------------------------------------


def read(tmp_path: Path, text: str) -> tuple[list, ProblemReport]:
    """Read one events file of a site in English and Spanish, as the build does."""
    path = tmp_path / "content" / "events" / "a.yml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    report = ProblemReport(root=tmp_path)
    return read_file(path, report, FACTS).events, report


def test_a_translation_gives_the_event_its_words_in_that_language(tmp_path):
    (atwood, rally, town_hall), report = read(tmp_path, EVENTS)
    assert report.problems == []
    (words,) = atwood.translations
    assert (words.lang, words.title, words.status, words.line) == (
        "es",
        "Tocamos puertas en Atwood",
        "draft",
        13,
    )
    assert "<strong>puertas</strong>" in words.description_html
    assert words.source_hash == atwood.words_digest
    assert rally.translations == ()
    assert town_hall.translations[0].description_html == ""


BAD_TRANSLATIONS = """\
- title: Canvass
  type: canvass
  start: 2026-12-05 10:00
  location: Park
  translations:
    fr:
      title: Porte-à-porte
    en:
      title: Canvass
    es:
      titel: Puerta a puerta
      source_hash: 123
      translation_status: done
- title: Rally
  type: rally
  start: 2026-12-12 10:00
  location: Park
  translations:
    es:
      title: Manifestación
      description: |
        Ven <script>alert(1)</script> con nosotros.
"""


def test_every_mistake_in_translations_is_a_problem_at_its_line_with_a_fix(tmp_path):
    events, report = read(tmp_path, BAD_TRANSLATIONS)
    found = {(p.line, p.field): p for p in report.problems}
    french = found[(6, "'Canvass'.translations.fr")]
    assert "French" in french.message and "not in" in french.message
    assert "chapter.yml" in french.hint
    own = found[(8, "'Canvass'.translations.en")]
    assert "own language" in own.message and "'title:'" in own.hint
    assert found[(11, "'Canvass'.translations.es.titel")].hint == "did you mean 'title'?"
    assert (10, "'Canvass'.translations.es.title") in found  # missing: at its language
    assert (12, "'Canvass'.translations.es.source_hash") in found
    assert "draft" in found[(13, "'Canvass'.translations.es.translation_status")].hint
    # The sanitiser's policy, at the line of the translation's description.
    assert "<script>" in found[(21, "'Rally'.translations.es.description")].message
    assert [e.title for e in events] == ["Rally"]  # the canvass is refused, the rally kept


@pytest.mark.parametrize(
    ("key", "fix"), [("ES", "write 'es'"), ("Spanish", "write 'es'"), ("ES-mx", "write 'es-mx'")]
)
def test_a_language_not_written_as_its_code_is_a_problem_that_says_the_code(tmp_path, key, fix):
    text = "- title: Canvass\n  type: canvass\n  start: 2026-12-05 10:00\n  location: Park\n"
    events, report = read(tmp_path, f"{text}  translations:\n    {key}:\n      title: x\n")
    (problem,) = report.problems
    assert (problem.line, problem.field) == (6, f"'Canvass'.translations.{key}")
    assert "language code" in problem.message and problem.hint == fix
    assert events == []


def test_a_site_in_one_language_refuses_a_translation(tmp_path):
    content = make_content(tmp_path, {"events/events.yml": EVENTS})
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output", SEARCH_INDEX=False)
    lines = {(p.line, p.field) for p in stopped.value.report.errors}
    assert (13, "'Door knocking in Atwood'.translations.es") in lines


# --- pages --------------------------------------------------------------------------------


def test_the_spanish_page_of_a_translated_event_is_in_spanish(site: Path):
    page = soup(site / "es" / "events" / "atwood" / "index.html")
    assert page.html["lang"] == "es"
    heading = page.find("h1")
    assert heading.get_text(" ", strip=True) == "Tocamos puertas en Atwood"
    assert not heading.find(attrs={"lang": True})  # in the page's language: not marked
    facts = [dt.get_text(strip=True) for dt in page.select("dl.event-facts dt")]
    assert facts[:2] == ["Cuándo", "Dónde"]
    when = page.select_one("dl.event-facts dd time")
    assert when.get_text() == "sábado, 5 de diciembre de 2026"
    assert "lang" not in page.select_one("div.prose").attrs
    assert page.select_one("div.prose strong").get_text() == "puertas"
    # Fields that have no translation keep the event's language, marked.
    access = page.select("dl.event-facts dd")[2]
    assert access["lang"] == "en" and access.get_text(strip=True) == "Step-free entrance"
    rsvp = page.select_one("p.actions a.button")
    assert rsvp.get_text(" ", strip=True).startswith("Confirmar asistencia")
    calendar = page.select_one('p.actions a[href$=".ics"]')
    assert calendar["href"] == "/es/events/atwood.ics"
    assert page.select_one('p.actions a[href$="/flyer/"]')["href"] == "/es/events/atwood/flyer/"
    assert page.find("a", string="Todos los próximos eventos")["href"] == "/es/events/"


def test_event_pages_name_each_other_in_hreflang_and_json_ld_says_the_language(site: Path):
    english = soup(site / "events" / "atwood" / "index.html")
    spanish = soup(site / "es" / "events" / "atwood" / "index.html")
    versions = {
        "en": "https://m4a.example.org/events/atwood/",
        "es": "https://m4a.example.org/es/events/atwood/",
        "x-default": "https://m4a.example.org/events/atwood/",
    }
    assert hreflangs(english) == hreflangs(spanish) == versions
    (english_data,) = jsonld(english)
    (spanish_data,) = jsonld(spanish)
    assert (english_data["inLanguage"], english_data["name"]) == ("en", ATWOOD_TITLE)
    assert (spanish_data["inLanguage"], spanish_data["name"]) == ("es", "Tocamos puertas en Atwood")
    assert spanish_data["startDate"] == english_data["startDate"] == "2026-12-05T10:00:00-06:00"
    assert spanish_data["url"] == versions["es"]
    og_image = spanish.find("meta", property="og:image")["content"]
    assert og_image == "https://m4a.example.org/es/events/atwood/share.png"
    assert (site / "es" / "events" / "atwood" / "share.png").read_bytes() != (
        site / "events" / "atwood" / "share.png"
    ).read_bytes()  # drawn with the Spanish title and labels


def test_an_untranslated_event_shows_its_english_words_marked_in_a_spanish_interface(site: Path):
    page = soup(site / "es" / "events" / "capitol-rally" / "index.html")
    heading = page.find("h1")
    title = heading.find(attrs={"lang": "en"})
    assert title.get_text() == "Rally at the Capitol"
    assert heading.select_one(".badge").get_text() == "Cancelado"
    callout = page.select_one("p.callout")
    assert callout.get_text(" ", strip=True).startswith("Este evento está cancelado.")
    assert callout.find(attrs={"lang": "en"}).get_text() == "Freezing rain."
    assert page.select_one("div.prose")["lang"] == "en"
    assert [a.get_text() for a in page.select("nav.breadcrumbs a")] == ["Eventos"]
    assert page.select_one("nav.breadcrumbs a")["href"] == "/es/events/"


def test_the_spanish_listings_show_every_event_in_spanish_words_and_dates(site: Path):
    listing = soup(site / "es" / "events" / "index.html")
    assert listing.find("h1").get_text() == "Eventos"
    months = [h.get_text() for h in listing.select("section[data-event-month] h2")]
    assert months == ["diciembre de 2026"]
    cards = {a["href"]: a for a in listing.select("article.event-card h3 a")}
    assert set(cards) == {"/es/events/atwood/", "/es/events/capitol-rally/"}
    assert "lang" not in cards["/es/events/atwood/"].attrs
    assert cards["/es/events/capitol-rally/"]["lang"] == "en"
    types = {a.get_text(" ", strip=True) for a in listing.select("nav.event-filter a")}
    assert {"Todos", "Visitas puerta a puerta (1)", "Manifestaciones (1)"} <= types
    assert listing.select_one("nav.event-filter")["aria-label"] == "Tipos de evento"
    canvasses = soup(site / "es" / "events" / "canvass" / "index.html")
    assert canvasses.find("h1").get_text() == "Visitas puerta a puerta"
    past = soup(site / "es" / "events" / "past" / "index.html")
    assert past.find("h1").get_text() == "Eventos pasados"
    (card,) = past.select("article.event-card h3 a")
    assert (card["href"], card.get_text()) == (
        "/es/events/east-side-town-hall/",
        "Asamblea en el East Side",
    )
    assert (
        past.select_one("article.event-card time").get_text() == "martes, 10 de noviembre de 2026"
    )
    assert hreflangs(listing)["en"] == "https://m4a.example.org/events/"


def test_the_spanish_flyer_is_in_spanish(site: Path):
    flyer = soup(site / "es" / "events" / "atwood" / "flyer" / "index.html")
    assert flyer.html["lang"] == "es"
    assert flyer.find("h1").get_text() == "Tocamos puertas en Atwood"
    assert [dt.get_text() for dt in flyer.select("dl.flyer-facts dt")][:2] == ["Cuándo", "Dónde"]
    assert flyer.select_one("span.flyer-date").get_text().startswith("sábado, 5 de diciembre")
    code = flyer.select_one("svg.flyer-qr-code")
    assert code["aria-label"] == "Código QR de la página de este evento"
    assert flyer.select_one("strong.flyer-url").get_text() == "m4a.example.org/es/events/atwood"


# --- calendars and feed -------------------------------------------------------------------

CALENDARS = ["calendar.ics", "canvass.ics", "atwood.ics"]


@pytest.mark.parametrize(
    "reader",
    [
        "icalendar",
        "vobject",
        "ics-py",
        pytest.param("ical.js", marks=pytest.mark.slow),  # Node: a process per reader
        pytest.param("node-ical", marks=pytest.mark.slow),
    ],
)
def test_spanish_calendars_have_the_same_events_and_times_with_spanish_words(site, reader):
    english = [site / "events" / name for name in CALENDARS]
    spanish = [site / "es" / "events" / name for name in CALENDARS]
    seen = read_all(reader, english + spanish)
    for en, es in zip(english, spanish, strict=True):
        assert [(s.uid, s.start, s.end) for s in seen[en]] == [
            (s.uid, s.start, s.end) for s in seen[es]
        ]
        assert all(s.url.startswith("https://m4a.example.org/es/events/") for s in seen[es])
    summaries = {s.uid: s.summary for s in seen[site / "es" / "events" / "calendar.ics"]}
    assert sorted(summaries.values()) == [
        "Asamblea en el East Side",
        "Cancelado: Rally at the Capitol",
        "Tocamos puertas en Atwood",
    ]


def test_spanish_calendar_texts_say_their_language(site: Path):
    calendar = icalendar.Calendar.from_ical((site / "es" / "events" / "calendar.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Medicare para Todos · Test Chapter: eventos"
    marks = {
        str(v["SUMMARY"]): (v["SUMMARY"].params.get("LANGUAGE"), v["DESCRIPTION"].params)
        for v in calendar.walk("VEVENT")
    }
    atwood_summary, atwood_description = marks["Tocamos puertas en Atwood"]
    assert atwood_summary == "es" and atwood_description.get("LANGUAGE") == "es"
    rally_summary, rally_description = marks["Cancelado: Rally at the Capitol"]
    assert rally_summary == "en" and "LANGUAGE" not in rally_description  # words of both
    rally = next(v for v in calendar.walk("VEVENT") if "Rally" in str(v["SUMMARY"]))
    assert str(rally["DESCRIPTION"]).startswith("CANCELADO: Freezing rain.")
    assert [str(c) for c in rally["CATEGORIES"].cats] == ["Manifestación"]
    english = icalendar.Calendar.from_ical((site / "events" / "calendar.ics").read_bytes())
    for vevent in english.walk("VEVENT"):  # the default language's: no mark, as before
        assert "LANGUAGE" not in vevent["SUMMARY"].params
    # A reader the site does not write with sees the same marks.
    spanish = vobject.readOne((site / "es" / "events" / "calendar.ics").read_text(encoding="utf-8"))
    seen = {
        v.summary.value: (v.summary.params.get("LANGUAGE"), v.description.params.get("LANGUAGE"))
        for v in spanish.vevent_list
    }
    assert seen["Tocamos puertas en Atwood"] == (["es"], ["es"])
    assert seen["Cancelado: Rally at the Capitol"] == (["en"], None)


def test_the_spanish_json_feed_is_in_spanish(site: Path):
    english = json.loads((site / "events" / "upcoming.json").read_text(encoding="utf-8"))
    feed = json.loads((site / "es" / "events" / "upcoming.json").read_text(encoding="utf-8"))
    check_spec(feed)  # JSON Feed 1.1, an item's own "language" too
    check_spec(english)
    assert feed["language"] == "es" and english["language"] == "en"
    assert feed["title"] == "Medicare para Todos · Test Chapter: próximos eventos"
    assert feed["feed_url"] == "https://m4a.example.org/es/events/upcoming.json"
    assert feed["home_page_url"] == "https://m4a.example.org/es/events/"
    assert [i["id"] for i in feed["items"]] == [i["id"] for i in english["items"]]
    atwood, rally = feed["items"]
    assert atwood["title"] == "Tocamos puertas en Atwood" and "language" not in atwood
    assert atwood["summary"].startswith("sábado, 5 de diciembre de 2026, 10:00")
    assert atwood["url"] == "https://m4a.example.org/es/events/atwood/#on-2026-12-05-1000"
    assert rally["language"] == "en" and rally["summary"].startswith("Cancelado: ")
    assert all("language" not in item for item in english["items"])


# --- gap report, alternates, one language -------------------------------------------------


def test_the_gap_report_has_one_unit_per_event_per_other_language(tmp_path):
    edited = EVENTS.replace(ATWOOD_TEXT, "We knock on doors in Atwood, twice.")
    events, report = read(tmp_path, edited)
    assert report.problems == []
    units = {u.title: u for u in translation_units(events, SPANISH)}
    assert {t: u.state for t, u in units.items()} == {
        ATWOOD_TITLE: "outdated",  # the English changed since it was translated
        "Rally at the Capitol": "missing",
        "Town hall on the East Side": "unstamped",
    }
    atwood = units[ATWOOD_TITLE]
    assert (atwood.kind, atwood.lang, atwood.source) == ("event", "es", "content/events/a.yml:1")
    assert atwood.translation == "content/events/a.yml:13"
    assert atwood.current_hash == source_digest(ATWOOD_TITLE, "We knock on doors in Atwood, twice.")


def without_translations(text: str) -> str:
    """An events file with its ``translations:`` blocks left out."""
    kept, inside = [], False
    for line in text.splitlines(keepends=True):
        inside = line.startswith("  translations:") or (inside and line.startswith("    "))
        if not inside:
            kept.append(line)
    return "".join(kept)


def test_a_site_in_one_language_has_no_spanish_events_and_no_alternates(tmp_path):
    one_language = without_translations(EVENTS)
    assert "translations" not in one_language and "- title: Town hall" in one_language
    content = make_content(tmp_path, {"events/events.yml": one_language})
    output = build_site(content, tmp_path / "output", SEARCH_INDEX=False)
    assert not (output / "es").exists()
    page = soup(output / "events" / "atwood" / "index.html")
    assert hreflangs(page) == {}
    assert page.find(attrs={"lang": "en"}) is page.html  # nothing else is marked
    assert "inLanguage" not in jsonld(page)[0]
    feed = json.loads((output / "events" / "upcoming.json").read_text(encoding="utf-8"))
    assert feed["language"] == "en" and feed["feed_url"].endswith("/events/upcoming.json")


def test_a_spanish_group_listing_links_to_the_charter_in_the_language_it_has(sample_site):
    page = soup(sample_site / "es" / "events" / "group" / "medicare-for-all" / "index.html")
    assert page.find("h1").get_text().startswith("Eventos de ")
    link = page.select_one("main p a[href*='working-groups']")
    if (sample_site / "es" / "working-groups" / "medicare-for-all" / "index.html").exists():
        assert link["href"] == "/es/working-groups/medicare-for-all/"
        assert "hreflang" not in link.attrs
    else:  # not translated: the English charter, said to be English
        assert link["href"] == "/working-groups/medicare-for-all/"
        assert (link["lang"], link["hreflang"]) == ("en", "en")
