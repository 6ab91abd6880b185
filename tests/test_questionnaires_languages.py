"""Questionnaires in a site in English and Spanish: every page in both, the interface in the
page's language, the questions translated (or marked English), each answer in the language
the candidate wrote it in, and the problems of the translation files at their lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader
from lxml import etree
import pytest
import yaml

from questionnaires.generator import home_endorsements
from questionnaires.model import QuestionnaireFields
from questionnaires.read import read_questionnaires
from questionnaires.translated import questionnaire_digest, translation_units
from site_core.dates import DateStyle, DateStyles
from site_core.i18n import SiteLanguages, catalog, install, use_language
from site_core.problems import ContentProblems, ProblemReport
from sitebuild import MINIMAL_CHAPTER, ROOT, build_site, make_content, soup

SPANISH_CHAPTER = MINIMAL_CHAPTER.read_text() + (
    "translations:\n  es:\n    campaign: Medicare para Todos\n"
)
Q = "questionnaires/spring"
QUESTIONNAIRE = """---
title: Council questionnaire
election:
  name: Spring Election
  date: 2099-04-06
offices:
  - Council
sent: 2026-10-05
questions:
  - id: single-payer
    text: Do you support single-payer Medicare for All?
  - id: money
    text: Will you refuse money from insurers?
  - id: housing
    text: Will you vote for social housing?
---
We publish every answer.
"""
QUESTIONNAIRE_ES = """---
source_hash: {digest}
translation_status: draft
title: Cuestionario del Concejo
questions:
  single-payer: ¿Apoya Medicare para Todos con pagador único?
  money: ¿Rechazará el dinero de las aseguradoras?
---
Publicamos cada respuesta.
"""
SHEET = """---
name: {name}
office: Council
received: 2026-10-19
endorsement:
  status: endorsed
  voted: 2026-11-05
{extra}---
## single-payer

{first}

## money

{second}

## housing

{third}
"""
ANA_ES = """## single-payer

Sí, sin condiciones.

## housing

Sí, vivienda social.
"""
BASE = "candidates/spring"
PAGES = ["candidates/", f"{BASE}/", f"{BASE}/compare/", f"{BASE}/ana/", f"{BASE}/bob/"]


def sheet(name: str, answers: tuple[str, str, str], extra: str = "") -> str:
    """An answer sheet of an endorsed candidate with three answers."""
    first, second, third = answers
    return SHEET.format(name=name, extra=extra, first=first, second=second, third=third)


def digest() -> str:
    """The Source-Hash of QUESTIONNAIRE, as ``invoke translations`` shows it."""
    front, _, intro = QUESTIONNAIRE.removeprefix("---\n").partition("---\n")
    return questionnaire_digest(QuestionnaireFields.model_validate(yaml.safe_load(front)), intro)


def files(**extra: str) -> dict[str, str]:
    """A bilingual site: Ana answered in English and in Spanish, Bob in English only,
    Carla (``language: es``) in Spanish only."""
    return {
        "chapter.yml": SPANISH_CHAPTER,
        f"{Q}/questionnaire.md": QUESTIONNAIRE,
        f"{Q}/questionnaire.es.md": QUESTIONNAIRE_ES.format(digest=digest()),
        f"{Q}/ana.md": sheet("Ana", ("Yes, without conditions.", "Yes, always.", "")),
        f"{Q}/ana.es.md": ANA_ES,
        f"{Q}/bob.md": sheet("Bob", ("Yes.", "No.", "Maybe.")),
        f"{Q}/carla.md": sheet(
            "Carla", ("Sí.", "Sí, siempre.", "Claro que sí."), extra="language: es\n"
        ),
        **extra,
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The bilingual site, built once."""
    tmp = tmp_path_factory.mktemp("bilingual")
    return build_site(make_content(tmp, files()), tmp / "output")


def text(node) -> str:
    """The visible text of a node, whitespace collapsed."""
    return " ".join(node.get_text().split())


def answers(page) -> dict[str, tuple[str, str | None]]:
    """Question id → (the answer's text, its lang attribute) on a candidate page."""
    found = {}
    for section in page.select("main section.qa"):
        body = section.select_one(".answer, .no-answer")
        found[section.h3["id"]] = (text(body), body.get("lang"))
    return found


