"""The site's languages, checked over whole built sites from their output (languagecheck.py).

Every page: ``<html lang>`` of its folder, hreflang reciprocal with existing targets and
x-default, og:locale and its alternates; ``sitemap.xml``'s ``xhtml:link`` groups the same
as the pages'. On the sample site (every page any plugin writes, in every language), on a
small fixture site in English and Spanish, and on a one-language site, which must show no
trace of languages. The checker itself is tried on hand-made pages.
"""

from __future__ import annotations

from pathlib import Path

from languagecheck import check_languages, read_site
from lxml import etree
import pytest

from sitebuild import bilingual_site, build_site, make_content, soup, write_tree


def test_the_sample_site_is_consistent_in_every_language(sample_site: Path):
    assert check_languages(sample_site, "en", ("es",)) == []
    spanish = [path for path in read_site(sample_site) if path.startswith("es/")]
    assert "es/search/" in spanish  # the checks above covered Spanish pages
    assert "es/site-map/" in spanish


def test_a_bilingual_site_is_consistent_and_its_spanish_pages_say_so(tmp_path: Path):
    output = bilingual_site(tmp_path)
    assert check_languages(output, "en", ("es",)) == []
    page = soup(output / "es" / "search" / "index.html")
    assert page.html["lang"] == "es"
    assert page.select_one('meta[property="og:locale"]')["content"] == "es_US"
    alternates = [m["content"] for m in page.select('meta[property="og:locale:alternate"]')]
    assert alternates == ["en_US"]
    links = {
        link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')
    }
    assert links == {
        "en": "https://m4a.example.org/search/",
        "es": "https://m4a.example.org/es/search/",
        "x-default": "https://m4a.example.org/search/",
    }


def test_pages_in_one_or_both_languages_link_as_they_should(tmp_path: Path):
    output = bilingual_site(tmp_path)
    assert check_languages(output, "en", ("es",)) == []
    spanish = soup(output / "es" / "clinic" / "index.html")
    assert spanish.html["lang"] == "es"
    (switch,) = spanish.select(".language-switcher a")
    assert (switch["href"], switch["hreflang"], switch.parent["lang"]) == ("/clinic/", "en", "en")
    english_only = soup(output / "english-only" / "index.html")
    (switch,) = english_only.select(".language-switcher a")
    assert switch["href"] == "/es/"  # the Spanish home page, saying the page is not translated
    assert "language-missing" in switch["class"]
    assert not english_only.select("link[hreflang]")
    spanish_only = soup(output / "es" / "solo-espanol" / "index.html")
    assert not spanish_only.select("link[hreflang]")  # one version: nothing to name
    site_map = soup(output / "es" / "site-map" / "index.html")
    listed = {a["href"]: a.get("lang") for a in site_map.select("main ul.site-map a")}
    assert listed["/es/clinic/"] is None
    assert listed["/es/solo-espanol/"] is None
    assert listed["/english-only/"] == "en"
    assert listed["/es/town-hall/"] == "en"  # a Spanish page whose title is in English
    assert site_map.select_one('a[href="/es/town-hall/"]').get("hreflang") is None
    assert "/clinic/" not in listed
    english_map = soup(output / "site-map" / "index.html")
    listed = {a["href"]: a.get("lang") for a in english_map.select("main ul.site-map a")}
    assert listed["/clinic/"] is None
    assert listed["/town-hall/"] is None
    assert listed["/es/solo-espanol/"] == "es"
    assert "/es/clinic/" not in listed


def test_the_sitemap_groups_the_versions_of_a_page(tmp_path: Path):
    output = bilingual_site(tmp_path)
    sitemap = etree.parse(str(output / "sitemap.xml")).getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for loc in ("https://m4a.example.org/site-map/", "https://m4a.example.org/es/site-map/"):
        (url,) = sitemap.xpath("s:url[s:loc=$loc]", namespaces=ns, loc=loc)
        versions = {
            link.get("hreflang"): link.get("href") for link in url.xpath("x:link", namespaces=ns)
        }
        assert versions == {
            "en": "https://m4a.example.org/site-map/",
            "es": "https://m4a.example.org/es/site-map/",
            "x-default": "https://m4a.example.org/site-map/",
        }
    (about,) = sitemap.xpath("s:url[s:loc='https://m4a.example.org/about/']", namespaces=ns)
    assert not about.xpath("x:link", namespaces=ns)  # not translated: no versions to name


