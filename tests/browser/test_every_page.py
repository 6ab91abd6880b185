"""Every page of the sample site, in Chromium at a phone's size.

Each page must fit a 360 px screen without horizontal scrolling with
JavaScript off, have zero axe-core violations at WCAG 2.2 AA (and axe's best
practices), and load nothing from another host. Pages are found in the built
output, so a new page is covered without anyone listing it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from conftest import AXE_TAGS, PHONE, site_pages

_axe = Axe()


def test_every_page_fits_a_phone_without_javascript(browser, site_url, sample_site):
    """No page is wider than a 360 px phone screen, scripts off."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    too_wide = []
    for path in site_pages(sample_site):
        page.goto(site_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide.append(f"/{path}: {width}px")
    context.close()
    assert not too_wide, f"pages wider than {PHONE['width']}px: {too_wide}"


def test_every_page_has_no_axe_violations(browser, site_url, sample_site):
    """axe-core finds nothing at WCAG 2.2 AA on any page, light and dark."""
    failures = []
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=PHONE, color_scheme=scheme)
        page = context.new_page()
        for path in site_pages(sample_site):
            page.goto(site_url + path)
            result = _axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            for violation in result.response["violations"]:
                targets = [node["target"] for node in violation["nodes"]][:3]
                failures.append(
                    f"/{path} ({scheme}): {violation['id']}: {violation['help']} {targets}"
                )
        context.close()
    assert not failures, "\n".join(failures)


def test_no_page_loads_anything_from_another_host(browser, site_url, sample_site):
    """Fonts, scripts, images, styles: everything comes from the site itself."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    foreign: list[str] = []
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if urlsplit(request.url).scheme in {"http", "https"}
            and urlsplit(request.url).hostname != "127.0.0.1"
            else None
        ),
    )
    errors: list[str] = []
    page.on(
        "console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    for path in site_pages(sample_site):
        page.goto(site_url + path, wait_until="networkidle")
    context.close()
    assert not foreign, f"requests to other hosts: {foreign}"
    # The pages are served with the site's own Content-Security-Policy: nothing may break it.
    assert not errors, "\n".join(errors)
