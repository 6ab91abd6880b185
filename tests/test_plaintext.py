"""Plain text of event descriptions: paragraphs, list items and link addresses survive.

``html_to_text`` turns the sanitised HTML of an editor's Markdown into the text
calendar apps, feed readers and search engines show. The expected texts below
are what a reader should see; Hypothesis then feeds it generated Markdown and
any markup at all, and BeautifulSoup (html5lib) is the independent reader that
says which words the HTML holds. Last, vobject, json and extruct read the same
text back from the built .ics, JSON Feed and JSON-LD.
"""

from __future__ import annotations

import json
import re
import time

from bs4 import BeautifulSoup
import extruct
from hypothesis import given, settings, strategies as st
import pytest
import vobject

from site_core.editor_html import render_markdown
from site_core.plaintext import html_to_text
from sitebuild import build_site, make_content


def text_of(markdown: str) -> str:
    """What readers of a calendar or feed see for an editor's Markdown."""
    return html_to_text(render_markdown(markdown).html)


def test_paragraphs_keep_a_blank_line_and_hard_wraps_are_joined():
    markdown = "We knock on doors\nin Atwood.\n\nBring water and\ncomfortable shoes.\n"
    assert text_of(markdown) == (
        "We knock on doors in Atwood.\n\nBring water and comfortable shoes."
    )


def test_a_line_break_stays_a_line_break():
    assert text_of("Olbrich Park  \nBeach House") == "Olbrich Park\nBeach House"


def test_list_items_are_on_their_own_lines_nested_ones_indented():
    markdown = (
        "Bring:\n\n- water\n- a clipboard with a\n  wrapped line\n    - pens\n    - a spare\n"
        "- shoes\n\nThen:\n\n1. sign in\n2. knock\n"
    )
    assert text_of(markdown) == (
        "Bring:\n\n- water\n- a clipboard with a wrapped line\n  - pens\n  - a spare\n- shoes"
        "\n\nThen:\n\n1. sign in\n2. knock"
    )


def test_a_loose_list_keeps_one_line_per_paragraph_under_its_marker():
    html = "<ul><li><p>first</p><p>more</p></li><li><p>second</p></li></ul><p>after</p>"
    assert html_to_text(html) == "- first\n  more\n- second\n\nafter"


def test_two_lists_in_a_row_are_two_blocks():
    assert html_to_text("<ul><li>a</li></ul><ol><li>b</li></ol>") == "- a\n\n1. b"


def test_links_keep_their_address_after_their_text():
    markdown = (
        "Sign up with [the sign-up form](https://example.org/form?a=1&b=2).\n\n"
        "Or write to [the organizer](mailto:m4a@example.org), "
        "or call [our line](tel:+16085550100)."
    )
    assert text_of(markdown) == (
        "Sign up with the sign-up form (https://example.org/form?a=1&b=2).\n\n"
        "Or write to the organizer (m4a@example.org), or call our line (+16085550100)."
    )


@pytest.mark.parametrize(
    "markdown",
    [
        "<https://example.org/join/>",
        "[https://example.org/join/](https://example.org/join/)",
        "[example.org/join](https://example.org/join/)",
        "[www.example.org](https://www.example.org)",
        "<m4a@example.org>",  # Markdown hides the address in entities
    ],
)
def test_an_address_shown_as_its_own_text_is_not_doubled(markdown):
    text = text_of(markdown)
    assert "(" not in text and text.count("example.org") == 1, text


def test_relative_and_fragment_links_keep_only_their_text():
    assert text_of("See [the guide](/guide/) and [below](#more).") == "See the guide and below."


def test_entities_are_decoded_once():
    markdown = "Q&amp;A: 5 &lt; 6 &amp;amp; caf&eacute; &#x263A; &nbsp;ok"
    assert text_of(markdown) == "Q&A: 5 < 6 &amp; café ☺ ok"


def test_code_keeps_its_lines_tables_one_row_a_line_headings_a_block():
    markdown = (
        "### What to bring\n\n    door list\n      indented\n\n"
        "| Shift | Where |\n|---|---|\n| 10:00 | Atwood |\n| 13:00 | Eken |\n"
    )
    assert text_of(markdown) == (
        "What to bring\n\ndoor list\n  indented\n\nShift | Where\n10:00 | Atwood\n13:00 | Eken"
    )


def test_what_the_sanitiser_removed_leaves_no_trace():
    markdown = (
        "Before <script>alert('x')</script><style>p{color:red}</style>"
        '<img src=x onerror="alert(1)"><iframe src="https://evil.example"></iframe> after'
        ' <a href="javascript:alert(1)">click</a>'
    )
    text = text_of(markdown)
    assert text.split() == ["Before", "after", "click"]


@pytest.mark.parametrize(
    "html",
    [
        "<p>a<script>alert(1)</script>b</p>",
        "<p>a<style>p{}</style><template>t</template><noscript>n</noscript>b",
    ],
)
def test_script_and_style_text_is_never_text_even_unsanitised(html):
    assert html_to_text(html) == "ab"


