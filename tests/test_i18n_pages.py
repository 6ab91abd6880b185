"""Pelican's pages and news in several languages: ``about.es.md`` translates ``about.md``.

Fixture sites in English and Spanish (and one in English only) are built with the real
settings; the output is read with an HTML5 parser, the feeds with feedparser, the gap
report and ``--stamp`` through ``invoke translations`` as an editor runs them.
"""

from __future__ import annotations

from pathlib import Path
import re
import sys

import feedparser
from languagecheck import SITEMAP, XHTML
from lxml import etree
from pelican import Pelican
from pelican.settings import read_settings
import pytest

from site_core.i18n import SiteLanguages
from site_core.page_translations import stamp
from site_core.problems import ContentProblems
from site_core.translations import TranslationRecord, source_digest
from sitebuild import MINIMAL_CHAPTER, ROOT, build_site, make_content, run_in_project, soup

SPANISH = "\ntranslations:\n  es:\n    campaign: Medicare para Todos\n"
HOME = "Title: Welcome\nSlug: home\nSave_as: index.html\nURL:\nTemplate: home\n\nHello.\n"
ABOUT = "Title: About us\nSlug: about\nTemplate: about\n\nWho we are.\n"


def bilingual(tmp_path: Path, files: dict[str, str]) -> Path:
    """A content folder in English and Spanish with ``files`` (and the minimal chapter)."""
    chapter = MINIMAL_CHAPTER.read_text(encoding="utf-8") + SPANISH
    return make_content(tmp_path, {"chapter.yml": chapter, **files})


def build(tmp_path: Path, content: Path, **settings) -> Path:
    return build_site(content, tmp_path / "output", **settings)


def problems(tmp_path: Path, content: Path) -> list:
    """The errors a build stops with (it must stop)."""
    with pytest.raises(ContentProblems) as stopped:
        build(tmp_path, content)
    return stopped.value.report.errors


def switcher(page) -> dict[str, tuple[str, bool]]:
    """The language switcher: language → (address, whether that version exists)."""
    return {
        li["lang"]: (li.a["href"], "language-missing" not in (li.a.get("class") or []))
        for li in page.select("ul.language-switcher li")
    }


def hreflangs(page) -> dict[str, str]:
    """The page's ``<link rel=alternate hreflang>``: language → address."""
    return {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}


def sitemap_urls(output: Path) -> list[str]:
    """Every ``<loc>`` of the built site's ``sitemap.xml``."""
    root = etree.parse(str(output / "sitemap.xml")).getroot()
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


SITE = "https://m4a.example.org"


def test_translations_are_written_under_es_with_the_originals_template_and_address(tmp_path):
    content = bilingual(
        tmp_path,
        {
            "pages/home.md": HOME,
            "pages/home.es.md": "Title: Bienvenida\n\nHola.\n",
            "pages/about.md": ABOUT,
            "pages/about.es.md": "Title: Quiénes somos\n\nQuiénes somos.\n",
            "pages/solo.md": "Title: Only in English\nSlug: solo\n\nText.\n",
        },
    )
    output = build(tmp_path, content)
    home = soup(output / "es" / "index.html")
    assert home.html["lang"] == "es"
    assert home.select_one(".hero h1").get_text(strip=True) == "Bienvenida"  # home.html kept
    about = soup(output / "es" / "about" / "index.html")  # the original's slug, not the title's
    assert about.html["lang"] == "es"
    assert about.select_one("#contact-heading").get_text(strip=True) == "Ponte en contacto"
    assert not (output / "es" / "solo").exists()
    assert not (output / "es" / "quienes-somos").exists()
    assert soup(output / "about" / "index.html").html["lang"] == "en"
    # The switcher goes to the other version, or to the home page (marked) when there is none.
    assert switcher(soup(output / "about" / "index.html")) == {"es": ("/es/about/", True)}
    assert switcher(about) == {"en": ("/about/", True)}
    assert switcher(soup(output / "solo" / "index.html")) == {"es": ("/es/", False)}
    assert hreflangs(about) == {
        "en": f"{SITE}/about/",
        "es": f"{SITE}/es/about/",
        "x-default": f"{SITE}/about/",
    }
    assert hreflangs(soup(output / "solo" / "index.html")) == {}


