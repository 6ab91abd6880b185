"""Check a built site's languages from its output: `<html lang>`, hreflang, og:locale, sitemap.

Written without the plugins' code (it reads the HTML with html5lib and the sitemap
with lxml, as a search engine would), so it proves what the pages say, whoever wrote
them. Pages are found in the output folder; nothing is listed by hand.

- ``<html lang>``: a page under ``<lang>/`` (a language folder) is in that language,
  any other page in the default language.
- hreflang: a page kept out of search engines (``noindex``) names no versions; one that
  names its versions (``<link rel=alternate hreflang>``) names
  itself among them, every version exists in the output and names the same versions
  (reciprocity), and ``x-default`` is there exactly when the default language's version
  is, pointing to it.
- Open Graph: ``og:locale`` is the page's language (``es_US``), ``og:locale:alternate``
  the languages of its other versions.
- ``sitemap.xml``: every ``<loc>`` and ``xhtml:link`` exists in the output, and a URL's
  ``xhtml:link`` group is the same as its page's hreflang links.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from lxml import etree

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class PageLanguages:
    """What one page says about its language and its versions."""

    path: str  # site-relative URL: "es/about/"
    html_lang: str
    versions: dict[str, str]  # hreflang → site-relative URL (x-default included)
    locale: str
    locale_alternates: frozenset[str]
    noindex: bool  # kept out of search engines: no hreflang (flyers, 404 pages)


def site_base(output: Path) -> str:
    """The site's public address, as robots.txt names its sitemap."""
    for line in (output / "robots.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("Sitemap:"):
            return line.split(":", 1)[1].strip().removesuffix("sitemap.xml")
    raise AssertionError("robots.txt names no sitemap")


def relative_url(base: str, url: str) -> str:
    """``https://site/es/about/`` → ``es/about/`` (an address off the site stays whole)."""
    return url.removeprefix(base) if url.startswith(base) else url


def exists(output: Path, url: str) -> bool:
    """Whether the site-relative ``url`` is a page in the output."""
    target = output / url
    return (target / "index.html").is_file() if url == "" or url.endswith("/") else target.is_file()


def read_page(output: Path, html: Path, base: str) -> PageLanguages:
    """Parse one page's head."""
    page = BeautifulSoup(html.read_text(encoding="utf-8"), "html5lib")
    versions = {
        link["hreflang"]: relative_url(base, link["href"])
        for link in page.select('head link[rel="alternate"][hreflang]')
    }
    locale = page.select_one('meta[property="og:locale"]')
    return PageLanguages(
        path=html.relative_to(output).as_posix().removesuffix("index.html"),
        html_lang=page.html.get("lang", ""),
        versions=versions,
        locale=locale["content"] if locale else "",
        locale_alternates=frozenset(
            m["content"] for m in page.select('meta[property="og:locale:alternate"]')
        ),
        noindex=bool(page.select('meta[name="robots"][content~="noindex"]')),
    )


def read_site(output: Path) -> dict[str, PageLanguages]:
    """Every HTML page of the output, by site-relative URL."""
    base = site_base(output)
    return {
        page.path: page
        for page in (read_page(output, html, base) for html in sorted(output.rglob("*.html")))
    }


def language_of(path: str, default: str, others: tuple[str, ...]) -> str:
    """The language a page at ``path`` must be in: its language folder's, else the default."""
    first = path.split("/", 1)[0]
    return first if "/" in path and first in others else default


def check_pages(
    pages: dict[str, PageLanguages], output: Path, default: str, others: tuple[str, ...]
) -> list[str]:
    """Every problem of ``<html lang>``, hreflang and og:locale, one line each."""
    problems = []
    for path, page in pages.items():
        where = f"/{path}"
        lang = language_of(path, default, others)
        if page.html_lang != lang:
            problems.append(f"{where}: <html lang={page.html_lang!r}>, expected {lang!r}")
        if page.locale.split("_")[0] != lang:
            problems.append(f"{where}: og:locale {page.locale!r} is not in {lang!r}")
        if page.noindex:
            if page.versions:
                problems.append(f"{where}: hreflang on a page kept out of search engines")
            continue
        if not page.versions:
            if page.locale_alternates:
                problems.append(f"{where}: og:locale:alternate without hreflang versions")
            continue
        languages = {code: url for code, url in page.versions.items() if code != "x-default"}
        if languages.get(lang) != path:
            problems.append(f"{where}: its hreflang={lang} link is {languages.get(lang)!r}")
        if default in languages and page.versions.get("x-default") != languages[default]:
            problems.append(f"{where}: x-default is not the {default} version")
        if default not in languages and "x-default" in page.versions:
            problems.append(f"{where}: x-default without a {default} version")
        expected_alternates = {
            code: pages[url].locale for code, url in languages.items() if url in pages
        }
        wanted = {loc for code, loc in expected_alternates.items() if code != lang}
        if page.locale_alternates != wanted:
            problems.append(
                f"{where}: og:locale:alternate {sorted(page.locale_alternates)}, "
                f"expected {sorted(wanted)}"
            )
        for code, url in page.versions.items():
            if not exists(output, url):
                problems.append(f"{where}: hreflang={code} goes to /{url}, which is not a page")
            elif url in pages and pages[url].versions != page.versions:
                problems.append(
                    f"{where}: its versions {page.versions} differ from /{url}'s "
                    f"{pages[url].versions} (hreflang must be reciprocal)"
                )
    return problems


def check_sitemap(output: Path, pages: dict[str, PageLanguages]) -> list[str]:
    """Every problem of ``sitemap.xml``'s addresses and ``xhtml:link`` groups."""
    base = site_base(output)
    problems = []
    for entry in etree.parse(str(output / "sitemap.xml")).getroot().iter(f"{SITEMAP}url"):
        url = relative_url(base, entry.findtext(f"{SITEMAP}loc"))
        versions = {
            link.get("hreflang"): relative_url(base, link.get("href"))
            for link in entry.iter(f"{XHTML}link")
        }
        if not exists(output, url):
            problems.append(f"sitemap.xml: /{url} is not a page")
            continue
        problems += [
            f"sitemap.xml: /{url}: hreflang={code} goes to /{target}, which is not a page"
            for code, target in versions.items()
            if not exists(output, target)
        ]
        head = pages[url].versions if url in pages else {}
        if versions != head:
            problems.append(f"sitemap.xml: /{url}: versions {versions}, its page says {head}")
    return problems


def check_languages(output: Path, default: str, others: tuple[str, ...]) -> list[str]:
    """Every language problem of a built site (empty: none)."""
    pages = read_site(output)
    return check_pages(pages, output, default, others) + check_sitemap(output, pages)
