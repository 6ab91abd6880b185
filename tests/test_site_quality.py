"""The built sample site as a whole: valid HTML, no broken link or anchor, nothing third-party."""

from __future__ import annotations

import json
from pathlib import Path
import shutil
import subprocess

import pytest

from linkcheck import check_site
from sitebuild import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: The checker reads pages as file: addresses, whose origin never matches the meta tag's
#: 'self': it would call every stylesheet a violation. Chromium checks the policy for real
#: (tests/browser), over HTTP.
VNU_IGNORE = ["--filterpattern", r".*Content Security Policy \(meta tag\).*"]


@pytest.mark.slow
def test_every_page_is_valid_html(sample_site: Path):
    """The Nu HTML checker (the W3C validator's engine) finds no error or warning."""
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("the Nu HTML checker is missing: run `npm ci` (and install java)")
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--skip-non-html",
            "--format",
            "json",
            "--stdout",
            "--also-check-css",
            *VNU_IGNORE,
            str(sample_site),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    report = [
        f"{m.get('url', '').split('/output/')[-1]}:{m.get('lastLine')}: {m['type']}: {m['message']}"
        for m in messages
    ]
    assert not report, "\n".join(report)


def test_no_broken_internal_link_or_anchor(sample_site: Path):
    assert check_site(sample_site) == []


def test_link_checker_finds_what_it_should(tmp_path: Path):
    """The checker itself: a missing page, a missing anchor, a third-party script."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>')
    (tmp_path / "index.html").write_text(
        '<a href="/a/#here">ok</a><a href="/a/#gone">bad anchor</a><a href="/b/">missing</a>'
        '<script src="https://cdn.example.com/x.js"></script><a href="https://example.org/">fine</a>'
    )
    problems = check_site(tmp_path)
    assert len(problems) == 3
    assert any("'gone'" in p for p in problems)
    assert any("/b/" in p for p in problems)
    assert any("cdn.example.com" in p for p in problems)