def test_a_translation_may_have_its_own_slug(tmp_path):
    content = bilingual(
        tmp_path,
        {
            "pages/about.md": ABOUT,
            "pages/about.es.md": "Title: Quiénes somos\nSlug: quienes-somos\n\nTexto.\n",
        },
    )
    output = build(tmp_path, content)
    assert not (output / "es" / "about").exists()
    page = soup(output / "es" / "quienes-somos" / "index.html")
    assert page.select_one("#contact-heading")  # the original's Template: about
    assert switcher(soup(output / "about" / "index.html")) == {"es": ("/es/quienes-somos/", True)}
    assert switcher(page) == {"en": ("/about/", True)}


def test_a_translations_own_slug_wins_over_its_originals_save_as(tmp_path):
    content = bilingual(
        tmp_path, {"pages/home.md": HOME, "pages/home.es.md": "Title: Inicio\nSlug: inicio\n\nI.\n"}
    )
    output = build(tmp_path, content)
    assert soup(output / "es" / "inicio" / "index.html").select_one(".hero h1")
    assert not (output / "es" / "index.html").exists()
    assert switcher(soup(output / "index.html")) == {"es": ("/es/inicio/", True)}


def test_a_draft_translation_is_not_published(tmp_path):
    content = bilingual(
        tmp_path,
        {
            "pages/about.md": ABOUT,
            "pages/about.es.md": "Title: Quiénes somos\nStatus: draft\n\nTexto.\n",
        },
    )
    output = build(tmp_path, content)
    assert not (output / "es" / "about").exists()
    assert switcher(soup(output / "about" / "index.html")) == {"es": ("/es/", False)}


def test_a_translation_of_the_hidden_404_page_is_hidden_too(tmp_path):
    notfound = "Title: Not found\nSave_as: 404.html\nURL: 404.html\nStatus: hidden\n"
    content = bilingual(
        tmp_path,
        {
            "pages/home.md": HOME,
            "pages/home.es.md": "Title: Hola\n\nHola.\n",
            "pages/404.md": notfound + "Template: notfound\n\nGone.\n",
            "pages/404.es.md": "Title: No encontrada\n\nNo está.\n",
        },
    )
    output = build(tmp_path, content)
    page = soup(output / "es" / "404.html")
    assert page.html["lang"] == "es"
    assert page.select_one("main li a")["href"] == "/es/"  # the notfound template, in Spanish
    urls = sitemap_urls(output)
    assert urls and not [url for url in urls if "404" in url]


@pytest.mark.parametrize(
    ("files", "culprit", "line", "words"),
    [
        pytest.param(
            {"pages/contact.es.md": "Title: Contacto\n\nTexto.\n"},
            "contact.es.md", 1, "translates contact.md, which does not exist",
            id="translation-of-nothing",
        ),
        pytest.param(
            {"pages/about.md": ABOUT, "pages/about.fr.md": "Title: Qui\n\nTexte.\n"},
            "about.fr.md", 1, "into fr, which the site is not in",
            id="language-the-site-is-not-in",
        ),
        pytest.param(
            {"pages/about.md": ABOUT, "pages/about.es.es.md": "Title: Dos\n\nDos.\n"},
            "about.es.es.md", 1, "which does not exist",
            id="translation-of-a-translation",
        ),
        pytest.param(
            {"pages/about.md": "Title: About\nLang: es\n\nText.\n"},
            "about.md", 2, "its file name does",
            id="lang-header",
        ),
        pytest.param(
            {
                "pages/about.md": ABOUT,
                "pages/about.es.md": "Title: A\nSlug: contacto\n\nA.\n",
                "pages/team.md": "Title: Team\n\nT.\n",
                "pages/team.es.md": "Title: Equipo\nSlug: contacto\n\nE.\n",
            },
            "team.es.md", 2, "/es/contacto/ is already the address of",
            id="two-spanish-pages-at-one-address",
        ),
        pytest.param(
            {"pages/about.md": ABOUT, "pages/about.es.md": "Title: A\nSlug: guide\n\nA.\n"},
            "about.es.md", 2, "/es/guide/ is the address of the guide",
            id="spanish-page-in-a-plugins-folder",
        ),
        pytest.param(
            {"pages/spanish.md": "Title: Spanish\nSlug: es\n\nS.\n"},
            "spanish.md", 2, "is the address of the site in es",
            id="english-page-in-the-language-folder",
        ),
        pytest.param(
            {"pages/about.md": ABOUT, "pages/about.es.md": "Title: A\nTranslation-Status: ok\n\n"},
            "about.es.md", 2, "must be one of draft, reviewed",
            id="unknown-translation-status",
        ),
        pytest.param(
            {"pages/about.md": ABOUT, "pages/about.es.md": "Title: A\nSource-Hash: abc\n\nA.\n"},
            "about.es.md", 2, "digest of the original",
            id="malformed-source-hash",
        ),
    ],
)  # fmt: skip
def test_pairing_mistakes_are_problems_with_file_and_line(tmp_path, files, culprit, line, words):
    found = problems(tmp_path, bilingual(tmp_path, files))
    mine = [p for p in found if p.path.endswith("/" + culprit)]
    assert mine, [str(p) for p in found]
    assert any(p.line == line and words in p.message and p.hint for p in mine), [
        str(p) for p in mine
    ]


