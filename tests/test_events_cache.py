"""The events cache: warm builds reuse what is unchanged and are byte-identical to cold ones.

Each test copies the sample site (and the theme, which one test edits) and builds it with
Pelican's content cache on, changing one thing between builds, then builds the same content
cold (no cache, fresh output) and compares every output file byte for byte. Which files
were reused is seen from their inodes: a reused file is a hard link to the published one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
import re
import shutil

import pytest

import events.cache
from events.fingerprint import NotFingerprinted, stable
import events.loader
from site_core.assets import Assets
from site_core.plugin import output_ready
from site_core.problems import ContentProblems, Problem
from sitebuild import ROOT, build_site, soup

#: Each test builds its sites cold and warm, several times: in the whole suite, not the fast half.
pytestmark = pytest.mark.slow

WARM = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "SEARCH_INDEX": False}
COLD = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, "SEARCH_INDEX": False}
EVENT_PAGE = "events/2026-12-05-door-knocking-in-atwood/index.html"
OTHER_EVENT_PAGE = "events/2026-11-14-door-knocking-on-the-near-east-side/index.html"


class Site:
    """A copy of the sample site and theme, built warm into one output, cold into others."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        self.theme = root / "theme"
        shutil.copytree(ROOT / "content", self.content)
        shutil.copytree(ROOT / "theme", self.theme)
        self.output = root / "warm" / "output"
        self.colds = 0

    def warm(self, **settings) -> dict[str, int]:
        """Build with the cache; return {file: inode} of the new output."""
        build_site(self.content, self.output, THEME=str(self.theme), **WARM, **settings)
        return inodes(self.output)

    def cold(self, **settings) -> Path:
        """Build the same content without any cache into a fresh folder."""
        self.colds += 1
        output = self.root / f"cold-{self.colds}" / "output"
        return build_site(self.content, output, THEME=str(self.theme), **COLD, **settings)

    def edit(self, relative: str, old: str, new: str) -> None:
        """Replace ``old`` (which must be there) in a content or theme file."""
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def inodes(folder: Path) -> dict[str, int]:
    """Every file of an output folder and its inode."""
    return {
        p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()
    }


def files(folder: Path) -> dict[str, bytes]:
    """Every file of an output folder and its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def assert_same_output(warm: Path, cold: Path) -> None:
    """Every file, byte for byte; the names of the files that differ when they do."""
    warm_files, cold_files = files(warm), files(cold)
    assert sorted(warm_files) == sorted(cold_files)
    assert [name for name in cold_files if warm_files[name] != cold_files[name]] == []


def reused(before: dict[str, int], after: dict[str, int]) -> set[str]:
    """The event files of ``after`` that are the same files (hard links) as in ``before``."""
    return {name for name, inode in after.items() if before.get(name) == inode}


def event_folders(names) -> set[str]:
    """What single events' folders hold (named after a date): page, flyer, share image."""
    return {n for n in names if re.fullmatch(r"(es/)?events/\d{4}-\d\d-\d\d-[^/]+/.+", n)}


def event_files(names) -> set[str]:
    """The files the events plugin writes: pages, listings, calendars, the feed (in English
    and in Spanish, the sample's other language)."""
    return {n for n in names if n.startswith(("events/", "es/events/"))}


@pytest.fixture
def site(tmp_path) -> Site:
    """A fresh copy of the sample site."""
    return Site(tmp_path)


def test_warm_builds_reuse_unchanged_event_output_and_match_cold_builds(site: Site):
    first = site.warm()
    second = site.warm()
    assert event_files(reused(first, second)) == event_files(second)  # nothing changed
    assert_same_output(site.output, site.cold())

    site.edit("content/events/canvasses.yml", "bring clipboards", "bring pens")
    after_event = site.warm()
    again = event_files(reused(second, after_event))
    assert EVENT_PAGE not in again and "events/2026-12-05-door-knocking-in-atwood.ics" not in again
    assert OTHER_EVENT_PAGE in again  # the other events of the same file are reused
    assert "events/index.html" not in again and "events/calendar.ics" not in again
    assert_same_output(site.output, site.cold())

    site.edit("content/news/2026-11-25-a-new-home.md", "\n\n", "\n\nA new first paragraph.\n\n")
    after_news = site.warm()
    assert event_files(reused(after_event, after_news)) == event_files(after_news)
    assert_same_output(site.output, site.cold())

    site.edit("theme/templates/partials/footer.html", "Write to us:", "Write to us at")
    after_template = site.warm()
    assert (
        event_files(reused(after_news, after_template)) & {EVENT_PAGE, "events/index.html"} == set()
    )
    assert_same_output(site.output, site.cold())

    site.edit("content/chapter.yml", "name: ", "name: The ")
    after_chapter = site.warm()
    assert EVENT_PAGE not in reused(after_template, after_chapter)
    assert_same_output(site.output, site.cold())


