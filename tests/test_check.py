"""`invoke check`: the build's own validation, without writing a site."""

from __future__ import annotations

import shutil
import sys

from sitebuild import FIXTURES, ROOT, run_in_project

INVOKE = [sys.executable, "-m", "invoke", "--search-root", str(ROOT), "check"]


def test_check_passes_on_the_sample_site_and_writes_nothing(tmp_path):
    result = run_in_project(*INVOKE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("content: no problems")
    assert result.stderr == ""  # a clean clone's check prints no warning


def test_check_with_only_warnings_says_so_and_never_no_problems(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    sheet = content / "questionnaires" / "2027-spring-election" / "tom-sampleman.md"
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(text.split("## grassroots")[0], encoding="utf-8")
    result = run_in_project(*INVOKE, "--content", str(content))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.endswith("(warning)")]
    assert [line.split(": ")[1] for line in warnings] == ["grassroots"]
    assert "no problems" not in result.stdout
    assert result.stdout.startswith(f"{content}: no errors, 1 warning(s)")
    assert not list(ROOT.glob(".output.building-*"))


def test_check_lists_every_problem_sorted_by_file_and_exits_non_zero(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal" / "content", content)
    (content / "pages" / "a.md").write_text("Titel: A\n\nText.\n", encoding="utf-8")
    with (content / "chapter.yml").open("a", encoding="utf-8") as chapter:
        chapter.write("timezon: UTC\n")
    result = run_in_project(*INVOKE, "--content", str(content))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    assert lines == [
        "content/chapter.yml:8: timezon: is not a field this file knows; did you mean 'timezone'?",
        "content/pages/a.md:1: Titel: is not a field pages know; did you mean 'Title'?",
        "content/pages/a.md:1: Title: is missing; add a line 'Title: The page title' at the top",
    ]
    assert not (tmp_path / "output").exists()
