"""The organizing guide: order from metadata, prev/next, anchors, callouts, print page, errors."""

from __future__ import annotations

from collections import Counter
import re

import pytest

from site_core.problems import ContentProblems
from sitebuild import FIXTURES, ROOT, build_site, make_content, soup

# The chapter as the guide's authors wrote it (a copy of the seed text), to check it word for word.
SEED = FIXTURES / "seeds" / "organizing-guide-ch8-electoral.txt"
SEED_HEADINGS = 3  # the seed's title lines before the chapter's text

# Four chapters whose file names sort in another order than their numbers; 2 is planned.
BOOK = {
    "guide/a-last.md": "Title: Keeping it going\nChapter: 4\n\nLast text.\n",
    "guide/b-first.md": "Title: Why organize\nChapter: 1\nSummary: The start.\n\n"
    "Intro.\n\n## First steps\n\nText.\n\n## Second steps\n\nMore.\n",
    "guide/c-planned.md": "Title: Canvassing: the Rap\nChapter: 2\nStatus: planned\n",
    "guide/d-third.md": "Title: Town halls\nChapter: 3\nStatus: Written\n\n"
    '## First steps\n\nSame heading as chapter 1.\n\n!!! rap "ASK"\n    Will you join us?\n',
}


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """A four-chapter guide, built once."""
    tmp = tmp_path_factory.mktemp("book")
    return build_site(make_content(tmp, BOOK), tmp / "output")


