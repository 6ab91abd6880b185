"""The real-browser suite: Debian's Chromium, driven by Playwright, over the built sample site.

The site is served from this process on 127.0.0.1 (a free port); every page of
it is listed from the output folder, so a new page is tested without anyone
adding it here. Never downloads a browser: ``executable_path`` is Debian's.
"""

from __future__ import annotations

from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
import threading
from typing import ClassVar

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 740}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium, headless, with the flags that work offline as root."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


def site_wide_headers(output: Path) -> dict[str, str]:
    """The headers the built ``_headers`` file gives every path (``/*``): CSP and the rest."""
    headers: dict[str, str] = {}
    rule = None
    for line in (output / "_headers").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")):
            rule = line.strip()
        elif rule == "/*" and ":" in line:
            name, value = line.strip().split(":", 1)
            headers[name] = value.strip()
    return headers


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serve files as a static host would, with the site's own security headers."""

    extra_headers: ClassVar[dict[str, str]] = {}

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="session")
def site_url(sample_site: Path):
    """Serve the built sample site on 127.0.0.1, with its _headers, and return its base URL."""
    handler_class = type(
        "Handler", (_SiteHandler,), {"extra_headers": site_wide_headers(sample_site)}
    )
    handler = partial(handler_class, directory=str(sample_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def site_pages(output: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths relative to its root."""
    pages = []
    for html in sorted(output.rglob("*.html")):
        relative = html.relative_to(output).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages
