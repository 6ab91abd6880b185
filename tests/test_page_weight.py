"""Every page of the sample site renders from its first round trip, with nothing from another host.

Every HTML page the build writes is measured (pages added by any plugin are
covered without being listed here). The table of sizes is printed on every
run, with or without ``-s``.
"""

from __future__ import annotations

import base64
from pathlib import Path
import random

import pytest

from pageweight import (
    BUDGET_BYTES,
    cost_table,
    first_paint_cost,
    gzip_size,
    html_pages,
    page_url,
)
from sitebuild import soup, write_tree

#: <script type> values browsers do not run: data blocks such as JSON-LD.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
#: The one script that must run before the first paint (in <head>, not deferred): it hides
#: events that ended since the build as they are parsed, so the listing never shifts.
BLOCKING_SCRIPTS = ("/theme/js/events-fresh.",)
#: Its weight, gzip: it delays the first paint by one request, so it stays tiny.
BLOCKING_SCRIPT_BUDGET = 1024


def test_every_page_fits_in_the_first_round_trip(sample_site: Path, capsys):
    """HTML + render-blocking CSS of each page is at most 14 KB gzip-compressed."""
    costs = [first_paint_cost(sample_site, page) for page in html_pages(sample_site)]
    table = cost_table(costs)
    with capsys.disabled():
        print(f"\nFirst-paint weight of every page (gzip bytes):\n{table}")
    assert costs, "the sample site has no HTML page"
    assert all(cost.stylesheets for cost in costs), "a page links no stylesheet?\n" + table
    assert all(cost.total <= BUDGET_BYTES for cost in costs), table


def test_no_render_blocking_request_to_another_host(sample_site: Path):
    problems = []
    for page in html_pages(sample_site):
        cost = first_paint_cost(sample_site, page)
        problems += [f"{cost.page}: stylesheet {url}" for url in cost.other_hosts]
        for script in soup(page).find_all("script", src=True):
            if "://" in script["src"] or script["src"].startswith("//"):
                problems.append(f"{cost.page}: script {script['src']}")
    assert problems == []


def _needs_javascript(page: Path) -> list[str]:
    """Return why a page would not show its content (or would break the CSP) without JS."""
    html = soup(page)
    reasons = []
    main = html.find("main")
    if main is None or not main.get_text(strip=True):
        reasons.append("<main> has no text in the HTML")
    for script in html.find_all("script"):
        kind = (script.get("type") or "").lower()
        if kind in DATA_SCRIPT_TYPES:
            continue
        if not script.get("src"):
            reasons.append("inline <script> (forbidden by the Content-Security-Policy)")
        elif not (
            script.has_attr("defer")
            or script.has_attr("async")
            or kind == "module"
            or script["src"].startswith(BLOCKING_SCRIPTS)
        ):
            reasons.append(f"<script src={script['src']}> blocks rendering (add defer)")
    if html.find(attrs={"style": True}):
        reasons.append("a style attribute (forbidden by the Content-Security-Policy)")
    if html.find(attrs={"onclick": True}) or html.find(attrs={"onload": True}):
        reasons.append("an inline event handler")
    return reasons


def test_the_script_that_runs_before_the_first_paint_is_tiny(sample_site: Path):
    blocking = {
        script["src"]
        for page in html_pages(sample_site)
        for script in soup(page).find_all("script", src=True)
        if script["src"].startswith(BLOCKING_SCRIPTS)
    }
    assert blocking, "the listings load events-fresh.js"
    for src in blocking:
        size = gzip_size((sample_site / src.lstrip("/")).read_bytes())
        assert size <= BLOCKING_SCRIPT_BUDGET, f"{src}: {size} bytes gzip"


def test_no_content_needs_javascript(sample_site: Path):
    """Content is in the HTML; scripts only enhance, never block, never run inline."""
    problems = {
        page_url(sample_site, page): reasons
        for page in html_pages(sample_site)
        if (reasons := _needs_javascript(page))
    }
    assert problems == {}


# The measuring tools themselves, on hand-made pages: they must see what they should.


def test_cost_counts_blocking_css_and_imports_but_not_print_css(tmp_path: Path):
    write_tree(
        tmp_path,
        {
            "a/index.html": '<link rel="stylesheet" href="/s.css">'
            '<link rel="stylesheet" href="/print.css" media="print"><main>x</main>',
            "s.css": '@import url("more.css");\nbody{color:red}',
            "more.css": "p{margin:0}",
            "print.css": "a::after{content:attr(href)}" * 200,
        },
    )
    cost = first_paint_cost(tmp_path, tmp_path / "a" / "index.html")
    assert cost.page == "/a/"
    assert cost.stylesheets == ["/s.css", "/more.css"]
    assert cost.css_gzip > 0
    assert cost.other_hosts == []


def test_cost_flags_a_heavy_page_and_a_foreign_stylesheet(tmp_path: Path):
    noise = base64.b64encode(random.Random(7).randbytes(20000))  # compresses to ~20 KB
    write_tree(
        tmp_path,
        {"index.html": b'<link rel="stylesheet" href="https://cdn.example.com/x.css"><p>' + noise},
    )
    cost = first_paint_cost(tmp_path, tmp_path / "index.html")
    assert cost.total > BUDGET_BYTES
    assert cost.other_hosts == ["https://cdn.example.com/x.css"]
    assert "OVER BUDGET" in cost_table([cost])


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<main><p>Hello</p></main>", []),
        ("<main></main><script>document.write(1)</script>", ["no text", "inline"]),
        ('<main>x</main><script src="/a.js"></script>', ["blocks rendering"]),
        ('<main>x</main><script src="/a.js" defer></script>', []),
        ('<main>x</main><script type="application/ld+json">{}</script>', []),
        ('<main><p style="color:red">x</p></main>', ["style attribute"]),
    ],
)
def test_needs_javascript_check(tmp_path: Path, markup: str, expected: list[str]):
    page = tmp_path / "index.html"
    page.write_text(f"<!doctype html><title>t</title>{markup}", encoding="utf-8")
    reasons = _needs_javascript(page)
    assert len(reasons) == len(expected)
    for reason, needle in zip(reasons, expected, strict=True):
        assert needle in reason
