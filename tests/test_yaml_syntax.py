"""A YAML syntax error is reported at the line where the mistake starts, with its fix.

libyaml stops where it gives up (the end of the file for an unclosed quote, the next item
for a quote closed by a later one); the report names the opening quote or bracket, the
line without its colon, the line whose indentation differs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_core.problems import ProblemReport
from site_core.yamlfile import parse_yaml

#: A 12-line chapter-like file; each case breaks one line of it.
LINES = [
    "name: Test Chapter",
    "city: Springfield",
    "region: Illinois",
    "contacts:",
    "  - name: Ann Example",
    "    role: Chair",
    "  - name: Bob Example",
    "    role: Treasurer",
    "social:",
    "  - name: Mastodon",
    "    url: https://social.example/@m4a",
    "site_url: https://m4a.example.org",
]


def _with(line: int, text: str) -> str:
    lines = list(LINES)
    lines[line - 1] = text
    return "\n".join(lines) + "\n"


#: case -> (file text, line reported, words in the message, words in the fix)
CASES = {
    "unclosed double quote": (_with(2, 'city: "Springfield'), 2, 'the "', 'with "'),
    "unclosed single quote": (_with(2, "city: 'Springfield"), 2, "the '", "with '"),
    "unclosed quote closed by a later one": (
        _with(5, '  - name: "Ann Example').replace("Bob Example", '"Bob Example"'),
        5,
        "runs on to line 7",
        'with "',
    ),
    "unclosed bracket": (_with(3, "region: [Illinois, Iowa"), 3, "'['", "']'"),
    "unclosed brace": (_with(3, "region: {state: Illinois"), 3, "'{'", "'}'"),
    "mis-indented list item": (_with(7, "   - name: Bob Example"), 7, "indented 3 spaces", "by 2"),
    "mis-indented field of an item": (_with(6, "   role: Chair"), 6, "3 spaces", "by 4 spaces"),
    "tab": (_with(6, "\trole: Chair"), 6, "tab", "spaces, not tabs"),
    "missing colon": (_with(3, "region Illinois"), 3, "no ':'", "'field: value'"),
    "missing colon in a list item": (_with(8, "    role Treasurer"), 8, "no ':'", "'field: value'"),
}


@pytest.mark.parametrize("name", CASES)
def test_syntax_error_is_reported_where_it_starts(name):
    text, line, words, fix = CASES[name]
    report = ProblemReport(root=Path("/site"))
    assert parse_yaml(text, Path("/site/content/chapter.yml"), report) is None
    [problem] = report.problems
    assert (problem.path, problem.line) == ("content/chapter.yml", line), str(problem)
    assert problem.message.startswith("YAML: ") and words in problem.message, str(problem)
    assert fix in problem.hint, str(problem)


def test_the_unbroken_file_reads():
    report = ProblemReport(root=Path("/site"))
    data = parse_yaml("\n".join(LINES) + "\n", Path("/site/content/chapter.yml"), report)
    assert not report.problems and data["contacts"][1]["role"] == "Treasurer"


def test_a_value_quoted_over_two_lines_on_purpose_is_still_read():
    report = ProblemReport(root=Path("/site"))
    data = parse_yaml('a: "one\n  two"\nb: 1\n', Path("/site/x.yml"), report)
    assert not report.problems and data == {"a": "one two", "b": 1}
