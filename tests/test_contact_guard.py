"""The contact guard on candidates' answers: disguised contacts stop the build, prose does not.

Each table is one answer sheet built with the real Pelican: every disguised contact must be
reported at the line where it starts (the sample sheets are hard-wrapped), and no ordinary
sentence may be. Hypothesis checks the guard on random text and on contacts wrapped at
random places. Contacts are fictional: 555-01xx numbers and example.org addresses.
"""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings, strategies as st
import pytest

from questionnaires.privacy import EMAIL, PHONE, ContactGuard, chapter_region, find_contacts
from site_core.problems import ContentProblems
from sitebuild import build_site, make_content, soup

#: (question id, answer in Markdown, what it hides, the answer's line where it starts)
DISGUISED = [
    ("wrapped-phone", "Yes. Call me at (608) 555-\n0123 any evening.", PHONE, 0),
    ("wrapped-area-code", "Yes.\n\nMy cell is (608)\n555-0123.", PHONE, 2),
    ("entity-at", "Write to jane&#64;example.com.", EMAIL, 0),
    ("full-width-at", "Write to jane＠example.com.", EMAIL, 0),
    ("entity-hyphen", "Call 608&#45;555&#45;0123.", PHONE, 0),
    ("en-dash", "Call 608–555–0123.", PHONE, 0),
    ("em-dash", "Call 608—555—0123.", PHONE, 0),
    ("minus-sign", "Call 608−555−0123.", PHONE, 0),
    ("non-breaking-hyphen", "Call 608\u2011555\u20110123.", PHONE, 0),
    ("dots", "Call 608.555.0123.", PHONE, 0),
    ("middle-dots", "Call 608·555·0123.", PHONE, 0),
    ("spaces", "Call 608 555 0123.", PHONE, 0),
    ("no-break-spaces", "Call +1\u00a0608\u00a0555\u00a00123.", PHONE, 0),
    ("parentheses", "Call (608) 555-0123.", PHONE, 0),
    ("international", "Call +1 608 555 0123.", PHONE, 0),
    ("full-width-digits", "Call ６０８-５５５-０１２３.", PHONE, 0),
    ("local-number", "Yes.\nCall 555-0123.", PHONE, 1),
    ("tel-link", "[Call me](tel:+16085550123) any time.", PHONE, 0),
    ("title", 'My <abbr title="608-555-0123">number</abbr>.', PHONE, 0),
    ("plain-email", "Write to jane@example.com.", EMAIL, 0),
    ("mailto-link", "Yes.\n[Write to me](mailto:jane@example.com).", EMAIL, 1),
    ("autolink", "<jane@example.com>", EMAIL, 0),
    ("code-span", "`jane&#64;example.com`", EMAIL, 0),
    ("zero-width-space", "Write to jane@exa\u200bmple.com.", EMAIL, 0),
    ("emphasis-inside", "Write to jane@exa*mple*.com.", EMAIL, 0),
    ("wrapped-email", "Write to jane.doe@example.\ncom.", EMAIL, 0),
    ("spaced-at", "Write to pat @ example.org.", EMAIL, 0),
    ("at-dot", "Write to pat at example dot org.", EMAIL, 0),
    ("at-dot-brackets", "Write to pat [at] example [dot] org.", EMAIL, 0),
    ("at-dot-parentheses", "Write to pat(at)example(dot)org.", EMAIL, 0),
    ("at-dot-capitals", "Write to pat AT example DOT org.", EMAIL, 0),
    ("at-bracket-plain-dot", "Write to pat [at] example.org.", EMAIL, 0),
    ("at-dot-wrapped", "Yes.\nWrite to pat at example\ndot org.", EMAIL, 1),
    # Answers in Spanish (or English) with the words for "@", "." and the digits.
    ("arroba-punto", "Sí.\nEscríbame a pat arroba example punto org.", EMAIL, 1),
    ("arroba-plain-dot", "Escríbame a pat arroba example.org.", EMAIL, 0),
    ("arroba-brackets", "Escríbame a pat [arroba] example [punto] org.", EMAIL, 0),
    (
        "spanish-digit-words",
        "Llámeme al seis cero ocho, cinco cinco cinco, cero uno dos tres.",
        PHONE,
        0,
    ),
    ("english-digit-words", "Call six oh eight five five five oh one two three.", PHONE, 0),
]
#: Ordinary prose that must be published as it is.
PROSE = [
    ("library", "We meet at the library. dot the i's and cross the t's."),
    ("punto", "Nos vemos en el punto de encuentro a las dos, punto final."),
    ("counting", "Uno, dos, tres: tres cosas, cinco minutos, ocho horas."),
    ("years", "From 2019 to 2024, and 2019-2024, premiums rose; in 2027 we win."),
    ("dates", "On 2026-10-19, 10/19/2026 and 19.10.2026 we testified."),
    ("bills", "H.R. 3421, H.R.676, S. 1655, AB 1400 and SB 562 (2017)."),
    ("statutes", "42 U.S.C. 1395 and Wisconsin Act 10 (2011)."),
    ("dollars", "It costs $3,400,000,000, $1.2 trillion, $14,000 a year or $500-1000."),
    ("districts", "District 12, Ward 55 and Assembly District 76."),
    ("zip-codes", "ZIP 53703, 53703-1234 and Madison, WI 53704."),
    ("times", "From 6:30-8:00 PM, 18:30–20:00, every 2nd Thursday."),
    ("counts", "About 4,300 people; 1 in 5; 30,000,000 uninsured; 12-24 months."),
    ("emergency", "Call 911 or 988 in a crisis."),
    ("websites", "Details at madisondsa.org and more at example.org/finance."),
    ("dot-product", "Look at this dot product; I worked at a dot com in the dot com era."),
    ("handle", "Follow us at @madisondsa on social media."),
    ("versions", "Version 2.0.1 of the plan, page 608."),
    ("street", "Room 301 at 12 Example Street, Springfield."),
]


