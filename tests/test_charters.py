"""Working-group charters: the Madison charter's structure, the listing, validation, events."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from site_core.problems import ContentProblems
from sitebuild import build_site, make_content, soup

CHARTER = (
    "Working group: Housing Working Group\nChapter: Test DSA\nStatus: {status}\n"
    "{adopted}Reports to: Test DSA Chapter\n\nThe text.\n"
)


def test_madison_charter_keeps_its_numbered_structure(sample_site):
    page = soup(sample_site / "working-groups" / "medicare-for-all" / "index.html")
    text = page.select_one("main .charter-text")
    assert text.p.get_text(strip=True) == "As members of Madison DSA, we propose the creation of a"
    (numbered,) = text.find_all("ol", recursive=False)
    items = numbered.find_all("li", recursive=False)
    assert len(items) == 8
    assert items[0].get_text(strip=True) == "Medicare for All Working Group, hereafter M4AWG,"
    assert items[7].get_text(strip=True) == "Membership is open to all Madison DSA members."
    nested = {i + 1: len(li.select("ul > li")) for i, li in enumerate(items) if li.find("ul")}
    assert nested == {3: 3, 4: 4}
    assert items[3].ul.li.get_text(strip=True).startswith("Conduct regular neighborhood canvassing")


def test_charter_page_shows_its_metadata(sample_site):
    page = soup(sample_site / "working-groups" / "medicare-for-all" / "index.html")
    meta = {
        div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True)
        for div in page.select("main dl.charter-meta > div")
    }
    assert meta == {
        "Status": "Adopted",
        "Adopted": "Date not recorded",
        "Chapter": "Madison DSA",
        "Reports to": "Madison DSA Chapter",
    }
    assert page.select_one("main .badge.ok").get_text(strip=True) == "Adopted"
    assert page.h1.get_text() == "Charter of the Medicare for All Working Group"
    events = page.find(id="group-events").parent  # the sample's canvass names the group
    assert events.select_one('a[href="/events/group/medicare-for-all/"]')


def test_working_groups_page_lists_charters_and_about_links_to_it(sample_site):
    page = soup(sample_site / "working-groups" / "index.html")
    (card,) = page.select("main .charter-card")
    assert card.h2.a["href"] == "/working-groups/medicare-for-all/"
    assert card.select_one(".badge").get_text(strip=True) == "Adopted"
    about = soup(sample_site / "about" / "index.html")
    assert about.select_one('main a[href="/working-groups/medicare-for-all/"]')


def test_charters_sort_by_status_and_show_dates(tmp_path):
    content = make_content(
        tmp_path,
        {
            "charters/a.md": CHARTER.format(status="proposed", adopted=""),
            "charters/b.md": CHARTER.format(
                status="adopted", adopted="Adopted: 2019-02-03\n"
            ).replace("Housing", "Labor"),
        },
    )
    output = build_site(content, tmp_path / "output")
    cards = soup(output / "working-groups" / "index.html").select("main .charter-card")
    assert [c.h2.get_text(strip=True) for c in cards] == [
        "Labor Working Group",
        "Housing Working Group",
    ]
    assert cards[0].time["datetime"] == "2019-02-03"
    assert cards[1].select_one(".badge.warn").get_text(strip=True) == "Proposed"


def test_charter_mistakes_are_all_reported(tmp_path):
    content = make_content(
        tmp_path,
        {
            "charters/status.md": CHARTER.format(status="adoptd", adopted=""),
            "charters/date.md": CHARTER.format(status="adopted", adopted="Adopted: 2019-13-01\n"),
            "charters/missing.md": "Working group: X\nStatus: retired\n\nText.\n",
            "charters/early.md": CHARTER.format(status="proposed", adopted="Adopted: 2019-01-01\n"),
        },
    )
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    errors = {(p.path.rsplit("/", 1)[-1], p.line, p.field): p for p in stopped.value.report.errors}
    assert errors[("status.md", 3, "status")].hint == "did you mean 'adopted'?"
    bad_date = errors[("date.md", 4, "adopted")]
    assert bad_date.message == "must be a date written year-month-day (got '2019-13-01')"
    assert bad_date.hint == "write e.g. 'Adopted: 2018-03-14'"
    assert errors[("missing.md", 1, "chapter")].message == "is required but missing"
    assert errors[("missing.md", 1, "reports to")].hint == "add a line 'reports to: ...'"
    assert errors[("early.md", 4, "adopted")].message == "a proposed charter has no adoption date"
    assert len(errors) == 5


GROUP_EVENTS = """
- title: Canvass training
  type: training
  start: 2027-01-09 10:00
  location: Library
  working_group: medicare-for-all