def test_every_page_exists_in_spanish_with_a_spanish_interface(site):
    for url in PAGES:
        page = soup(site / "es" / url / "index.html")
        assert page.html["lang"] == "es", url
    index = soup(site / "es" / "candidates" / "index.html")
    assert text(index.find("h1")) == "Candidaturas y respaldos"
    assert index.select_one("main .candidate-list a")["href"] == f"/es/{BASE}/ana/"
    badges = {text(b) for b in index.select("main .badge")}
    assert badges == {"Respaldada"}
    bob = soup(site / "es" / BASE / "bob" / "index.html")
    facts = [text(dt) for dt in bob.select(".facts dt")]
    assert facts == ["Respaldo", "Respuestas recibidas"]
    assert text(bob.select_one(".facts dd time")) == "lunes, 19 de octubre de 2026"
    history = [text(li) for li in bob.select("ol.history li")]
    assert history[-1] == "jueves, 5 de noviembre de 2026: Los miembros votaron respaldar"
    assert text(bob.select_one("main h3 .question-number")) == "Pregunta 1"
    compare = soup(site / "es" / BASE / "compare" / "index.html")
    assert text(compare.find("h1")) == "Comparar las respuestas"
    assert compare.select_one("main .compare h4 a")["href"].startswith(f"/es/{BASE}/")
    spring = soup(site / "es" / BASE / "index.html")
    assert "Respondió 3 de 3 preguntas" in text(spring.select_one("main .card"))


def test_questions_are_in_spanish_and_a_missing_one_is_english_marked(site):
    spring = soup(site / "es" / BASE / "index.html")
    assert text(spring.find("h1")) == "Cuestionario del Concejo"
    assert spring.find("h1").get("lang") is None
    assert text(spring.select_one("main .prose")) == "Publicamos cada respuesta."
    questions = [(text(li), li.get("lang")) for li in spring.select("ol.questions li")]
    assert questions == [
        ("¿Apoya Medicare para Todos con pagador único?", None),
        ("¿Rechazará el dinero de las aseguradoras?", None),
        ("Will you vote for social housing?", "en"),
    ]
    english = soup(site / BASE / "index.html")
    assert text(english.select_one("ol.questions li")) == (
        "Do you support single-payer Medicare for All?"
    )
    assert not english.select("main [lang]")


def test_english_answers_are_marked_english_on_spanish_pages(site):
    assert answers(soup(site / "es" / BASE / "bob" / "index.html")) == {
        "single-payer": ("Yes.", "en"),
        "money": ("No.", "en"),
        "housing": ("Maybe.", "en"),
    }
    assert answers(soup(site / BASE / "bob" / "index.html")) == {
        "single-payer": ("Yes.", None),
        "money": ("No.", None),
        "housing": ("Maybe.", None),
    }


def test_a_bilingual_candidate_shows_each_language_on_its_page(site):
    # Ana: single-payer in both, money in English only, housing in Spanish only.
    assert answers(soup(site / "es" / BASE / "ana" / "index.html")) == {
        "single-payer": ("Sí, sin condiciones.", None),
        "money": ("Yes, always.", "en"),
        "housing": ("Sí, vivienda social.", None),
    }
    assert answers(soup(site / BASE / "ana" / "index.html")) == {
        "single-payer": ("Yes, without conditions.", None),
        "money": ("Yes, always.", None),
        "housing": ("Sí, vivienda social.", "es"),
    }
    compare = soup(site / "es" / BASE / "compare" / "index.html")
    first = compare.select_one("#council-single-payer").find_parent("section")
    assert [text(a) for a in first.select(".answer")] == ["Sí, sin condiciones.", "Yes.", "Sí."]


def test_answers_written_in_spanish_are_marked_on_english_pages(site):
    english = answers(soup(site / BASE / "carla" / "index.html"))
    assert {lang for _, lang in english.values()} == {"es"}
    spanish = answers(soup(site / "es" / BASE / "carla" / "index.html"))
    assert spanish["housing"] == ("Claro que sí.", None)


