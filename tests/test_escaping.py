"""Whatever an editor or a candidate writes as plain text is shown as text, never run as HTML.

Templates escape every value (autoescape is on); only Markdown the build rendered, and
sanitised where it comes from data files, is printed as HTML. A fixture site puts markup
in every kind of plain-text field and checks that no element made from it reaches a page.
"""

from __future__ import annotations

import shutil

from sitebuild import ROOT, build_site, soup

TRAP = '<b class="trap">x</b><script>alert(1)</script>'


def test_markup_in_text_fields_is_shown_as_text_everywhere(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    chapter = content / "chapter.yml"
    chapter.write_text(
        chapter.read_text()
        .replace("tagline: Health care", f"tagline: '{TRAP} Health care")
        .replace("human right. We are organizing our neighbours to win it.", "human right.'"),
        encoding="utf-8",
    )
    sheet = content / "questionnaires" / "2027-spring-election" / "jo-placeholder.md"
    sheet.write_text(
        sheet.read_text()
        .replace("name: Jo Placeholder", f"name: '{TRAP} Jo'")
        .replace("    Campaign finance filings", f"    {TRAP} Campaign finance filings"),
        encoding="utf-8",
    )
    charter = content / "charters" / "medicare-for-all.md"
    charter.write_text(
        charter.read_text().replace("Reports to: Madison DSA Chapter", f"Reports to: {TRAP}"),
        encoding="utf-8",
    )
    guide = content / "guide" / "electoral-work.md"
    guide.write_text(
        guide.read_text().replace("Title: Integrating", f"Title: {TRAP} Integrating"),
        encoding="utf-8",
    )
    about = content / "pages" / "about.md"
    about.write_text(
        about.read_text().replace("Title: About", f"Title: {TRAP} About"), encoding="utf-8"
    )
    output = build_site(content, tmp_path / "output")
    shown = 0
    for html in output.rglob("*.html"):
        page = soup(html)
        assert not page.select(".trap"), html
        inline = [s for s in page.find_all("script") if not s.get("src")]
        assert all(s.get("type") == "application/ld+json" for s in inline), html
        assert "alert(1)" not in " ".join(s.get_text() for s in inline)
        shown += page.get_text().count('<b class="trap">x</b>')
    assert shown >= 5  # the markup is visible as text where each field is shown


def test_no_page_shows_escaped_markup(sample_site):
    """The other way round: HTML the build made is never shown as text (no "&lt;p&gt;")."""
    for html in sample_site.rglob("*.html"):
        text = soup(html).get_text()
        for tag in ("<p>", "</p>", "<strong>", "<em>", "<a href", "</li>", "&amp;"):
            assert tag not in text, f"{html}: shows {tag!r} as text"
