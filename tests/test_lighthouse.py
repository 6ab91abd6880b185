"""Lighthouse gives 100 in performance, accessibility, best practices and SEO on every page type.

One page of each type in ``lighthouse_audit.PAGE_TYPES`` that the sample site
has (types whose plugin is not installed are skipped, and said so). Part of
the normal suite; ``-m "not lighthouse"`` leaves it out of a quick local run.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lighthouse_audit import audit_site, representative_pages, run_lighthouse, serve
from sitebuild import build_site, make_content


@pytest.mark.lighthouse
def test_every_page_type_scores_100_in_lighthouse(sample_site: Path, capsys):
    lines: list[str] = []
    audits = audit_site(sample_site, log=lines.append)
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert audits, "no page to audit"
    assert all(audit.perfect for audit in audits), "\n".join(lines)


def test_page_types_present_are_found_and_missing_ones_skipped(tmp_path: Path):
    for relative in ("index.html", "medicare-for-all/index.html", "events/town-hall/index.html"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("<p>x</p>")
    found, skipped = representative_pages(tmp_path)
    assert found == [
        ("home", ""),
        ("explainer", "medicare-for-all/"),
        ("event page", "events/town-hall/"),
    ]
    assert "events listing" in skipped
    assert "charter" in skipped
    assert "Spanish home" in skipped


def test_spanish_pages_are_audited_once_the_site_has_them(tmp_path: Path):
    for relative in ("index.html", "es/index.html", "es/events/2026-12-05-canvass/index.html"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("<p>x</p>")
    found, _skipped = representative_pages(tmp_path)
    assert ("Spanish home", "es/") in found
    assert ("Spanish event page", "es/events/2026-12-05-canvass/") in found


def events_around(now: datetime) -> str:
    """An events file with an event every other day from 13 days before ``now`` to 15 after."""
    entries = []
    for days in range(-13, 16, 2):
        day = (now + timedelta(days=days)).date()
        entries.append(
            f"- title: Canvass number {days + 14}\n  type: canvass\n"
            f"  start: {day} 10:00\n  end: {day} 12:00\n"
            f"  location: Library number {days + 14}\n"
        )
    return "".join(entries)


@pytest.mark.lighthouse
def test_a_listing_built_two_weeks_ago_does_not_shift(tmp_path: Path, monkeypatch, capsys):
    """Read 14 days after its build, /events/ hides what ended without moving anything."""
    now = datetime.now(UTC)
    built = now - timedelta(days=14)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(built.timestamp())))
    content = make_content(tmp_path, {"events/canvasses.yml": events_around(now)})
    output = build_site(content, tmp_path / "output")
    with serve(output) as base:
        audit = run_lighthouse("events listing, two weeks old", base + "events/")
    with capsys.disabled():
        print(f"\nlighthouse: two-week-old /events/: CLS {audit.layout_shift} {audit.scores}")
    assert not audit.error, audit.error
    assert audit.layout_shift == 0
    assert audit.perfect, audit.failing
