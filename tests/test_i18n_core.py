"""The site's languages: where each language's pages live, the interface catalogs, the
alternates of a page, and the sitemap's hreflang links (site_core's i18n foundation)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
import shutil

from babel.support import NullTranslations
from jinja2 import DictLoader, Environment
from lxml import etree
import pytest

from site_core.catalogs import domains, gaps, updated
from site_core.chapter import Chapter, load_chapter
from site_core.dates import DateStyle, DateStyles
from site_core.i18n import (
    Alternates,
    SiteLanguages,
    catalog,
    gettext,
    install,
    language_links,
    use_language,
)
from site_core.problems import ContentProblems, ProblemReport
from site_core.sitemap import Sitemap
from site_core.translations import (
    TranslationUnit,
    gap_report,
    language_of_file,
    pair_files,
    source_digest,
)
from sitebuild import MINIMAL_CHAPTER, ROOT, build_site, soup, write_tree

BILINGUAL = SiteLanguages("en", ("es",))
CATALOGS = ROOT / "theme" / "translations"


def test_each_language_lives_in_its_folder():
    assert BILINGUAL.all == ("en", "es")
    assert BILINGUAL.url("en", "events/") == "events/"
    assert BILINGUAL.url("es", "events/") == "es/events/"
    assert BILINGUAL.of_path("es/events/index.html") == "es"
    assert BILINGUAL.of_path("es.html") == "en"  # a file named es is no folder
    assert BILINGUAL.of_path("estate/index.html") == "en"
    assert BILINGUAL.strip("es/guide/x/") == "guide/x/"  # noqa: B005 (ours, not str.strip)
    assert not SiteLanguages("en").multilingual
    assert SiteLanguages("en").of_path("es/index.html") == "en"


def test_the_sample_site_is_in_english_and_spanish():
    chapter = load_chapter(ROOT / "content" / "chapter.yml", ProblemReport())
    assert chapter.languages == BILINGUAL
    spanish = chapter.in_language("es")
    assert spanish.campaign == "Medicare para Todos"
    assert spanish.sitename == f"Medicare para Todos · {chapter.name}"
    assert spanish.locale == "es_US"
    assert spanish.name == chapter.name and spanish.contact_email == chapter.contact_email
    assert spanish.state_campaign.summary != chapter.state_campaign.summary
    assert chapter.in_language("en") is chapter


def _chapter_with(tmp_path: Path, extra: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL_CHAPTER.parent, content)
    with (content / "chapter.yml").open("a", encoding="utf-8") as handle:
        handle.write(extra)
    return content


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        ("language: en\ntranslations:\n  en:\n    campaign: X\n", "site's own language"),
        ("translations:\n  xx-notalanguage:\n    campaign: X\n", "translations"),
        ("translations:\n  es:\n    campain: X\n", "campain"),
    ],
)
def test_a_wrong_translations_entry_is_a_problem_at_its_line(tmp_path, extra, needle):
    content = _chapter_with(tmp_path, extra)
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    errors = stopped.value.report.errors
    assert errors and all(e.path.endswith("chapter.yml") and e.line for e in errors)
    assert any(needle in f"{e.field} {e.message} {e.hint}" for e in errors)
    assert not (tmp_path / "output").exists()


def test_a_one_language_site_has_no_language_folder_switcher_or_hreflang(tmp_path):
    output = build_site(MINIMAL_CHAPTER.parent, tmp_path / "output")
    assert not (output / "es").exists()
    for page in output.rglob("*.html"):
        html = soup(page)
        assert html.html["lang"] == "en"
        assert not html.select(".language-switcher, link[hreflang], [hreflang]"), page
        assert not html.select('meta[property="og:locale:alternate"]')
    assert b"xhtml" not in (output / "sitemap.xml").read_bytes()


def test_a_page_not_yet_translated_links_to_the_other_languages_home_saying_so(tmp_path):
    content = _chapter_with(tmp_path, "translations:\n  es:\n    campaign: Medicare para Todos\n")
    output = build_site(content, tmp_path / "output")
    html = soup(output / "hello" / "index.html")
    assert html.html["lang"] == "en"
    (link,) = html.select(".language-switcher a")
    assert (link["href"], link["hreflang"]) == ("/es/", "es")
    assert link.get_text() == "español"
    item = link.find_parent("li")
    assert item["lang"] == "es"
    assert "no está traducida" in item.get_text()  # said in the language it offers
    assert not html.select("link[hreflang]")  # one version: no alternates to announce


def test_templates_translate_in_the_language_being_rendered_even_in_macros():
    class Generator:  # what install() needs of a Pelican generator
        env = Environment(
            loader=DictLoader(
                {
                    "macros.html": '{% macro skip() %}{{ _("Skip to content") }}{% endmacro %}',
                    "page.html": '{% from "macros.html" import skip %}{{ skip() }}|'
                    '{{ _("Volunteer") }}|<p{{ lang_attr("en") }}>',
                }
            ),
            autoescape=True,
        )

    install(Generator)
    page = Generator.env.get_template("page.html")
    assert page.render() == "Skip to content|Volunteer|<p>"
    with use_language("es", catalog(CATALOGS, "es")):
        assert page.render() == 'Saltar al contenido|Participa|<p lang="en">'
        assert gettext("Events") == "Eventos"
    assert gettext("Events") == "Events"  # outside a render: the message id


def test_dates_follow_the_page_language():
    styles = DateStyles((("en", DateStyle("en_US")), ("es", DateStyle("es_US"))))
    day = date(2026, 12, 5)
    assert styles.date(day) == "Saturday, December 5, 2026"
    with use_language("es", NullTranslations()):
        assert styles.date(day) == "sábado, 5 de diciembre de 2026"
        assert styles.month(day) == "diciembre de 2026"


def test_every_interface_string_is_translated_in_every_language_of_the_sample():
    chapter = load_chapter(ROOT / "content" / "chapter.yml", ProblemReport())
    for lang in chapter.languages.others:
        assert gaps(ROOT, lang) == [], f"run `invoke catalogs` and translate the {lang} .po files"
        stale = [p.relative_to(ROOT).as_posix() for p in updated(ROOT, lang)]
        assert stale == [], "run `invoke catalogs`: the catalogs lag behind the code"


def test_every_template_and_plugin_file_is_in_one_catalog_domain():
    files = [path for paths in domains(ROOT).values() for path in paths]
    assert len(files) == len(set(files))
    assert set(files) >= set((ROOT / "theme" / "templates").rglob("*.html"))
    assert set(files) >= set((ROOT / "plugins").rglob("*.py"))


def test_the_switcher_offers_the_same_page_or_the_home_page():
    catalogs = {"en": NullTranslations(), "es": catalog(CATALOGS, "es")}
    both = language_links(BILINGUAL, {"en": "about/", "es": "es/acerca/"}, "en", catalogs)
    assert [(x.lang, x.url, x.exists, x.current) for x in both] == [
        ("en", "about/", True, True),
        ("es", "es/acerca/", True, False),
    ]
    (_, spanish) = language_links(BILINGUAL, {"en": "guide/x/"}, "en", catalogs)
    assert (spanish.url, spanish.exists) == ("es/", False)
    assert spanish.note.startswith("esta página")


def test_the_sitemap_lists_each_pages_versions(tmp_path):
    alternates = Alternates()
    alternates.add_everywhere(BILINGUAL, "events/")
    alternates.add("guide/x/", "en", "guide/x/")
    sitemap = Sitemap("https://example.org")
    for url in ("events/", "es/events/", "guide/x/"):
        sitemap.pages[url] = None
    sitemap.write(tmp_path, alternates, BILINGUAL)
    tree = etree.parse(str(tmp_path / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    links = {
        url.findtext("s:loc", namespaces=ns): {
            x.get("hreflang"): x.get("href") for x in url.findall("x:link", ns)
        }
        for url in tree.findall("s:url", ns)
    }
    both = {
        "en": "https://example.org/events/",
        "es": "https://example.org/es/events/",
        "x-default": "https://example.org/events/",
    }
    assert links == {
        "https://example.org/events/": both,
        "https://example.org/es/events/": both,
        "https://example.org/guide/x/": {},  # one version: nothing to announce
    }


def test_translations_are_paired_by_file_name(tmp_path):
    files = [tmp_path / n for n in ("about.md", "about.es.md", "ghost.es.md", "x.fr.md", "v2.0.md")]
    report = ProblemReport()
    groups, refused = pair_files(files, BILINGUAL, report, "page")
    assert {g.source.name: sorted(g.translations) for g in groups} == {
        "about.md": ["es"],
        "v2.0.md": [],  # not a language: an ordinary file
    }
    assert {p.name for p in refused} == {"ghost.es.md", "x.fr.md"}
    said = {Path(e.path).name: e.message for e in report.errors}
    assert "does not exist" in said["ghost.es.md"]
    assert "not in" in said["x.fr.md"]
    assert language_of_file(tmp_path / "about.es.md", BILINGUAL) == (tmp_path / "about.md", "es")


def test_the_gap_report_says_what_each_translation_needs():
    digest = source_digest("Title", "Body")
    assert digest == source_digest("Title  ", "Body\r\n")  # trailing space, line ends
    assert digest != source_digest("Title", "Body changed")
    unit = {"kind": "page", "title": "About", "source": "content/pages/about.md", "lang": "es"}
    units = [
        TranslationUnit(**unit, current_hash=digest),
        TranslationUnit(**unit, current_hash=digest, translation="a.es.md", recorded_hash="0" * 12),
        TranslationUnit(**unit, current_hash=digest, translation="b.es.md"),
        TranslationUnit(
            **unit, current_hash=digest, translation="c.es.md", recorded_hash=digest, status="draft"
        ),
        TranslationUnit(**unit, current_hash=digest, translation="d.es.md", recorded_hash=digest),
    ]
    assert [u.state for u in units] == ["missing", "outdated", "unstamped", "draft", "done"]
    report = gap_report(units, BILINGUAL)
    assert report.splitlines()[0] == "Spanish (es): 1 of 5 translated and current"
    for needle in ("Not translated: 1", "Changed in the original", "No Source-Hash", "Draft"):
        assert needle in report
    assert gap_report([], SiteLanguages("en")).startswith("The site has one language")


def test_chapter_words_fall_back_to_the_original():
    chapter = Chapter.model_validate(
        {
            "name": "C",
            "city": "X",
            "region": "Y",
            "volunteer_url": "https://example.org/v",
            "contact_email": "a@example.org",
            "site_url": "https://example.org",
            "tagline": "English tagline",
            "translations": {"es": {"campaign": "Medicare para Todos"}},
        }
    )
    spanish = chapter.in_language("es")
    assert (spanish.campaign, spanish.tagline) == ("Medicare para Todos", "English tagline")


def test_a_page_in_a_language_folder_is_rendered_in_that_language(tmp_path):
    content = _chapter_with(tmp_path, "translations:\n  es:\n    campaign: Medicare para Todos\n")
    home = "Slug: home\nSave_as: index.html\nURL:\nTemplate: home\n\n"
    write_tree(  # es/ is the Spanish pages' folder: a page is there as a translation
        content,
        {
            "pages/home.md": f"Title: Home\n{home}Hello.",
            "pages/home.es.md": "Title: Inicio\n\nHola.",
            "pages/hola.md": "Title: Hello\nSlug: hola\n\nHello.",
            "pages/hola.es.md": "Title: Hola\n\nHola.",
        },
    )
    output = build_site(content, tmp_path / "output")
    html = soup(output / "es" / "hola" / "index.html")
    assert html.html["lang"] == "es"
    assert html.select_one(".skip-link").get_text() == "Saltar al contenido"
    assert html.select_one(".site-campaign").get_text() == "Medicare para Todos"
    assert html.select_one(".site-name")["href"] == "/es/"
    assert html.select_one('meta[property="og:locale"]')["content"] == "es_US"


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (  # a translator renamed a placeholder: the page would raise KeyError
            lambda po: po.replace(
                'msgstr "Campaña %(campaign)s de', 'msgstr "Campaña %(campana)s de'
            ),
            "campana",
        ),
        (lambda po: po + '\nmsgid "x"\nmsgstr "y"\ngarbage here\n', "cannot be read"),
    ],
)
def test_a_broken_catalog_is_a_problem_at_its_line_not_a_traceback(tmp_path, change, needle):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    po = theme / "translations" / "es" / "site.po"
    po.write_text(change(po.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ContentProblems) as stopped:
        build_site(ROOT / "content", tmp_path / "output", THEME=str(theme))
    (error,) = stopped.value.report.errors
    assert error.path.endswith("translations/es/site.po") and error.line
    assert needle in error.message
    assert not (tmp_path / "output").exists()
