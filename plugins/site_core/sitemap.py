"""``sitemap.xml`` and ``robots.txt``, built from what the Writer actually wrote.

Every page written through Pelican's Writer (ours included) fires
``content_written``; the sitemap lists those HTML pages, minus the ones marked
``noindex``. ``lastmod`` comes only from content dates, never from the clock or
file times, so the sitemap is reproducible (pelican-sitemap falls back to
``datetime.now()``, which is why it is not used). On a site in several languages each
page lists its versions (``xhtml:link`` hreflang, and ``x-default`` when the default
language has it), from the build's :class:`i18n.Alternates`.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from .i18n import Alternates, SiteLanguages

#: File names never listed, in any folder (the 404 page of each language).
SITEMAP_EXCLUDE = ("404.html",)


class Sitemap:
    """The HTML pages written in one build, with their last-modified dates."""

    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/")
        self.pages: dict[str, str | None] = {}

    def page_written(self, relative: str, context: dict) -> None:
        """Remember one written page, unless it is not meant for search engines."""
        if not relative.endswith(".html") or relative.rsplit("/", 1)[-1] in SITEMAP_EXCLUDE:
            return
        content = context.get("article") or context.get("page")
        if context.get("noindex") or getattr(content, "noindex", "") in {"true", "yes", True}:
            return
        date = getattr(content, "modified", None) or getattr(content, "date", None)
        url = relative.removesuffix("index.html")
        self.pages[url] = date.date().isoformat() if date else None

    def write(self, folder: Path, alternates: Alternates, languages: SiteLanguages) -> None:
        """Write sitemap.xml and robots.txt into the output folder."""
        rows = []
        for url, lastmod in sorted(self.pages.items()):
            row = f"<url><loc>{escape(self.base_url + '/' + url)}</loc>"
            if lastmod:
                row += f"<lastmod>{lastmod}</lastmod>"
            versions = alternates.of(url) if languages.multilingual else {}
            if len(versions) > 1:
                if languages.default in versions:
                    versions = {**versions, "x-default": versions[languages.default]}
                for lang, address in versions.items():
                    href = escape(self.base_url + "/" + address, {'"': "&quot;"})
                    row += f'<xhtml:link rel="alternate" hreflang="{lang}" href="{href}"/>'
            rows.append(row + "</url>")
        namespaces = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        if languages.multilingual:
            namespaces += ' xmlns:xhtml="http://www.w3.org/1999/xhtml"'
        (folder / "sitemap.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<urlset {namespaces}>\n" + "\n".join(rows) + "\n</urlset>\n",
            encoding="utf-8",
        )
        (folder / "robots.txt").write_text(
            f"User-agent: *\nAllow: /\n\nSitemap: {self.base_url}/sitemap.xml\n",
            encoding="utf-8",
        )
