"""Fingerprinted theme assets and the ``_headers`` file hosts read for caching and security."""

from __future__ import annotations

import hashlib
from pathlib import Path
import re

from deploying import matches, parse_headers
from site_core.assets import Assets, fingerprinted
from site_core.headers import IMMUTABLE_CACHE_CONTROL, security_headers
from sitebuild import ROOT, soup

SITE_CSS = ROOT / "theme" / "static" / "css" / "site.css"


def test_pages_link_the_fingerprinted_stylesheet(sample_site: Path):
    digest = hashlib.sha256(SITE_CSS.read_bytes()).hexdigest()[:10]
    expected = f"/theme/css/site.{digest}.css"
    for page in sorted(sample_site.rglob("*.html")):
        hrefs = [link["href"] for link in soup(page).find_all("link", rel="stylesheet")]
        own = [href for href in hrefs if href.startswith("/theme/")]
        assert own == [expected], page
        assert all(href.startswith("/pagefind/") for href in set(hrefs) - set(own)), page
    assert (sample_site / expected.lstrip("/")).read_bytes() == SITE_CSS.read_bytes()


def test_fingerprint_follows_the_content(tmp_path: Path):
    css = tmp_path / "static" / "css"
    css.mkdir(parents=True)
    (css / "site.css").write_text("a{color:red}")
    settings = {"THEME": str(tmp_path), "THEME_STATIC_DIR": "theme"}
    first = Assets(settings).url("css/site.css")
    (css / "site.css").write_text("a{color:blue}")
    second = Assets(settings).url("css/site.css")
    assert re.fullmatch(r"theme/css/site\.[0-9a-f]{10}\.css", first)
    assert first != second
    assert Assets(settings).url("img/x.png") == "theme/img/x.png"  # not fingerprinted
    assert fingerprinted("js/menu.js", "abc") == "js/menu.abc.js"


def test_headers_file_caches_fingerprinted_assets_forever_and_the_rest_briefly(
    sample_site: Path,
):
    rules = parse_headers((sample_site / "_headers").read_text(encoding="utf-8"))
    assert len(rules) <= 100  # Cloudflare Pages reads at most 100 rules
    files = sorted(p for p in sample_site.rglob("*") if p.is_file() and p.name != "_headers")
    for path in files:
        url = "/" + path.relative_to(sample_site).as_posix()
        urls = {url, url.removesuffix("index.html")}
        caching = [
            headers["Cache-Control"]
            for pattern, headers in rules
            if "Cache-Control" in headers and any(matches(pattern, u) for u in urls)
        ]
        assert len(set(caching)) == 1, f"{url}: {caching}"  # never two competing values
        fingerprint = re.search(r"\.[0-9a-f]{10}\.(css|js)$", url)
        assert (caching[0] == IMMUTABLE_CACHE_CONTROL) == bool(fingerprint), url


def test_headers_file_sends_security_headers_everywhere(sample_site: Path):
    rules = dict(parse_headers((sample_site / "_headers").read_text(encoding="utf-8")))
    everywhere = rules["/*"]
    assert "Cache-Control" not in everywhere  # would be joined with the per-path values
    csp = dict(
        directive.strip().split(" ", 1)
        for directive in everywhere["Content-Security-Policy"].split(";")
    )
    assert csp["script-src"] == "'self' 'wasm-unsafe-eval'"  # Pagefind's index, no JS eval
    assert "unsafe-inline" not in everywhere["Content-Security-Policy"]
    assert csp["frame-ancestors"] == "'none'"
    assert everywhere["X-Content-Type-Options"] == "nosniff"
    assert everywhere["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in everywhere["Permissions-Policy"]


def test_security_headers_setting_extends_the_defaults():
    headers = security_headers({"SECURITY_HEADERS": {"X-Frame-Options": "DENY"}})
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
