"""The Content-Security-Policy is in every page too, for hosts that ignore ``_headers``."""

from __future__ import annotations

from pathlib import Path

from test_assets import parse_headers

from site_core.headers import meta_content_security_policy
from sitebuild import build_site, make_content, soup


def directives(policy: str) -> dict[str, str]:
    """``{directive name: its sources}`` of a policy."""
    parts = [d.strip().split(None, 1) for d in policy.split(";") if d.strip()]
    return {p[0].lower(): (p[1] if len(p) > 1 else "") for p in parts}


def test_every_page_carries_the_headers_policy_before_anything_it_governs(sample_site: Path):
    rules = dict(parse_headers((sample_site / "_headers").read_text(encoding="utf-8")))
    header = directives(rules["/*"]["Content-Security-Policy"])
    assert "'wasm-unsafe-eval'" in header["script-src"]  # the search page's WebAssembly
    expected = {k: v for k, v in header.items() if k != "frame-ancestors"}
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 20
    for html in pages:
        head = soup(html).head
        (meta,) = head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert directives(meta["content"]) == expected, html
        before = meta.find_all_previous(["link", "script", "style", "base"])
        assert not before, f"{html}: {before} comes before the policy"


def test_directives_a_meta_tag_cannot_carry_stay_in_the_header_only():
    policy = meta_content_security_policy(
        {
            "SECURITY_HEADERS": {
                "Content-Security-Policy": "default-src 'self'; FRAME-ANCESTORS 'none'; "
                "report-uri /csp; sandbox allow-forms;report-to x; img-src 'self'"
            }
        }
    )
    assert directives(policy) == {"default-src": "'self'", "img-src": "'self'"}


def test_the_meta_tag_can_be_left_out(tmp_path):
    content = make_content(tmp_path, {"pages/a.md": "Title: A\nSlug: a\n\nText.\n"})
    page = soup(build_site(content, tmp_path / "output", CSP_META_TAG=False) / "a" / "index.html")
    assert page.head.find("meta", attrs={"charset": "utf-8"})
    assert not page.find("meta", attrs={"http-equiv": True})
