"""The Atom feed of news, read by feedparser as a feed reader would, in every build mode.

Development builds (``invoke build``, the tests' fixture builds) leave ``SITEURL``
empty for the local server; publish builds set the public address. Either way the
feed must be well-formed Atom with the chapter's language, absolute links, a feed
id that is a URI and entry ids that are tag URIs (RFC 4151), the same in both modes.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
import feedparser
import pytest

from sitebuild import ROOT, build_site, make_content

SITE = "https://m4a.madisondsa.org"
#: RFC 4151: tag:<DNS name or e-mail>,<YYYY[-MM[-DD]]>:<specific>
TAG_URI = re.compile(
    r"^tag:(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+|[^@\s]+@[a-z0-9.-]+),"
    r"\d{4}(?:-\d{2}(?:-\d{2})?)?:[^\s]*$",
    re.IGNORECASE,
)


def is_absolute(url: str, site: str) -> bool:
    """Whether ``url`` is a full address below ``site`` (the public address of the site)."""
    parts = urlsplit(url)
    return bool(parts.scheme and parts.netloc) and f"{url}/".startswith(f"{site}/")


def read_feed(output, site: str, language: str) -> feedparser.FeedParserDict:
    """Parse the built news feed and check everything a feed reader relies on."""
    raw = (output / "feeds" / "news.atom.xml").read_bytes()
    feed = feedparser.parse(raw, resolve_relative_uris=False, sanitize_html=False)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == language
    assert is_absolute(feed.feed.id, site) and is_absolute(feed.feed.link, site)
    assert {link.href for link in feed.feed.links} == {f"{site}/", f"{site}/feeds/news.atom.xml"}
    assert feed.entries
    for entry in feed.entries:
        assert TAG_URI.match(entry.id), entry.id
        assert urlsplit(entry.id).path.split(",")[0] == urlsplit(site).hostname
        assert is_absolute(entry.link, site), entry.link
        for content in entry.content:
            links = BeautifulSoup(content.value, "html5lib").find_all(["a", "img"])
            for link in links:
                assert is_absolute(link.get("href") or link.get("src"), site), link
    return feed


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The sample site built with publishconf.py (``invoke publish``)."""
    output = tmp_path_factory.mktemp("published") / "output"
    return build_site(ROOT / "content", output, "publishconf.py")


def test_the_feed_is_the_same_valid_atom_in_development_and_publish_builds(sample_site, published):
    development = read_feed(sample_site, SITE, "en")
    public = read_feed(published, SITE, "en")
    assert [(e.id, e.link) for e in development.entries] == [(e.id, e.link) for e in public.entries]
    assert development.feed.id == public.feed.id == f"{SITE}/"
    body = development.entries[0].content[0].value
    assert f'href="{SITE}/medicare-for-all/"' in body  # a {filename} link, made absolute


def test_a_fixture_site_in_another_language_under_a_sub_path(tmp_path, monkeypatch):
    """A chapter in Spanish published as a GitHub project site (SITEURL with a path)."""
    content = make_content(
        tmp_path,
        {
            "pages/unete.md": "Title: Únete\nSlug: unete\n\nTexto.\n",
            "news/hola.md": (
                "Title: Hola\nDate: 2026-11-20 10:00\n\n[Únete]({filename}/pages/unete.md)\n"
            ),
        },
    )
    chapter = content / "chapter.yml"
    chapter.write_text(chapter.read_text() + "language: es\n", encoding="utf-8")
    development = build_site(content, tmp_path / "dev" / "output")
    read_feed(development, "https://m4a.example.org", "es")
    monkeypatch.setenv("SITEURL", "https://chapter.github.io/m4a")
    project = build_site(content, tmp_path / "pub" / "output", "publishconf.py")
    feed = read_feed(project, "https://chapter.github.io/m4a", "es")
    assert feed.entries[0].link == "https://chapter.github.io/m4a/news/2026/hola/"
