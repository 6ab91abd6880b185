"""YAML is read with hard limits: an alias bomb, 50,000 levels of nesting, a huge value or a
flood of values is one problem at its line, found in well under a second and a few megabytes,
by the build and `invoke check` alike; never a hang, a crash or gigabytes of memory.
"""

from __future__ import annotations

from datetime import UTC, datetime
import json
from pathlib import Path
import shutil
import subprocess
import sys
import time
import tracemalloc

import pytest

from events.loader import read_file
from events.rules import BuildFacts
from questionnaires.read import read_questionnaire, read_sheet
from site_core.chapter import load_chapter
from site_core.problems import ProblemReport
from site_core.yamlfile import MAX_DEPTH, MAX_VALUE_CHARS, load_yaml
from sitebuild import FIXTURES, ROOT

CASES = Path(__file__).parent / "bad_input"
SECONDS = 1.0  # for the reading step; the real figures are milliseconds
PEAK_BYTES = 50_000_000  # Python memory while reading; the real figures are below 1 MB
FACTS = BuildFacts("America/Chicago", datetime(2026, 11, 25, 12, tzinfo=UTC), "example.org")

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + above] * 9)}]\n"
    for above, name in zip("abcdefgh", "bcdefghi", strict=True)
)
ANCHOR = (
    "YAML: '&a' marks a value to repeat elsewhere (a YAML anchor), which content files may not "
    "use; write the value out in full wherever it is needed; if '&' is part of the text, put it "
    "all in quotes"
)
TOO_DEEP = (
    f"YAML: blocks and lists are nested more than {MAX_DEPTH} levels deep here; check the "
    "indentation and brackets: no file of this site needs so many levels"
)

#: (YAML text, the one problem it gives after "content/x.yml:").
HOSTILE = {
    "billion laughs": (LAUGHS, f"1: {ANCHOR}"),
    "an alias without its anchor": (
        "title: Canvass\nstart: *when\n",
        "2: YAML: '*when' repeats a value marked elsewhere (a YAML alias), which content files "
        "may not use; write the value out in full; if '*' is part of the text, put it all in "
        "quotes",
    ),
    "50,000 levels of brackets": ("start: " + "[" * 50_000 + "]" * 50_000 + "\n", f"1: {TOO_DEEP}"),
    "50,000 levels of braces": (
        "start: " + "{a: " * 50_000 + "}" * 50_000 + "\n",
        f"1: {TOO_DEEP}",
    ),
    "1,000 levels of indented lists": (
        "".join("  " * level + "-\n" for level in range(1_000)),
        f"{MAX_DEPTH + 1}: {TOO_DEEP}",
    ),
    "a value of 1.5 million characters": (
        "title: Canvass\ndescription: " + "a" * 1_500_000 + "\n",
        "2: YAML: this value has 1,500,000 characters, more than the 100,000 a value may have; "
        "shorten it",
    ),
    "300,000 values": (
        "dates: [" + "1," * 300_000 + "]\n",
        "1: YAML: the file has more than 100,000 values; split it into several files",
    ),
    "a tag": (
        "title: !!python/object:os.system echo\n",
        "1: YAML: '!!python/object:os.system' is a YAML tag, which content files may not use; "
        "remove it; if '!' is part of the text, put it all in quotes",
    ),
}


def _measured(read):
    """Run ``read()`` twice: return its result and seconds, then its peak Python memory.

    (Tracing memory slows Python down several times, so the time is taken untraced.)
    """
    started = time.perf_counter()
    result = read()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    try:
        read()
        return result, seconds, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_yaml_is_one_problem_at_its_line_fast_and_small(name, tmp_path):
    text, expected = HOSTILE[name]
    (tmp_path / "content").mkdir()
    path = tmp_path / "content" / "x.yml"
    path.write_text(text, encoding="utf-8")
    report = ProblemReport(root=tmp_path)
    data, seconds, peak = _measured(lambda: load_yaml(path, report))
    assert data is None
    assert [str(p) for p in report.problems] == [f"content/x.yml:{expected}"]
    assert seconds < SECONDS
    assert peak < PEAK_BYTES


