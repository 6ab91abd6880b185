"""The guide and the charters in several languages: translations next to their originals,
the Spanish book with untranslated chapters in English (marked), the Spanish working-groups
page, alternates, the gap report's units, and translation mistakes at their line."""

from __future__ import annotations

from datetime import UTC, datetime
import os
from pathlib import Path

from lxml import etree
from pelican import Pelican
from pelican.settings import read_settings
import pytest

from site_core.problems import ContentProblems
from site_core.translations import TranslationRecord, source_digest
from sitebuild import ROOT, build_site, make_content, soup

SPANISH = "language: en\ntranslations:\n  es:\n    campaign: Medicare para Todos\n"
EDIT_BASE = "https://git.example.org/e/"


def bilingual(tmp_path: Path, files: dict[str, str]) -> Path:
    """A content folder of ``files`` whose chapter.yml puts the site in English and Spanish."""
    content = make_content(tmp_path, files)
    with (content / "chapter.yml").open("a", encoding="utf-8") as chapter:
        chapter.write(SPANISH)
    return content


def chapter(title: str, place: str, text: str, extra: str = "") -> str:
    return f"Title: {title}\nChapter: {place}\n{extra}\n{text}\n"


WHY_TEXT = "Intro.\n\n## First steps\n\nText.\n"
KEEP_TEXT = "Last text."
# Chapter 1 and 4 are translated (1 with its own slug), 2 is planned (its translation waits),
# 3 is not translated.
BOOK = {
    "guide/why.md": chapter("Why organize", "1", WHY_TEXT, "Summary: The start.\n"),
    "guide/why.es.md": chapter(
        "Por qué organizarse",
        "",
        "Introducción.\n\n## Primeros pasos\n\nTexto.\n",
        f"Slug: por-que-organizarse\nSummary: El comienzo.\n"
        f"Source-Hash: {source_digest('Why organize', WHY_TEXT)}\nTranslation-Status: draft\n",
    ).replace("Chapter: \n", ""),
    "guide/rap.md": "Title: The Rap\nChapter: 2\nStatus: planned\n",
    "guide/rap.es.md": "Title: El Rap\n\nTexto.\n",
    "guide/halls.md": chapter("Town halls", "3", "## First steps\n\nHalls."),
    "guide/keep.md": chapter("Keeping it going", "4", KEEP_TEXT),
    "guide/keep.es.md": "Title: Seguir adelante\nSource-Hash: 0123456789ab\n\nÚltimo texto.\n",
}


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    """The four-chapter guide in English and Spanish, built once."""
    tmp = tmp_path_factory.mktemp("book")
    return build_site(bilingual(tmp, BOOK), tmp / "output", GUIDE_EDIT_BASE=EDIT_BASE)


def test_a_chapter_has_a_spanish_page_only_when_translated(book):
    page = soup(book / "es" / "guide" / "por-que-organizarse" / "index.html")
    assert page.html["lang"] == "es"
    assert page.h1.get_text() == "Por qué organizarse"
    assert page.select_one("nav.breadcrumbs a").get_text() == "Guía de organización"
    assert [h["id"] for h in page.select("main article > h2[id]")] == ["primeros-pasos"]
    # "Edit this page" opens the translation's own file.
    assert page.select_one(".edit-link a")["href"] == f"{EDIT_BASE}content/guide/why.es.md"
    assert (book / "es" / "guide" / "keeping-it-going" / "index.html").exists()  # its slug
    assert not (book / "es" / "guide" / "town-halls").exists()
    assert not (book / "es" / "guide" / "why-organize").exists()
    assert not (book / "es" / "guide" / "the-rap").exists()  # planned: no page in any language


def test_the_spanish_contents_list_every_chapter_untranslated_ones_in_english(book):
    toc = soup(book / "es" / "guide" / "index.html").select("main ol.guide-toc > li")
    assert [li["value"] for li in toc] == ["1", "2", "3", "4"]
    first, planned, halls, keep = toc
    link = first.find("a")
    assert (link["href"], link.get_text()) == (
        "/es/guide/por-que-organizarse/",
        "Por qué organizarse",
    )
    assert not link.has_attr("lang") and not link.has_attr("hreflang")
    assert first.select_one("p.meta").get_text() == "El comienzo."
    assert [a["href"] for a in first.select("ul a")] == [
        "/es/guide/por-que-organizarse/#primeros-pasos"
    ]
    # Not translated: the English title, marked English, linking to the English page.
    link = halls.find("a")
    assert (link["href"], link.get_text()) == ("/guide/town-halls/", "Town halls")
    assert (link["lang"], link["hreflang"]) == ("en", "en")
    assert halls.find("ul")["lang"] == "en"
    assert halls.select_one("ul a")["hreflang"] == "en"
    # Planned: listed in English (marked), with the Spanish badge, and no link.
    assert planned.find("a") is None
    assert planned.select_one(".planned")["lang"] == "en"
    assert planned.select_one(".badge").get_text() == "aún sin escribir"
    assert keep.find("a")["href"] == "/es/guide/keeping-it-going/"


