"""The `invoke new-*` questions: each answer checked when given, by flag or at a terminal.

With no terminal (the tasks run here with closed input) a wrong or missing answer
is a message naming the flag, never a traceback, and nothing is written.
"""

from __future__ import annotations

import shutil
import sys

import pytest
import yaml

from site_core import ask
from site_core.ask import NoAnswer, Question, ask_all, ask_one
from sitebuild import ROOT, build_site, run_in_project, soup

INVOKE = [sys.executable, "-m", "invoke", "--search-root", str(ROOT)]
ANN = 'Ann "Annie": Example #1'


def run(content, *arguments: str):
    """Run a task with no terminal on a copy of the sample's content."""
    return run_in_project(*INVOKE, *arguments, "--content", str(content))


@pytest.fixture
def content(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def new_files(content) -> set[str]:
    return {
        p.relative_to(content).as_posix()
        for p in content.rglob("*")
        if p.is_file() and not (ROOT / "content" / p.relative_to(content)).exists()
    }


@pytest.mark.slow
def test_wrong_flags_are_refused_with_the_builds_words_and_nothing_is_written(content):
    result = run(
        content,
        "new-event",
        "--title",
        ANN,
        "--type",
        "canvas",
        "--start",
        "next tuesday 7pm",
        "--rsvp",
        "mobilize.us/x",
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "--type: must be one of canvass, town-hall, panel, rally, phonebank, training, "
        "meeting, other (got 'canvas'); did you mean 'canvass'?"
    )
    assert lines[1].startswith(
        "--start: is not a date and time (got 'next tuesday 7pm'); write e.g."
    )
    assert "'2026-12-05 10:00'" in lines[1]
    assert lines[2].startswith("--rsvp: must be a web address")
    assert lines[-1] == "nothing was written"
    assert new_files(content) == set()


@pytest.mark.slow
def test_closed_input_names_the_flags_to_pass_instead_of_an_eof_traceback(content):
    result = run(content, "new-event", "--title", "Phonebank")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "EOFError" not in result.stderr
    assert result.stderr.splitlines() == [
        "--type: is required and there is no terminal to ask it in; pass --type ...",
        "--start: is required and there is no terminal to ask it in; pass --start ...",
        "nothing was written",
    ]
    where = run(
        content, "new-event", "--title", "Call", "--type", "phonebank", "--start", "2027-01-16"
    )
    assert where.stderr.splitlines()[0].endswith(
        "pass --location (a place) or --online (a link to join)"
    )
    for task in ("new-candidate", "new-guide-chapter"):
        result = run(content, task)
        assert result.returncode == 1, task
        assert "Traceback" not in result.stderr, task
        assert "there is no terminal to ask it in" in result.stderr, task
    assert new_files(content) == set()


@pytest.mark.slow
def test_rules_between_fields_are_the_builds_and_checked_before_writing(content):
    result = run(
        content,
        "new-event",
        "--title",
        "Canvass",
        "--type",
        "canvass",
        "--start",
        "2027-01-16 10:00",
        "--end",
        "2027-01-16 09:00",
        "--location",
        "Library",
    )
    assert result.returncode == 1
    assert ": end: must be after the start" in result.stderr
    assert new_files(content) == set()


@pytest.mark.slow
def test_every_common_field_by_flag_makes_a_safe_file_that_builds(content, tmp_path):
    result = run(
        content,
        "new-event",
        "--title",
        ANN,
        "--type",
        "town-hall",
        "--start",
        "2027-01-16 18:30",
        "--end",
        "2027-01-16 20:00",
        "--location",
        'Hall: "A" # east',
        "--address",
        "1 Main St: rear door",
        "--online",
        "https://meet.example.org/x?a=1&b=2",
        "--rsvp",
        "https://rsvp.example.org/e/1",
        "--description",
        "- bring: water",
    )
    assert result.returncode == 0, result.stderr
    (written,) = new_files(content)
    assert written == "events/2027-01-16-ann-annie-example-1.yml"
    assert yaml.safe_load((content / written).read_text(encoding="utf-8")) == [
        {
            "title": ANN,
            "type": "town-hall",
            "start": "2027-01-16 18:30",
            "end": "2027-01-16 20:00",
            "location": 'Hall: "A" # east',
            "address": "1 Main St: rear door",
            "online": "https://meet.example.org/x?a=1&b=2",
            "rsvp": "https://rsvp.example.org/e/1",
            "description": "- bring: water",
        }
    ]
    output = build_site(content, tmp_path / "output")
    page = soup(output / "events" / "2027-01-16-ann-annie-example-1" / "index.html")
    assert page.find("h1").get_text(strip=True) == ANN


@pytest.mark.slow
def test_new_candidate_lists_offices_checks_them_and_writes_any_name_safely(content, tmp_path):
    wrong = run(content, "new-candidate", "--name", ANN, "--office", "Common Counsil")
    assert wrong.returncode == 1
    assert wrong.stderr.splitlines()[0] == (
        "--office: is not an office of this questionnaire (got 'Common Counsil'); "
        "did you mean 'Common Council'?"
    )
    result = run(content, "new-candidate", "--name", ANN, "--district", "District 3")
    assert result.returncode == 0, result.stderr  # the one office is the default
    sheet = content / "questionnaires" / "2027-spring-election" / "ann-annie-example-1.md"
    front = yaml.safe_load(sheet.read_text(encoding="utf-8").split("---")[1])
    assert front["name"] == ANN
    assert (front["office"], front["district"]) == ("Common Council", "District 3")
    output = build_site(content, tmp_path / "output")
    page = soup(
        output / "candidates" / "2027-spring-election" / "ann-annie-example-1" / "index.html"
    )
    assert page.find("h1").get_text(" ", strip=True).startswith(ANN)


def test_a_terminal_reasks_a_wrong_answer_and_skips_optional_ones(monkeypatch, capsys):
    from events.scaffold import QUESTIONS

    typed = iter(["", "Canvass", "canvas", "canvass", "next tuesday 7pm", "2027-01-16 10:00"])
    typed = iter([*typed, "", "Library", "", "", ""])
    prompts = []
    monkeypatch.setattr(ask, "interactive", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or next(typed))
    answers = ask_all(QUESTIONS, {})
    assert answers == {
        "title": "Canvass",
        "type": "canvass",
        "start": "2027-01-16 10:00",
        "end": "",
        "location": "Library",
        "address": "",
        "rsvp": "",
        "description": "",
    }
    said = capsys.readouterr().err.splitlines()
    assert said == [
        "  is required; type an answer",
        "  must be one of canvass, town-hall, panel, rally, phonebank, training, meeting, "
        "other (got 'canvas'); did you mean 'canvass'?",
        "  is not a date and time (got 'next tuesday 7pm'); write e.g. '2026-12-05 10:00' "
        "(year-month-day, then the 24-hour time)",
    ]
    assert prompts[2] == (
        "Type (canvass, town-hall, panel, rally, phonebank, training, meeting, other): "
    )
    assert prompts[-1].endswith("(Enter to skip): ")


def test_input_ending_at_a_terminal_stops_cleanly(monkeypatch):
    def ended(prompt):
        raise EOFError

    monkeypatch.setattr("builtins.input", ended)
    with pytest.raises(NoAnswer, match="--title: input ended; nothing was written"):
        ask_one(Question("title", "Title", required=True), "", terminal=True)
