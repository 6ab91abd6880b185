"""One policy for every piece of editor Markdown: hostile HTML never reaches a page, and each
attempt is an error at its file and line, in every kind of content.

One fixture site, in English and Spanish, holds every hostile case in every kind of Markdown
(page, news post, guide chapter, charter, questionnaire answer, event description, and the
Spanish translation of each but news), one file (or event) per case. It
is built twice: normally, where the build must stop with the expected problems, and with the
stop disabled (``Build.fail`` a no-op), so that the pages the sanitiser alone produces can be
parsed and checked: the sanitiser is the guarantee, the problems are the explanation.
"""

from __future__ import annotations

import re

import pytest

from site_core import plugin
from site_core.problems import ContentProblems
from sitebuild import MINIMAL_CHAPTER, SPANISH_CHAPTER, build_site, make_content, soup

#: (case, one line of editor Markdown, what the error says). Each payload is unique.
HOSTILE = [
    ("script", "<script>alert(101)</script>", "<script> is not allowed"),
    ("onerror", '<img src="/x.png" onerror="alert(102)">', "onerror attribute runs a script"),
    ("javascript-link", "[click](javascript:alert(103))", "javascript: address"),
    ("data-link", "[x](data:text/html;base64,PHNjcmlwdD4xMDQ8L3NjcmlwdD4=)", "data: address"),
    ("data-image", "![x](data:image/svg+xml;base64,PHN2Zz4xMDU8L3N2Zz4=)", "data: address"),
    (
        "iframe",
        '<iframe src="https://www.youtube.com/embed/abc106"></iframe>',
        "<iframe> is not allowed",
    ),
    ("remote-image", "![pixel](https://tracker.example/107.gif)", "from tracker.example"),
    ("svg-script", "<svg><script>alert(108)</script></svg>", "<script> is not allowed"),
    ("svg-onload", '<svg onload="alert(109)"></svg>', "onload attribute runs a script"),
    ("entities", '<a href="jav&#x61;script:alert(110)">x</a>', "javascript: address"),
    ("uppercase", '<A HREF="JaVaScRiPt:alert(111)">x</A>', "javascript: address"),
    ("tab-inside", '<a href="java&#x09;script:alert(112)">x</a>', "javascript: address"),
    ("leading-space", '<a href=" javascript:alert(113)">x</a>', "javascript: address"),
    ("vbscript", '<a href="vbscript:msgbox(114)">x</a>', "vbscript: address"),
    ("form", '<form action="https://evil.example/115"><input name="q"></form>', "<form>"),
    ("style", "<style>body { background: url(https://evil.example/116) }</style>", "<style>"),
    ("object", '<object data="https://evil.example/117.swf"></object>', "<object>"),
    ("meta", '<meta http-equiv="refresh" content="0;url=https://evil.example/118">', "<meta>"),
]
CASES = [case for case, _, _ in HOSTILE]
KINDS = ["page", "news", "guide", "charter", "answer", "event"]
#: The same in each kind's Spanish translation (the site is in English and Spanish).
TRANSLATED_KINDS = ["page-es", "guide-es", "charter-es", "answer-es", "event-es"]

QUESTIONNAIRE = """\
---
election:
  name: Spring Election
  date: 2027-04-06
offices:
  - Common Council
sent: 2026-10-05
questions:
  - id: first
    text: The first question?
---
Our questionnaire.
"""


def source(kind: str, case: str, number: int, snippet: str) -> tuple[str, str, int]:
    """(path under content/, file text, line of the snippet) for one case in one kind."""
    if kind == "page":
        return f"pages/{case}.md", f"Title: P\nSlug: p-{case}\n\nIntro.\n\n{snippet}\n", 6
    if kind == "news":
        text = f"Title: N\nDate: 2026-11-01\nSlug: n-{case}\n\nIntro.\n\n{snippet}\n"
        return f"news/{case}.md", text, 7
    if kind == "guide":
        text = f"Title: G\nChapter: {number}\nSlug: g-{case}\n\nIntro.\n\n{snippet}\n"
        return f"guide/{case}.md", text, 7
    if kind == "charter":
        text = (
            f"Working group: {case} group\nChapter: Test DSA\nStatus: proposed\n"
            f"Reports to: Test DSA\nSlug: c-{case}\n\nIntro.\n\n{snippet}\n"
        )
        return f"charters/{case}.md", text, 9
    if kind == "answer":
        text = (
            "---\nname: Ann Example\noffice: Common Council\nreceived: 2026-10-20\n"
            "endorsement:\n  status: endorsed\n  voted: 2026-11-05\n---\n"
            f"## first\n\nIntro.\n\n{snippet}\n"
        )
        return f"questionnaires/spring/{case}.md", text, 13
    text = (
        f"- title: E {case}\n  type: panel\n  start: 2026-12-09 19:00\n  location: Hall\n"
        f"  slug: e-{case}\n  description: |\n    Intro.\n\n    {snippet}\n"
    )
    return f"events/{case}.yml", text, 9