def test_spanish_previous_and_next_go_through_the_spanish_book(book):
    def nav(slug):
        return soup(book / "es" / "guide" / slug / "index.html").select_one("nav.pagination")

    first = nav("por-que-organizarse")
    assert first.find("a", rel="prev") is None
    following = first.find("a", rel="next")
    assert (following["href"], following["hreflang"]) == ("/guide/town-halls/", "en")
    assert not following.has_attr("lang")  # "Siguiente" is Spanish, the title is not
    assert following.get_text(" ", strip=True) == "Siguiente: 3. Town halls"
    assert following.span["lang"] == "en" and following.span.get_text() == "Town halls"
    assert first.find("a", rel=None)["href"] == "/es/guide/"
    last = nav("keeping-it-going")
    assert last.find("a", rel="prev")["href"] == "/guide/town-halls/"
    assert last.find("a", rel="next") is None


def test_the_spanish_print_page_has_every_written_chapter_english_ones_marked(book):
    page = soup(book / "es" / "guide" / "print" / "index.html")
    assert page.h1.get_text() == "Guía de organización de Medicare para Todos"
    chapters = page.select("main article.guide-chapter")
    assert [(c["id"], c.get("lang")) for c in chapters] == [
        ("por-que-organizarse", None),
        ("town-halls", "en"),
        ("keeping-it-going", None),
    ]
    assert chapters[0].h2.get_text() == "1. Por qué organizarse"
    assert chapters[0].select_one("h3")["id"] == "por-que-organizarse-primeros-pasos"
    contents = page.select("main ol.guide-toc a")
    assert [a.get("lang") for a in contents] == [None, "en", None]


def alternates(page) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate][hreflang]")}


def test_a_translated_chapter_names_its_versions_an_untranslated_one_does_not(book):
    english = soup(book / "guide" / "why-organize" / "index.html")
    versions = {
        "en": "https://m4a.example.org/guide/why-organize/",
        "x-default": "https://m4a.example.org/guide/why-organize/",
        "es": "https://m4a.example.org/es/guide/por-que-organizarse/",
    }
    assert alternates(english) == versions
    assert (
        alternates(soup(book / "es" / "guide" / "por-que-organizarse" / "index.html")) == versions
    )
    switch = english.select_one(".language-switcher a")
    assert (switch["href"], switch["hreflang"]) == ("/es/guide/por-que-organizarse/", "es")
    halls = soup(book / "guide" / "town-halls" / "index.html")
    assert alternates(halls) == {}
    switch = halls.select_one(".language-switcher a")
    assert switch["href"] == "/es/" and "language-missing" in switch["class"]
    assert halls.select_one(".language-switcher li")["lang"] == "es"
    for page in ("guide/index.html", "es/guide/print/index.html"):
        assert set(alternates(soup(book / page))) == {"en", "es", "x-default"}
    sitemap = etree.parse(str(book / "sitemap.xml"))
    links = sitemap.xpath(
        "//s:url[s:loc='https://m4a.example.org/guide/why-organize/']/x:link/@hreflang",
        namespaces={
            "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
            "x": "http://www.w3.org/1999/xhtml",
        },
    )
    assert sorted(links) == ["en", "es", "x-default"]


def test_a_one_language_site_has_no_spanish_guide_and_refuses_a_spanish_file(tmp_path):
    files = {k: v for k, v in {**BOOK, **CHARTERS}.items() if ".es." not in k}
    output = build_site(make_content(tmp_path, files), tmp_path / "output")
    assert not (output / "es").exists()
    for written in ("guide/index.html", "guide/print/index.html", "working-groups/index.html"):
        page = soup(output / written)
        assert [tag.name for tag in page.select("[lang]")] == ["html"], written
        assert page.select("[hreflang]") == [], written
    page = soup(output / "guide" / "why-organize" / "index.html")
    assert page.html["lang"] == "en"
    assert page.select_one(".language-switcher") is None
    assert alternates(page) == {}
    assert page.select_one("a[rel=next]").get_text(strip=True) == "Next: 3. Town halls"
    content = make_content(
        tmp_path / "again", {**files, "guide/why.es.md": BOOK["guide/why.es.md"]}
    )
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "again" / "output")
    (problem,) = stopped.value.report.errors
    assert (problem.path, problem.line, problem.field) == (
        "content/guide/why.es.md",
        1,
        "file name",
    )
    assert "which the site is not in" in problem.message


