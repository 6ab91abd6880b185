"""Events from YAML: each field on the page, each editor mistake reported, repeats and statuses.

Every test builds a tiny site with the real Pelican (``make_content`` + ``build_site``);
the build date is pinned to 2026-11-25 12:00 UTC by conftest.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
import json
from pathlib import Path

import icalendar
import pytest

from events.loader import load_events
from events.rules import BuildFacts
from site_core.problems import ContentProblems, ProblemReport
from sitebuild import build_site, make_content, soup

EVERY_FIELD = """\
- title: Door knocking in Atwood
  type: canvass
  start: 2026-12-05 10:00
  end: 2026-12-05 13:30
  timezone: America/Chicago
  location: Olbrich Park Beach House
  address: 3527 Atwood Ave, Madison, WI 53714
  online: https://example.org/stream
  rsvp: https://www.mobilize.us/example/event/1/
  description: |
    We **knock on doors** in Atwood.
  accessibility: Step-free entrance, ASL on request
  languages: English, Spanish
  contact: m4a@example.org
  slug: atwood-canvass
"""


def build(tmp_path: Path, files: dict[str, str], **overrides) -> Path:
    """Build a site whose content is the minimal chapter plus ``files``."""
    return build_site(make_content(tmp_path, files), tmp_path / "output", **overrides)


def problems(tmp_path: Path, files: dict[str, str]) -> dict[tuple[int | None, str | None], object]:
    """Build a site that must fail; map (line, field) to each error."""
    with pytest.raises(ContentProblems) as stopped:
        build(tmp_path, files)
    assert not (tmp_path / "output").exists(), "a failed build writes nothing"
    return {(p.line, p.field): p for p in stopped.value.report.errors}


def calendar(path: Path) -> icalendar.Calendar:
    """Parse an .ics file with the icalendar library."""
    return icalendar.Calendar.from_ical(path.read_bytes())


def jsonld(page) -> list[dict]:
    """The JSON-LD of a page, parsed."""
    (script,) = page.find_all("script", type="application/ld+json")
    return json.loads(script.string)


# --- every field reaches the page -------------------------------------------------------------


def test_every_field_appears_on_the_event_page(tmp_path):
    output = build(tmp_path, {"events/canvasses.yml": EVERY_FIELD})
    page = soup(output / "events" / "atwood-canvass" / "index.html")
    main = page.find("main")
    assert main.find("h1").get_text(strip=True) == "Door knocking in Atwood"
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in main.select(".event-facts dt")
    }
    assert facts["When"].find("time")["datetime"] == "2026-12-05T10:00:00-06:00"
    assert "10:00\u202fAM – 1:30\u202fPM" in facts["When"].get_text(" ", strip=True)
    address = facts["Where"].find("address").get_text("|", strip=True)
    assert address == "Olbrich Park Beach House|3527 Atwood Ave, Madison, WI 53714"
    map_link = facts["Where"].find("a", string="Map (OpenStreetMap)")["href"]
    assert map_link.startswith("https://www.openstreetmap.org/search?query=3527+Atwood+Ave")
    assert (
        facts["Where"].find("a", string="join the meeting")["href"] == "https://example.org/stream"
    )
    assert facts["Accessibility"].get_text(strip=True) == "Step-free entrance, ASL on request"
    assert facts["Languages"].get_text(strip=True) == "English, Spanish"
    assert facts["Contact"].find("a")["href"] == "mailto:m4a@example.org"
    assert main.select_one(".prose strong").get_text() == "knock on doors"
    rsvp = main.select_one(".actions a.button:not(.secondary)")
    assert rsvp["href"] == "https://www.mobilize.us/example/event/1/"
    assert main.find("a", href="/events/atwood-canvass.ics")
    trail = [li.get_text() for li in main.select("nav[aria-label=Breadcrumb] li")]
    assert trail == ["Events", "Canvass", "Door knocking in Atwood"]
    (data,) = jsonld(page)
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


def test_defaults_end_by_type_chapter_timezone_and_slug_from_date_and_title(tmp_path):
    output = build(
        tmp_path,
        {
            "events/a.yml": (
                "- title: Door knocking!\n  type: canvass\n  start: 2026-12-05 10:00\n"
                "  location: Olbrich Park\n"
            )
        },
    )
    ics = calendar(output / "events" / "2026-12-05-door-knocking.ics")
    (vevent,) = ics.walk("VEVENT")
    assert vevent.start == datetime(2026, 12, 5, 16, 0, tzinfo=UTC)
    assert vevent.end - vevent.start == (datetime(2026, 1, 1, 3) - datetime(2026, 1, 1, 0))
    assert str(vevent["DTSTART"].params["TZID"]) == "America/Chicago"


def test_an_event_in_another_timezone_says_its_zone(tmp_path):
    output = build(
        tmp_path,
        {
            "events/a.yml": (
                "- title: National call\n  type: panel\n  start: 2026-12-09 20:00\n"
                "  timezone: America/New_York\n  online: https://example.org/call\n"
            )
        },
    )
    card = soup(output / "events" / "index.html").select_one(".event-card")
    assert card.find("time")["datetime"] == "2026-12-09T20:00:00-05:00"
    assert card.select_one(".event-time").get_text() == "8:00\u202fPM – 10:00\u202fPM EST"
    assert card.select_one(".meta:not(:has(time))").get_text(" ", strip=True) == "Panel · Online"


DAYS = """\
- title: Day of action
  slug: day-of-action
  type: rally
  start: 2026-12-12
  timezone: America/New_York
  location: Everywhere
