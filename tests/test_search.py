"""Search: the Pagefind index, what it indexes, the search page's fallback, the site map."""

from __future__ import annotations

import json
from pathlib import Path
import re

import pytest

from site_core.problems import ContentProblems
from sitebuild import build_site, make_content, soup


def test_search_index_is_built_into_the_site(sample_site):
    entry = json.loads((sample_site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] >= 6
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css"):
        assert (sample_site / "pagefind" / name).stat().st_size > 1000


def test_only_main_content_of_real_pages_is_indexed(sample_site):
    indexed = ["index.html", "guide/electoral-work/index.html", "working-groups/index.html"]
    for html in indexed:
        page = soup(sample_site / html)
        assert page.main.has_attr("data-pagefind-body"), html
        assert not page.select("header [data-pagefind-body], footer [data-pagefind-body]")
    left_out = ["404.html", "search/index.html", "site-map/index.html", "guide/print/index.html"]
    for html in left_out:
        assert not soup(sample_site / html).select("[data-pagefind-body]"), html


def test_search_page_uses_the_local_ui_and_has_a_fallback(sample_site):
    page = soup(sample_site / "search" / "index.html")
    scripts = [s["src"] for s in page.select("script[src]")]
    assert scripts[0] == "/pagefind/pagefind-ui.js"
    assert re.fullmatch(r"/theme/js/search\.[0-9a-f]{10}\.js", scripts[1])  # fingerprinted
    assert page.select_one('link[href="/pagefind/pagefind-ui.css"]')
    fallback = {a["href"] for a in page.select("main .search-fallback a")}
    assert fallback == {"/guide/", "/site-map/"}


def _listed(site_map: Path) -> dict[str, tuple[str, str | None, str | None]]:
    """A site map's entries: {href: (title, lang attribute, hreflang attribute)}."""
    return {
        a["href"]: (a.get_text(strip=True), a.get("lang"), a.get("hreflang"))
        for a in soup(site_map).select("main ul.site-map a")
    }


def _heading_lang(page: Path) -> str | None:
    """The language a page's heading is marked in (an untranslated title), if any."""
    marked = soup(page).select_one("main h1[lang], main h1 > [lang]")
    return marked["lang"] if marked else None


def _versions(page: Path) -> set[str]:
    """The site-relative addresses of a page's versions in every language (its hreflang)."""
    return {
        "/" + link["href"].split("://", 1)[1].split("/", 1)[1]
        for link in soup(page).select('link[rel="alternate"][hreflang]')
    }


def test_each_language_s_site_map_lists_every_page_once(sample_site):
    """Every page is on every site map: in the site map's language where it has a version
    (its hreflang links say), else in its own, marked lang="en" hreflang="en"; a title
    shown untranslated (its page's heading says so) is marked with its language."""
    pages = {
        "/" + p.relative_to(sample_site).as_posix().removesuffix("index.html"): p
        for p in sample_site.rglob("*.html")
        if not soup(p).select('meta[name="robots"][content="noindex"]')  # flyers, 404 pages
    }
    for prefix, lang in (("/", "en"), ("/es/", "es")):
        listed = _listed(sample_site / prefix.lstrip("/") / "site-map" / "index.html")
        expected = set()
        for url, page in pages.items():
            versions = _versions(page) or {url}
            in_lang = {v for v in versions if v.startswith("/es/") == (lang == "es")}
            expected |= in_lang if in_lang else ({url} if url == min(versions) else set())
        assert set(listed) == expected, lang
        for href, (_title, marked, hreflang) in listed.items():
            own = "es" if href.startswith("/es/") else "en"
            assert hreflang == (None if own == lang else own), href
            title_lang = _heading_lang(pages[href]) or own
            assert marked == (None if title_lang == lang else title_lang), href
    english = _listed(sample_site / "site-map" / "index.html")
    assert english["/guide/electoral-work/"] == (
        "8. Integrating Your Medicare for All Campaign into Electoral Work · Organizing guide",
        None,
        None,
    )
    assert english["/"] == ("Medicare for All · Madison DSA", None, None)
    assert english["/site-map/"] == ("Site map", None, None)
    spanish = _listed(sample_site / "es" / "site-map" / "index.html")
    assert spanish["/es/site-map/"] == ("Mapa del sitio", None, None)
    assert spanish["/es/search/"] == ("Buscar", None, None)


def test_the_spanish_search_page_and_site_map_are_in_spanish(sample_site):
    page = soup(sample_site / "es" / "search" / "index.html")
    assert page.html["lang"] == "es"
    assert page.h1.get_text() == "Buscar"
    assert page.select_one("#search-label").get_text() == "Busca una palabra o frase en el sitio"
    links = {a["href"]: a.get("hreflang") for a in page.select("main .search-fallback a")}
    assert links["/es/site-map/"] is None
    guide = next(href for href in links if "guide/" in href)  # Spanish once it is translated
    assert links[guide] == (None if guide.startswith("/es/") else "en")
    site_map = soup(sample_site / "es" / "site-map" / "index.html")
    assert site_map.html["lang"] == "es"
    assert site_map.select_one("main p a")["href"] == "/es/search/"
    english_pages = site_map.select("main ul.site-map a[hreflang]")
    assert english_pages  # the sample has untranslated pages: the checks below see some
    assert all(a["hreflang"] == a["lang"] == "en" for a in english_pages)
    assert all("en inglés" in a.parent.get_text() for a in english_pages)


def test_search_index_can_be_turned_off(tmp_path):
    content = make_content(tmp_path, {"pages/a.md": "Title: A\n\nText."})
    output = build_site(content, tmp_path / "output", SEARCH_INDEX=False)
    assert not (output / "pagefind").exists()
    assert (output / "site-map" / "index.html").exists()


def test_search_index_is_byte_reproducible(tmp_path):
    """Pagefind's bundle is the same byte for byte when the site is (no need to exclude it)."""
    content = make_content(
        tmp_path,
        {"guide/a.md": "Title: A\nChapter: 1\n\nInoculation.\n", "pages/b.md": "Title: B\n\nText."},
    )
    bundles = []
    for name in ("one", "two"):
        bundle = build_site(content, tmp_path / name / "output") / "pagefind"
        bundles.append(
            {p.relative_to(bundle): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
        )
    assert len(bundles[0]) > 5
    assert bundles[0] == bundles[1]


def test_two_builds_in_one_process_share_nothing(tmp_path):
    """Per-build state lives on the build: the second site map lists only its own pages,
    and a build that fails leaves nothing for the next."""
    first = make_content(tmp_path / "a", {"pages/one.md": "Title: Page one\nSlug: one\n\nText.\n"})
    second = make_content(tmp_path / "b", {"pages/two.md": "Title: Page two\nSlug: two\n\nText.\n"})
    broken = make_content(
        tmp_path / "c", {"pages/bad.md": "Title: Bad\nTemplate: nosuch\n\nText.\n"}
    )
    build_site(first, tmp_path / "a" / "output", SEARCH_INDEX=False)
    with pytest.raises(ContentProblems):
        build_site(broken, tmp_path / "c" / "output", SEARCH_INDEX=False)
    output = build_site(second, tmp_path / "b" / "output", SEARCH_INDEX=False)
    listed = {a["href"] for a in soup(output / "site-map" / "index.html").select("main li a")}
    assert "/two/" in listed
    assert not {"/one/", "/bad/"} & listed