def units_of(content: Path, output: Path) -> dict:
    """The gap report's units of a check build of ``content``, by (kind, source)."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "CACHE_PATH": str(output.parent / "cache"),
            "CMS_ADMIN": False,
            "CHECK_ONLY": True,
        },
    )
    with pytest.raises(SystemExit) as stopped:
        Pelican(settings).run()
    assert stopped.value.code == 0
    record = settings["SITE_BUILD"].state(TranslationRecord)
    return {(u.kind, u.source): u for u in record.units}


def test_each_written_chapter_and_each_charter_is_a_unit_of_the_gap_report(tmp_path):
    files = {**BOOK, **CHARTERS}
    units = units_of(bilingual(tmp_path, files), tmp_path / "output")
    assert {(kind, source.rsplit("/", 1)[1]) for kind, source in units} == {
        ("guide chapter", "why.md"),
        ("guide chapter", "halls.md"),
        ("guide chapter", "keep.md"),
        ("charter", "housing.md"),
        ("charter", "labor.md"),
    }  # a planned chapter has no text to translate
    why = units[("guide chapter", "content/guide/why.md")]
    assert (why.lang, why.title, why.translation) == (
        "es",
        "Why organize",
        "content/guide/why.es.md",
    )
    assert why.current_hash == source_digest("Why organize", WHY_TEXT)
    assert why.state == "draft"
    assert units[("guide chapter", "content/guide/halls.md")].state == "missing"
    keep = units[("guide chapter", "content/guide/keep.md")]
    assert (keep.recorded_hash, keep.state) == ("0123456789ab", "outdated")
    housing = units[("charter", "content/charters/housing.md")]
    assert housing.current_hash == source_digest("Housing Working Group", "The text.")
    assert (housing.translation, housing.state) == ("content/charters/housing.es.md", "unstamped")
    assert units[("charter", "content/charters/labor.md")].state == "missing"


def problems_of(tmp_path: Path, files: dict[str, str]):
    """Build ``files`` (English and Spanish), which should fail: (errors, warnings) keyed by
    (file name, line)."""
    with pytest.raises(ContentProblems) as stopped:
        build_site(bilingual(tmp_path, files), tmp_path / "output")
    report = stopped.value.report

    def keyed(problems):
        return {(p.path.rsplit("/", 1)[1], p.line): p for p in problems}

    return keyed(report.errors), keyed(report.warnings)


def test_translation_mistakes_are_reported_at_their_line_with_a_fix(tmp_path):
    original = chapter("One", "1", "Text.")
    errors, warnings = problems_of(
        tmp_path,
        {
            "guide/one.md": original,
            "guide/one.es.md": "Title: Uno\nChapter: 2\nStatus: planned\n\nTexto.\n",
            "guide/two.md": chapter("Two", "2", "Text."),
            "guide/two.es.md": "Title: Dos\nSource-Hash: nothex\nTranslation-Status: drafts\n\nT.",
            "guide/three.md": chapter("Three", "3", "Text."),
            "guide/three.es.md": "Title: Tres\nSlug: one\n\nTexto.\n",  # one.es.md's address
            "guide/four.md": chapter("Four", "4", "Text."),
            "guide/four.es.md": "Title: Cuatro\nSlug: print\n\nTexto.\n",
            "guide/five.md": chapter("Five", "5", "Text."),
            "guide/five.es.md": "Title: Cinco\n",
            "guide/oen.es.md": "Title: Uno\n\nTexto.\n",
            "guide/one.fr.md": "Title: Un\n\nTexte.\n",
            "guide/one.en.md": "Title: One\n\nText.\n",
        },
    )
    assert errors[("oen.es.md", 1)].message == "translates oen.md, which does not exist"
    assert "which the site is not in" in errors[("one.fr.md", 1)].message
    assert errors[("one.en.md", 1)].message == "names the site's own language (en)"
    hash_error = errors[("two.es.md", 2)]
    assert hash_error.field == "source-hash"
    assert hash_error.message.startswith("must be the 12 letters and digits of the original's")
    assert "invoke translations" in hash_error.hint
    assert errors[("two.es.md", 3)].hint == "did you mean 'draft'?"
    assert errors[("three.es.md", 2)].field == "slug"
    assert "content/guide/one.es.md" in errors[("three.es.md", 2)].message
    assert (
        errors[("four.es.md", 2)].message
        == "the address /es/guide/print/ is the guide's own print page"
    )
    assert errors[("five.es.md", 2)].message == "has no text"
    assert len(errors) == 8
    # The place and status are the original's: a different one is a warning, and ignored.
    moved = warnings[("one.es.md", 2)]
    assert (moved.field, moved.message) == (
        "chapter",
        "says '2', but a translation follows its original (1); this line is ignored",
    )
    assert moved.hint == "remove the 'Chapter:' line"
    assert warnings[("one.es.md", 3)].field == "status"


def test_a_translation_of_a_planned_chapter_waits_for_the_original(tmp_path):
    files = {"guide/rap.md": BOOK["guide/rap.md"], "guide/rap.es.md": BOOK["guide/rap.es.md"]}
    content = bilingual(tmp_path, files)
    output = build_site(content, tmp_path / "output")
    assert not (output / "es" / "guide" / "the-rap").exists()
    planned = soup(output / "es" / "guide" / "index.html").select_one("main .planned")
    assert (planned.get_text(), planned["lang"]) == ("The Rap", "en")


def test_a_linked_translation_is_refused_and_what_it_points_to_is_never_read(tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("Title: Secret\n\nThe secret text.\n", encoding="utf-8")
    content = bilingual(tmp_path, {"guide/one.md": chapter("One", "1", "Text.")})
    os.symlink(secret, content / "guide" / "one.es.md")
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    (problem,) = stopped.value.report.errors
    assert problem.path == "content/guide/one.es.md"
    assert problem.message == "is a symbolic link, which the build never follows"
    assert not (tmp_path / "output").exists()


# -- charters ----------------------------------------------------------------------------

CHARTER = (
    "Working group: {name}\nChapter: Test DSA\nStatus: {status}\n{more}"
    "Reports to: Test DSA Chapter\n\nThe text.\n"
)
CHARTERS = {
    "charters/housing.md": CHARTER.format(
        name="Housing Working Group", status="adopted", more="Adopted: 2019-02-03\n"
    ),
    "charters/housing.es.md": "Working group: Grupo de Trabajo de Vivienda\nChapter: Test DSA\n"
    "Reports to: Asamblea de Test DSA\nSlug: vivienda\nSummary: Vivienda digna.\n\nEl texto.\n",
    "charters/labor.md": CHARTER.format(name="Labor Working Group", status="proposed", more=""),
}
GROUP_EVENTS = """
- title: Canvass training
  type: training
  start: 2027-01-09 10:00
  location: Library
  working_group: housing-working-group
