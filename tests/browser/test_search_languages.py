"""Search in each language, in Chromium: Pagefind keeps one index per ``<html lang>``.

A small site in English and Spanish (sitebuild.bilingual_site) where one word,
"hospital", is on an English page and on its Spanish version: ``/es/search/``
must find the Spanish page only, ``/search/`` the English one only, and each
search page speaks its language (Pagefind's own words and the label from the page).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import PHONE
from lighthouse_audit import serve
from sitebuild import bilingual_site

WORD = "hospital"  # on /clinic/ and /es/clinic/


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The bilingual fixture site, indexed by Pagefind."""
    return bilingual_site(tmp_path_factory.mktemp("bilingual"), search_index=True)


def search(browser, url: str, label: str) -> tuple[list[str], str]:
    """Search for WORD on the search page at ``url``; the results' addresses and the
    placeholder Pagefind's UI shows (its own words, in the page's language)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url)
    field = page.get_by_label(label)
    placeholder = field.get_attribute("placeholder") or ""
    field.fill(WORD)
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)  # let Pagefind finish listing
    hrefs = [link.get_attribute("href") or "" for link in results.all()]
    context.close()
    return hrefs, placeholder


def test_each_language_searches_its_own_pages(browser, site: Path):
    with serve(site) as base:
        english, english_placeholder = search(
            browser, base + "search/", "Search the site for a word or phrase"
        )
        spanish, spanish_placeholder = search(
            browser, base + "es/search/", "Busca una palabra o frase en el sitio"
        )
    assert english == ["/clinic/"]
    assert spanish == ["/es/clinic/"]
    assert english_placeholder == "Search"
    assert spanish_placeholder and spanish_placeholder != english_placeholder


def test_the_index_has_one_part_per_language(site: Path):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"en", "es"}