- title: Weekend of action
  slug: weekend-of-action
  type: canvass
  start: 2026-12-19
  end: 2026-12-20
  location: Everywhere
- title: Weekend training
  slug: weekend-training
  type: training
  start: 2026-12-05 09:00
  end: 2026-12-06 16:00
  location: Union hall
- title: Today, all day
  slug: today
  type: other
  start: 2026-11-25
  location: Everywhere
- title: Yesterday, all day
  slug: yesterday
  type: other
  start: 2026-11-24
  location: Everywhere
"""


def when(output: Path, slug: str):
    """The "When" of an event's page: its text and its <time> values."""
    page = soup(output / "events" / slug / "index.html")
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in page.select("dt")}
    times = [t["datetime"] for t in facts["When"].find_all("time")]
    return " ".join(facts["When"].get_text().split()), times, page


def test_all_day_and_several_day_events_show_their_days(tmp_path):
    output = build(tmp_path, {"events/days.yml": DAYS})
    text, times, page = when(output, "day-of-action")
    assert (text, times) == ("Saturday, December 12, 2026, all day", ["2026-12-12"])
    assert "Times are in" not in page.get_text()  # a day has no time to put in a zone
    (data,) = jsonld(page)
    assert (data["startDate"], data["endDate"]) == ("2026-12-12", "2026-12-12")
    text, times, page = when(output, "weekend-of-action")
    assert text == "Saturday, December 19, 2026 – Sunday, December 20, 2026, all day"
    assert times == ["2026-12-19", "2026-12-20"]
    (data,) = jsonld(page)
    assert (data["startDate"], data["endDate"]) == ("2026-12-19", "2026-12-20")
    text, times, _ = when(output, "weekend-training")
    assert text == "Saturday, December 5, 2026, 9:00 AM – Sunday, December 6, 2026, 4:00 PM"
    assert times == ["2026-12-05T09:00:00-06:00", "2026-12-06T16:00:00-06:00"]
    description = soup(output / "events" / "weekend-training" / "index.html").find(
        "meta", attrs={"name": "description"}
    )["content"]
    assert description.startswith("Saturday, December 5, 2026, 9:00 AM – Sunday, December 6")


