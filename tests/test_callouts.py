"""Callouts (``!!! rap "ASK"``): an unknown kind or text outside the box stops the build."""

from __future__ import annotations

import pytest

from site_core.callouts import CALLOUT_KINDS, callout_problems
from site_core.problems import ContentProblems
from sitebuild import build_site, make_content, soup

CHAPTER = "Title: The Rap\nChapter: 1\n\n"  # the text starts on line 4


def errors_of(tmp_path, files: dict[str, str]) -> list:
    content = make_content(tmp_path, files)
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    return stopped.value.report.errors


def test_mistakes_in_guide_pages_and_charters_are_errors_at_their_lines(tmp_path):
    errors = errors_of(
        tmp_path,
        {
            # line 5: two spaces, so the text would show under an empty ASK box
            "guide/indent.md": CHAPTER + '!!! rap "ASK"\n  Will you sign?\n',
            # line 4: no such kind
            "guide/kind.md": "Title: Asking\nChapter: 2\n\n"
            + '!!! ask "ASK"\n    Will you sign?\n',
            # a page: line 7 falls outside after a good first line
            "pages/p.md": "Title: P\n\n!!! checklist\n    - pen\n    - petition\n\n  - turf\n",
            "charters/c.md": "Working group: W\nChapter: C\nReports to: C\nStatus: adopted\n\n"
            '!!! note "N"\nOutside.\n',
        },
    )
    found = {(e.path.rsplit("/", 1)[-1], e.line): e for e in errors}
    assert set(found) == {("indent.md", 5), ("kind.md", 4), ("p.md", 7), ("c.md", 7)}, errors
    assert "indented 2 spaces, so it shows outside the box" in found[("indent.md", 5)].message
    assert found[("indent.md", 5)].hint == "indent every line of the callout's text by 4 spaces"
    kind = found[("kind.md", 4)]
    assert kind.message == "'!!! ask' is not a kind of callout this site has"
    assert all(f"'!!! {k}'" in kind.hint for k in CALLOUT_KINDS) and '!!! rap "ASK"' in kind.hint
    assert "empty" in found[("c.md", 7)].message


def test_good_callouts_and_embeds_build(tmp_path):
    text = (
        CHAPTER + '!!! Rap "ASK"\n    Will you sign?\n\n    - yes\n        - really\n\n'
        '!!! embed "https://www.youtube.com/watch?v=abc"\n\nAfter.\n\n'
        "```\n!!! not-a-callout\n  in code\n```\n"
    )
    output = build_site(make_content(tmp_path, {"guide/good.md": text}), tmp_path / "output")
    page = soup(output / "guide" / "the-rap" / "index.html")
    box = page.select_one("div.admonition.rap")
    assert box.select_one(".admonition-title").get_text() == "ASK"
    assert "Will you sign?" in box.get_text() and "really" in box.get_text()
    assert page.select_one("p.embed a")["href"] == "https://www.youtube.com/watch?v=abc"


@pytest.mark.parametrize(
    ("text", "offset", "words"),
    [
        ('!!! rap "ASK"\nWill you sign?\n', 1, "empty"),
        ('!!! rap "ASK"\n\n   Will you sign?\n', 2, "indented 3 spaces"),
        ('!!! rap "ASK"\n    Will you sign?\n more\n', 2, "indented 1 space,"),
        ('!!! checklist ""\n', 0, "empty"),
        ('!!! "ASK"\n    Will you sign?\n', 0, "must be followed by the kind"),
        ('!!! raps "ASK"\n    Will you sign?\n', 0, "'!!! raps' is not a kind"),
    ],
)
def test_each_mistake_at_its_line(text, offset, words):
    [problem] = callout_problems(text)
    assert problem.offset == offset and words in problem.message


def test_text_after_a_callout_and_code_are_left_alone():
    assert callout_problems('!!! rap "A"\n    In.\n\nOut.\n\n~~~\n!!! ask\n~~~\n\t!!! x\n') == []
