"""Lighthouse gives 100 in performance, accessibility, best practices and SEO on every page type.

One page of each type in ``lighthouse_audit.PAGE_TYPES`` that the sample site
has (types whose plugin is not installed are skipped, and said so). Part of
the normal suite; ``-m "not lighthouse"`` leaves it out of a quick local run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lighthouse_audit import audit_site, representative_pages


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