def test_an_all_day_event_is_upcoming_until_the_day_ends_where_it_is(tmp_path):
    """Built at 6:00 AM in Chicago on November 25: that day is on, the day before is past."""
    output = build(tmp_path, {"events/days.yml": DAYS})
    upcoming = [
        a.get_text() for a in soup(output / "events" / "index.html").select(".event-card h3 a")
    ]
    past = [
        a.get_text()
        for a in soup(output / "events" / "past" / "index.html").select(".event-card h3 a")
    ]
    assert upcoming[0] == "Today, all day" and "Yesterday, all day" not in upcoming
    assert past == ["Yesterday, all day"]
    feed = json.loads((output / "events" / "upcoming.json").read_text())
    today = feed["items"][0]["_event"]
    assert (today["all_day"], today["start"], today["end"]) == (True, "2026-11-25", "2026-11-25")
    ics = calendar(output / "events" / "weekend-of-action.ics")
    (vevent,) = ics.walk("VEVENT")
    assert (vevent.start, vevent.end) == (date(2026, 12, 19), date(2026, 12, 21))  # exclusive


def test_editor_html_is_escaped_or_sanitised_and_no_script_reaches_a_page(tmp_path):
    # Hostile descriptions stop the build: tests/test_editor_html.py. Here, what is published.
    output = build(
        tmp_path,
        {
            "events/a.yml": (
                '- title: "<b>Q&A</b> \\"night\\""\n  type: panel\n  start: 2026-12-09 19:00\n'
                "  location: <i>Hall</i>\n  slug: qa\n  description: |\n"
                "    Hello <em>there</em>\n"
                "    <a href='https://example.org' class='x'>ok</a>\n"
            )
        },
    )
    for html in output.rglob("*.html"):
        page = soup(html)
        # Only the site's own script files and JSON-LD data: no inline script from content.
        inline = [s for s in page.find_all("script") if not s.get("src")]
        assert all(s.get("type") == "application/ld+json" for s in inline), html
        assert all(s["src"].startswith("/") for s in page.find_all("script", src=True)), html
        assert not page.find(attrs={"onerror": True}) and not page.find(attrs={"onclick": True})
        assert not page.find("a", href=lambda h: h and h.lower().startswith("javascript"))
    page = soup(output / "events" / "qa" / "index.html")
    assert page.find("h1").contents[0].strip() == '<b>Q&A</b> "night"'
    assert page.find("meta", property="og:title")["content"] == '<b>Q&A</b> "night"'
    assert page.find("address").get_text() == "<i>Hall</i>"
    assert [a["href"] for a in page.select(".prose a[href]")] == ["https://example.org"]
    assert jsonld(page)[0]["name"] == '<b>Q&A</b> "night"'


# --- every mistake, reported at once -----------------------------------------------------------

BAD_EVENTS = """\
- title: No type
  start: 2026-12-05 10:00
  location: Hall
- title: Typo
  type: canvass
  strat: 2026-12-05 10:00
  location: Hall
- title: Bad date
  type: canvass
  start: 2026-13-45 10:00
  location: Hall
- title: Backwards
  type: rally
  start: 2026-12-05 10:00
  end: 2026-12-05 09:00
  location: Capitol
- title: Spring forward
  type: meeting
  start: 2027-03-14 02:30
  location: Hall
- title: Fall back
  type: meeting
  start: 2026-11-01 01:30
  location: Hall
- title: Lost zone
  type: meeting
  start: 2026-12-05 10:00
  timezone: America/Chicgo
  location: Hall
- title: Sneaky links
  type: training
  start: 2026-12-05 10:00
  rsvp: javascript:alert(1)
  online: ftp://example.org/room
- title: Canvas
  type: canvas
  start: 2026-12-05 10:00
  location: Hall
- title: Nowhere
  type: meeting
  start: 2026-12-05 10:00
"""


