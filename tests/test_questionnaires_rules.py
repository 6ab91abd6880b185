"""Questionnaire rules on tiny fixture sites: every mistake named with its file, line and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_core.problems import ContentProblems
from sitebuild import build_site, make_content, soup

FOLDER = "questionnaires/spring"
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
  - id: second
    text: The second question?
  - id: third
    text: The third question?
---
Our questionnaire.
"""
ENDORSED = """\
endorsement:
  status: endorsed
  voted: 2026-11-05
"""


def sheet(body: str, endorsement: str = ENDORSED, extra: str = "") -> str:
    """An answer sheet whose front matter is 9 lines long plus ``extra`` (body starts after)."""
    return (
        "---\nname: Ann Example\noffice: Common Council\ndistrict: District 1\n"
        f"received: 2026-10-20\n{endorsement}{extra}---\n{body}"
    )


ALL_ANSWERS = "## first\n\nOne.\n\n## second\n\nTwo.\n\n## third\n\nThree.\n"


def site(tmp_path: Path, sheets: dict[str, str], questionnaire: str = QUESTIONNAIRE) -> Path:
    """A content tree with one questionnaire folder and the given sheets."""
    files = {f"{FOLDER}/questionnaire.md": questionnaire}
    files.update({f"{FOLDER}/{name}": text for name, text in sheets.items()})
    return make_content(tmp_path, files)


def problems(tmp_path: Path, sheets: dict[str, str], **kwargs) -> list[tuple]:
    """Build, expect the build to stop, return (path, line, field, message, hint) of errors."""
    content = site(tmp_path, sheets, **kwargs)
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    return [(p.path, p.line, p.field, p.message, p.hint) for p in stopped.value.report.errors]


ANN = f"content/{FOLDER}/ann-example.md"


def test_valid_sheet_builds_every_view(tmp_path):
    output = build_site(site(tmp_path, {"ann-example.md": sheet(ALL_ANSWERS)}), tmp_path / "out")
    for page in ["", "spring/", "spring/compare/", "spring/ann-example/"]:
        assert soup(output / "candidates" / page / "index.html").find("h1")


def test_sheet_in_a_folder_without_questionnaire_names_an_unknown_one(tmp_path):
    files = {
        f"{FOLDER}/questionnaire.md": QUESTIONNAIRE,
        "questionnaires/sprng/ann-example.md": sheet(ALL_ANSWERS),
    }
    content = make_content(tmp_path, files)
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    [error] = stopped.value.report.errors
    assert (error.path, error.line, error.field) == (
        "content/questionnaires/sprng/ann-example.md",
        1,
        "questionnaire",
    )
    assert "'sprng'" in error.message
    assert error.hint == "did you mean 'spring'?"


def test_answer_to_unknown_question_id_and_duplicate_answer(tmp_path):
    body = "## first\n\nOne.\n\n## secnd\n\nTwo.\n\n## first\n\nAgain.\n\n## third\n\nThree.\n"
    errors = problems(tmp_path, {"ann-example.md": sheet(body)})
    # The front matter ends on line 9, so the body's first line is line 10.
    assert errors == [
        (
            ANN,
            14,
            "secnd",
            "is not a question id of this questionnaire (got 'secnd')",
            "did you mean 'second'?",
        ),
        (ANN, 18, "first", "is answered twice (first on line 10)", "keep one answer per question"),
    ]


def test_unknown_status_suggests_the_closest(tmp_path):
    endorsement = "endorsement:\n  status: endorse\n  voted: 2026-11-05\n"
    [error] = problems(tmp_path, {"ann-example.md": sheet(ALL_ANSWERS, endorsement)})
    assert error[:4] == (
        ANN,
        7,
        "endorsement.status",
        "is not an endorsement status (got 'endorse')",
    )
    assert error[4] == "did you mean 'endorsed'?"


def test_rescinded_needs_its_date_and_reason(tmp_path):
    endorsement = "endorsement:\n  status: rescinded\n  voted: 2026-11-05\n"
    errors = problems(tmp_path, {"ann-example.md": sheet(ALL_ANSWERS, endorsement)})
    assert [(e[1], e[2]) for e in errors] == [
        (7, "endorsement.reason"),
        (7, "endorsement.rescinded"),
    ]
    assert all(e[3] == "is required when status is rescinded" for e in errors)