def translated_source(kind: str, case: str, snippet: str) -> tuple[str, str, int]:
    """(path, text, line of the snippet) for one case in a translation (of ``source``'s file)."""
    if kind == "page-es":
        return f"pages/{case}.es.md", f"Title: P es\n\nIntro.\n\n{snippet}\n", 5
    if kind == "guide-es":
        return f"guide/{case}.es.md", f"Title: G es\n\nIntro.\n\n{snippet}\n", 5
    if kind == "charter-es":
        text = (
            f"Working group: grupo {case}\nChapter: Test DSA\nReports to: Test DSA\n\n"
            f"Intro.\n\n{snippet}\n"
        )
        return f"charters/{case}.es.md", text, 7
    if kind == "answer-es":
        return f"questionnaires/spring/{case}.es.md", f"## first\n\nIntro.\n\n{snippet}\n", 5
    text = (
        f"- title: E {case} es\n  type: panel\n  start: 2026-12-09 19:00\n  location: Hall\n"
        f"  slug: e-{case}-es\n  translations:\n    es:\n      title: E es\n"
        f"      description: |\n        Intro.\n\n        {snippet}\n"
    )
    return f"events/{case}-es.yml", text, 12


def hostile_files() -> dict[str, str]:
    files = {
        "questionnaires/spring/questionnaire.md": QUESTIONNAIRE,
        "chapter.yml": MINIMAL_CHAPTER.read_text(encoding="utf-8") + SPANISH_CHAPTER,
    }
    for kind in TRANSLATED_KINDS:
        for case, snippet, _ in HOSTILE:
            path, text, _ = translated_source(kind, case, snippet)
            files[path] = text
    for kind in KINDS:
        for number, (case, snippet, _) in enumerate(HOSTILE, start=1):
            path, text, _ = source(kind, case, number, snippet)
            files[path] = text
    return files


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The site built with the stop disabled: (output folder, every problem reported)."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    content = make_content(tmp_path, hostile_files())
    reports = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1795608000")
        patch.setattr(plugin.Build, "fail", lambda build: reports.append(build.report))
        output = build_site(content, tmp_path / "output")
    (report,) = reports
    return output, report.problems


def test_the_real_build_stops_and_check_finds_the_same_problems(tmp_path, hostile_site):
    content = make_content(tmp_path, hostile_files())
    found = {}
    for check_only in (False, True):
        with pytest.raises(ContentProblems) as stopped:
            build_site(content, tmp_path / "output", CHECK_ONLY=check_only)
        found[check_only] = [str(p) for p in stopped.value.report.problems]
    assert found[False] == found[True] == [str(p) for p in hostile_site[1]]
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("case", "snippet", "message"), HOSTILE, ids=CASES)
def test_each_hostile_case_is_an_error_at_its_file_and_line(
    hostile_site, kind, case, snippet, message
):
    _, problems = hostile_site
    path, _, line = source(kind, case, 0, snippet)
    errors = [
        (p.line, p.message) for p in problems if p.path.endswith(path) and p.severity == "error"
    ]
    assert errors, f"no error for {path}"
    assert any(message in text and at == line for at, text in errors), errors


@pytest.mark.parametrize("kind", TRANSLATED_KINDS)
@pytest.mark.parametrize(("case", "snippet", "message"), HOSTILE, ids=CASES)
def test_each_hostile_case_in_a_translation_is_an_error_at_its_file_and_line(
    hostile_site, kind, case, snippet, message
):
    _, problems = hostile_site
    path, _, line = translated_source(kind, case, snippet)
    errors = [
        (p.line, p.message) for p in problems if p.path.endswith(path) and p.severity == "error"
    ]
    assert any(message in text and at == line for at, text in errors), (path, errors)


#: Attributes whose value is an address a browser follows or fetches.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset"}
SAFE_SCHEME = re.compile(r"^(?:https?|mailto|tel):", re.IGNORECASE)
ANY_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def unsafe_url(value: str) -> bool:
    """A browser's reading of an address (WHATWG): spaces and controls around it dropped,
    tabs and newlines inside ignored; anything with a scheme other than http(s)/mailto/tel."""
    text = re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(0x21))))
    return bool(ANY_SCHEME.match(text)) and not SAFE_SCHEME.match(text)