def test_every_mistake_in_an_events_file_is_reported_at_once(tmp_path):
    found = problems(
        tmp_path,
        {
            "events/bad.yml": BAD_EVENTS,
            "events/broken.yml": "- title: Unclosed [\n  type: rally\n   start: x\n",
            "events/one.yml": (
                "- title: First\n  type: rally\n  start: 2026-12-05 10:00\n  location: A\n"
                "  slug: same\n"
            ),
            "events/two.yml": (
                "- title: Second\n  type: rally\n  start: 2026-12-06 10:00\n  location: B\n"
                "  slug: same\n"
            ),
        },
    )
    assert found[(1, "'No type'.type")].message == "is required but missing"
    assert found[(6, "'Typo'.strat")].hint == "did you mean 'start'?"
    assert found[(4, "'Typo'.start")].message == "is required but missing"
    assert (
        found[(10, "'Bad date'.start")].message == "is not a date and time (got '2026-13-45 10:00')"
    )
    assert found[(10, "'Bad date'.start")].hint.startswith("write e.g. '2026-12-05 10:00'")
    assert found[(15, "'Backwards'.end")].message.startswith("must be after the start")
    assert "does not exist" in found[(19, "'Spring forward'.start")].message
    assert "happens twice" in found[(23, "'Fall back'.start")].message
    assert found[(28, "'Lost zone'.timezone")].hint == "did you mean 'America/Chicago'?"
    assert found[(33, "'Sneaky links'.rsvp")].message.startswith("must be a web address")
    assert found[(34, "'Sneaky links'.online")].message.startswith("must be a web address")
    assert found[(36, "'Canvas'.type")].hint == "did you mean 'canvass'?"
    assert found[(39, "'Nowhere'.location")].message == "says neither where nor how to join"
    (yaml_error,) = [p for p in found.values() if p.path == "content/events/broken.yml"]
    assert yaml_error.line == 3 and yaml_error.message.startswith("YAML:")
    duplicate = found[(5, "'Second'.slug")]
    assert duplicate.path == "content/events/two.yml"
    assert "/events/same/ is already the address of 'First' (content/events/one.yml:5)" in (
        duplicate.message
    )
    assert all(p.hint for p in found.values())


def test_missing_field_is_named_with_a_fix(tmp_path):
    found = problems(
        tmp_path, {"events/a.yml": "- title: No type\n  start: 2026-12-05 10:00\n  location: A\n"}
    )
    problem = found[(1, "'No type'.type")]
    assert (problem.message, problem.hint) == ("is required but missing", "add a line 'type: ...'")


#: (fields after a timed start, the field reported, words of its message)
TIMED_RULES = [
    ("  repeat: weekly\n", "repeat", "needs an end date"),
    ("  until: 2027-01-01\n", "until", "only for repeating events"),
    ("  repeat: weekly\n  until: 2026-01-01\n", "until", "is before the start"),
    ("  repeat: weekly\n  until: 2036-01-01\n", "until", "more than 260"),
    ("  status: rescheduled\n", "status", "needs the old time"),
    ("  previous_start: 2026-12-01 10:00\n", "previous_start", "only for rescheduled"),
    ("  cancelled_reason: Rain\n", "cancelled_reason", "not cancelled"),
    ("  cancelled: true\n  status: postponed\n", "cancelled", "cannot go with status"),
    ("  slug: calendar\n", "slug", "address of a page of the events listing"),
    ("  slug: Not A Slug\n", "slug", "must be lower-case letters, digits and hyphens"),
    (
        "  repeat: daily\n  until: 2027-01-01\n",
        "repeat",
        "must be one of weekly, biweekly, monthly",
    ),
    ("  end: 2026-12-05\n", "end", "is a day without a time, but 'start' has a time"),
    ("  dates: [2026-12-12]\n", "dates", "is a day without a time"),
    ("  end: 2026-12-05T09:00-06:00\n", "end", "must be after the start"),
    ("  dates: [2026-12-12 10:00, not a date]\n", "dates.1", "is not a date and time"),
    ("  contact: javascript:alert(1)\n", "contact", "must be a name, e-mail address"),
]
#: The same after an all-day start (a date alone).
ALL_DAY_RULES = [
    ("  end: 2026-12-06 18:00\n", "end", "has a time, but 'start' is a day alone"),
    ("  end: 2026-12-04\n", "end", "is before the start (got 2026-12-04, start 2026-12-05)"),
    ("  dates: [2026-12-12, 2026-12-19 10:00]\n", "dates", "has a time, but 'start'"),
    ("  repeat: weekly\n  until: 2026-01-01\n", "until", "is before the start"),
    ("  repeat: weekly\n", "repeat", "needs an end date"),
]


