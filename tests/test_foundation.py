"""The foundation: the sample site's pages, the chapter file, atomic and reproducible output."""

from __future__ import annotations

import hashlib
from pathlib import Path
import re
import xml.etree.ElementTree as ET

import pytest

from site_core.problems import ContentProblems
from sitebuild import ROOT, build_site, make_content, soup

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def tree_digest(folder: Path) -> dict[str, str]:
    """Map every file of a folder to the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_home_page_has_the_calls_to_action(sample_site):
    page = soup(sample_site / "index.html")
    assert page.html["lang"] == "en"
    assert page.find("h1").get_text(strip=True) == "Medicare for All in Madison"
    buttons = {a.get_text(strip=True): a["href"] for a in page.select("main .actions a")}
    assert buttons["Volunteer with us"] == "https://madisondsa.org/join/"
    assert buttons["What is Medicare for All?"] == "/medicare-for-all/"
    assert page.select_one('header a[aria-current="page"]')["href"] == "/"


def test_explainer_lists_the_five_principles_and_the_state_campaign(sample_site):
    page = soup(sample_site / "medicare-for-all" / "index.html")
    principles = [dt.get_text(strip=True) for dt in page.select("main dl dt")]
    assert principles == [
        "A single health program",
        "Comprehensive coverage",
        "Free at the point of service",
        "Universal coverage",
        "Jobs",
    ]
    state = page.find(id="state-campaign")
    assert state.get_text(strip=True) == "In Wisconsin: Improved Badgercare for All"
    assert page.select_one('nav a[aria-current="page"]')["href"] == "/medicare-for-all/"
    # Every section heading carries an anchor readers can share.
    assert all(h.find("a", class_="headerlink") for h in page.select("main h2[id]")[:3])


def test_about_page_lists_contacts_from_the_chapter_file(sample_site):
    page = soup(sample_site / "about" / "index.html")
    contacts = [li.get_text(" ", strip=True) for li in page.select("#contact-heading ~ ul li")]
    assert contacts == ["Mark Kelly", "Marc Reisner"]
    assert page.select_one('a[href="mailto:medicareforall@madisondsa.org"]')
    assert "()" not in page.get_text()  # the seed's lost links are gone, not left empty


def test_every_page_has_canonical_and_sharing_meta(sample_site):
    for html in ["index.html", "about/index.html", "medicare-for-all/index.html"]:
        head = soup(sample_site / html).head
        canonical = head.find("link", rel="canonical")["href"]
        assert canonical.startswith("https://m4a.madisondsa.org/")
        assert head.find("meta", property="og:url")["content"] == canonical
        assert head.find("meta", property="og:image")["content"].endswith("/theme/img/share.png")
        assert head.find("meta", attrs={"name": "description"})["content"]
    assert (sample_site / "theme" / "img" / "share.png").stat().st_size > 1000


def test_sitemap_robots_feed_favicon_and_404(sample_site):
    urls = [
        loc.text for loc in ET.parse(sample_site / "sitemap.xml").findall(".//s:loc", SITEMAP_NS)
    ]
    assert "https://m4a.madisondsa.org/medicare-for-all/" in urls
    assert not any("404" in url for url in urls)
    assert (
        "Sitemap: https://m4a.madisondsa.org/sitemap.xml"
        in (sample_site / "robots.txt").read_text()
    )
    feed = ET.parse(sample_site / "feeds" / "news.atom.xml").getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert (sample_site / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    missing = soup(sample_site / "404.html")
    assert missing.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert missing.find("h1").get_text(strip=True) == "Page not found"


def test_two_builds_are_byte_identical(tmp_path):
    first = build_site(ROOT / "content", tmp_path / "one" / "output")
    second = build_site(ROOT / "content", tmp_path / "two" / "output")
    assert tree_digest(first) == tree_digest(second)


def test_failed_build_leaves_previous_output_untouched(tmp_path):
    content = make_content(tmp_path, {"pages/a.md": "Title: A\n\nText."})
    output = build_site(content, tmp_path / "output")
    before = tree_digest(output)
    (content / "chapter.yml").write_text("name: [unclosed\n")
    with pytest.raises(ContentProblems):
        build_site(content, output)
    assert tree_digest(output) == before
    assert not list(tmp_path.glob(".output.*")), "the temporary build folder is cleaned up"


def test_chapter_file_errors_name_file_line_field_and_fix(tmp_path):
    content = make_content(
        tmp_path,
        {
            "chapter.yml": (
                "name: Test\ncity: Springfield\nregion: Illinois\n"
                "volunteer_url: javascript:alert(1)\ncontact_email: not-an-email\n"
                "site_url: https://example.org\ntimezone: America/Chicgo\ntimezon: UTC\n"
            ),
        },
    )
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    problems = {(p.line, p.field): p for p in stopped.value.report.errors}
    assert problems[(4, "volunteer_url")].message.startswith("must be a web address")
    assert problems[(5, "contact_email")]
    assert problems[(7, "timezone")].hint == "did you mean 'America/Chicago'?"
    assert problems[(8, "timezon")].hint == "did you mean 'timezone'?"
    assert all(p.path == "content/chapter.yml" for p in problems.values())
    assert stopped.value.code.count("\n") == 4  # four problems, then the summary line
    assert not (tmp_path / "output").exists()


def test_missing_chapter_file_is_reported(tmp_path):
    content = make_content(tmp_path, {"pages/a.md": "Title: A\n\nText."}, chapter=False)
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    (problem,) = stopped.value.report.errors
    assert problem.path == "content/chapter.yml"
    assert "cannot be read" in problem.message


def test_publish_settings_use_the_public_address(tmp_path):
    content = make_content(tmp_path, {"pages/a.md": "Title: A\nSlug: a\n\nText."})
    output = build_site(content, tmp_path / "output", settings_file="publishconf.py")
    page = soup(output / "a" / "index.html")
    assert re.fullmatch(  # fingerprinted for long caching: see test_assets.py
        r"https://m4a\.example\.org/theme/css/site\.[0-9a-f]{10}\.css",
        page.find("link", rel="stylesheet")["href"],
    )


def test_a_draft_page_or_news_post_is_never_written(tmp_path):
    files = {
        "pages/plan.md": "Title: Our plan\nSlug: plan\nStatus: draft\n\nNot yet public.\n",
        "news/soon.md": "Title: Soon\nDate: 2026-11-20\nStatus: draft\n\nNot yet either.\n",
        "news/out.md": "Title: Out\nDate: 2026-11-21\n\nPublished.\n",
    }
    output = build_site(make_content(tmp_path, files), tmp_path / "output")
    pages = list(output.rglob("*.html"))
    texts = {soup(p).get_text(" ", strip=True) for p in pages}
    assert not any("Not yet" in text for text in texts)
    assert any("Published." in text for text in texts)
    assert not (output / "drafts").exists()
    sitemap = ET.parse(output / "sitemap.xml").getroot()
    addresses = [
        loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert not any("plan" in a or "soon" in a for a in addresses)
