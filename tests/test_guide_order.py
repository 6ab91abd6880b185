"""The guide takes a chapter in one file: 'Chapter: 2.5' goes between 2 and 3, readers see
1 to n, and `invoke new-guide-chapter` places a chapter where asked without touching others."""

from __future__ import annotations

from decimal import Decimal
import shutil
import sys

import pytest

from guide.model import place_after
from guide.scaffold import UnknownChapter, book_order, chapter_file
from site_core.problems import ContentProblems
from sitebuild import ROOT, build_site, make_content, run_in_project, soup

BOOK = {
    "guide/z-one.md": "Title: One\nChapter: 1\n\nText one.\n",
    "guide/y-two.md": "Title: Two\nChapter: 2.\n\nText two.\n",
    "guide/x-between.md": "Title: Between\nChapter: 2.5\n\nText between.\n",
    "guide/w-three.md": "Title: Three\nChapter: 3\n\nText three.\n",
}


def test_decimal_places_order_the_book_and_readers_see_1_to_n(tmp_path):
    output = build_site(make_content(tmp_path, BOOK), tmp_path / "output")
    toc = soup(output / "guide" / "index.html").select("main ol.guide-toc > li")
    assert [(li["value"], li.a.get_text(strip=True)) for li in toc] == [
        ("1", "One"),
        ("2", "Two"),
        ("3", "Between"),
        ("4", "Three"),
    ]
    page = soup(output / "guide" / "between" / "index.html")
    assert page.title.get_text().startswith("3. Between")
    assert page.select_one("a[rel=prev]").get_text(strip=True) == "Previous: 2. Two"
    assert page.select_one("a[rel=next]").get_text(strip=True) == "Next: 4. Three"


@pytest.mark.parametrize("bad", ["0", "4.5.1", "NaN", "-2", "four", "1e3", ""])
def test_a_place_that_is_not_a_number_above_0_is_an_error(tmp_path, bad):
    content = make_content(tmp_path, {"guide/a.md": f"Title: A\nChapter: {bad}\n\nText.\n"})
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    [error] = stopped.value.report.errors
    assert (error.line, error.field) == (2, "chapter")
    assert "'Chapter: 4.5' to go between 4 and 5" in error.message + (error.hint or "")


def test_two_chapters_at_one_place_say_where_the_second_can_go(tmp_path):
    files = {**BOOK, "guide/x-again.md": "Title: Again\nChapter: 2.50\n\nText.\n"}
    with pytest.raises(ContentProblems) as stopped:
        build_site(make_content(tmp_path, files), tmp_path / "output")
    [error] = stopped.value.report.errors
    assert (error.path, error.line) == ("content/guide/x-between.md", 2)
    assert error.message == "chapter 2.5 is also content/guide/x-again.md"
    assert error.hint == "give each chapter its own place: 'Chapter: 2.8' puts it after that one"


@pytest.mark.parametrize(
    ("place", "following", "expected"),
    [(4, 5, "4.5"), (4, None, "5"), ("4.5", 5, "4.8"), (4, "4.1", "4.05"), (0, 1, "0.5")],
)
def test_a_new_place_is_short_and_strictly_between(place, following, expected):
    following = None if following is None else Decimal(str(following))
    assert place_after(Decimal(str(place)), following) == expected


def _sample(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def _snapshot(folder):
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def test_new_guide_chapter_after_a_slug_or_at_a_number_touches_no_other_file(tmp_path):
    content = _sample(tmp_path)
    guide = content / "guide"
    before = _snapshot(guide)
    order = [slug for _, slug in book_order(guide)]
    path, text = chapter_file(guide, "Door knocking safety", status="written", after=order[3])
    assert "Chapter: 4.5\n" in text
    path.write_text(text, encoding="utf-8")
    path, text = chapter_file(guide, "Why we win", number=1)
    assert "Chapter: 0.5\n" in text
    path.write_text(text, encoding="utf-8")
    after = _snapshot(guide)
    assert {name: after[name] for name in before} == before
    output = build_site(content, tmp_path / "output")
    titles = [
        li.find(["a", "span"]).get_text(strip=True)
        for li in soup(output / "guide" / "index.html").select("main ol.guide-toc > li")
    ]
    assert titles[0] == "Why we win" and titles[5] == "Door knocking safety"
    assert len(titles) == len(order) + 2
    page = soup(output / "guide" / "door-knocking-safety" / "index.html")
    assert page.title.get_text().startswith("6. Door knocking safety")


def test_after_an_unknown_chapter_writes_nothing_and_suggests(tmp_path):
    content = _sample(tmp_path)
    with pytest.raises(UnknownChapter, match="did you mean 'mapping-power-in-your-city'"):
        chapter_file(content / "guide", "X", after="mapping-power")
    result = run_in_project(
        sys.executable,
        "-m",
        "invoke",
        "--search-root",
        str(ROOT),
        "new-guide-chapter",
        "--title",
        "Tabling",
        "--after",
        "why-a-medicare-for-all-campaign",
        "--content",
        str(content),
    )
    assert result.returncode == 0, result.stderr
    assert "Chapter: 1.5\n" in (content / "guide" / "tabling.md").read_text(encoding="utf-8")


def test_a_translation_takes_no_place_in_the_book_order(tmp_path):
    guide = tmp_path / "content" / "guide"
    guide.mkdir(parents=True)
    (guide / "one.md").write_text("Title: One\nChapter: 1\n\nText.\n", encoding="utf-8")
    # A translation that (wrongly) repeats a place is still not a chapter of its own.
    (guide / "one.es.md").write_text("Title: Uno\nChapter: 2\n\nTexto.\n", encoding="utf-8")
    assert book_order(guide) == [(Decimal(1), "one")]
    assert "Chapter: 2\n" in chapter_file(guide, "Two")[1]