def test_the_limits_themselves_are_allowed(tmp_path):
    (tmp_path / "content").mkdir()
    path = tmp_path / "content" / "x.yml"
    deepest = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    path.write_text(f"a: {deepest}\nb: {'b' * MAX_VALUE_CHARS}\n", encoding="utf-8")
    report = ProblemReport(root=tmp_path)
    data = load_yaml(path, report)
    assert report.problems == []
    assert len(data["b"]) == MAX_VALUE_CHARS
    assert data["a"] == json.loads(deepest)


def test_an_alias_bomb_in_an_events_date_is_refused_by_the_events_reader(tmp_path):
    case = CASES / "events-alias-bomb-in-date" / "content"
    report = ProblemReport(root=case.parent)
    reading, seconds, peak = _measured(
        lambda: read_file(case / "events" / "bomb.yml", report, FACTS)
    )
    assert reading.events == []
    assert [str(p) for p in report.problems] == (
        (case.parent / "expected.txt").read_text(encoding="utf-8").splitlines()
    )
    assert seconds < SECONDS
    assert peak < PEAK_BYTES


def test_an_alias_bomb_in_a_questionnaires_received_is_refused_by_its_reader():
    case = CASES / "questionnaire-alias-bomb-in-received" / "content"
    folder = case / "questionnaires" / "spring"
    report = ProblemReport(root=case.parent)
    questionnaire = read_questionnaire(folder / "questionnaire.md", report, "candidates")
    assert questionnaire is not None
    sheet, seconds, peak = _measured(
        lambda: read_sheet(folder / "ann-example.md", questionnaire, report, "US")
    )
    assert sheet is None
    assert [str(p) for p in report.problems] == (
        (case.parent / "expected.txt").read_text(encoding="utf-8").splitlines()
    )
    assert seconds < SECONDS
    assert peak < PEAK_BYTES


def test_a_number_too_long_for_python_stays_text_for_the_model(tmp_path):
    """Python refuses to turn 4,300 digits into a number (it was a traceback)."""
    content = tmp_path / "content"
    content.mkdir()
    chapter = (FIXTURES / "minimal" / "content" / "chapter.yml").read_text(encoding="utf-8")
    digits = "9" * 5_000
    (content / "chapter.yml").write_text(
        chapter.replace("name:", f"name: {digits}\nold_name:", 1), encoding="utf-8"
    )
    report = ProblemReport(root=tmp_path)
    assert load_chapter(content / "chapter.yml", report) is None
    assert [str(p) for p in report.problems] == [
        "content/chapter.yml:2: old_name: is not a field this file knows; did you mean 'name'?"
    ]


#: Run `invoke check` and print the process's peak memory, whatever happens.
_CHECK_WITH_PEAK = """
import resource, runpy, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # a bomb fails here, not the machine
sys.argv = ["invoke", "--search-root", sys.argv[1], "check", "--content", sys.argv[2]]
try:
    runpy.run_module("invoke", run_name="__main__")
finally:  # VmHWM: this process's own peak (ru_maxrss would count the forked test runner's)
    hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    print("peak", int(hwm.split()[1]) * 1024, file=sys.stderr)
"""


def test_invoke_check_reports_every_hostile_file_quickly_in_little_memory(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal" / "content", content)
    cases = [
        "events-alias-bomb-in-date",
        "events-nested-50000-levels",
        "questionnaire-alias-bomb-in-received",
    ]
    expected = []
    for case in cases:
        shutil.copytree(CASES / case / "content", content, dirs_exist_ok=True)
        expected += (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    (content / "chapter.yml").write_text(LAUGHS, encoding="utf-8")
    expected.append(f"content/chapter.yml:1: {ANCHOR}")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _CHECK_WITH_PEAK, str(ROOT), str(content)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    seconds = time.perf_counter() - started
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert [line for line in lines if line.startswith("content/")] == sorted(expected)
    assert seconds < 30  # Python, Pelican and the plugins start in about 1 s of that
    peak = int(next(line for line in lines if line.startswith("peak ")).removeprefix("peak "))
    assert peak < 200 * 2**20
