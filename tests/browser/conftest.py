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


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="session")
def site_url(sample_site: Path):
    """Serve the built sample site on 127.0.0.1 and return its base URL."""
    handler = partial(_QuietHandler, directory=str(sample_site))
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