NEWS = {
    "news/2026-11-20-first.md": "Title: First post\nSlug: first\nDate: 2026-11-20 10:00\n\nA.\n",
    "news/2026-11-20-first.es.md": "Title: Primera noticia\nDate: 2026-11-20 10:00\n\nLa.\n",
    "news/2026-11-21-second.md": "Title: Second post\nSlug: second\nDate: 2026-11-21 10:00\n\nB.\n",
}


def test_the_spanish_news_listing_shows_every_post_the_original_where_untranslated(tmp_path):
    output = build(tmp_path, bilingual(tmp_path, {"pages/home.md": HOME, **NEWS}))
    assert soup(output / "es" / "news" / "2026" / "first" / "index.html").html["lang"] == "es"
    listing = soup(output / "es" / "news" / "index.html")
    assert listing.html["lang"] == "es"
    assert listing.find("h1").get_text(strip=True) == "Noticias"
    cards = [
        (h.get("lang"), h.a["href"], h.a.get("hreflang"), h.get_text(strip=True))
        for h in listing.select("main article.card h2")
    ]
    assert cards == [
        ("en", "/news/2026/second/", "en", "Second post"),
        (None, "/es/news/2026/first/", None, "Primera noticia"),
    ]
    english = [h.a["href"] for h in soup(output / "news" / "index.html").select("main h2")]
    assert english == ["/news/2026/second/", "/news/2026/first/"]
    assert switcher(listing) == {"en": ("/news/", True)}


def test_the_spanish_news_listing_is_paginated_like_the_english_one(tmp_path):
    content = bilingual(tmp_path, NEWS)
    output = build(tmp_path, content, DEFAULT_PAGINATION=1)
    second = soup(output / "es" / "news" / "page" / "2" / "index.html")
    assert [h.get_text(strip=True) for h in second.select("main h2")] == ["Primera noticia"]
    assert second.select_one("a[rel=prev]")["href"] == "/es/news/"
    assert switcher(second) == {"en": ("/news/page/2/", True)}
    assert (
        soup(output / "news" / "page" / "2" / "index.html").select_one("a[rel=prev]")["href"]
        == "/news/"
    )


def feed_of(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes(), resolve_relative_uris=False, sanitize_html=False)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def test_spanish_news_has_its_own_feed_linked_from_spanish_pages(tmp_path):
    output = build(tmp_path, bilingual(tmp_path, {"pages/home.md": HOME, **NEWS}))
    spanish = feed_of(output / "es" / "feeds" / "news.atom.xml")
    assert spanish.feed.language == "es"
    assert [e.title for e in spanish.entries] == ["Primera noticia"]
    assert spanish.entries[0].link == f"{SITE}/es/news/2026/first/"
    assert (spanish.feed.link, spanish.feed.id) == (f"{SITE}/es/", f"{SITE}/es/")  # its own feed
    english = feed_of(output / "feeds" / "news.atom.xml")
    assert english.feed.language == "en"
    assert (english.feed.link, english.feed.id) == (f"{SITE}/", f"{SITE}/")
    assert [e.title for e in english.entries] == ["Second post", "First post"]
    for page, href in (
        ("es/news/index.html", "/es/feeds/news.atom.xml"),
        ("es/news/2026/first/index.html", "/es/feeds/news.atom.xml"),
        ("news/index.html", "/feeds/news.atom.xml"),
    ):
        parsed = soup(output / page)
        assert parsed.select_one("link[type='application/atom+xml']")["href"] == href
        assert [a["href"] for a in parsed.select("footer a") if "feeds" in a["href"]] == [href]


def test_no_spanish_news_no_spanish_feed_and_no_link_to_one(tmp_path):
    files = {"pages/home.md": HOME, "pages/home.es.md": "Title: Hola\n\nHola.\n"}
    files["news/2026-11-21-second.md"] = NEWS["news/2026-11-21-second.md"]
    output = build(tmp_path, bilingual(tmp_path, files))
    assert not (output / "es" / "feeds").exists()
    home = soup(output / "es" / "index.html")
    assert not home.select("link[type='application/atom+xml']")
    assert not [a for a in home.select("a[href]") if "feeds" in a["href"]]
    assert soup(output / "index.html").select("link[type='application/atom+xml']")


def test_a_site_in_one_language_has_no_es_folder_switcher_or_hreflang(tmp_path):
    content = make_content(tmp_path, {"pages/home.md": HOME, "pages/about.md": ABOUT, **{
        k: v for k, v in NEWS.items() if ".es." not in k
    }})  # fmt: skip
    output = build(tmp_path, content)
    assert not (output / "es").exists()
    for page in output.rglob("*.html"):
        parsed = soup(page)
        assert not parsed.select("ul.language-switcher"), page
        assert not parsed.select("link[hreflang]"), page
        assert not parsed.select("a[hreflang]"), page
    sitemap = etree.parse(str(output / "sitemap.xml")).getroot()
    assert sitemap_urls(output) and not list(sitemap.iter(f"{XHTML}link"))


# -- hostile content: links and odd names -----------------------------------------------------