def words(text: str) -> str:
    """Normalise whitespace and typographic quotes, to compare texts word for word."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def test_order_comes_from_chapter_numbers_not_file_names(book):
    toc = soup(book / "guide" / "index.html").select("main ol.guide-toc > li")
    assert [li["value"] for li in toc] == ["1", "2", "3", "4"]
    assert [li.find(["a", "span"]).get_text(strip=True) for li in toc] == [
        "Why organize",
        "Canvassing: the Rap",
        "Town halls",
        "Keeping it going",
    ]
    # The planned chapter is listed, marked, and has neither a link nor a page.
    assert toc[1].find("a") is None
    assert toc[1].select_one(".badge").get_text(strip=True) == "not yet written"
    assert not (book / "guide" / "canvassing-the-rap").exists()
    # Written chapters list their sections, linked to the anchors.
    sections = [a["href"] for a in toc[0].select("ul a")]
    assert sections == ["/guide/why-organize/#first-steps", "/guide/why-organize/#second-steps"]


def test_previous_and_next_skip_planned_chapters(book):
    def links(slug):
        page = soup(book / "guide" / slug / "index.html")
        nav = page.select_one('nav[aria-label="Chapters"]')
        return (
            (nav.find("a", rel="prev") or {}).get("href"),
            (nav.find("a", rel="next") or {}).get("href"),
        )

    assert links("why-organize") == (None, "/guide/town-halls/")
    assert links("town-halls") == ("/guide/why-organize/", "/guide/keeping-it-going/")
    assert links("keeping-it-going") == ("/guide/town-halls/", None)


def test_every_section_has_a_shareable_anchor_and_is_in_the_chapter_contents(book):
    page = soup(book / "guide" / "why-organize" / "index.html")
    headings = page.select("main article > h2[id]")
    assert [h["id"] for h in headings] == ["first-steps", "second-steps"]
    assert all(h.find("a", class_="headerlink")["href"] == f"#{h['id']}" for h in headings)
    contents = page.select_one('nav[aria-labelledby="sections-heading"]')
    assert [a["href"] for a in contents.select("a")] == ["#first-steps", "#second-steps"]


def test_edit_link_points_at_the_file_with_a_configurable_base(tmp_path, sample_site):
    page = soup(sample_site / "guide" / "electoral-work" / "index.html")
    assert (
        page.select_one(".edit-link a")["href"]
        == "https://github.com/madisondsa/m4a-site/edit/main/content/guide/electoral-work.md"
    )
    content = make_content(tmp_path, {"guide/one.md": "Title: One\nChapter: 1\n\nText.\n"})
    # The minimal chapter file has no repository_url: no link, unless a base is set.
    output = build_site(content, tmp_path / "plain")
    assert soup(output / "guide" / "one" / "index.html").select_one(".edit-link") is None
    output = build_site(content, tmp_path / "based", GUIDE_EDIT_BASE="https://git.example.org/e/")
    link = soup(output / "guide" / "one" / "index.html").select_one(".edit-link a")
    assert link["href"] == "https://git.example.org/e/content/guide/one.md"


def test_chapter_8_is_the_seed_text_with_rap_and_checklist_callouts(sample_site):
    page = soup(sample_site / "guide" / "electoral-work" / "index.html")
    article = page.select_one("main article")
    raps = article.select("div.admonition.rap")
    assert [r.select_one(".admonition-title").get_text() for r in raps] == [
        "ASK",
        "INOCULATION",
        "VISION",
    ]
    assert "“INOCULATION” section" in raps[1].get_text()
    (checklist,) = article.select("div.admonition.checklist")
    assert len(checklist.select("li")) == 6
    # Every paragraph, heading and question of the seed is on the page, word for word
    # (the one lost link, "other resources like in order to", loses its dangling "like").
    text = words(article.get_text(" "))
    seed = SEED.read_text(encoding="utf-8").replace("resources like in", "resources in")
    blocks = [words(b.replace("•", "")) for b in seed.split("\n\n")[SEED_HEADINGS:]]
    for block in blocks:
        for sentence in re.split(r"(?<=[.?:])\s", block):
            assert sentence in text, sentence
    assert article.h1.get_text() == "Integrating Your Medicare for All Campaign into Electoral Work"


def test_print_page_has_every_written_chapter_with_unique_ids(book):
    page = soup(book / "guide" / "print" / "index.html")
    chapters = page.select("main article.guide-chapter")
    assert [c["id"] for c in chapters] == ["why-organize", "town-halls", "keeping-it-going"]
    # Sections are one level below the chapter title; ids are prefixed, so never repeated.
    assert [h["id"] for h in chapters[0].select("h3")] == [
        "why-organize-first-steps",
        "why-organize-second-steps",
    ]
    assert chapters[1].select_one("h3")["id"] == "town-halls-first-steps"
    ids = Counter(tag["id"] for tag in page.select("[id]"))
    assert [i for i, n in ids.items() if n > 1] == []
    assert chapters[1].select_one(".admonition.rap .admonition-title").get_text() == "ASK"
    # The print page is not in the search index (its text is already on the chapter pages).
    assert not page.main.has_attr("data-pagefind-body")


def guide_errors(tmp_path, files: dict[str, str]) -> dict:
    """Build a guide that should fail; return its errors keyed by (file name, field)."""
    content = make_content(tmp_path, files)
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    return {(p.path.rsplit("/", 1)[-1], p.field): p for p in stopped.value.report.errors}


def test_chapter_mistakes_are_all_reported_with_line_and_fix(tmp_path):
    errors = guide_errors(
        tmp_path,
        {
            "guide/status.md": "Title: A\nChapter: 1\nStatus: writen\n\nText.\n",
            "guide/number.md": "Title: B\nChapter: eight\n\nText.\n",
            "guide/one.md": "Title: One\nChapter: 1\n\nText.\n",
            "guide/twice.md": "Title: C\nChapter: 1\n\nText.\n",
            "guide/typo.md": "Titel: D\nChapter: 4\n\nText.\n",
            "guide/empty.md": "Title: E\nChapter: 5\nStatus: written\n",
            "guide/print.md": "Title: F\nChapter: 6\nSlug: print\n\nText.\n",
        },
    )
    status = errors[("status.md", "status")]
    assert (status.line, status.hint) == (3, "did you mean 'written'?")
    assert errors[("number.md", "chapter")].line == 2
    twice = errors[("twice.md", "chapter")]
    assert (twice.line, twice.message) == (2, "chapter 1 is also content/guide/one.md")
    assert errors[("typo.md", "titel")].hint == "did you mean 'title'?"
    assert errors[("typo.md", "title")].message == "is required but missing"
    assert errors[("empty.md", "status")].hint.endswith("or write 'Status: planned'")
    assert errors[("print.md", "slug")].line == 3
    assert len(errors) == 7


def test_planned_chapter_with_text_is_a_warning_not_a_page(tmp_path):
    content = make_content(
        tmp_path, {"guide/p.md": "Title: P\nChapter: 1\nStatus: planned\n\nDraft text.\n"}
    )
    output = build_site(content, tmp_path / "output")
    assert not (output / "guide" / "p").exists()
    assert "not yet written" in soup(output / "guide" / "index.html").main.get_text()


def test_every_example_in_the_editing_docs_builds(tmp_path):
    """The copy-paste examples of docs/editing/guide.md and charters.md are valid files."""
    files = {}
    for doc in ("guide.md", "charters.md"):
        text = (ROOT / "docs" / "editing" / doc).read_text(encoding="utf-8")
        for block in re.findall(r"```markdown\n(.*?)```", text, re.DOTALL):
            path = re.match(r"<!-- (content/\S+) -->", block).group(1)
            files[path.removeprefix("content/")] = block  # a later example of a file wins
    assert len(files) == 6  # a chapter, a planned one, a charter, a proposed one, 2 translations
    content = make_content(tmp_path, files)
    with (content / "chapter.yml").open("a", encoding="utf-8") as chapter:  # in two languages
        chapter.write("language: en\ntranslations:\n  es:\n    campaign: Medicare para Todos\n")
    output = build_site(content, tmp_path / "output")
    assert (output / "guide" / "canvassing-the-rap" / "index.html").exists()
    assert (output / "working-groups" / "housing-working-group" / "index.html").exists()
    assert soup(output / "es" / "guide" / "el-rap" / "index.html").h1.get_text() == (
        "El puerta a puerta: el Rap"
    )
    assert (output / "es" / "working-groups" / "vivienda" / "index.html").exists()
