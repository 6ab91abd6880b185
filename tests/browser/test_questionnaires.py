"""The comparison and candidate pages in Chromium: stacked on a phone, columns on a desktop,
in English and in Spanish (longer labels, answers marked with their language)."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
import pytest

from conftest import AXE_TAGS, PHONE

DESKTOP = {"width": 1280, "height": 900}
COMPARE = "candidates/2027-spring-election/compare/"
CANDIDATE = "candidates/2027-spring-election/jo-placeholder/"
#: Maria answered in English and in Spanish: her Spanish page mixes both languages.
BILINGUAL = "es/candidates/2027-spring-election/maria-exampleton/"
_axe = Axe()

#: The box of each candidate's answer to the first question, and the page's width.
BOXES = """() => ({
  boxes: [...document.querySelector("ul.compare").children].map(li => {
    const r = li.getBoundingClientRect(); return {left: r.left, top: r.top, width: r.width};
  }),
  scroll: document.documentElement.scrollWidth,
})"""


@pytest.fixture(params=["phone", "desktop"])
def viewport(request):
    """Each test runs at a phone's and at a desktop's width."""
    return PHONE if request.param == "phone" else DESKTOP


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_comparison_is_stacked_on_a_phone_and_in_columns_on_a_desktop(
    browser, site_url, viewport, prefix
):
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + prefix + COMPARE)
    layout = page.evaluate(BOXES)
    context.close()
    boxes = layout["boxes"]
    assert len(boxes) == 3
    assert layout["scroll"] <= viewport["width"]
    if viewport is PHONE:
        assert len({round(b["left"]) for b in boxes}) == 1  # one column
        assert boxes[0]["top"] < boxes[1]["top"] < boxes[2]["top"]
    else:
        assert len({round(b["top"]) for b in boxes}) == 1  # one row
        assert boxes[0]["left"] < boxes[1]["left"] < boxes[2]["left"]
        assert min(b["width"] for b in boxes) > 250  # readable columns


@pytest.mark.parametrize("path", [COMPARE, CANDIDATE, "es/" + COMPARE, BILINGUAL])
def test_pages_have_no_axe_violations_at_desktop_width(browser, site_url, path):
    """At a phone's width test_every_page.py checks these pages already; here the columns."""
    failures = []
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
        page = context.new_page()
        page.goto(site_url + path)
        result = _axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        failures += [f"{scheme}: {v['id']}: {v['help']}" for v in result.response["violations"]]
        context.close()
    assert not failures, "\n".join(failures)


def test_question_permalink_scrolls_to_its_answer(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CANDIDATE + "#corporate-money")
    top = page.evaluate("document.getElementById('corporate-money').getBoundingClientRect().top")
    context.close()
    assert 0 <= top < 50  # the heading keeps a little room above it


def test_rescinded_notice_is_visible_without_scrolling_far(browser, site_url):
    """On a phone the rescinded notice starts within the first two screens of the page."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CANDIDATE)
    top = page.evaluate("document.querySelector('.callout.rescinded').getBoundingClientRect().top")
    context.close()
    assert top < 2 * PHONE["height"]
