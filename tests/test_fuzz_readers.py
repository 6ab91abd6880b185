"""Fuzzing the readers: whatever an editor (or an attacker) commits, reading and validating it
ends in a result or in problems, never an exception, a hang or a crash.

Hypothesis mutates the sample site's own files (events, chapter.yml, a questionnaire and an
answer sheet, pages and news with their ``Field: value`` header, a guide chapter, a charter,
and the Spanish translations of a guide chapter and of a charter)
and a record of published addresses with the characters YAML and Markdown give meaning to,
and also writes random YAML made of the models' own field names. Each input goes through
the same functions the build reads that kind of file with, without a Pelican build per
example. ``derandomize`` and no example database: CI runs the same examples every time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
import re

from hypothesis import HealthCheck, given, settings, strategies as st
from pelican.settings import read_settings
import pytest
import yaml

from charters.generator import read_charter, read_translation as read_charter_translation
from events.entry import EVENT_TYPES, REPEATS, EventEntry, EventTranslation
from events.loader import read_file
from events.rules import BuildFacts
from guide.generator import _Converters, read_chapter, read_translation as read_chapter_translation
from questionnaires.model import (
    CandidateFields,
    QuestionnaireTranslationFields,
    SheetTranslationFields,
)
from questionnaires.read import read_questionnaire, read_sheet
from questionnaires.translated import read_questionnaire_translation
from site_core.chapter import Chapter, load_chapter
from site_core.i18n import SiteLanguages
from site_core.page_headers import check_markdown_file
from site_core.plugin import theme_templates
from site_core.problems import ProblemReport
from site_core.published import RECORD_FILE, Published, RecordEntry, match, read_record
from sitebuild import ROOT

#: Hundreds of generated files a reader: in the whole suite, not the fast half.
pytestmark = pytest.mark.slow

CONTENT = ROOT / "content"
QUESTIONNAIRE = next(CONTENT.glob("questionnaires/*/questionnaire.md"))
#: A sample sheet with answers in Spanish too (``<candidate>.es.md``).
BILINGUAL = next(p for p in QUESTIONNAIRE.parent.glob("*.es.md") if p.stem != "questionnaire.es")
BILINGUAL_SOURCE = BILINGUAL.with_name(BILINGUAL.name.replace(".es.md", ".md"))
#: A site in English and Spanish, so that events' translations are read as in the sample.
FACTS = BuildFacts(
    "America/Chicago",
    datetime(2026, 11, 25, 12, tzinfo=UTC),
    "example.org",
    SiteLanguages("en", ("es",)),
)
SETTINGS = read_settings(
    str(ROOT / "pelicanconf.py"), override={"PATH": str(CONTENT), "THEME": str(ROOT / "theme")}
)
TEMPLATES = theme_templates(SETTINGS)
CONVERTERS = _Converters(SETTINGS)  # Markdown objects made once, as a build makes them once

FUZZ = settings(
    max_examples=100,
    deadline=timedelta(seconds=5),  # a hang fails; reading takes milliseconds (5 s: shared CI)
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: What YAML and Markdown give meaning to, and values that have broken parsers before.
TOKENS = [
    ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "&", "*", "!", "!!str ",
    "!!python/object:os.system ", "|", ">", "|-", "'", '"', "#", "%", "@", "`", "?", "? ",
    "<<: ", "~", "null", "\t", "\n", "\r\n", "\r", "  ", "    ", "---", "...", "\ufeff",
    "\x00", "\x85", "\u2028", "é", "😀", "\\", "\\u0000", "2026-02-30", "2026-12-05 25:61",
    "9999-12-31", "0001-01-01 00:00", "\n  repeat: monthly\n  until: 9999-12-31\n",
    "10:30", "1:2:3:4:5", "9" * 5_000, "1e400", ".inf", ".nan", "0x1F", "0o17", "yes", "no",
    "on", "{{", "{filename}", "{filename}/../../etc/passwd", "<script>", "## ", "Title: ",
    "Date: ", "x" * 3_000, "[" * 40, "{a: " * 30, "- - - - - - - - - - - - - - - - - - - - - -",
]  # fmt: skip


#: A field's new value: a token, any short text, any date or time (Hypothesis favours the
#: first and last days Python knows).
VALUES = (
    st.sampled_from(TOKENS)
    | st.text(max_size=20)
    | st.dates().map(str)
    | st.datetimes().map(lambda d: d.isoformat(" ", "minutes"))
)


def _first(pattern: str) -> Path:
    return sorted(CONTENT.glob(pattern))[0]


def _seed(pattern: str) -> str:
    return _first(pattern).read_text(encoding="utf-8")


SEEDS = {
    "events": [p.read_text(encoding="utf-8") for p in sorted(CONTENT.glob("events/*.yml"))],
    "chapter": [(CONTENT / "chapter.yml").read_text(encoding="utf-8")],
    "questionnaire": [QUESTIONNAIRE.read_text(encoding="utf-8")],
    "sheet": [
        p.read_text(encoding="utf-8")
        for p in sorted(QUESTIONNAIRE.parent.glob("*.md"))
        if not p.name.startswith("questionnaire.") and not p.name.endswith(".es.md")
    ],
    "questionnaire translation": [QUESTIONNAIRE.with_suffix(".es.md").read_text(encoding="utf-8")],
    "sheet translation": [BILINGUAL.read_text(encoding="utf-8")],
    "page": [_seed("pages/*.md"), _seed("news/*.md")],
    "guide": [_seed("guide/*.md")],
    "charter": [_seed("charters/*.md")],
    "guide translation": [_seed("guide/*.es.md")],
    "charter translation": [  # the sample's charter is not translated: its header in Spanish
        "Working group: Grupo de Trabajo de Medicare para Todos\nChapter: Madison DSA\n"
        "Reports to: Asamblea de Madison DSA\nSlug: medicare-para-todos\n"
        "Source-Hash: 0123456789ab\nTranslation-Status: draft\n\n1. Texto,\n    - y más.\n"
    ],
    "addresses": [  # the record of published addresses (a new site has none yet)
        "- address: /events/2026-12-05-canvass/\n  kind: event\n  title: Canvass\n"
        "  source: content/events/a.yml\n  start: 2026-12-05 10:00\n  uid: a-1@example.org\n"
        "- address: /about/\n  kind: page\n  title: About\n  source: content/pages/about.md\n"
        "- address: /join/\n  redirect: /about/\n- address: /old/\n  redirect: /join/\n"
    ],
}
#: What the fuzzed record is compared with: one of its pages moved, another new.
NOW = (
    Published("/events/2026-12-12-canvass/", "event", "Canvass", "content/events/a.yml"),
    Published("/about-us/", "page", "About", "content/pages/about.md"),
)


@st.composite
def mutated(draw, kind: str) -> bytes:
    """A seed file of ``kind`` with a few values replaced, insertions, deletions and repeats."""
    text = draw(st.sampled_from(SEEDS[kind]))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["value", "value", "insert", "delete", "repeat", "text"]))
        if action == "value":  # what follows one 'field: ' up to the end of its line
            fields = [m.end() for m in re.finditer(r": ", text)] or [at]
            at = draw(st.sampled_from(fields))
            end = text.find("\n", at) % (len(text) + 1)
            text = text[:at] + draw(VALUES) + text[end:]
        elif action == "insert":
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif action == "repeat":
            span = text[at : at + draw(st.integers(1, 300))]
            text = text[:at] + span * draw(st.integers(2, 30)) + text[at:]
        else:
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
    encoded = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and encoded:  # sometimes a byte that is not UTF-8
        at = draw(st.integers(0, len(encoded) - 1))
        encoded = encoded[:at] + draw(st.binary(min_size=1, max_size=3)) + encoded[at:]
    return encoded


def _fields(model) -> list[str]:
    return sorted({info.alias or name for name, info in model.model_fields.items()})


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.dates()
    | st.sampled_from(["2026-12-05 10:00", "https://example.org/", "javascript:alert(1)"])
)


def _values(keys: list[str]):
    return st.recursive(
        SCALARS,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.sampled_from(keys) | st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=8,
    )


def _document(keys: list[str]):
    """Random YAML made of the model's own field names, with values of any type."""
    return st.dictionaries(st.sampled_from(keys), _values(keys), max_size=len(keys))