@pytest.mark.parametrize(
    ("start", "fields", "field", "needle"),
    [("2026-12-05 10:00", *case) for case in TIMED_RULES]
    + [("2026-12-05", *case) for case in ALL_DAY_RULES],
)
def test_rules_between_fields_are_reported_on_their_line(tmp_path, start, fields, field, needle):
    text = f"- title: Event\n  type: meeting\n  start: {start}\n  location: Hall\n" + fields
    found = problems(tmp_path, {"events/a.yml": text})
    (problem,) = found.values()
    assert problem.field == f"'Event'.{field}"
    names = [line.split(":")[0].strip() for line in fields.splitlines()]
    assert problem.line == 5 + names.index(field.split(".")[0])
    assert needle in problem.message
    assert problem.hint  # every problem says what to write


def test_a_file_that_is_neither_an_event_nor_a_list_is_reported(tmp_path):
    found = problems(tmp_path, {"events/a.yml": "Door knocking on Saturday at ten\n"})
    (problem,) = found.values()
    assert problem.message == "must be one event ('title: ...') or a list of events"
    assert problem.hint.startswith("start each event with '- title: ...'")


def test_one_event_alone_in_its_file_is_read_like_an_item_of_a_list(tmp_path):
    single = "title: Door knocking\ntype: canvass\nstart: 2026-12-05 10:00\nlocation: Park\n"
    content = make_content(tmp_path, {"events/door-knocking.yaml": single})
    page = soup(
        build_site(content, tmp_path / "out") / "events" / "2026-12-05-door-knocking" / "index.html"
    )
    assert page.h1.get_text(strip=True) == "Door knocking"
    bad = problems(tmp_path / "bad", {"events/a.yaml": single.replace("type: canvass", "type: x")})
    ((line, field),) = [(p.line, p.field) for p in bad.values()]
    assert (line, field) == (2, "'Door knocking'.type")


def test_far_past_and_far_future_events_are_warnings_not_errors(tmp_path):
    content = make_content(
        tmp_path,
        {
            "events/a.yml": (
                "- title: Old\n  type: rally\n  start: 2019-05-01 12:00\n  location: A\n"
                "- title: Typo year\n  type: rally\n  start: 2062-05-01 12:00\n  location: A\n"
            )
        },
    )
    report = ProblemReport(root=tmp_path)
    facts = BuildFacts("America/Chicago", datetime(2026, 11, 25, 12, tzinfo=UTC), "example.org")
    events = load_events(content / "events", report, facts)
    assert [e.title for e in events] == ["Old", "Typo year"]
    assert not report.errors
    assert [(w.line, w.field) for w in report.warnings] == [
        (3, "'Old'.start"),
        (7, "'Typo year'.start"),
    ]
    assert build_site(content, tmp_path / "output").exists()  # a warning does not stop the build


# --- repeats, statuses, calendars ----------------------------------------------------------------