def questionnaire(ids: list[str]) -> str:
    """questionnaire.md asking one question per id."""
    questions = "".join(f"  - id: {qid}\n    text: Question {qid}?\n" for qid in ids)
    return (
        "---\nelection:\n  name: Spring Election\n  date: 2027-04-06\noffices:\n"
        f"  - Common Council\nsent: 2026-10-05\nquestions:\n{questions}---\n"
    )


def answer_sheet(answers: list[tuple[str, str]]) -> tuple[str, dict[str, int]]:
    """An answer sheet, and the line each answer's text starts on in the file."""
    lines = [
        "---",
        "name: Ann Example",
        "office: Common Council",
        "received: 2026-10-20",
        "endorsement:",
        "  status: pending",
        "---",
    ]
    starts = {}
    for qid, text in answers:
        lines += [f"## {qid}", ""]
        starts[qid] = len(lines) + 1
        lines += [*text.split("\n"), ""]
    return "\n".join(lines) + "\n", starts


def build_sheet(tmp_path, answers: list[tuple[str, str]]):
    """Build a site with one questionnaire and Ann's sheet; return (content, line starts)."""
    sheet, starts = answer_sheet(answers)
    files = {
        "questionnaires/spring/questionnaire.md": questionnaire([qid for qid, _ in answers]),
        "questionnaires/spring/ann-example.md": sheet,
    }
    return make_content(tmp_path, files), starts


def test_every_disguised_contact_stops_the_build_at_its_line(tmp_path):
    content, starts = build_sheet(tmp_path, [(qid, text) for qid, text, _, _ in DISGUISED])
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    errors = stopped.value.report.errors
    found = {(e.field, e.line, e.message) for e in errors}
    expected = {
        (
            qid,
            starts[qid] + offset,
            f"this answer contains {kind}; personal contact information is not published",
        )
        for qid, _, kind, offset in DISGUISED
    }
    assert sorted(expected - found) == [], "missed"
    assert sorted(found - expected) == [], "reported twice or at the wrong line"
    assert all(e.path == "content/questionnaires/spring/ann-example.md" for e in errors)
    assert not (tmp_path / "output").exists()
    shown = " ".join(str(e) for e in errors)
    for hidden in ("555", "0123", "jane@", "pat@", "example.com", "example.org", " at "):
        assert hidden not in shown, "build logs can be public: a contact is never echoed"


