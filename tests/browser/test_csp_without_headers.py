"""On a host that ignores ``_headers`` (GitHub Pages), the pages' own meta tag enforces the policy.

The sample site is served here without any header: an injected inline script is refused,
and the site's own scripts (search with its WebAssembly index, events-fresh) still work
without a console error.
"""

from __future__ import annotations

from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
import threading

import pytest

from conftest import PHONE


class _QuietHandler(SimpleHTTPRequestHandler):
    """Files only, as GitHub Pages serves them: no security header."""

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def bare_site_url(sample_site):
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(_QuietHandler, directory=str(sample_site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_an_injected_inline_script_is_refused_by_the_meta_tag(browser, bare_site_url):
    page = browser.new_context(viewport=PHONE).new_page()
    response = page.goto(bare_site_url)
    assert "content-security-policy" not in response.headers
    ran = page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
            return window.injected === true;
        }"""
    )
    assert ran is False
    page.context.close()


@pytest.mark.parametrize("path", ["", "events/", "search/"])
def test_the_sites_own_scripts_work_under_the_meta_tag_alone(browser, bare_site_url, path):
    page = browser.new_context(viewport=PHONE).new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(bare_site_url + path, wait_until="networkidle")
    if path == "search/":
        page.get_by_label("Search the site for a word or phrase").fill("canvass")
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    assert errors == []
    page.context.close()