REPEATS = """\
- title: Weekly phonebank
  type: phonebank
  start: 2026-10-20 18:00
  end: 2026-10-20 20:00
  repeat: weekly
  until: 2026-11-24
  online: https://example.org/call
  slug: weekly-phonebank
- title: Monthly meeting
  type: meeting
  start: 2026-10-08 18:30
  repeat: monthly
  until: 2027-01-31
  location: Hall
  slug: monthly
- title: Market table
  type: other
  start: 2026-11-21 08:00
  dates:
    - 2026-12-05 08:00
    - 2026-12-19 08:00
  location: Market
  slug: market
- title: Fortnightly training
  type: training
  start: 2026-12-01 19:00
  repeat: biweekly
  until: 2026-12-29
  online: https://example.org/train
  slug: fortnightly
"""


def test_each_occurrence_of_a_repeat_is_listed_and_exported(tmp_path):
    output = build(tmp_path, {"events/repeats.yml": REPEATS})
    phonebank = calendar(output / "events" / "weekly-phonebank.ics").walk("VEVENT")
    assert len(phonebank) == 6
    assert len({str(v["UID"]) for v in phonebank}) == 6
    # 6 pm local on both sides of the DST change of November 1: the UTC hour moves.
    assert [v.start.astimezone(UTC).hour for v in phonebank] == [23, 23, 0, 0, 0, 0]
    assert all(v.start.hour == 18 for v in phonebank)
    monthly = calendar(output / "events" / "monthly.ics").walk("VEVENT")
    assert [v.start.day for v in monthly] == [8, 12, 10, 14]
    market = calendar(output / "events" / "market.ics").walk("VEVENT")
    assert [v.start.day for v in market] == [21, 5, 19]
    fortnightly = calendar(output / "events" / "fortnightly.ics").walk("VEVENT")
    assert [v.start.day for v in fortnightly] == [1, 15, 29]
    page = soup(output / "events" / "weekly-phonebank" / "index.html")
    dates = page.select(".event-dates li")
    assert len(dates) == 6
    assert [li.get("class") for li in dates].count(["past"]) == 6  # all before Nov 25, 12:00
    assert len(jsonld(page)) == 6
    listing = soup(output / "events" / "index.html")
    titles = [a.get_text() for a in listing.select(".event-card h3 a")]
    assert titles.count("Market table") == 2 and titles.count("Fortnightly training") == 3
    assert titles.count("Monthly meeting") == 2


STATUSES = """\
- title: Rally at the Capitol
  type: rally
  start: 2026-12-12 12:00
  location: Capitol
  rsvp: https://example.org/rally
  cancelled: true
  cancelled_reason: Freezing rain is forecast.
  slug: capitol-rally
- title: Potluck
  type: other
  start: 2026-12-17 18:00
  status: postponed
  location: Hall
  slug: potluck
- title: Training
  type: training
  start: 2026-12-02 18:30
  status: rescheduled
  previous_start: 2026-12-01 18:30
  online: https://example.org/train
  slug: moved-training
"""


def test_cancelled_postponed_and_rescheduled_events_stay_visible_and_marked(tmp_path):
    output = build(tmp_path, {"events/statuses.yml": STATUSES})
    listing = soup(output / "events" / "index.html")
    badges = {
        card.select_one("h3 a").get_text(): card.select_one(".badge").get_text()
        for card in listing.select(".event-card")
    }
    assert badges == {
        "Training": "New date",
        "Rally at the Capitol": "Cancelled",
        "Potluck": "Postponed",
    }
    rally = soup(output / "events" / "capitol-rally" / "index.html")
    assert "Freezing rain is forecast." in rally.select_one(".callout").get_text()
    assert not rally.find("a", href="https://example.org/rally"), "no RSVP for a cancelled event"
    assert jsonld(rally)[0]["eventStatus"] == "https://schema.org/EventCancelled"
    (cancelled,) = calendar(output / "events" / "capitol-rally.ics").walk("VEVENT")
    assert (str(cancelled["STATUS"]), cancelled["SEQUENCE"]) == ("CANCELLED", 1)
    (postponed,) = calendar(output / "events" / "potluck.ics").walk("VEVENT")
    assert str(postponed["STATUS"]) == "TENTATIVE"
    assert jsonld(soup(output / "events" / "potluck" / "index.html"))[0]["eventStatus"].endswith(
        "EventPostponed"
    )
    training = jsonld(soup(output / "events" / "moved-training" / "index.html"))[0]
    assert training["eventStatus"] == "https://schema.org/EventRescheduled"
    assert training["previousStartDate"] == "2026-12-01T18:30:00-06:00"
    (moved,) = calendar(output / "events" / "moved-training.ics").walk("VEVENT")
    assert moved["SEQUENCE"] == 1
    assert (
        str(moved["UID"]) == "moved-training-20261202T003000Z@m4a.example.org"
    )  # the old start's UID


