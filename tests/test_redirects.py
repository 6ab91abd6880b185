"""Links never break: a moved event, page, news post or guide chapter leaves a redirect page
at its old address (meta refresh, canonical, a plain link; in no sitemap, search or feed);
an event keeps its calendar UID; a recorded address nothing replaces is an error."""

from __future__ import annotations

import json
from pathlib import Path
import shutil
import subprocess
from urllib.parse import urlsplit
import xml.etree.ElementTree as ET

import feedparser
import pytest
import yaml

from ics_readers import read_ics_py, read_vobject
from site_core.problems import ContentProblems
from site_core.published import RECORD_FILE
from sitebuild import ROOT, build_site, make_content, soup

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EVENT = (
    "- title: Door knocking in Atwood\n  type: canvass\n  start: {start}\n"
    "  location: Olbrich Park\n{extra}"
    "- title: Phonebank\n  type: phonebank\n  start: 2026-12-08 18:00\n  online: https://example.org/call\n"
)
SITE = {
    "events/a.yml": EVENT.format(start="2026-12-05 10:00", extra=""),
    "pages/team.md": "Title: Our team\nSlug: team\n\nHello.\n",
    "news/post.md": "Title: A new home\nDate: 2026-11-25\nSlug: a-new-home\n\nNews.\n",
    "guide/one.md": "Title: Why organize\nChapter: 1\nSlug: why\n\nText.\n",
}
OLD_EVENT = "/events/2026-12-05-door-knocking-in-atwood/"
NEW_EVENT = "/events/2026-12-12-door-knocking-in-atwood/"
MOVES = {
    OLD_EVENT: NEW_EVENT,
    "/team/": "/our-team/",
    "/news/2026/a-new-home/": "/news/2026/moving-in/",
    "/guide/why/": "/guide/why-organize/",
}


def _edit(content: Path, relative: str, old: str, new: str) -> None:
    path = content / relative
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _uids(output: Path, reader) -> dict[str, str]:
    """Title -> UID in the site's calendar, as ``reader`` reads it."""
    text = (output / "events" / "calendar.ics").read_text(encoding="utf-8")
    return {seen.summary: seen.uid for seen in reader(text)}


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    """A site published once (its record written), then edited: a date and three slugs."""
    tmp = tmp_path_factory.mktemp("moved")
    content = make_content(tmp, SITE)
    first = build_site(content, tmp / "first", "publishconf.py", RECORD_ADDRESSES=True)
    record = (content / RECORD_FILE).read_text(encoding="utf-8")
    _edit(content, "events/a.yml", "2026-12-05 10:00", "2026-12-12 10:00")
    _edit(content, "pages/team.md", "Slug: team", "Slug: our-team")
    _edit(content, "news/post.md", "Slug: a-new-home", "Slug: moving-in")
    _edit(content, "guide/one.md", "Slug: why", "Slug: why-organize")
    second = build_site(content, tmp / "second", "publishconf.py")
    return content, first, second, record


def test_the_first_publication_records_every_page_address(moved):
    _, _, _, record = moved
    addresses = {entry["address"]: entry for entry in yaml.safe_load(record)}
    assert set(addresses) >= {*MOVES, "/events/2026-12-08-phonebank/"}
    assert addresses[OLD_EVENT]["kind"] == "event"
    assert addresses[OLD_EVENT]["uid"].startswith("2026-12-05-door-knocking-in-atwood-")
    assert addresses["/team/"]["source"] == "content/pages/team.md"


@pytest.mark.parametrize("old", MOVES)
def test_each_old_address_redirects_to_the_new_page(moved, old):
    _, _, output, _ = moved
    page = soup(output / old.strip("/") / "index.html")
    new = f"https://m4a.example.org{MOVES[old]}"  # a publish build: SITEURL is the public one
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == f"0; url={new}"
    assert page.find("link", rel="canonical")["href"] == new
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.main.a["href"] == new and not page.main.has_attr("data-pagefind-body")
    assert (output / MOVES[old].strip("/") / "index.html").is_file()  # the new address exists