def test_a_linked_translation_is_refused_and_not_published(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("Title: Secreto\n\nSECRET-TEXT\n", encoding="utf-8")
    content = bilingual(tmp_path, {"pages/about.md": ABOUT})
    (content / "pages" / "about.es.md").symlink_to(outside)
    found = problems(tmp_path, content)
    assert any(p.path.endswith("about.es.md") for p in found), [str(p) for p in found]
    assert not (tmp_path / "output").exists()


def test_a_suffix_that_is_no_language_stays_an_ordinary_page(tmp_path):
    content = bilingual(tmp_path, {"pages/notes.xx.md": "Title: Notes\n\nN.\n"})
    output = build(tmp_path, content)
    page = soup(output / "notes" / "index.html")
    assert page.html["lang"] == "en"
    assert switcher(page) == {"es": ("/es/", False)}


# -- the sample site ---------------------------------------------------------------------------


SAMPLE = "https://m4a.madisondsa.org"


def test_every_hreflang_of_the_sample_site_exists_and_points_back(sample_site):
    """Parse every page: each hreflang target is a written page in that language whose own
    hreflang links name this page."""
    pages = {}
    for path in sample_site.rglob("*.html"):
        url = "/" + path.relative_to(sample_site).as_posix().removesuffix("index.html")
        pages[url] = soup(path)
    paired = 0
    for url, page in pages.items():
        links = hreflangs(page)
        for lang, href in links.items():
            target = href.removeprefix(SAMPLE)
            assert target in pages, (url, lang, href)
            if lang == "x-default":
                continue
            assert pages[target].html["lang"] == lang, (url, target)
            back = {
                h.removeprefix("https://m4a.madisondsa.org")
                for h in hreflangs(pages[target]).values()
            }
            assert url in back, (url, target)
            paired += 1
    spanish = [u for u in pages if u.startswith("/es/")]
    assert {"/es/", "/es/about/", "/es/medicare-for-all/", "/es/news/"} <= set(spanish)
    assert paired >= 2 * 4


def test_the_samples_spanish_pages_are_stamped_drafts(sample_site):
    for name in ("home", "medicare-for-all", "about", "404"):
        translation = (ROOT / "content" / "pages" / f"{name}.es.md").read_text(encoding="utf-8")
        header = dict(line.split(": ", 1) for line in translation.split("\n\n", 1)[0].splitlines())
        assert header["Translation-Status"] == "draft"
        original = (ROOT / "content" / "pages" / f"{name}.md").read_text(encoding="utf-8")
        fields, body = original.split("\n\n", 1)
        title = re.search(r"(?m)^Title: (.*)$", fields)[1]
        assert header["Source-Hash"] == source_digest(title, body), name
    explainer = soup(sample_site / "es" / "medicare-for-all" / "index.html")
    assert len(explainer.select("main dl dt")) == 5  # the five principles


# -- the gap report and --stamp ----------------------------------------------------------------

INVOKE = [sys.executable, "-m", "invoke", "--search-root", str(ROOT), "translations"]


def report_states(content: Path) -> dict[str, str]:
    """``invoke translations``: each listed file → the heading it is listed under."""
    result = run_in_project(*INVOKE, "--content", str(content))
    assert result.returncode == 0, result.stderr
    states, heading = {}, None
    for line in result.stdout.splitlines():
        if line.startswith("  ") and not line.startswith("    "):
            heading = line.strip().split(":")[0]
        elif line.startswith("    ") and "[" in line:
            states[line.rsplit("[", 1)[1].split("]")[0].rsplit("/", 1)[-1]] = heading
    summary = result.stdout.splitlines()[0]
    states["summary"] = summary
    return states


def recorded_states(tmp_path: Path, content: Path) -> dict[str, str]:
    """Build ``content``; each original's state in Spanish as the build recorded it."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"),
            "CMS_ADMIN": False,
        },
    )
    Pelican(settings).run()
    units = settings["SITE_BUILD"].state(TranslationRecord).units
    return {Path(u.source).name: u.state for u in units if u.lang == "es"}


def test_the_build_records_each_page_and_post_in_its_state(tmp_path):
    join, home = source_digest("Join", "J."), source_digest("Welcome", "Hello.")
    content = bilingual(
        tmp_path,
        {
            "pages/home.md": HOME,
            # A digest copied in capitals is the same digest (as in guide and charter headers).
            "pages/home.es.md": f"Title: Hola\nSource-Hash: {home.upper()}\n\nH.\n",
            "pages/about.md": ABOUT,
            "pages/about.es.md": "Title: Quiénes\nSource-Hash: 000000000000\n\nT.\n",
            "pages/solo.md": "Title: Solo\n\nS.\n",
            "pages/team.md": "Title: Team\n\nT.\n",
            "pages/team.es.md": "Title: Equipo\n\nE.\n",
            "pages/join.md": "Title: Join\n\nJ.\n",
            "pages/join.es.md": (
                f"Title: Únete\nTranslation-Status: draft\nSource-Hash: {join}\n\nU.\n"
            ),
            "pages/help.md": "Title: Help\n\nJ.\n",
            "pages/help.es.md": (
                "Title: Ayuda\nStatus: draft\nTranslation-Status: reviewed\n"
                f"Source-Hash: {source_digest('Help', 'J.')}\n\nA.\n"
            ),
            **NEWS,
        },
    )
    assert recorded_states(tmp_path, content) == {
        "home.md": "done",
        "about.md": "outdated",
        "solo.md": "missing",
        "team.md": "unstamped",
        "join.md": "draft",
        "help.md": "draft",  # not published: a draft whatever it says
        "2026-11-20-first.md": "unstamped",
        "2026-11-21-second.md": "missing",
    }


@pytest.mark.slow  # five runs of the task, each a build
def test_the_gap_report_lists_each_state_and_stamp_makes_a_translation_current(tmp_path):
    digest = source_digest("About us", "Who we are.\n")
    home_digest = source_digest("Welcome", "Hello.\n")
    content = bilingual(
        tmp_path,
        {
            "pages/home.md": HOME,
            "pages/home.es.md": f"Title: Hola\nSource-Hash: {home_digest}\n\nHola.\n",  # done
            "pages/about.md": ABOUT,
            "pages/about.es.md": "Title: Quiénes\nSource-Hash: 000000000000\n\nT.\n",  # outdated
            "pages/solo.md": "Title: Solo\n\nS.\n",  # missing
            "pages/team.md": "Title: Team\n\nT.\n",
            "pages/team.es.md": "Title: Equipo\n\nE.\n",  # unstamped
            "pages/join.md": "Title: Join\n\nJ.\n",
            "pages/join.es.md": (
                f"Title: Únete\nTranslation-Status: draft\nSource-Hash: "
                f"{source_digest('Join', 'J.')}\n\nÚ.\n"
            ),  # draft
        },
    )
    states = report_states(content)
    assert states["summary"] == "Spanish (es): 1 of 5 translated and current"
    assert states["solo.md"].startswith("Not translated")
    assert states["about.es.md"].startswith("Changed in the original")
    assert states["team.es.md"].startswith("No Source-Hash")
    assert states["join.es.md"].startswith("Draft translations")
    assert "home.es.md" not in states

    for name in ("about.es.md", "team.es.md"):
        path = content / "pages" / name
        stamped = run_in_project(*INVOKE, "--content", str(content), "--stamp", str(path))
        assert stamped.returncode == 0, stamped.stderr
    about = (content / "pages" / "about.es.md").read_text(encoding="utf-8").splitlines()
    assert about == ["Title: Quiénes", f"Source-Hash: {digest}", "", "T."]  # replaced in place
    team = (content / "pages" / "team.es.md").read_text(encoding="utf-8").splitlines()
    assert team == ["Title: Equipo", f"Source-Hash: {source_digest('Team', 'T.')}", "", "E."]
    states = report_states(content)
    assert states["summary"] == "Spanish (es): 3 of 5 translated and current"
    assert "about.es.md" not in states and "team.es.md" not in states


def test_stamp_replaces_the_source_hash_or_adds_it_under_the_fields(tmp_path):
    content = bilingual(
        tmp_path,
        {
            "pages/about.md": ABOUT,
            "pages/about.es.md": "Title: A\nSource-Hash: 000000000000\nSlug: a\n\nT.\n",
            "pages/team.md": "Title: Team\n\nT.\n",
            "pages/team.es.md": "\ufeffTitle: Equipo\nTranslation-Status: draft\n\nE.\n\nF.\n",
        },
    )
    languages = SiteLanguages("en", ("es",))
    digest = stamp(content / "pages" / "about.es.md", languages)
    assert digest == source_digest("About us", "Who we are.\n")
    about = (content / "pages" / "about.es.md").read_text(encoding="utf-8").splitlines()
    assert about == ["Title: A", f"Source-Hash: {digest}", "Slug: a", "", "T."]
    stamp(content / "pages" / "team.es.md", languages)
    team = (content / "pages" / "team.es.md").read_text(encoding="utf-8").splitlines()
    assert team == [
        "Title: Equipo",
        "Translation-Status: draft",
        f"Source-Hash: {source_digest('Team', 'T.')}",
        "",
        "E.",
        "",
        "F.",
    ]


def test_stamp_refuses_a_file_that_translates_nothing(tmp_path):
    content = bilingual(tmp_path, {"pages/contact.es.md": "Title: Contacto\n\nC.\n"})
    path = content / "pages" / "contact.es.md"
    languages = SiteLanguages("en", ("es",))
    with pytest.raises(ValueError, match=re.escape("contact.md, which does not exist")):
        stamp(path, languages)
    with pytest.raises(ValueError, match="is not a translation"):
        stamp(content / "chapter.yml", languages)
    assert path.read_text(encoding="utf-8") == "Title: Contacto\n\nC.\n"


def test_a_build_from_pelicans_content_cache_writes_the_same_translations(tmp_path):
    """The preview rebuilds from Pelican's cache of read pages: a translation's address is
    made again each build, never prefixed twice (es/es/)."""
    content = bilingual(
        tmp_path,
        {"pages/home.md": HOME, "pages/home.es.md": "Title: Hola\n\nHola.\n", **NEWS},
    )
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    written = []
    for _ in range(2):
        output = build(tmp_path, content, **cached)
        written.append(sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html")))
    assert written[0] == written[1]
    assert {"es/index.html", "es/news/index.html", "es/news/2026/first/index.html"} <= set(
        written[1]
    )
