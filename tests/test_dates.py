"""One date style for the whole site: CLDR's formats (Babel) for the chapter's language."""

from __future__ import annotations

from datetime import date, datetime
import re
import shutil
from zoneinfo import ZoneInfo

from site_core.dates import DateStyle
from sitebuild import ROOT, build_site, soup

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def dated_texts(output) -> dict[str, list[tuple[str, str]]]:
    """(datetime, text) of every <time> in the main part of each kind of page."""
    pages = {
        "events": output / "events" / "index.html",
        "candidates": output
        / "candidates"
        / "2027-spring-election"
        / "jo-placeholder"
        / "index.html",
        "news": output / "news" / "index.html",
        "charters": output / "working-groups" / "index.html",
    }
    found = {}
    for kind, path in pages.items():
        times = soup(path).select("main time[datetime]")
        found[kind] = [(t["datetime"], t.get_text()) for t in times if DAY.match(t["datetime"])]
    return found


def test_every_kind_of_page_writes_a_day_the_same_way(sample_site):
    english = DateStyle("en_US")
    for kind, times in dated_texts(sample_site).items():
        assert times or kind == "charters", kind  # the sample charter has no adoption date
        for stamp, text in times:
            assert text == english.date(date.fromisoformat(stamp[:10])), (kind, stamp)
    assert english.date(date(2027, 1, 16)) == "Saturday, January 16, 2027"


def test_the_chapters_language_sets_the_style(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for translation in content.rglob("*.es.md"):  # the site is in Spanish only: no translations
        translation.unlink()
    chapter = content / "chapter.yml"
    text = re.sub(r"(?ms)^translations:.*?(?=^\S)", "", chapter.read_text(encoding="utf-8"))
    chapter.write_text(re.sub(r"(?m)^language: .*$", "language: es", text), encoding="utf-8")
    if "language: es" not in chapter.read_text(encoding="utf-8"):
        chapter.write_text(text + "\nlanguage: es\n", encoding="utf-8")
    for translation in content.rglob("*.es.md"):  # in a Spanish site they would be the pages
        translation.unlink()
    for events in content.glob("events/*.yml"):  # the sample's Spanish words: now its own
        events.write_text(
            re.sub(r"(?m)^  translations:\n(?:(?: {4}.*)?\n)*", "", events.read_text("utf-8")),
            encoding="utf-8",
        )
    output = build_site(content, tmp_path / "output")
    for kind, times in dated_texts(output).items():
        for stamp, text in times:
            assert text == DateStyle("es_US").date(date.fromisoformat(stamp[:10])), (kind, stamp)
    assert DateStyle("es_US").date(date(2027, 1, 16)) == "sábado, 16 de enero de 2027"
    month = soup(output / "events" / "index.html").select_one("main h2[id^=month-]")
    assert month.get_text() == month.get_text().lower()  # "diciembre de 2026"


def test_times_and_months_are_the_locales():
    evening = datetime(2027, 1, 16, 18, 30, tzinfo=ZoneInfo("America/Chicago"))
    assert DateStyle("en_US").time(evening) == "6:30\u202fPM"  # CLDR's narrow no-break space
    assert DateStyle("de_DE").time(evening) == "18:30"
    assert DateStyle("en_US").month(date(2026, 12, 1)) == "December 2026"