def page_problems(page) -> list[str]:
    """What must never be in a published page made from content."""
    found = []
    for element in page.find_all(True):
        if element.name in {"iframe", "object", "embed", "form", "style", "frame", "base"}:
            found.append(f"<{element.name}>")
        own_file = re.match(r"^/[^/]", element.get("src") or "")  # a script of the site
        if (
            element.name == "script"
            and element.get("type") != "application/ld+json"
            and not own_file
        ):
            found.append(f"script {element}")
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            if name.lower().startswith("on"):
                found.append(f"{name} on <{element.name}>")
            if name.lower() in URL_ATTRIBUTES and unsafe_url(text):
                found.append(f"{name}={text!r}")
            if element.name == "img" and name == "src" and re.match(r"^\s*(\w+:)?//", text):
                found.append(f"image from another host: {text}")
    return found


def test_no_hostile_case_reaches_any_page(hostile_site):
    output, _ = hostile_site
    pages = list(output.rglob("*.html"))
    assert len(pages) > (len(KINDS) + len(TRANSLATED_KINDS)) * len(HOSTILE)  # all published
    failures = {}
    for html in pages:
        text = html.read_text(encoding="utf-8")
        found = page_problems(soup(html))
        found += [f"payload {n}" for n in range(101, 119) if f"alert({n})" in text]
        if found:
            failures[html.relative_to(output).as_posix()] = found
    assert not failures


@pytest.mark.parametrize(
    ("kind", "address"),
    [
        ("page", "p-{}/index.html"),
        ("news", "news/2026/n-{}/index.html"),
        ("guide", "guide/g-{}/index.html"),
        ("charter", "working-groups/c-{}/index.html"),
        ("answer", "candidates/spring/{}/index.html"),
        ("event", "events/e-{}/index.html"),
        ("page-es", "es/p-{}/index.html"),
        ("guide-es", "es/guide/g-{}/index.html"),
        ("charter-es", "es/working-groups/c-{}/index.html"),
        ("answer-es", "es/candidates/spring/{}/index.html"),
        ("event-es", "es/events/e-{}-es/index.html"),
    ],
)
def test_the_text_around_a_removed_construct_is_published(hostile_site, kind, address):
    output, _ = hostile_site
    for case in CASES:
        main = soup(output / address.format(case)).find("main")
        assert "Intro." in main.get_text(), (kind, case)
    link = soup(output / address.format("entities")).find("main").find("a", string="x")
    assert link is not None and not link.get("href")  # the text stays, the address goes


# --- any HTML at all: a property test ----------------------------------------------------------

SCHEMES = [
    "javascript:", "JaVaScRiPt:", " javascript:", "java\tscript:", "java&#x09;script:",
    "jav&#x61;script:", "&#106;avascript:", "javascript&colon;", "\x01javascript:", "vbscript:",
    "data:text/html,", "data:image/svg+xml,", "http://", "https://", "mailto:", "tel:", "ftp:",
    "//", "/\\", "", "/", "#", "{static}/",
]  # fmt: skip
TAGS = [
    "a", "img", "p", "div", "span", "script", "svg", "math", "iframe", "object", "embed", "form",
    "input", "button", "style", "link", "meta", "base", "details", "table", "td", "template",
    "noscript", "textarea", "title", "xmp", "select", "option", "video", "source", "use", "image",
]  # fmt: skip
ATTRIBUTES = [
    "href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset", "onerror",
    "onload", "ONCLICK", "onmouseover", "style", "class", "id", "title", "background",
]  # fmt: skip


def _fragments():
    from hypothesis import strategies as st

    url = st.builds(
        lambda scheme, rest: scheme + rest,
        st.sampled_from(SCHEMES),
        st.sampled_from(["alert(1)", "evil.example/x.png", "x", "%0aalert(1)", "a b"]),
    )
    quote = st.sampled_from(['"', "'", ""])
    attribute = st.builds(
        lambda name, q, value: f" {name}={q}{value}{q}", st.sampled_from(ATTRIBUTES), quote, url
    )
    tag = st.builds(
        lambda name, attrs, inner, close: (
            f"<{name}{''.join(attrs)}>{inner}" + (f"</{name}>" if close else "")
        ),
        st.sampled_from(TAGS),
        st.lists(attribute, max_size=3),
        st.sampled_from(["", "x", "alert(1)", "<!--", "]]>", "</", "<script>alert(1)</script>"]),
        st.booleans(),
    )
    markdown = st.builds(
        lambda bang, text, target: f"{bang}[{text}]({target})",
        st.sampled_from(["", "!"]),
        st.sampled_from(["x", "<b>y</b>"]),
        url,
    )
    piece = st.one_of(tag, markdown, st.text(max_size=8), st.sampled_from(["\n\n", "<!-- ", "-->"]))
    return st.lists(piece, max_size=8).map("".join)