def _listed_paths(output: Path) -> set[str]:
    """Every address the sitemap, the site map, the news feed and the events feed link to."""
    sitemap = ET.parse(output / "sitemap.xml").getroot()
    links = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    links += [a["href"] for a in soup(output / "site-map" / "index.html").find_all("a", href=True)]
    atom = feedparser.parse((output / "feeds" / "news.atom.xml").read_bytes())
    links += [link["href"] for entry in atom.entries for link in entry.links]
    feed = json.loads((output / "events" / "upcoming.json").read_text(encoding="utf-8"))
    links += [item["url"] for item in feed["items"]]
    return {urlsplit(link).path for link in links}


def test_redirects_are_listed_nowhere(moved):
    _, _, output, _ = moved
    listed = _listed_paths(output)
    assert set(MOVES.values()) <= listed  # the new addresses are listed
    assert listed.isdisjoint(MOVES)


def test_a_moved_event_keeps_its_calendar_uid(moved):
    _, first, second, _ = moved
    for reader in (read_vobject, read_ics_py):
        before, after = _uids(first, reader), _uids(second, reader)
        assert after == before and len(after) == 2
    # the event's own calendar file too, at its new address and, for calendars subscribed
    # to it, at its old one: the same event, moved
    uid = _uids(first, read_vobject)["Door knocking in Atwood"]
    for name in (
        "2026-12-12-door-knocking-in-atwood.ics",
        "2026-12-05-door-knocking-in-atwood.ics",
    ):
        [seen] = read_vobject((second / "events" / name).read_text(encoding="utf-8"))
        assert (seen.uid, seen.start.date().isoformat()) == (uid, "2026-12-12")


@pytest.mark.slow
def test_the_redirect_page_is_valid_html(moved):
    _, _, output, _ = moved
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("the Nu HTML checker is missing: run `npm ci` (and install java)")
    page = output / OLD_EVENT.strip("/") / "index.html"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = [
        m["message"]
        for m in json.loads(result.stdout)["messages"]
        if "Content Security Policy (meta tag)" not in m["message"]
    ]
    assert messages == []


def test_the_updated_record_turns_old_addresses_into_redirects(moved, tmp_path):
    content, _, _, _ = moved
    copy = tmp_path / "content"
    shutil.copytree(content, copy)
    build_site(copy, tmp_path / "output", "publishconf.py", RECORD_ADDRESSES=True)
    entries = {e["address"]: e for e in yaml.safe_load((copy / RECORD_FILE).read_text())}
    for old, new in MOVES.items():
        assert entries[old] == {"address": old, "redirect": new}
    assert entries[NEW_EVENT]["uid"].startswith("2026-12-05-")  # the first UID, kept
    # built again from the updated record: the same redirects
    output = build_site(copy, tmp_path / "again")
    for old, new in MOVES.items():
        refresh = soup(output / old.strip("/") / "index.html").find(
            "meta", attrs={"http-equiv": "refresh"}
        )
        assert refresh["content"] == f"0; url={new}"


def _record(content: Path, text: str) -> None:
    (content / RECORD_FILE).write_text(text, encoding="utf-8")


def test_a_lost_address_is_an_error_in_the_build_and_the_check(tmp_path):
    content = make_content(tmp_path, {"pages/about.md": "Title: About us\nSlug: about\n\nHi.\n"})
    _record(
        content,
        "- address: /about/\n  kind: page\n  title: About us\n  source: content/pages/about.md\n"
        "- address: /join/\n  kind: page\n  title: Join us\n  source: content/pages/join.md\n"
        "- address: /old/\n  redirect: /nowhere/\n",
    )
    for check_only in (False, True):
        with pytest.raises(ContentProblems) as stopped:
            build_site(content, tmp_path / "output", CHECK_ONLY=check_only)
        errors = [(e.path, e.line, e.message, e.hint) for e in stopped.value.report.errors]
        assert [e[:2] for e in errors] == [
            ("content/addresses.yml", 5),
            ("content/addresses.yml", 9),
        ]
        assert (
            errors[0][2]
            == "/join/ (page 'Join us') was published and is not any more; links to it would break"
        )
        assert "write 'redirect: /<address>/' under it" in errors[0][3]
        assert "its 'redirect: /nowhere/' leads to no page" in errors[1][2]
    # the fix the message gives: a redirect to a page or a listing
    _record(
        content, "- address: /join/\n  redirect: /events/\n- address: /old/\n  redirect: /about/\n"
    )
    output = build_site(content, tmp_path / "output")
    assert (
        soup(output / "join" / "index.html")
        .find("link", rel="canonical")["href"]
        .endswith("/events/")
    )