def test_a_new_build_date_moves_events_to_the_past_and_restamps_calendars(site: Site):
    site.warm()
    later = {"BUILD_DATE": datetime(2026, 12, 6, 12, 0, tzinfo=UTC)}  # Atwood was on Dec 5
    before = inodes(site.output)
    after = site.warm(**later)
    assert EVENT_PAGE not in reused(before, after)  # "This event has taken place."
    assert not any(name.endswith(".ics") for name in reused(before, after))  # new DTSTAMP
    assert_same_output(site.output, site.cold(**later))


def test_an_output_file_changed_by_hand_is_rendered_again(site: Site):
    site.warm()
    page = site.output / EVENT_PAGE
    page.write_text("edited by hand", encoding="utf-8")
    before = inodes(site.output)
    after = site.warm()
    assert EVENT_PAGE not in reused(before, after)
    assert_same_output(site.output, site.cold())


def test_without_hard_links_unchanged_files_are_copied(site: Site, monkeypatch):
    site.warm()

    def no_links(source, target):
        raise OSError("hard links not supported here")

    with monkeypatch.context() as patched:  # only this: the build date stays pinned
        patched.setattr(events.cache.os, "link", no_links)
        before = inodes(site.output)
        after = site.warm()
    # Linked files were copied; event folders are not linked at all: they moved.
    assert event_files(reused(before, after)) == event_folders(after)
    assert_same_output(site.output, site.cold())
    assert event_files(reused(after, site.warm())) == event_files(after)  # mtimes were kept


def test_a_build_failing_after_carrying_folders_over_gives_them_back(site: Site):
    site.warm()
    site.edit("content/events/canvasses.yml", "bring clipboards", "bring pens")
    before, published = inodes(site.output), files(site.output)

    def failing_step(folder, **_):
        assert (folder / OTHER_EVENT_PAGE).is_file()  # carried in before the post-build steps
        raise SystemExit("a post-build step failed")

    output_ready.connect(failing_step)
    try:
        with pytest.raises(SystemExit, match="post-build step failed"):
            site.warm()
    finally:
        output_ready.disconnect(failing_step)
    assert inodes(site.output) == before and files(site.output) == published
    assert not list(site.output.parent.glob(".output.building-*"))


def problems_of(build) -> tuple[list[Problem], list[Problem]]:
    """The errors and warnings of a build that fails."""
    with pytest.raises(ContentProblems) as failed:
        build()
    return failed.value.report.errors, failed.value.report.warnings


def test_the_problem_report_is_the_same_with_and_without_the_cache(site: Site, monkeypatch):
    site.warm()  # the sample site's events files are now cached
    read = []
    read_file = events.loader.read_file
    monkeypatch.setattr(
        events.loader, "read_file", lambda path, *a: read.append(path.name) or read_file(path, *a)
    )
    far = {"BUILD_DATE": datetime(2029, 6, 1, 12, 0, tzinfo=UTC)}  # two years after most events
    folder = site.content / "events"
    shutil.copy(
        folder / "rallies.yml", folder / "rallies-again.yml"
    )  # sorts first: cached rallies.yml now repeats its slugs
    site.edit("content/events/meetings.yml", "type: panel", "type: panle")
    warm = problems_of(lambda: site.warm(**far))
    assert "canvasses.yml" not in read and "meetings.yml" in read  # from the cache, and not
    assert warm == problems_of(lambda: site.cold(**far))
    errors, warnings = warm
    assert {p.path for p in errors} == {
        "content/events/meetings.yml",
        "content/events/rallies.yml",
    }
    assert any(
        p.path == "content/events/canvasses.yml" and p.field.endswith(".start") for p in warnings
    )
    assert (site.output / EVENT_PAGE).is_file()  # the failed build left the output as it was


def shout(text: str) -> str:
    """A filter the edited theme uses."""
    return text.upper()


def whisper(text: str) -> str:
    """The same filter, changed."""
    return text.lower()


def ending(mark: str):
    """A filter made by a closure: only what it closes over changes."""

    def add(text: str) -> str:
        return f"{text}{mark}"

    return add


class Motto:
    """A global whose text is stable but which nothing can fingerprint."""

    def __str__(self) -> str:
        return "Health care for all"


@pytest.fixture
def themed(site: Site) -> Site:
    """The sample site with a footer that shows a Jinja global through a filter."""
    motto = "{{ motto|default(SITENAME)|string|loud }}"
    site.edit("theme/templates/partials/footer.html", "Write to us:", f"{motto} Write to us:")
    return site


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ({"JINJA_FILTERS": {"loud": shout}}, {"JINJA_FILTERS": {"loud": whisper}}),
        ({"JINJA_FILTERS": {"loud": ending("!")}}, {"JINJA_FILTERS": {"loud": ending("?")}}),
        (
            {"JINJA_FILTERS": {"loud": shout}, "JINJA_GLOBALS": {"motto": "Health care"}},
            {"JINJA_FILTERS": {"loud": shout}, "JINJA_GLOBALS": {"motto": "For all"}},
        ),
        (
            {"JINJA_FILTERS": {"loud": shout}},
            {
                "JINJA_FILTERS": {"loud": shout},
                "JINJA_ENVIRONMENT": {"trim_blocks": False, "autoescape": True},
            },
        ),
    ],
    ids=["filter", "filter-closure", "global", "environment"],
)
def test_a_change_to_the_jinja_settings_renders_every_event_again(themed: Site, before, after):
    themed.warm(**before)
    first = themed.warm(**before)
    second = themed.warm(**after)
    assert event_folders(reused(first, second)) == set()
    assert "events/index.html" not in reused(first, second)
    assert_same_output(themed.output, themed.cold(**after))


