"""A moved page's old address takes Chromium to the new one, JavaScript off, the CSP on."""

from __future__ import annotations

from functools import partial
from http.server import ThreadingHTTPServer
import threading

import pytest

from conftest import PHONE, _SiteHandler, site_wide_headers
from sitebuild import build_site, make_content


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    """A site whose record says /team/ was its team page, now at /our-team/; served."""
    tmp = tmp_path_factory.mktemp("moved-site")
    content = make_content(tmp, {"pages/team.md": "Title: Our team\nSlug: our-team\n\nHi.\n"})
    (content / "addresses.yml").write_text(
        "- address: /team/\n  kind: page\n  title: Our team\n  source: content/pages/team.md\n",
        encoding="utf-8",
    )
    output = build_site(content, tmp / "output")
    handler_class = type("Handler", (_SiteHandler,), {"extra_headers": site_wide_headers(output)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler_class, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_old_address_arrives_at_the_new_page_without_javascript(browser, moved_site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{moved_site}/team/")
    page.wait_for_url(f"{moved_site}/our-team/", timeout=10_000)
    assert page.locator("h1").inner_text() == "Our team"
    context.close()