def test_every_page_links_its_other_language(site):
    for url in PAGES:
        for prefix, lang in (("", "en"), ("es/", "es")):
            page = soup(site / prefix / url / "index.html")
            assert page.html["lang"] == lang
            links = {
                link["hreflang"]: link["href"]
                for link in page.select("link[rel=alternate][hreflang]")
            }
            assert links == {
                "en": f"https://m4a.example.org/{url}",
                "x-default": f"https://m4a.example.org/{url}",
                "es": f"https://m4a.example.org/es/{url}",
            }, (prefix, url)
    sitemap = etree.parse(str(site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    url = sitemap.xpath(f"//s:url[s:loc='https://m4a.example.org/{BASE}/ana/']", namespaces=ns)
    assert url, "the candidate's page is in the sitemap"
    assert {x.get("hreflang") for x in url[0].xpath("x:link", namespaces=ns)} >= {"en", "es"}


def test_spanish_share_image_says_the_decision_in_spanish(site):
    page = soup(site / "es" / BASE / "ana" / "index.html")
    image = page.select_one('meta[property="og:image"]')["content"]
    assert image == f"https://m4a.example.org/es/{BASE}/ana/share.png"
    assert "Respaldada" in page.select_one('meta[property="og:image:alt"]')["content"]
    spanish = (site / "es" / BASE / "ana" / "share.png").read_bytes()
    assert spanish.startswith(b"\x89PNG")
    assert spanish != (site / BASE / "ana" / "share.png").read_bytes()


def test_a_site_in_one_language_is_unchanged(tmp_path):
    content = files()
    del content["chapter.yml"], content[f"{Q}/questionnaire.es.md"], content[f"{Q}/ana.es.md"]
    content[f"{Q}/carla.md"] = content[f"{Q}/carla.md"].replace("language: es\n", "")
    output = build_site(make_content(tmp_path, content), tmp_path / "output")
    assert not (output / "es").exists()
    for url in PAGES:
        page = soup(output / url / "index.html")
        assert page.html["lang"] == "en"
        assert not page.select("link[hreflang]"), url
        assert not page.select("main [lang]"), url


def test_gap_report_lists_the_questionnaire_not_the_answers(tmp_path):
    content = make_content(tmp_path, files())
    report = ProblemReport(root=tmp_path)
    languages = SiteLanguages("en", ("es",))
    (questionnaire,) = read_questionnaires(
        content / "questionnaires", report, "candidates", "US", languages
    )
    assert not report.errors
    units = translation_units(questionnaire, languages.others)
    states = {unit.title.split(": ", 1)[1]: unit.state for unit in units}
    assert states == {
        "introduction": "draft",
        "question single-payer": "draft",
        "question money": "draft",
        "question housing": "missing",
    }
    assert {unit.source for unit in units} == {f"content/{Q}/questionnaire.md"}
    assert units[1].translation == f"content/{Q}/questionnaire.es.md:6"
    questionnaire.digest = "0" * 12  # the English changed since it was translated
    assert {u.state for u in translation_units(questionnaire, ("es",))} == {"outdated", "missing"}


def problems_of(tmp_path, **extra: str) -> list[str]:
    """The build's problems (file:line: field: message; hint) for the site plus ``extra``."""
    content = make_content(tmp_path, files(**extra))
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    return [str(problem) for problem in stopped.value.report.errors]


def test_problems_of_translation_files_are_at_their_lines(tmp_path):
    found = problems_of(
        tmp_path,
        **{
            f"{Q}/questionnaire.es.md": QUESTIONNAIRE_ES.format(digest="abcdef012345").replace(
                "  money:", "  mony:"
            ),
            f"{Q}/questionnaire.fr.md": "---\ntitle: Questionnaire\n---\n",
            f"{Q}/bob.en.md": "## money\n\nNo.\n",
            f"{Q}/dan.es.md": "## money\n\nNo.\n",
            f"{Q}/bob.es.md": "---\noffice: Council\n---\n## money\n\nNo.\n",
            f"{Q}/carla.es.md": "## money\n\nSí.\n",
        },
    )
    expected = {
        f"content/{Q}/questionnaire.es.md:7: questions.mony": "did you mean 'money'?",
        f"content/{Q}/questionnaire.fr.md:1: file name": "which the site is not in",
        f"content/{Q}/bob.en.md:1: file name": "names the site's own language (en)",
        f"content/{Q}/dan.es.md:1: file name": "translates dan.md, which does not exist",
        f"content/{Q}/bob.es.md:2: office": "written once in bob.md",
        f"content/{Q}/carla.es.md:1: file name": "are Spanish already (its 'language: es')",
    }
    for where, words in expected.items():
        assert any(p.startswith(where) and words in p for p in found), (where, found)
    assert len(found) == len(expected), found


@pytest.mark.parametrize(
    ("digest", "fix"),
    [("x", "invoke translations"), ("123456789012", "put the digest in quotes")],
)
def test_a_mistyped_source_hash_is_a_problem_at_its_line(tmp_path, digest, fix):
    (found,) = problems_of(
        tmp_path, **{f"{Q}/questionnaire.es.md": QUESTIONNAIRE_ES.format(digest=digest)}
    )
    assert found.startswith(f"content/{Q}/questionnaire.es.md:2: source_hash")
    assert fix in found


def test_the_privacy_guard_reads_answers_in_spanish(tmp_path):
    found = problems_of(
        tmp_path,
        **{
            f"{Q}/ana.es.md": ANA_ES
            + "\n## money\n\nSí.\nEscríbame a ana arroba example punto org.\n"
            + "\nO llame al seis cero ocho, cinco cinco cinco, cero uno dos tres.\n",
        },
    )
    assert found == [
        f"content/{Q}/ana.es.md:12: money: this answer contains an e-mail address; personal"
        " contact information is not published; remove it, or if it is public on purpose add"
        " 'money' to 'public_contact:'",
        f"content/{Q}/ana.es.md:14: money: this answer contains a phone number; personal"
        " contact information is not published; remove it, or if it is public on purpose add"
        " 'money' to 'public_contact:'",
    ]


def test_public_contact_of_a_spanish_answer_is_its_own_files(tmp_path):
    spanish = "---\npublic_contact:\n  - money\n---\n## money\n\nLlame al (608) 555-0134.\n"
    content = make_content(tmp_path, files(**{f"{Q}/ana.es.md": spanish}))
    output = build_site(content, tmp_path / "output")
    page = soup(output / "es" / BASE / "ana" / "index.html")
    assert answers(page)["money"] == ("Llame al (608) 555-0134.", None)


def test_home_page_endorsements_in_spanish(tmp_path):
    """The home page's partial, rendered as the Writer renders a page under ``es/``."""
    rescinded = sheet("Dora", ("Yes.", "Yes.", "Yes.")).replace(
        "  status: endorsed\n",
        "  status: rescinded\n  rescinded: 2026-11-19\n  reason: She took insurer money.\n",
    )
    content = make_content(tmp_path, files(**{f"{Q}/dora.md": rescinded}))
    languages = SiteLanguages("en", ("es",))
    questionnaires = read_questionnaires(
        content / "questionnaires", ProblemReport(root=tmp_path), "candidates", "US", languages
    )
    env = Environment(loader=FileSystemLoader(ROOT / "theme" / "templates"), autoescape=True)
    install(SimpleNamespace(env=env))
    env.filters.update(
        DateStyles((("en", DateStyle("en_US")), ("es", DateStyle("es_US")))).filters()
    )
    partial = env.get_template("partials/home_endorsements.html")
    context = {
        "LANG_ROOT": "/es",
        "questionnaire_index_url": "candidates/",
        "questionnaire_endorsements": home_endorsements(questionnaires, date(2027, 1, 1)),
    }
    with use_language("es", catalog(ROOT / "theme" / "translations", "es")):
        page = BeautifulSoup(partial.render(context), "html5lib")
    assert text(page.find("h2")) == "Respaldos"
    notice = page.select_one(".callout.rescinded")
    assert text(notice.h3) == "Retirado el respaldo a Dora"
    assert "El jueves, 19 de noviembre de 2026 los miembros votaron retirar" in text(notice)
    assert notice.select_one("[lang=en]").get_text() == "She took insurer money."
    links = [a["href"] for a in page.select("a")]
    assert links[-1] == "/es/candidates/"
    assert f"/es/{BASE}/ana/" in links
    assert text(page.select_one(".endorsements .badge")) == "Respaldada"


def test_a_sheet_in_another_language_on_a_one_language_site_is_marked(tmp_path):
    content = files()
    del content["chapter.yml"], content[f"{Q}/questionnaire.es.md"], content[f"{Q}/ana.es.md"]
    output = build_site(make_content(tmp_path, content), tmp_path / "output")
    assert not (output / "es").exists()
    carla = answers(soup(output / BASE / "carla" / "index.html"))
    assert carla["money"] == ("Sí, siempre.", "es")
    assert {lang for _, lang in carla.values()} == {"es"}


def test_fields_of_an_answers_file_must_be_a_block_of_fields(tmp_path):
    found = problems_of(tmp_path, **{f"{Q}/ana.es.md": "---\n- money\n---\n## money\n\nSí.\n"})
    assert len(found) == 1
    assert found[0].startswith(f"content/{Q}/ana.es.md:2: must be a block of 'field: value' lines")