def test_ordinary_prose_is_published(tmp_path):
    content, _ = build_sheet(tmp_path, PROSE)
    output = build_site(content, tmp_path / "output")
    page = soup(output / "candidates" / "spring" / "ann-example" / "index.html")
    for qid, text in PROSE:
        answer = page.find(id=qid).find_parent("section").select_one(".answer")
        assert answer.get_text(" ", strip=True) == text


def test_an_answer_marked_public_contact_keeps_its_contacts(tmp_path):
    sheet, _ = answer_sheet([("office", "Our office: pat at example dot org, 608–555–0123.")])
    sheet = sheet.replace("---\n## office", "public_contact:\n  - office\n---\n## office")
    files = {
        "questionnaires/spring/questionnaire.md": questionnaire(["office"]),
        "questionnaires/spring/ann-example.md": sheet,
    }
    output = build_site(make_content(tmp_path, files), tmp_path / "output")
    page = soup(output / "candidates" / "spring" / "ann-example" / "index.html")
    assert "pat at example dot org" in page.select_one(".answer").get_text()


def test_phone_numbers_follow_the_chapters_country():
    london = "Ring 020 7946 0018 after six."
    assert [c.kind for c in ContactGuard("GB").scan(london)] == [PHONE]
    assert ContactGuard("US").scan(london) == []
    assert [c.kind for c in ContactGuard("GB").scan("pat at example dot uk")] == [EMAIL]
    assert ContactGuard("GB").scan("Call 555-0123.") == []  # seven-digit numbers are NANP's
    assert chapter_region({"CHAPTER": SimpleNamespace(country="GB")}) == "GB"
    assert chapter_region({"CHAPTER": SimpleNamespace(name="No country field yet")}) == "US"
    assert chapter_region({}) == "US"


#: Random text, and random strings of contacts, their pieces and Markdown.
PIECES = [
    *[text for _, text, _, _ in DISGUISED],
    *["608", "555", "0123", "(608)", "+1", "&#64;", "at", "dot", "[at]", "(dot)", "example"],
    *"-–.@＠*`<>#",
    *["", "\n", "\n\n", "\n- ", "\n> ", "\n    ", "\n```\n"],
]
TEXTS = st.text() | st.lists(st.sampled_from(PIECES)).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_the_guard_never_raises_and_names_a_line_of_the_answer(text):
    lines = text.split("\n")
    for line, kind in find_contacts(text):
        assert 0 <= line < len(lines)
        assert kind in {EMAIL, PHONE}


WORDS = st.lists(st.sampled_from(["we", "win", "health", "care", "for", "all", "yes", "now"]))
CONTACTS = st.sampled_from(
    [
        ("(608) 555-0123", PHONE),
        ("608-555-0123", PHONE),
        ("+1 608 555 0123", PHONE),
        ("jane@example.com", EMAIL),
        ("pat at example dot org", EMAIL),
        ("pat [at] example [dot] org", EMAIL),
    ]
)


@settings(max_examples=200, deadline=None)
@given(WORDS, CONTACTS, WORDS, st.data())
def test_a_contact_wrapped_anywhere_is_found_on_its_first_line(before, contact, after, data):
    tokens = [*before, *contact[0].split(" "), *after]
    breaks = data.draw(st.lists(st.booleans(), min_size=len(tokens), max_size=len(tokens)))
    text, first_line = "", None
    for index, token in enumerate(tokens):
        if index:
            text += "\n" if breaks[index] else " "
        if index == len(before):
            first_line = text.count("\n")
        text += token
    assert find_contacts(text) == [(first_line, contact[1])]