def test_rescinded_fields_only_with_status_rescinded_and_vote_date_required(tmp_path):
    endorsement = "endorsement:\n  status: endorsed\n  reason: Because.\n"
    errors = problems(tmp_path, {"ann-example.md": sheet(ALL_ANSWERS, endorsement)})
    assert [(e[1], e[2]) for e in errors] == [(7, "endorsement.voted"), (8, "endorsement.reason")]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2027-02-30", "is not a day of the calendar (got '2027-02-30')"),
        ("12/02/2026", "must be a date written YYYY-MM-DD (got '12/02/2026')"),
        ("next Tuesday", "must be a date written YYYY-MM-DD (got 'next Tuesday')"),
    ],
)
def test_a_date_that_does_not_parse(tmp_path, value, message):
    endorsement = f"endorsement:\n  status: endorsed\n  voted: {value}\n"
    [error] = problems(tmp_path, {"ann-example.md": sheet(ALL_ANSWERS, endorsement)})
    assert error[:3] == (ANN, 8, "endorsement.voted")
    assert message in error[3]


def test_questionnaire_errors_name_its_lines(tmp_path):
    broken = QUESTIONNAIRE.replace("sent: 2026-10-05", "sent: 5 October").replace(
        "id: third", "id: first"
    )
    errors = problems(tmp_path, {"ann-example.md": sheet(ALL_ANSWERS)}, questionnaire=broken)
    where = f"content/{FOLDER}/questionnaire.md"
    assert [(e[0], e[1], e[2]) for e in errors] == [(where, 7, "sent")]
    fixed_date = broken.replace("sent: 5 October", "sent: 2026-10-05")
    two = "## first\n\nOne.\n\n## second\n\nTwo.\n"
    errors = problems(tmp_path / "again", {"a.md": sheet(two)}, questionnaire=fixed_date)
    assert [(e[0], e[1], e[2], e[3]) for e in errors] == [
        (where, 13, "questions.2.id", "'first' is already the id of question 1")
    ]


@pytest.mark.parametrize(
    "contact",
    [
        "(608) 555-0123",
        "608-555-0123",
        "+1 608 555 0123",
        "608.555.0123",
        "ann@example.org",
        "<ann.example@example.org>",
    ],
)
def test_contact_information_in_an_answer_stops_the_build(tmp_path, contact):
    body = f"## first\n\nOne.\n\n## second\n\nCall me:\n{contact}\n\n## third\n\nThree.\n"
    [error] = problems(tmp_path, {"ann-example.md": sheet(body)})
    assert error[:3] == (ANN, 17, "second")
    kind = "an e-mail address" if "@" in contact else "a phone number"
    assert error[3] == f"this answer contains {kind}; personal contact information is not published"
    assert contact not in " ".join(error[3:])  # build logs can be public: never echoed


def test_contact_information_marked_public_is_published(tmp_path):
    body = "## first\n\nOne.\n\n## second\n\nOur office: (608) 555-0123, office@example.org\n"
    body += "\n## third\n\nThree.\n"
    extra = "public_contact:\n  - second\n"
    content = site(tmp_path, {"ann-example.md": sheet(body, extra=extra)})
    output = build_site(content, tmp_path / "output")
    page = soup(output / "candidates" / "spring" / "ann-example" / "index.html")
    answer = page.find(id="second").find_parent("section").select_one(".answer")
    assert answer.get_text(" ", strip=True) == "Our office: (608) 555-0123, office@example.org"


def test_public_contact_must_name_a_question(tmp_path):
    extra = "public_contact:\n  - secnd\n"
    [error] = problems(tmp_path, {"ann-example.md": sheet(ALL_ANSWERS, extra=extra)})
    assert error[:3] == (ANN, 10, "public_contact.0")
    assert error[4] == "did you mean 'second'?"


def test_scripts_and_event_handlers_in_an_answer_stop_the_build_at_their_lines(tmp_path):
    # What the sanitiser leaves of them on a page: tests/test_editor_html.py.
    body = (
        '## first\n\n<script>alert(1)</script>Hello <b onclick="steal()">there</b>\n'
        '<img src="x" onerror="steal()">\n[click](javascript:steal())\n\n'
        "## second\n\nTwo.\n\n## third\n\nThree.\n"
    )
    found = problems(tmp_path, {"ann-example.md": sheet(body)})
    assert [(path, line, field) for path, line, field, _, _ in found] == [
        (ANN, 12, "first"),
        (ANN, 12, "first"),
        (ANN, 13, "first"),
        (ANN, 14, "first"),
    ]
    assert [message.split(" ")[:3] for *_, message, _ in found] == [
        ["<script>", "is", "not"],
        ["the", "onclick", "attribute"],
        ["the", "onerror", "attribute"],
        ["a", "javascript:", "address"],
    ]


def test_question_without_answer_is_a_warning_and_shows_no_answer(tmp_path, capsys):
    body = "## first\n\nOne.\n\n## third\n\nThree.\n"
    output = build_site(site(tmp_path, {"ann-example.md": sheet(body)}), tmp_path / "output")
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.endswith("(warning)")]
    assert warnings == [
        f"{ANN}:9: second: has no answer; the page shows 'No answer'; "
        "add '## second' and the candidate's answer if there is one (warning)"
    ]
    page = soup(output / "candidates" / "spring" / "ann-example" / "index.html")
    skipped = page.find(id="second").find_parent("section")
    assert skipped.select_one(".no-answer").get_text() == "No answer"


