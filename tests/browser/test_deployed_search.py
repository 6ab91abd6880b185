"""The site's search works behind every documented header set: _headers, nginx, Apache.

The built sample site is served with exactly the headers each documented
configuration sends for each path (``_headers`` as the build wrote it, the
nginx and Apache blocks of docs/deploying.md as those servers read them), and
Chromium searches it with Pagefind's UI. A policy without 'wasm-unsafe-eval'
is the control: the same search must then find nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout
import pytest

from conftest import PHONE, _SiteHandler
from deploying import apache_config, headers_file_for, nginx_config
from lighthouse_audit import serve

WORD = "inoculation"  # in the guide's chapter on electoral work
LABEL = "Search the site for a word or phrase"


def handler_for(headers_for: Callable[[str], dict[str, str]]) -> type[_SiteHandler]:
    """A request handler that sends ``headers_for(path)`` with each response."""

    class Handler(_SiteHandler):
        def end_headers(self):
            for name, value in headers_for(urlsplit(self.path).path).items():
                self.send_header(name, value)
            super().end_headers()

    return Handler


def header_sets(output: Path) -> dict[str, Callable[[str], dict[str, str]]]:
    """Each documented way to serve the site: path -> the headers sent with it."""

    def headers_file(path: str) -> dict[str, str]:
        return headers_file_for(output, path)

    def without_wasm(path: str) -> dict[str, str]:
        headers = headers_file(path)
        policy = headers["Content-Security-Policy"].replace(" 'wasm-unsafe-eval'", "")
        return {**headers, "Content-Security-Policy": policy}

    return {
        "_headers": headers_file,
        "nginx": nginx_config().headers_for,
        "apache": apache_config().headers_for,
        "control without wasm-unsafe-eval": without_wasm,
    }


def search(browser, base_url: str) -> tuple[int, list[str]]:
    """Search for WORD on /search/; return the number of results and the CSP violations."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    response = page.goto(base_url + "search/")
    assert response.headers["content-security-policy"]
    page.get_by_label(LABEL).fill(WORD)
    results = page.locator(".pagefind-ui__result-link")
    with suppress(PlaywrightTimeout):  # the control: no result ever appears
        results.first.wait_for(timeout=10_000)
    count = results.count()
    context.close()
    return count, violations


@pytest.mark.parametrize(
    "setup", ["_headers", "nginx", "apache", "control without wasm-unsafe-eval"]
)
def test_search_finds_the_guide_under_each_documented_policy(browser, sample_site, setup):
    headers_for = header_sets(sample_site)[setup]
    with serve(sample_site, handler_for(headers_for)) as base_url:
        count, violations = search(browser, base_url)
    if setup.startswith("control"):
        assert count == 0 and any("wasm" in v.lower() for v in violations), violations
    else:
        assert count > 0, violations
        assert violations == []