"""


@pytest.fixture(scope="module")
def groups(tmp_path_factory) -> Path:
    """Two charters, one translated, and an event of the translated one's group, built once."""
    tmp = tmp_path_factory.mktemp("groups")
    content = bilingual(tmp, {**CHARTERS, "events/e.yml": GROUP_EVENTS})
    return build_site(content, tmp / "output", BUILD_DATE=datetime(2027, 1, 1, tzinfo=UTC))


def test_the_spanish_working_groups_page_lists_every_charter(groups):
    page = soup(groups / "es" / "working-groups" / "index.html")
    assert page.html["lang"] == "es"
    assert page.h1.get_text() == "Grupos de trabajo"
    housing, labor = page.select("main .charter-card")
    link = housing.h2.a
    assert (link["href"], link.get_text()) == (
        "/es/working-groups/vivienda/",
        "Grupo de Trabajo de Vivienda",
    )
    assert not link.has_attr("lang")
    assert housing.select_one(".badge").get_text() == "Adoptada"
    assert housing.time.get_text() == "domingo, 3 de febrero de 2019"
    meta = housing.select_one("p.meta").get_text(" ", strip=True)
    assert "Rinde cuentas a Asamblea de Test DSA" in meta
    link = labor.h2.a
    assert (link["href"], link["lang"], link["hreflang"]) == (
        "/working-groups/labor-working-group/",
        "en",
        "en",
    )
    assert labor.select_one(".badge").get_text() == "Propuesta"
    reports = labor.select_one("p.meta span[lang=en]")
    assert reports.get_text() == "Test DSA Chapter"