def test_a_one_language_site_has_no_trace_of_languages(tmp_path: Path):
    content = make_content(
        tmp_path, {"pages/about.md": "Title: About us\nSlug: about\n\nWho we are.\n"}
    )
    output = build_site(content, tmp_path / "output", SEARCH_INDEX=False)
    assert not (output / "es").exists()
    assert check_languages(output, "en", ()) == []
    for path in ("search/index.html", "site-map/index.html", "about/index.html"):
        page = soup(output / path)
        assert page.html["lang"] == "en", path
        assert not page.select("link[hreflang], .language-switcher"), path
        assert not page.select('meta[property="og:locale:alternate"]'), path
    sitemap = etree.parse(str(output / "sitemap.xml")).getroot()
    assert "http://www.w3.org/1999/xhtml" not in sitemap.nsmap.values()


# The checker itself, on hand-made sites: it must see what it should.

BASE = "https://example.org/"


def head(lang: str, locale: str, versions: dict[str, str], alternates=()) -> str:
    """A page's beginning with these hreflang versions and og:locale values."""
    links = "".join(
        f'<link rel="alternate" hreflang="{code}" href="{BASE}{url}">'
        for code, url in versions.items()
    )
    metas = "".join(f'<meta property="og:locale:alternate" content="{a}">' for a in alternates)
    return (
        f'<!doctype html><html lang="{lang}"><head><title>x</title>{links}'
        f'<meta property="og:locale" content="{locale}">{metas}</head><body></body></html>'
    )


PAIR = {"en": "a/", "es": "es/a/", "x-default": "a/"}


def hand_made_site(root: Path, pages: dict[str, str], sitemap_rows: str = "") -> Path:
    write_tree(
        root,
        {
            **pages,
            "robots.txt": f"Sitemap: {BASE}sitemap.xml\n",
            "sitemap.xml": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:xhtml="http://www.w3.org/1999/xhtml">{sitemap_rows}</urlset>',
        },
    )
    return root


def test_the_checker_accepts_a_reciprocal_pair(tmp_path: Path):
    site = hand_made_site(
        tmp_path,
        {
            "a/index.html": head("en", "en_US", PAIR, ["es_US"]),
            "es/a/index.html": head("es", "es_US", PAIR, ["en_US"]),
        },
        f"<url><loc>{BASE}a/</loc>"
        + "".join(
            f'<xhtml:link rel="alternate" hreflang="{c}" href="{BASE}{u}"/>'
            for c, u in PAIR.items()
        )
        + "</url>",
    )
    assert check_languages(site, "en", ("es",)) == []


@pytest.mark.parametrize(
    ("pages", "sitemap", "expected"),
    [
        (  # the Spanish page does not point back
            {"es/a/index.html": head("es", "es_US", {})},
            "",
            "reciprocal",
        ),
        (  # an English page in a Spanish folder
            {"es/a/index.html": head("en", "es_US", PAIR, ["en_US"])},
            "",
            "<html lang='en'>, expected 'es'",
        ),
        (  # the target does not exist
            {},
            "",
            "which is not a page",
        ),
        (  # x-default to the Spanish version
            {"es/a/index.html": head("es", "es_US", {**PAIR, "x-default": "es/a/"}, ["en_US"])},
            "",
            "x-default is not the en version",
        ),
        (  # og:locale of the wrong language
            {"es/a/index.html": head("es", "en_US", PAIR, ["en_US"])},
            "",
            "og:locale 'en_US' is not in 'es'",
        ),
        (  # the sitemap names no versions for a page that has them
            {"es/a/index.html": head("es", "es_US", PAIR, ["en_US"])},
            f"<url><loc>{BASE}a/</loc></url>",
            "sitemap.xml: /a/: versions {}",
        ),
        (  # hreflang on a page kept out of search engines
            {
                "es/a/index.html": head("es", "es_US", PAIR, ["en_US"]).replace(
                    "<title>", '<meta name="robots" content="noindex"><title>'
                )
            },
            "",
            "hreflang on a page kept out of search engines",
        ),
        (  # the sitemap lists a page that is not there
            {"es/a/index.html": head("es", "es_US", PAIR, ["en_US"])},
            f"<url><loc>{BASE}gone/</loc></url>",
            "sitemap.xml: /gone/ is not a page",
        ),
    ],
)
def test_the_checker_finds_what_it_should(tmp_path: Path, pages, sitemap, expected):
    site = hand_made_site(
        tmp_path, {"a/index.html": head("en", "en_US", PAIR, ["es_US"]), **pages}, sitemap
    )
    problems = check_languages(site, "en", ("es",))
    assert any(expected in problem for problem in problems), problems