def test_an_empty_answer_under_its_heading_is_not_told_to_add_the_heading(tmp_path, capsys):
    # The scaffold writes each heading with the question as a comment: a sheet left so
    # has the heading already; the fix is to write under it.
    body = "## first\n\nOne.\n\n## second\n\n<!-- The second question? -->\n\n## third\n\nThree.\n"
    build_site(site(tmp_path, {"ann-example.md": sheet(body)}), tmp_path / "output")
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.endswith("(warning)")]
    assert warnings == [
        f"{ANN}:14: second: has no answer; the page shows 'No answer'; "
        "write the candidate's answer under '## second' if there is one (warning)"
    ]


def test_a_heading_left_empty_is_no_answer_on_purpose_without_a_warning(tmp_path, capsys):
    body = "## first\n\nOne.\n\n## second\n\n## third\n\nThree.\n"
    output = build_site(site(tmp_path, {"ann-example.md": sheet(body)}), tmp_path / "output")
    assert "(warning)" not in capsys.readouterr().err
    page = soup(output / "candidates" / "spring" / "ann-example" / "index.html")
    skipped = page.find(id="second").find_parent("section")
    assert skipped.select_one(".no-answer").get_text() == "No answer"


def test_text_outside_any_answer_office_and_file_names(tmp_path):
    bad_office = sheet("Hello.\n" + ALL_ANSWERS).replace("Common Council", "Common Counsel")
    errors = problems(tmp_path, {"ann-example.md": bad_office, "Bob Smith.md": sheet(ALL_ANSWERS)})
    assert [(e[0], e[1], e[2]) for e in errors] == [
        (f"content/{FOLDER}/Bob Smith.md", None, None),
        (ANN, 3, "office"),
        (ANN, 10, None),
    ]
    assert errors[0][4] == "rename it to 'bob-smith.md'"
    assert errors[1][4] == "did you mean 'Common Council'?"


def test_front_matter_mistakes_have_file_lines(tmp_path):
    no_fence = "name: Ann\n"
    unclosed = "---\nname: Ann\n"
    misspelt = sheet(ALL_ANSWERS).replace("district:", "distrct:")
    errors = problems(
        tmp_path,
        {"a-no-fence.md": no_fence, "b-unclosed.md": unclosed, "c-misspelt.md": misspelt},
    )
    assert [(Path(e[0]).name, e[1], e[2]) for e in errors] == [
        ("a-no-fence.md", 1, None),
        ("b-unclosed.md", 1, None),
        ("c-misspelt.md", 4, "distrct"),
    ]
    assert errors[2][4] == "did you mean 'district'?"


def test_failed_build_leaves_output_untouched(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the last good site")
    content = site(tmp_path, {"ann-example.md": sheet("## nope\n\nx\n")})
    with pytest.raises(ContentProblems):
        build_site(content, output)
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text() == "the last good site"


def test_questions_and_candidates_keep_their_order(tmp_path):
    reordered = QUESTIONNAIRE.replace("id: first\n    text: The first", "id: zeta\n    text: Zeta")
    body = "## third\n\nThree.\n\n## zeta\n\nZ.\n\n## second\n\nTwo.\n"
    sheets = {
        "zed-last.md": sheet(body).replace("Ann Example", "Zed Last"),
        "amy-first.md": sheet(body).replace("Ann Example", "Amy First"),
    }
    output = build_site(site(tmp_path, sheets, questionnaire=reordered), tmp_path / "output")
    page = soup(output / "candidates" / "spring" / "zed-last" / "index.html")
    assert [h["id"] for h in page.select("section.qa > h3")] == ["zeta", "second", "third"]
    compare = soup(output / "candidates" / "spring" / "compare" / "index.html")
    first = compare.select_one("section.qa")
    assert [li.h4.get_text() for li in first.select("ul.compare > li")] == ["Amy First", "Zed Last"]


def test_pelican_never_reads_answer_sheets_even_when_articles_are_everywhere(tmp_path):
    """A fork that sets ARTICLE_PATHS = [""] still gets no article made of an answer sheet."""
    content = site(tmp_path, {"ann-example.md": sheet(ALL_ANSWERS)})
    output = build_site(content, tmp_path / "output", ARTICLE_PATHS=[""], PAGE_PATHS=["pages"])
    written = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    assert "candidates/spring/ann-example/index.html" in written
    assert [p for p in written if p.startswith("news/")] == ["news/index.html"]