def written(kind: str, keys: list[str], front_matter: bool = False):
    """Random documents for ``kind``, as YAML text (in ``---`` lines for front matter)."""
    document = _document(keys)
    if kind in ("events", "addresses"):
        document = st.lists(document, max_size=4)
    text = document.map(lambda d: yaml.safe_dump(d, allow_unicode=True, sort_keys=False))
    if front_matter:
        text = text.map(lambda t: f"---\n{t}---\n## medicare-for-all\n\nYes.\n")
    return text.map(lambda t: t.encode("utf-8", "surrogatepass"))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A content folder whose files the examples overwrite."""
    content = tmp_path_factory.mktemp("fuzz") / "content"
    for folder in ("events", "pages", "guide", "charters", "questionnaires/spring"):
        (content / folder).mkdir(parents=True)
    return content


def _read(kind: str, content: Path, data: bytes) -> tuple[object, ProblemReport]:
    """Write ``data`` as a file of ``kind`` and read it as the build does."""
    report = ProblemReport(root=content.parent)
    names = {
        "events": "events/fuzz.yml",
        "chapter": "chapter.yml",
        "questionnaire": "questionnaires/spring/questionnaire.md",
        "sheet": "questionnaires/spring/fuzz.md",
        "questionnaire translation": "questionnaires/spring/questionnaire.es.md",
        "sheet translation": "questionnaires/spring/bilingual.es.md",
        "page": "pages/fuzz.md",
        "guide": "guide/fuzz.md",
        "charter": "charters/fuzz.md",
        "guide translation": "guide/fuzz.es.md",
        "charter translation": "charters/fuzz.es.md",
        "addresses": RECORD_FILE,
    }
    path = content / names[kind]
    path.write_bytes(data)
    if kind == "events":  # a list of no events is a result too
        return read_file(path, report, FACTS), report
    if kind == "chapter":
        return load_chapter(path, report), report
    if kind == "addresses":  # read, then compared with a site as a build does
        return match(read_record(content, report), NOW, {"/"}), report
    if kind == "questionnaire":
        return read_questionnaire(path, report, "candidates"), report
    if kind == "sheet":
        questionnaire = read_questionnaire(QUESTIONNAIRE, report, "candidates")
        return read_sheet(path, questionnaire, report, "US"), report
    if kind == "questionnaire translation":
        questionnaire = read_questionnaire(QUESTIONNAIRE, report, "candidates")
        return read_questionnaire_translation(path, "es", questionnaire, report), report
    if kind == "sheet translation":  # read with its sheet, as the build reads it
        questionnaire = read_questionnaire(QUESTIONNAIRE, report, "candidates")
        source = path.with_name("bilingual.md")
        source.write_bytes(BILINGUAL_SOURCE.read_bytes())
        languages = SiteLanguages("en", ("es",))
        return read_sheet(source, questionnaire, report, "US", languages, {"es": path}), report
    if kind == "page":
        known = len(report.problems)
        check_markdown_file(path, content, report, TEMPLATES, set(), is_post=True)
        return (True if len(report.problems) == known else None), report
    settings = {**SETTINGS, "SITE_PROBLEMS": report}
    if kind == "guide":
        return read_chapter(path, settings, CONVERTERS), report
    if kind == "guide translation":  # of the sample's written chapter
        original = read_chapter(CONTENT / "guide" / "electoral-work.md", settings, CONVERTERS)
        return read_chapter_translation(path, original[0], "es", settings, CONVERTERS), report
    if kind == "charter translation":
        original = read_charter(_first("charters/*.md"), settings, CONVERTERS.page)
        return read_charter_translation(path, original[0], "es", settings, CONVERTERS.page), report
    return read_charter(path, settings, CONVERTERS.page), report


def _assert_result_or_problems(result, report: ProblemReport) -> None:
    """Success, or at least one error, each a readable line about the file."""
    lines = [str(problem) for problem in report.problems]
    if result is None:
        assert report.errors, "nothing came out of the file, and no problem said why"
    for problem, line in zip(report.problems, lines, strict=True):
        assert problem.path.startswith("content/"), line
        assert problem.message.strip(), line
        assert problem.line is None or problem.line >= 1, line


KINDS = list(SEEDS)
#: Keys of ``translations:``: the site's other language, its own, one it is not in, no language.
LANGUAGES = ["es", "en", "fr", "es-MX", "x", "ES"]


@pytest.mark.parametrize("kind", KINDS)
@FUZZ
@given(data=st.data())
def test_mutated_files_end_in_a_result_or_problems(kind, data, site):
    result, report = _read(kind, site, data.draw(mutated(kind)))
    _assert_result_or_problems(result, report)


GENERATED = {
    # With the fields of a translation and language codes (the site's, its own, another).
    "events": written("events", _fields(EventEntry) + _fields(EventTranslation) + LANGUAGES),
    "chapter": written("chapter", _fields(Chapter)),
    "sheet": written("sheet", _fields(CandidateFields), front_matter=True),
    "questionnaire translation": written(
        "questionnaire translation", _fields(QuestionnaireTranslationFields), front_matter=True
    ),
    "sheet translation": written(
        "sheet translation",
        [*_fields(SheetTranslationFields), "office", "language", "name"],
        front_matter=True,
    ),
    "addresses": written("addresses", _fields(RecordEntry)),
}


@pytest.mark.parametrize("kind", list(GENERATED))
@FUZZ
@given(data=st.data())
def test_random_documents_of_the_models_fields_end_in_a_result_or_problems(kind, data, site):
    result, report = _read(kind, site, data.draw(GENERATED[kind]))
    _assert_result_or_problems(result, report)


def _minutes(moment: datetime) -> str:
    return moment.isoformat(" ", "minutes")


#: Any time, and more often the edges: Python's first and last, a leap day, DST changes.
MOMENTS = st.datetimes() | st.sampled_from(
    [
        datetime.min,
        datetime.max,
        datetime(9999, 12, 31, 20),
        datetime(2028, 2, 29, 10),
        datetime(2027, 3, 14, 2, 30),  # skipped in America/Chicago
        datetime(2027, 11, 7, 1, 30),  # happens twice there
    ]
)
DAYS = st.dates() | st.sampled_from([date.min, date.max, date(2028, 2, 29)])


@st.composite
def timed_event(draw) -> dict:
    """An otherwise valid event with any start, end, repeat, extra dates and timezone."""
    event = {
        "title": "Canvass",
        "type": draw(st.sampled_from(EVENT_TYPES)),
        "location": "Olbrich Park",
        "start": _minutes(draw(MOMENTS)),
    }
    if draw(st.booleans()):
        event["end"] = _minutes(draw(MOMENTS))
    if draw(st.booleans()):
        event["repeat"] = draw(st.sampled_from(REPEATS))
        event["until"] = str(draw(DAYS))
    if draw(st.booleans()):
        event["dates"] = [_minutes(d) for d in draw(st.lists(MOMENTS, max_size=3))]
    if draw(st.booleans()):
        event["timezone"] = draw(st.sampled_from(["UTC", "Pacific/Kiritimati", "Etc/GMT+12"]))
    return event


@FUZZ
@given(events=st.lists(timed_event(), min_size=1, max_size=3))
def test_events_at_any_time_end_in_events_or_problems(events, site):
    """Dates near the first and last days Python knows, repeats, timezones far from UTC."""
    result, report = _read("events", site, yaml.safe_dump(events).encode())
    _assert_result_or_problems(result, report)


@st.composite
def translated_event(draw) -> dict:
    """A valid event whose ``translations:`` hold anything: languages the site is in or not,
    the translation's fields with values of any type, unknown fields."""
    keys = _fields(EventTranslation)
    words = st.dictionaries(st.sampled_from(keys) | st.text(max_size=8), SCALARS, max_size=5)
    event = {"title": "Canvass", "type": "canvass", "location": "Olbrich Park"}
    event["start"] = "2026-12-05 10:00"
    event["translations"] = draw(
        st.dictionaries(st.sampled_from(LANGUAGES) | st.text(max_size=6), words | SCALARS) | SCALARS
    )
    return event


@FUZZ
@given(events=st.lists(translated_event(), min_size=1, max_size=3))
def test_events_with_any_translations_end_in_events_or_problems(events, site):
    """A translation is an event's words, or problems at its lines; never a traceback."""
    result, report = _read("events", site, yaml.safe_dump(events, allow_unicode=True).encode())
    _assert_result_or_problems(result, report)
    for event in result.events:  # read_file gives a reading, events or none
        assert {words.lang for words in event.translations} <= {"es"}
