"""The guide in Chromium: search finds its words, and the print page prints as a real book."""

from __future__ import annotations

import io

from pypdf import PdfReader
import pytest

from conftest import PHONE

CHAPTER_URL = "/guide/electoral-work/"


@pytest.mark.parametrize("word", ["inoculation", "questionnaire"])
def test_search_finds_the_guide(browser, site_url, word):
    """Pagefind's UI, served by the site, finds words of chapter 8 and links to it."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "search/")
    page.get_by_label("Search the site for a word or phrase").fill(word)
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=10_000)
    # The UI shows the first few results; ask Pagefind's own API for all of them.
    urls = page.evaluate(
        """async (word) => {
            const pagefind = await import("/pagefind/pagefind.js");
            const search = await pagefind.search(word);
            const data = await Promise.all(search.results.map((r) => r.data()));
            return data.map((d) => new URL(d.url, location.href).pathname);
        }""",
        word,
    )
    assert CHAPTER_URL in urls
    assert word in page.locator(".pagefind-ui__results").inner_text().lower()
    titles = page.locator(".pagefind-ui__result-title").all_inner_texts()
    assert titles and not any(t.rstrip().endswith("#") for t in titles)  # headerlinks unindexed
    context.close()


def test_print_page_prints_every_chapter_on_its_own_pages(browser, site_url):
    """Chromium's PDF of /guide/print/: the contents first, chapter 8 from a new page on."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "guide/print/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    context.close()
    pages = [" ".join(p.extract_text().split()) for p in pdf.pages]
    assert len(pages) >= 3
    assert "Medicare for All organizing guide" in pages[0]
    assert "DSA members are rightly excited" not in pages[0]  # the chapter starts a new page
    assert pages[1].startswith("8. Integrating Your Medicare for All Campaign into Electoral Work")
    text = " ".join(pages)
    for words in ("INOCULATION", "VISION", "endorsement questionnaire", "publicize it."):
        assert words in text
    # No screen furniture; links are followed by their address.
    assert "Skip to content" not in text and "Print the whole guide" not in text
    assert "(mailto:medicareforall@madisondsa.org)" in text
