"""The examples in docs/editing/questionnaires.md build as they are written."""

from __future__ import annotations

import re

from sitebuild import MINIMAL_CHAPTER, ROOT, build_site, make_content, soup

DOC = ROOT / "docs" / "editing" / "questionnaires.md"
EXAMPLE = re.compile(r"```markdown\n<!-- (content/\S+) -->\n(.*?)```", re.S)


def test_documented_examples_build(tmp_path):
    examples = {
        path.removeprefix("content/"): text for path, text in EXAMPLE.findall(DOC.read_text())
    }
    assert len(examples) == 5
    # The Spanish examples need a site in Spanish too.
    chapter = (
        MINIMAL_CHAPTER.read_text() + "translations:\n  es:\n    campaign: Medicare para Todos\n"
    )
    output = build_site(
        make_content(tmp_path, {**examples, "chapter.yml": chapter}), tmp_path / "output"
    )
    page = soup(output / "candidates" / "2027-county-board" / "ann-example" / "index.html")
    assert [h["id"] for h in page.select("section.qa > h3")] == [
        "medicare-for-all",
        "corporate-money",
        "grassroots",
    ]
    spanish = soup(
        output / "es" / "candidates" / "2027-county-board" / "ann-example" / "index.html"
    )
    answers = {
        s.h3["id"]: s.select_one(".answer").get("lang") for s in spanish.select("section.qa")
    }
    assert answers == {"medicare-for-all": None, "corporate-money": "en", "grassroots": "en"}
    board = soup(output / "candidates" / "2027-county-board" / "index.html")
    assert board.select_one(".callout.rescinded h2").get_text() == (
        "Endorsement of Bo Sample rescinded"
    )


def test_a_site_without_questionnaires_still_has_the_candidates_page(tmp_path):
    output = build_site(make_content(tmp_path, {}), tmp_path / "output")
    page = soup(output / "candidates" / "index.html")
    assert page.select_one("main p:last-of-type").get_text() == "No questionnaires yet."
