"""The language switcher in Chromium: reachable by keyboard with a visible focus, small on a
phone, left out of print. Its contrast in light and dark schemes is axe's (test_every_page).

The pages are the sample site's pages that have a switcher, found in the output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PHONE, site_pages
from sitebuild import soup


def switcher_pages(output: Path) -> list[str]:
    """The URL paths of the pages with a language switcher."""
    return [
        path
        for path in site_pages(output)
        if soup(
            output / path / "index.html" if path == "" or path.endswith("/") else output / path
        ).select(".language-switcher a")
    ]


@pytest.fixture(scope="module")
def pages(sample_site: Path) -> list[str]:
    found = switcher_pages(sample_site)
    assert any(p.startswith("es/") for p in found) and any(not p.startswith("es/") for p in found)
    return found


def test_the_switcher_has_a_visible_keyboard_focus(browser, site_url, pages):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    for path in (pages[0], next(p for p in pages if p.startswith("es/"))):
        page.goto(site_url + path)
        for _ in range(10):  # skip link, site name, Volunteer, then the switcher
            page.keyboard.press("Tab")
            if page.evaluate("!!document.activeElement.closest('.language-switcher')"):
                break
        else:
            pytest.fail(f"/{path}: the switcher is not reached by Tab")
        outline = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
        )
        assert outline[0] != "none" and outline[1] >= 2, (path, outline)
    context.close()


def test_the_switcher_is_small_on_a_phone_and_not_printed(browser, site_url, pages):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    problems = []
    for path in pages:
        page.emulate_media(media="screen")
        page.goto(site_url + path)
        switcher = page.locator(".language-switcher")
        box = switcher.bounding_box()
        links = page.locator(".language-switcher a")
        sizes = [links.nth(i).bounding_box() for i in range(links.count())]
        if box is None or box["height"] > 80:  # two lines at most: the link and its note
            problems.append(f"/{path}: switcher box {box}")
        problems += [f"/{path}: link of {s}" for s in sizes if s["height"] < 24 or s["width"] < 24]
        page.emulate_media(media="print")
        if switcher.is_visible():
            problems.append(f"/{path}: the switcher is printed")
    context.close()
    assert not problems, "\n".join(problems)