- title: Town hall
  type: town-hall
  start: 2027-01-20 18:00
  dates: [2026-12-01 18:00]
  location: Library
  working_group: medicare-for-all
- title: Book club
  type: meeting
  start: 2027-01-12 18:00
  location: Library
"""
BUILT_ON = {"BUILD_DATE": datetime(2027, 1, 1, tzinfo=UTC)}


def test_charter_lists_the_groups_upcoming_events_and_links_to_their_listing(tmp_path):
    charter = CHARTER.format(status="proposed", adopted="Slug: medicare-for-all\n")
    other = CHARTER.format(status="proposed", adopted="").replace("Housing", "Labor")
    content = make_content(
        tmp_path,
        {"charters/m4a.md": charter, "charters/labor.md": other, "events/e.yml": GROUP_EVENTS},
    )
    output = build_site(content, tmp_path / "output", **BUILT_ON)
    page = soup(output / "working-groups" / "medicare-for-all" / "index.html")
    section = page.find(id="group-events").parent
    links = [a["href"] for a in section.select("li a")]
    assert [link.split("#")[0] for link in links] == [
        "/events/2027-01-09-canvass-training/",
        "/events/2027-01-20-town-hall/",  # its past date is not listed, its next is
    ]
    assert [t["datetime"] for t in section.select("li time")] == [
        "2027-01-09T10:00:00-06:00",
        "2027-01-20T18:00:00-06:00",
    ]
    for link in links:  # each leads to its date on the event's page
        path, anchor = link.strip("/").split("#")
        assert soup(output / path / "index.html").find(id=anchor)
    (listing,) = section.select("p a")
    assert listing["href"] == "/events/group/medicare-for-all/"
    group = soup(output / "events" / "group" / "medicare-for-all" / "index.html")
    assert group.h1.get_text() == "Events of the Housing Working Group"
    titles = [h.get_text(strip=True) for h in group.select("main [data-event-month] h3")]
    assert titles == ["Canvass training", "Town hall"]
    assert group.select_one('main a[href="/working-groups/medicare-for-all/"]')
    labor = soup(output / "working-groups" / "labor-working-group" / "index.html")
    assert labor.find(id="group-events") is None  # a group with no events says nothing
    assert not (output / "events" / "group" / "labor-working-group").exists()


def test_an_event_of_an_unknown_working_group_is_reported_at_its_line(tmp_path):
    charter = CHARTER.format(status="proposed", adopted="Slug: medicare-for-all\n")
    events = GROUP_EVENTS.replace("working_group: medicare-for-all", "working_group: medicare4all")
    content = make_content(tmp_path, {"charters/m4a.md": charter, "events/e.yml": events})
    for check_only in (False, True):
        with pytest.raises(ContentProblems) as stopped:
            build_site(content, tmp_path / "output", CHECK_ONLY=check_only, **BUILT_ON)
        errors = {(p.line, p.field): p for p in stopped.value.report.errors}
        assert set(errors) == {
            (6, "'Canvass training'.working_group"),
            (12, "'Town hall'.working_group"),
        }
        problem = errors[(6, "'Canvass training'.working_group")]
        assert problem.path.endswith("events/e.yml")
        assert problem.message == "'medicare4all' is not the slug of a working group's charter"
        assert problem.hint == "did you mean 'medicare-for-all'?"
    assert not (tmp_path / "output").exists()