def test_no_html_at_all_gets_a_script_a_handler_or_an_unsafe_address_through():
    from bs4 import BeautifulSoup
    from hypothesis import HealthCheck, given, settings

    from site_core.editor_html import clean_html, render_markdown

    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_fragments())
    def check(fragment):
        for html in (clean_html(fragment).html, render_markdown(fragment).html):
            page = BeautifulSoup(f"<!doctype html><body>{html}", "html5lib")
            assert not page.find_all("script"), html
            assert not page_problems(page), html

    check()


def test_a_summary_is_cleaned_and_checked_like_the_text(tmp_path):
    page = "Title: A\nSlug: a\nSummary: Hi <img src=x onerror=alert(1)> there\n\nText.\n"
    content = make_content(tmp_path, {"pages/a.md": page})
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    assert [(p.path, p.line, p.message) for p in stopped.value.report.errors] == [
        ("content/pages/a.md", 3, "the onerror attribute runs a script and is not allowed")
    ]


def test_a_harmless_tag_that_disappears_is_a_warning_and_its_text_stays(tmp_path, capsys):
    page = "Title: A\nSlug: a\n\nText.\n\n<font color=red>Red</font> and <center>mid</center>\n"
    output = build_site(make_content(tmp_path, {"pages/a.md": page}), tmp_path / "output")
    warnings = [line for line in capsys.readouterr().err.splitlines() if "(warning)" in line]
    assert warnings == [
        "content/pages/a.md:6: <center> is not kept (what is inside it stays, without the tag); "
        "use Markdown instead: **bold**, *italic*, ## a heading (docs/editing/html.md) (warning)",
        "content/pages/a.md:6: <font> is not kept (what is inside it stays, without the tag); "
        "use Markdown instead: **bold**, *italic*, ## a heading (docs/editing/html.md) (warning)",
    ]
    main = soup(output / "a" / "index.html").find("main")
    assert "Red and mid" in main.get_text()
    assert not main.find_all(["font", "center"])


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082"
)


def test_what_markdown_writes_is_kept_as_it_is(tmp_path):
    text = (
        "## Section {: .lede }\n\nA note[^1] on *HTML*.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
        "Term\n:   Definition\n\n<details><summary>More</summary>Hidden.</details>\n\n"
        '![A canvass]({static}/images/canvass.png "In Atwood")\n\n'
        "[About]({filename}/pages/b.md)\n\n"
        "[^1]: The note.\n\n*[HTML]: Hyper Text Markup Language\n"
    )
    files = {
        "pages/a.md": f"Title: A\nSlug: a\n\n{text}",
        "pages/b.md": "Title: B\n\nB.\n",
        "images/canvass.png": PNG,
    }
    output = build_site(make_content(tmp_path, files), tmp_path / "output")
    main = soup(output / "a" / "index.html").find("main")
    heading = main.find("h2", id="section")
    assert heading["class"] == ["lede"] and heading.select_one("a.headerlink")["href"] == "#section"
    assert main.select_one("sup a.footnote-ref")["href"] == "#fn:1"
    assert main.select_one("div.footnote li")["id"] == "fn:1"
    assert main.find("abbr")["title"] == "Hyper Text Markup Language"
    assert [td.get_text() for td in main.select("table td")] == ["1", "2"]
    assert main.find("dt").get_text() == "Term"
    assert main.find("details").summary.get_text() == "More"
    image = main.find("img")
    assert (output / "images" / "canvass.png").read_bytes() == PNG  # content/images/ is published
    assert (image["src"], image["alt"], image["title"]) == (
        "/images/canvass.png",
        "A canvass",
        "In Atwood",
    )
    assert main.find("a", string="About")["href"] == "/b/"


def test_pages_read_from_pelicans_content_cache_are_checked_again(tmp_path):
    page = "Title: A\nSlug: a\nSummary: <b onclick=x()>A</b>\n\n<script>alert(1)</script>\n"
    content = make_content(tmp_path, {"pages/a.md": page})
    found = []
    for _ in range(2):  # the first build fills the cache, the second reads the page from it
        with pytest.raises(ContentProblems) as stopped:
            build_site(content, tmp_path / "output", CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True)
        found.append([str(p) for p in stopped.value.report.errors])
    assert (tmp_path / "cache").is_dir()
    assert found[0] == found[1] and len(found[0]) == 2


@pytest.mark.parametrize(
    "fragment", ["<![<b>y</b>](javascr", "<![ <script>x</script>", "<![if x]>"]
)
def test_a_broken_marked_section_is_read_as_browsers_read_it_not_a_crash(fragment):
    """Python 3.11's HTMLParser raises AssertionError on "<![" that opens no section."""
    from site_core.editor_html import clean_html

    cleaned = clean_html(fragment)
    assert "<script" not in cleaned.html
    scripts = [p for p in cleaned.problems if "<script>" in p.message]
    assert bool(scripts) == ("<script>" in fragment)