def test_uids_are_stable_and_dtstamp_is_the_build_date_in_utc(tmp_path, monkeypatch):
    first = build(tmp_path / "one", {"events/r.yml": REPEATS})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1795608000 + 86400))
    second = build(tmp_path / "two", {"events/r.yml": REPEATS})
    one = calendar(first / "events" / "calendar.ics").walk("VEVENT")
    two = calendar(second / "events" / "calendar.ics").walk("VEVENT")
    assert [str(v["UID"]) for v in one] == [str(v["UID"]) for v in two]
    assert all("/" not in str(v["UID"]) and str(v["UID"]).endswith("@m4a.example.org") for v in one)
    assert {v["DTSTAMP"].dt for v in one} == {datetime(2026, 11, 25, 12, tzinfo=UTC)}
    assert {v["DTSTAMP"].dt for v in two} == {datetime(2026, 11, 26, 12, tzinfo=UTC)}
    assert b"DTSTAMP:20261125T120000Z" in (first / "events" / "calendar.ics").read_bytes()


def test_upcoming_and_past_follow_the_build_date(tmp_path, monkeypatch):
    event = (
        "- title: Town hall\n  type: town-hall\n  start: 2026-12-10 18:30\n  location: Library\n"
    )
    before = build(tmp_path / "before", {"events/a.yml": event})
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(datetime(2026, 12, 12, tzinfo=UTC).timestamp()))
    )
    after = build(tmp_path / "after", {"events/a.yml": event})

    def titles(output, page):
        return [a.get_text() for a in soup(output / page).select(".event-card h3 a")]

    assert titles(before, "events/index.html") == ["Town hall"]
    assert titles(before, "events/past/index.html") == []
    assert titles(after, "events/index.html") == []
    assert titles(after, "events/past/index.html") == ["Town hall"]
    assert json.loads((after / "events" / "upcoming.json").read_text())["items"] == []


def test_type_pages_filter_without_javascript(tmp_path):
    output = build(tmp_path, {"events/r.yml": REPEATS, "events/s.yml": STATUSES})
    filters = soup(output / "events" / "index.html").select(".event-filter a")
    assert [a["href"] for a in filters] == [
        "/events/",
        "/events/rally/",
        "/events/phonebank/",
        "/events/training/",
        "/events/meeting/",
        "/events/other/",
    ]
    training = soup(output / "events" / "training" / "index.html")
    assert (
        training.select_one('.event-filter a[aria-current="page"]')["href"] == "/events/training/"
    )
    assert {a.get_text() for a in training.select(".event-card h3 a")} == {
        "Training",
        "Fortnightly training",
    }
    (only,) = calendar(output / "events" / "rally.ics").walk("VEVENT")
    assert str(only["SUMMARY"]) == "Cancelled: Rally at the Capitol"


def test_a_site_without_events_still_has_an_events_page_and_valid_calendar(tmp_path):
    output = build(tmp_path, {"pages/a.md": "Title: A\n\nText."})
    page = soup(output / "events" / "index.html")
    assert "No upcoming events" in page.select_one(".callout").get_text()
    ics = calendar(output / "events" / "calendar.ics")
    assert ics.walk("VEVENT") == [] and ics.walk("VTIMEZONE")
    assert json.loads((output / "events" / "upcoming.json").read_text())["items"] == []