def test_a_setting_that_cannot_be_fingerprinted_turns_reuse_off(themed: Site, caplog):
    opaque = {"JINJA_FILTERS": {"loud": shout}, "JINJA_GLOBALS": {"motto": Motto()}}
    first = themed.warm(**opaque)
    with caplog.at_level("INFO", logger="events.generator"):
        second = themed.warm(**opaque)
    assert event_files(reused(first, second)) == set()
    assert "JINJA_GLOBALS holds Motto" in caplog.text
    assert_same_output(themed.output, themed.cold(**opaque))


def test_event_templates_never_see_other_content(site: Site):
    # An event template that read the news would show stale news on reused pages: it is
    # not given the news at all, with or without the cache.
    site.edit(
        "theme/templates/events/event.html",
        '{{ _("All upcoming events") }}',
        "{{ articles|length }} news",
    )
    first = site.warm()
    site.edit("content/news/2026-11-25-a-new-home.md", "Slug: a-new-home", "Slug: a-new-one")
    second = site.warm()
    assert EVENT_PAGE in reused(first, second)
    assert '<p><a href="/events/">0 news</a></p>' in (site.output / EVENT_PAGE).read_text()
    assert_same_output(site.output, site.cold())


def test_a_publish_build_never_uses_the_cache(site: Site):
    publish = {"settings_file": "publishconf.py", **WARM}
    build_site(site.content, site.output, THEME=str(site.theme), **publish)
    first = inodes(site.output)
    build_site(site.content, site.output, THEME=str(site.theme), **publish)
    assert event_files(reused(first, inodes(site.output))) == set()
    assert not (site.root / "warm" / "cache" / "events-output").exists()


def test_code_is_fingerprinted_by_what_it_is_not_by_where_it_sits_in_memory():
    theme = {"THEME": str(ROOT / "theme")}
    assert stable(Assets(theme).url) == stable(Assets(theme).url)  # two builds' `asset`
    assert stable(shout) == stable(shout) != stable(whisper)
    assert stable(ending("!")) == stable(ending("!")) != stable(ending("?"))
    assert stable(str.upper) != stable(str.lower)
    made_by_exec: dict = {}
    exec("def loud(text): return text", made_by_exec)  # no file says what it does
    for opaque in (object(), Motto(), made_by_exec["loud"], ending(object())):
        with pytest.raises(NotFingerprinted):
            stable(opaque)


def test_a_renamed_working_group_renders_its_events_listing_again_and_no_event_page(site: Site):
    group_page = "events/group/medicare-for-all/index.html"
    first = site.warm()
    site.edit(
        "content/charters/medicare-for-all.md",
        "Working group: Medicare for All Working Group",
        "Working group: Single Payer Working Group",
    )
    after = site.warm()
    again = event_files(reused(first, after))
    assert group_page not in again
    assert event_files(after) - again == {group_page, f"es/{group_page}"}  # both show it
    assert "Single Payer Working Group" in (site.output / group_page).read_text(encoding="utf-8")
    assert_same_output(site.output, site.cold())


def test_a_changed_translation_renders_that_language_again_and_reuses_the_other(site: Site):
    first = site.warm()
    site.edit(
        "content/events/canvasses.yml",
        "title: Tocamos puertas en Atwood\n",
        "title: Tocamos puertas en Atwood este sábado\n",
    )
    after = site.warm()
    kept = reused(first, after)
    english = {
        EVENT_PAGE,
        "events/2026-12-05-door-knocking-in-atwood.ics",
        "events/index.html",
        "events/calendar.ics",
        "events/canvass.ics",
        "events/upcoming.json",
    }
    assert english <= kept  # the English output does not show the Spanish words
    spanish = {f"es/{name}" for name in english}
    assert spanish & kept == set()
    assert f"es/{OTHER_EVENT_PAGE}" in kept  # the other Spanish events are reused
    heading = soup(site.output / "es" / EVENT_PAGE).find("h1")
    assert heading.get_text(" ", strip=True) == "Tocamos puertas en Atwood este sábado"
    assert_same_output(site.output, site.cold())

    site.edit(
        "theme/translations/es/events.po",
        'msgstr "Añadir al calendario (.ics)"',
        'msgstr "Agregar al calendario (.ics)"',
    )
    after_catalog = site.warm()
    again = reused(after, after_catalog)
    assert f"es/{EVENT_PAGE}" not in again and "es/events/calendar.ics" not in again
    assert_same_output(site.output, site.cold())
