"""``!!! embed "URL"``: a link card in every kind of Markdown, nothing loaded from another host."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from test_site_quality import VNU, VNU_IGNORE

from site_core.editor_html import render_markdown
from site_core.embeds import page_address
from site_core.problems import ContentProblems
from sitebuild import build_site, make_content, soup

VIDEO = "https://www.youtube.com/watch?v=abc123"
PAGE = (
    "Title: Town hall\nSlug: town-hall\n\nBefore.\n\n"
    f'!!! embed "{VIDEO}"\n    Our town hall on Medicare for All,\n    March 2027\n\n'
    '!!! embed "https://player.vimeo.com/video/4242"\n\n    After a blank line\n\n'
    "!!! embed https://actionnetwork.org/forms/sign-up\n\n"
    '!!! note "A callout"\n    Still a callout.\n\nAfter.\n'
)


@pytest.fixture(scope="module")
def embed_page(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("embeds")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1795608000")
        output = build_site(make_content(tmp_path, {"pages/town-hall.md": PAGE}), tmp_path / "o")
    return output / "town-hall" / "index.html"


def cards(main) -> list[tuple[str, str, str]]:
    """(address, title, host line) of each card."""
    return [
        (
            card.a["href"],
            card.select_one(".embed-title").get_text(),
            card.select_one(".embed-host").get_text(),
        )
        for card in main.select("p.embed")
    ]


def test_a_card_has_a_title_the_host_and_a_plain_link(embed_page):
    main = soup(embed_page).find("main").article
    assert cards(main) == [
        (VIDEO, "Our town hall on Medicare for All, March 2027", "YouTube · youtube.com"),
        ("https://vimeo.com/4242", "After a blank line", "Vimeo · vimeo.com"),
        (
            "https://actionnetwork.org/forms/sign-up",
            "actionnetwork.org/forms/sign-up",
            "Action Network · actionnetwork.org",
        ),
    ]
    assert main.select_one(".admonition-title").get_text() == "A callout"
    prose = [p.get_text() for p in main.find_all("p", recursive=False) if not p.get("class")]
    assert prose == ["Before.", "After."]


def test_a_card_loads_nothing_and_needs_no_script(embed_page):
    page = soup(embed_page)
    assert not page.find_all(["iframe", "object", "embed", "video", "img"])
    assert not [s for s in page.find_all("script") if s.get("src", "").startswith(("http", "//"))]
    assert not page.find_all(style=True)


@pytest.mark.slow
@pytest.mark.skipif(not VNU.exists() or not shutil.which("java"), reason="no Nu HTML checker")
def test_a_page_with_cards_is_valid_html(embed_page):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *VNU_IGNORE, str(embed_page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(result.stdout)["messages"] == []


@pytest.mark.parametrize(
    ("player", "page"),
    [
        (
            "https://www.youtube-nocookie.com/embed/xY_z-1?si=q",
            "https://www.youtube.com/watch?v=xY_z-1",
        ),
        ("https://www.youtube.com/embed/abc", "https://www.youtube.com/watch?v=abc"),
        ("https://player.vimeo.com/video/76979871?h=8272103f6e", "https://vimeo.com/76979871"),
        (
            "https://docs.google.com/forms/d/e/1FA/viewform?embedded=true",
            "https://docs.google.com/forms/d/e/1FA/viewform",
        ),
        ("https://example.org/page?a=1", "https://example.org/page?a=1"),
    ],
)
def test_a_player_address_becomes_the_page_a_reader_opens(player, page):
    assert page_address(player) == page


def test_cards_work_in_event_descriptions_and_answers():
    html = soup_of(str(render_markdown(f'Come!\n\n!!! embed "{VIDEO}"\n    The video\n').html))
    assert html.select_one("p.embed a")["href"] == VIDEO
    assert html.select_one(".embed-title").get_text() == "The video"


def soup_of(text: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(text, "html5lib")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('!!! embed "youtube.com/watch?v=1"', "!!! embed: must be a web address starting with"),
        ("!!! embed", "!!! embed: must be a web address starting with"),
        ('!!! embed "javascript:alert(1)"', "a javascript: address is not allowed"),
        ('!!! embed "https://example.org/a b"', "!!! embed: must not contain spaces"),
    ],
)
def test_a_card_without_a_web_address_is_an_error_at_its_line(tmp_path, line, message):
    content = make_content(tmp_path, {"pages/x.md": f"Title: X\n\nText.\n\n{line}\n    Title\n"})
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    (problem,) = stopped.value.report.errors
    assert (problem.path, problem.line) == ("content/pages/x.md", 5)
    assert problem.message.startswith(message)


def test_a_pasted_player_is_refused_with_the_embed_line_to_write_instead(tmp_path):
    iframe = (
        '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/abc123'
        '?si=Xy" title="YouTube video player" allowfullscreen></iframe>'
    )
    content = make_content(tmp_path, {"guide/a.md": f"Title: A\nChapter: 1\n\nText.\n\n{iframe}\n"})
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    (problem,) = stopped.value.report.errors
    assert str(problem) == (
        "content/guide/a.md:6: <iframe> is not allowed in the text; "
        f'write !!! embed "{VIDEO}" instead (docs/editing/html.md)'
    )