@pytest.mark.parametrize(
    "html",
    [
        "<p>unclosed <b>bold <a href='https://x.org'>link",
        "</li></ul></ol></a></p>stray end tags",
        "<ul><li>a<ol><li>b</ul>c",
        "<a href='https://x.org'><p>block</p><p>link</p></a>",
        "<pre>a</pre></pre><br/><hr/><a/>",
        "<<<>>>&&&;<p <p>",
        "<!-- comment --><![CDATA[x]]><?pi?><!doctype html>",
    ],
)
def test_broken_markup_gives_text_not_an_error(html):
    assert isinstance(html_to_text(html), str)


def test_deeply_nested_lists_indent_and_do_not_recurse():
    depth = 2000
    html = "<ul><li>x" * depth + "</li></ul>" * depth
    lines = html_to_text(html).splitlines()
    assert len(lines) == depth
    assert lines[-1] == "  " * (depth - 1) + "- x"


def test_very_long_input_is_read_in_linear_time():
    paragraph = "<p>" + "word <a href='https://example.org/x'>link</a> " * 50 + "</p>\n"
    start = time.perf_counter()
    small = html_to_text(paragraph * 200)
    small_time = time.perf_counter() - start
    start = time.perf_counter()
    large = html_to_text(paragraph * 2000)  # about 4 MB
    large_time = time.perf_counter() - start
    assert large.count("\n\n") == 1999 and small.count("(https://example.org/x)") == 10_000
    assert large_time < 30 * max(small_time, 0.01)  # ten times the input, not a hundred


WORD = st.text(alphabet="abcdefghij", min_size=1, max_size=8)
LINE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
LINK = st.tuples(LINE, WORD).map(lambda p: f"[{p[0]}](https://example.org/{p[1]})")
INLINE = st.lists(st.one_of(LINE, LINK), min_size=1, max_size=4).map(" ".join)
BLOCK = st.one_of(
    st.lists(INLINE, min_size=1, max_size=3).map("\n".join),  # a paragraph with hard wraps
    st.lists(INLINE, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(INLINE, min_size=1, max_size=4).map(
        lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))
    ),
)
MARKDOWN = st.lists(BLOCK, min_size=1, max_size=5).map("\n\n".join)
TARGET = re.compile(r" \(https://example\.org/[a-j]+\)")


def words_seen_by_a_browser(html: str) -> list[str]:
    """The words of the HTML as an HTML5 parser reads them (independent of html_to_text)."""
    return BeautifulSoup(html, "html5lib").get_text(" ").split()


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(MARKDOWN)
def test_generated_markdown_keeps_every_word_and_every_block(markdown):
    html = render_markdown(markdown).html
    text = html_to_text(html)
    bare = TARGET.sub("", text)  # the addresses after link texts are the only additions
    markers = re.compile(r"^(- |\d+\. )", re.MULTILINE)
    assert markers.sub("", bare).split() == words_seen_by_a_browser(html)
    assert text.count("(https://") == markdown.count("](https://")
    soup = BeautifulSoup(html, "html5lib")
    assert len(re.findall(r"^- ", text, re.MULTILINE)) == len(soup.select("ul > li"))
    assert len(re.findall(r"^\d+\. ", text, re.MULTILINE)) == len(soup.select("ol > li"))
    blocks = len(soup.select("body > p, body > ul, body > ol"))
    assert text.count("\n\n") == blocks - 1
    assert "  " not in bare.replace("\n  ", "\n")  # no doubled spaces inside a line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/&;#=\"' abpulioa-href:x\n")), max_size=200))
def test_any_markup_at_all_gives_text(html):
    text = html_to_text(html)
    assert isinstance(text, str) and text == text.strip("\n")


DESCRIBED = """\
- title: Door knocking in Atwood
  type: canvass
  start: 2026-12-05 10:00
  location: Olbrich Park Beach House
  rsvp: https://example.org/rsvp
  slug: atwood
  description: |
    We meet at the shelter
    and knock until noon.

    Bring:

    - water
    - good shoes

    Sign up with [the sign-up form](https://example.org/form) or at <https://example.org/x>.
"""
DESCRIPTION = (
    "We meet at the shelter and knock until noon.\n\nBring:\n\n- water\n- good shoes\n\n"
    "Sign up with the sign-up form (https://example.org/form) or at https://example.org/x."
)


def test_calendars_feeds_and_search_engines_read_the_same_text(tmp_path):
    """vobject reads the .ics, json the feed, extruct the page's JSON-LD: one plain text."""
    output = build_site(make_content(tmp_path, {"events/a.yml": DESCRIBED}), tmp_path / "out")
    calendar = vobject.readOne((output / "events" / "atwood.ics").read_text(encoding="utf-8"))
    described = calendar.vevent.description.value
    assert described.startswith(DESCRIPTION + "\n\nRSVP: https://example.org/rsvp")
    feed = json.loads((output / "events" / "upcoming.json").read_text(encoding="utf-8"))
    assert feed["items"][0]["content_text"] == DESCRIPTION
    page = (output / "events" / "atwood" / "index.html").read_text(encoding="utf-8")
    (event,) = extruct.extract(page, syntaxes=["json-ld"])["json-ld"]
    assert event["description"] == DESCRIPTION