def test_a_title_change_is_followed_by_file_and_start(tmp_path):
    content = make_content(
        tmp_path, {"events/a.yml": EVENT.format(start="2026-12-05 10:00", extra="")}
    )
    build_site(content, tmp_path / "first", RECORD_ADDRESSES=True)
    _edit(content, "events/a.yml", "Door knocking in Atwood", "Canvass in Atwood")
    output = build_site(content, tmp_path / "second")
    refresh = soup(output / OLD_EVENT.strip("/") / "index.html").find(
        "meta", attrs={"http-equiv": "refresh"}
    )
    assert refresh["content"] == "0; url=/events/2026-12-05-canvass-in-atwood/"


def _warnings(content: Path, output: Path) -> list:
    """The warnings of a build, read from its report (a page without a title stops it)."""
    (content / "pages").mkdir(exist_ok=True)
    (content / "pages" / "untitled.md").write_text("Text without a title.\n", encoding="utf-8")
    try:
        reports = []
        for check_only in (True, False):  # invoke check and the build report the same
            with pytest.raises(ContentProblems) as stopped:
                build_site(content, output, CHECK_ONLY=check_only)
            reports.append(stopped.value.report.warnings)
        assert reports[0] == reports[1]
        return reports[1]
    finally:
        (content / "pages" / "untitled.md").unlink()


def test_postponed_with_a_new_start_warns_with_the_lines_to_write(tmp_path):
    content = make_content(
        tmp_path, {"events/a.yml": EVENT.format(start="2026-12-05 10:00", extra="")}
    )
    first = build_site(content, tmp_path / "first", RECORD_ADDRESSES=True)
    (content / "events/a.yml").write_text(
        EVENT.format(start="2027-01-30 10:00", extra="  status: postponed\n"), encoding="utf-8"
    )
    [warning] = _warnings(content, tmp_path / "second")
    assert (warning.path, warning.line, warning.field) == (
        "content/events/a.yml",
        1,
        "'Door knocking in Atwood'.status",
    )
    assert warning.message == (
        "is 'postponed' but its start moved from 2026-12-05 10:00 to 2027-01-30 10:00"
    )
    assert "write 'status: rescheduled' and 'previous_start: 2026-12-05 10:00'" in warning.hint
    # written as the warning says: no warning, the old address is the page, the UID is kept
    (content / "events/a.yml").write_text(
        EVENT.format(
            start="2027-01-30 10:00",
            extra="  status: rescheduled\n  previous_start: 2026-12-05 10:00\n",
        ),
        encoding="utf-8",
    )
    assert _warnings(content, tmp_path / "third") == []
    output = build_site(content, tmp_path / "fourth")
    page = soup(output / OLD_EVENT.strip("/") / "index.html")
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None
    assert _uids(output, read_vobject) == _uids(first, read_vobject)


def test_an_address_in_the_record_must_be_a_site_folder(tmp_path):
    content = make_content(tmp_path, {"pages/about.md": "Title: About\n\nHi.\n"})
    _record(content, "- address: /../../etc/\n  redirect: /about/\n")
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    [error] = stopped.value.report.errors
    assert (error.path, error.line, error.field) == (
        "content/addresses.yml",
        1,
        "address 1.address",
    )
    assert not (tmp_path / "etc").exists()
