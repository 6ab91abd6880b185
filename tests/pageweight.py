"""What a page costs before its first paint: the HTML plus the stylesheets that block rendering.

The budget is the first round trip of a new connection: about 10 TCP packets,
14 KB, compressed. ``first_paint_cost(output, page)`` measures one built page
the way a browser fetches it: the HTML, every ``<link rel="stylesheet">``
whose ``media`` can match a screen (``media="print"`` does not block), and any
``@import`` inside them, each gzip-compressed on its own as a server would.
Resources on another host are reported, never fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import gzip
from pathlib import Path
import re
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

#: 14 KB: what fits in the first round trip (initial congestion window of 10 packets).
BUDGET_BYTES = 14 * 1024
#: gzip level of a typical static host (nginx and CDNs use 5 to 6).
GZIP_LEVEL = 6
#: Media queries that never match while the page first paints on a screen.
NON_BLOCKING_MEDIA = {"print"}
IMPORT = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s]+)""")


@dataclass
class PageCost:
    """The bytes one page needs before first paint, and what it blocks on."""

    page: str
    html_gzip: int
    css_gzip: int = 0
    stylesheets: list[str] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Return the compressed bytes before first paint."""
        return self.html_gzip + self.css_gzip


def gzip_size(data: bytes) -> int:
    """Return the size of ``data`` gzip-compressed as a static host would."""
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def html_pages(output: Path) -> list[Path]:
    """Return every HTML page of a built site, sorted."""
    return sorted(output.rglob("*.html"))


def page_url(output: Path, page: Path) -> str:
    """Return the root-relative URL a page is served at (``/about/`` for about/index.html)."""
    return "/" + page.relative_to(output).as_posix().removesuffix("index.html")


def blocking_stylesheets(html: BeautifulSoup) -> list[str]:
    """Return the ``href`` of every stylesheet that blocks the first paint on a screen."""
    hrefs = []
    for link in html.find_all("link", href=True):
        rels = {rel.lower() for rel in link.get("rel", [])}
        media = (link.get("media") or "all").strip().lower()
        if "stylesheet" in rels and "alternate" not in rels and media not in NON_BLOCKING_MEDIA:
            hrefs.append(link["href"])
    return hrefs


def _local_file(output: Path, url: str) -> Path | None:
    """Return the output file a same-site URL names, or None for another host."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    return output / parts.path.lstrip("/")


def first_paint_cost(output: Path, page: Path) -> PageCost:
    """Measure one built page: gzip bytes of its HTML and of its render-blocking CSS."""
    raw = page.read_bytes()
    url = page_url(output, page)
    cost = PageCost(page=url, html_gzip=gzip_size(raw))
    queue = [urljoin(url, href) for href in blocking_stylesheets(BeautifulSoup(raw, "html5lib"))]
    seen: set[str] = set()
    while queue:
        css_url = queue.pop(0)
        if css_url in seen:
            continue
        seen.add(css_url)
        css = _local_file(output, css_url)
        if css is None:
            cost.other_hosts.append(css_url)
            continue
        data = css.read_bytes()
        cost.stylesheets.append(css_url)
        cost.css_gzip += gzip_size(data)
        queue.extend(urljoin(css_url, found) for found in IMPORT.findall(data.decode("utf-8")))
    return cost


def cost_table(costs: list[PageCost]) -> str:
    """Return a plain-text table of page costs, largest first, with the budget."""
    lines = [f"{'page':<48} {'HTML gz':>8} {'CSS gz':>8} {'total':>8}  (budget {BUDGET_BYTES})"]
    for cost in sorted(costs, key=lambda c: (-c.total, c.page)):
        flag = "  OVER BUDGET" if cost.total > BUDGET_BYTES else ""
        lines.append(
            f"{cost.page:<48} {cost.html_gzip:>8} {cost.css_gzip:>8} {cost.total:>8}{flag}"
        )
    return "\n".join(lines)
