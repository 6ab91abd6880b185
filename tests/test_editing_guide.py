"""Every example in the editors' guide (docs/editing/*.md) builds: the guide cannot drift.

An example is a fenced block whose target file is named either in the fence's info string
(```` ```markdown content/pages/x.md ````) or on its first line as a comment
(``# content/events/x.yml``, or ``<!-- content/guide/x.md -->`` for Markdown). The examples
of one guide page are laid over a small good site (a second example of the same file in a
second site) and built with the real Pelican; the build must succeed without any problem.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
import re
import shutil

import pytest
import vobject

from site_core.i18n import SiteLanguages
from site_core.translations import language_of_file
from sitebuild import FIXTURES, ROOT, build_site, write_tree

GUIDE = ROOT / "docs" / "editing"
FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```\s*$", re.MULTILINE | re.DOTALL)
PATH = re.compile(r"(?:^|\s)(?P<path>content/\S+)")


def examples(page: Path) -> list[tuple[str, str]]:
    """(path under content/, text) for each buildable example of one guide page."""
    found = []
    for fence in FENCE.finditer(page.read_text(encoding="utf-8")):
        info, body = fence["info"], fence["body"]
        named = PATH.search(info)
        first = body.split("\n", 1)[0]
        if not named and (first.startswith("# content/") or first.startswith("<!-- content/")):
            named = PATH.search(first.removeprefix("#").removeprefix("<!--"))
        if named:
            found.append((named["path"].removeprefix("content/"), body))
    return found


#: What makes the minimal chapter's site English and Spanish, for examples of translations.
SPANISH = "language: en\ntranslations:\n  es:\n    campaign: Medicare para Todos\n"
GUIDE_PAGES = sorted(p for p in GUIDE.glob("*.md") if examples(p))


def test_the_guide_has_examples():
    assert GUIDE_PAGES, "docs/editing/ has no buildable example"


def example_sites(page: Path) -> list[dict[str, str]]:
    """The sites to build: a second example of the same file goes into a second site."""
    sites: list[dict[str, str]] = []
    for relative, text in examples(page):
        site = next((s for s in sites if relative not in s), None)
        if site is None:
            site = dict(sites[0]) if sites else {}
            site.pop(relative, None)
            sites.append(site)
        site[relative] = text
    return [{**sites[0], **site} for site in sites]


def in_languages(content: Path, files: dict[str, str]) -> None:
    """A site whose examples include translations (``x.es.md``) is in their languages too
    (unless an example of chapter.yml says its languages itself)."""
    found = {language_of_file(Path(name), SiteLanguages())[1] for name in files} - {None}
    chapter = content / "chapter.yml"
    if found and "translations:" not in chapter.read_text(encoding="utf-8"):
        extra = "".join(f"  {lang}:\n    campaign: Medicare for All\n" for lang in sorted(found))
        chapter.write_text(chapter.read_text(encoding="utf-8") + "translations:\n" + extra)


@pytest.mark.parametrize("page", GUIDE_PAGES, ids=lambda p: p.name)
def test_every_example_of_a_guide_page_builds(page, tmp_path, capsys):
    for number, files in enumerate(example_sites(page)):
        content = tmp_path / f"site{number}" / "content"
        shutil.copytree(FIXTURES / "minimal" / "content", content)
        if "chapter.yml" not in files and any(".es." in name for name in files):
            with (content / "chapter.yml").open("a", encoding="utf-8") as chapter:
                chapter.write(SPANISH)  # an example of a translation: a site in two languages
        write_tree(content, files)
        in_languages(content, files)
        output = build_site(content, content.parent / "output")
        assert "(warning)" not in capsys.readouterr().err
        published = {p.parent.name for p in output.rglob("index.html")}
        for relative, text in files.items():
            slug = re.search(r"^Slug:\s*(\S+)", text, re.MULTILINE)
            if relative.endswith(".md") and slug:
                assert slug[1] in published, f"{relative} did not become a page"


def test_the_guide_s_two_fall_back_vigils_are_an_hour_apart_in_calendars(tmp_path):
    """The guide's 1:30-05:00 and 1:30-06:00 are two instants, as vobject reads our calendar."""
    (text,) = [t for path, t in examples(GUIDE / "events.md") if path == "events/late.yml"]
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal" / "content", content)  # chapter in America/Chicago
    write_tree(content, {"events/late.yml": text})
    output = build_site(content, tmp_path / "output")
    calendar = (output / "events" / "calendar.ics").read_bytes().decode("utf-8")
    (events,) = [c.vevent_list for c in vobject.readComponents(calendar)]
    times = sorted(tuple(t.value.astimezone(UTC) for t in (e.dtstart, e.dtend)) for e in events)
    three_am = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)  # 03:00 CST
    assert times == [
        (datetime(2026, 11, 1, 6, 30, tzinfo=UTC), three_am),  # the first 1:30 (CDT)
        (datetime(2026, 11, 1, 7, 30, tzinfo=UTC), three_am),  # the second (CST)
    ]
