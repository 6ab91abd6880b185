"""The bad-input corpus: every editor mistake ends in a clear message, a non-zero exit and an
untouched ``output/``, never a traceback.

Each folder in ``tests/bad_input/`` is one case: a ``content/`` tree laid over a small good
site, and ``expected.txt`` with the exact lines the build must print (all of them, in order).
Run ``pytest tests/test_bad_input.py --update-expected`` after an intended wording change, and
read the diff.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
import shutil
import subprocess
import sys

import pytest

from site_core.problems import ContentProblems
from sitebuild import FIXTURES, ROOT, build_site

CASES = Path(__file__).parent / "bad_input"
GOOD_SITE = FIXTURES / "minimal" / "content"


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _prepare(tmp_path: Path, case: Path) -> tuple[Path, Path]:
    """Build the good site into output/, then lay the case's files over its content."""
    content = tmp_path / "content"
    shutil.copytree(GOOD_SITE, content)
    output = build_site(content, tmp_path / "output")
    shutil.copytree(case / "content", content, symlinks=True, dirs_exist_ok=True)
    return content, output


def _problem_lines(report) -> list[str]:
    return [str(p) for p in report.errors + report.warnings]


@pytest.mark.parametrize(
    "check_only",
    # The same readers and rules, stopped at the same step: the check's copy is in the slow half.
    [False, pytest.param(True, marks=pytest.mark.slow)],
    ids=["build", "invoke-check"],
)
@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_bad_input_case(case, check_only, tmp_path, request):
    """The build and `invoke check` (CHECK_ONLY) stop with the same lines."""
    folder = CASES / case
    content, output = _prepare(tmp_path, folder)
    before = _digest(output)
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, output, CHECK_ONLY=check_only)
    lines = _problem_lines(stopped.value.report)
    expected_file = folder / "expected.txt"
    if request.config.getoption("--update-expected"):
        expected_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == expected_file.read_text(encoding="utf-8").splitlines()
    assert stopped.value.code != 0
    assert _digest(output) == before, "a failed build must leave output/ untouched"


def test_a_ten_megabyte_file_is_refused_without_reading_it_all(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(GOOD_SITE, content)
    with (content / "chapter.yml").open("a", encoding="utf-8") as chapter:
        chapter.write("tagline: " + "x" * 10_000_000 + "\n")
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    assert _problem_lines(stopped.value.report) == [
        "content/chapter.yml: is 10,000,200 bytes, more than the 2,000,000 a content file may have;"
        " split it into several files"
    ]


@pytest.mark.slow  # a Python process per case
@pytest.mark.parametrize(
    "case",
    [
        "chapter-broken-indentation",
        "page-not-utf8",
        "page-slug-is-a-plugin-folder",
        "events-alias-bomb-in-date",
        "events-nested-50000-levels",
        "extra-symlink-to-etc-passwd",
        "guide-symlink",
        "news-symlinked-folder",
    ],
)
def test_the_command_line_prints_the_problems_without_a_traceback(case, tmp_path):
    """`pelican content` as an editor runs it: exit 1, the expected lines, no traceback,
    and nothing of what a link points to (the cases link to /etc and /etc/passwd)."""
    content, output = _prepare(tmp_path, CASES / case)
    before = _digest(output)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(content),
            "-o",
            str(output),
            "-s",
            str(ROOT / "pelicanconf.py"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for line in (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines():
        assert line in result.stderr
    assert _digest(output) == before
    for secret in Path("/etc/passwd").read_text(encoding="utf-8").splitlines():
        assert secret not in result.stdout + result.stderr