def test_a_charter_has_a_spanish_page_only_when_translated(groups):
    page = soup(groups / "es" / "working-groups" / "vivienda" / "index.html")
    assert page.h1.get_text() == "Carta fundacional: Grupo de Trabajo de Vivienda"
    meta = {
        div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True)
        for div in page.select("main dl.charter-meta > div")
    }
    assert meta == {  # the status and date are the original's
        "Estado": "Adoptada",
        "Fecha de adopción": "domingo, 3 de febrero de 2019",
        "Sección": "Test DSA",
        "Rinde cuentas a": "Asamblea de Test DSA",
    }
    assert page.select_one("nav.breadcrumbs a")["href"] == "/es/working-groups/"
    assert page.select_one(".charter-text").get_text(strip=True) == "El texto."
    events = page.find(id="group-events").parent
    assert events.h2.get_text() == "Eventos de este grupo"
    assert "9 de enero de 2027" in events.select_one("li time").get_text()
    listing = events.select("p a")[-1]
    assert listing["href"] == "/es/events/group/housing-working-group/"
    assert listing.get_text() == "Todos los próximos eventos: Grupo de Trabajo de Vivienda"
    assert not (groups / "es" / "working-groups" / "labor-working-group").exists()
    assert not (groups / "es" / "working-groups" / "housing-working-group").exists()


def test_charter_alternates_follow_what_is_translated(groups):
    english = soup(groups / "working-groups" / "housing-working-group" / "index.html")
    assert alternates(english) == {
        "en": "https://m4a.example.org/working-groups/housing-working-group/",
        "x-default": "https://m4a.example.org/working-groups/housing-working-group/",
        "es": "https://m4a.example.org/es/working-groups/vivienda/",
    }
    labor = soup(groups / "working-groups" / "labor-working-group" / "index.html")
    assert alternates(labor) == {}
    assert labor.select_one(".language-switcher a")["href"] == "/es/"
    listing = soup(groups / "es" / "working-groups" / "index.html")
    assert alternates(listing)["en"] == "https://m4a.example.org/working-groups/"


def test_a_charter_translation_states_no_status_or_date_of_its_own(tmp_path):
    translation = CHARTERS["charters/housing.es.md"].replace(
        "Chapter: Test DSA\n", "Chapter: Test DSA\nStatus: retired\nAdopted: 2020-01-01\n"
    )
    files = {**CHARTERS, "charters/housing.es.md": translation, "charters/nada.es.md": "x\n"}
    errors, warnings = problems_of(tmp_path, files)
    assert errors[("nada.es.md", 1)].message == "translates nada.md, which does not exist"
    assert len(errors) == 1
    assert warnings[("housing.es.md", 3)].message == (
        "says 'retired', but a translation follows its original (adopted); this line is ignored"
    )
    assert warnings[("housing.es.md", 4)].message == (
        "says '2020-01-01', but a translation follows its original (2019-02-03); "
        "this line is ignored"
    )


# -- the sample site ----------------------------------------------------------------------


def test_the_samples_chapter_8_in_spanish_keeps_the_originals_structure(sample_site):
    english = soup(sample_site / "guide" / "electoral-work" / "index.html").select_one(
        "main article"
    )
    page = soup(sample_site / "es" / "guide" / "trabajo-electoral" / "index.html")
    spanish = page.select_one("main article")
    assert spanish.h1.get_text() == (
        "Integrar tu campaña por Medicare para Todos en el trabajo electoral"
    )

    def shape(article):
        return (
            len(article.find_all("h2", id=True, recursive=False)),
            [div["class"] for div in article.select("div.admonition")],
            len(article.select("div.admonition.checklist li")),
            len(article.find_all("p", recursive=False)),
        )

    assert shape(spanish) == shape(english)
    raps = [r.select_one(".admonition-title").get_text() for r in spanish.select(".rap")]
    assert raps == ["PETICIÓN", "INOCULACIÓN", "VISIÓN"]
    # Every other chapter is planned, so the Spanish book lists them in English.
    toc = soup(sample_site / "es" / "guide" / "index.html").select("main ol.guide-toc > li")
    assert [li.find(["a", "span"]).get("lang") for li in toc].count(None) == 1


def test_the_samples_spanish_chapter_is_a_current_draft(tmp_path):
    units = units_of(ROOT / "content", tmp_path / "output")
    unit = units[("guide chapter", "content/guide/electoral-work.md")]
    assert (unit.translation, unit.state) == ("content/guide/electoral-work.es.md", "draft")
    assert units[("charter", "content/charters/medicare-for-all.md")].state == "missing"
