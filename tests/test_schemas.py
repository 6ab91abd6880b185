"""The JSON Schemas editors use agree with the build's own validation.

The schemas are generated from the same pydantic models the build validates with, and
committed; these tests fail when a model changes without ``invoke schemas``, and check on
a corpus of good and bad files that the editor's schema and the build say the same.
"""

from __future__ import annotations

from datetime import date, datetime
import json
from pathlib import Path

import jsonschema
import pytest

from site_core.frontmatter import load_front_matter
from site_core.i18n import SiteLanguages
from site_core.problems import ProblemReport
from site_core.schemas import model_for, render, schema_for, schema_models
from site_core.translations import language_of_file
from site_core.validation import validate
from site_core.yamlfile import load_yaml
from sitebuild import FIXTURES, ROOT

SCHEMAS = ROOT / "schemas"
BAD = Path(__file__).parent / "bad_input"

#: Rules only the build can check: the schema cannot know them. Each says why.
BUILD_ONLY = {
    "chapter-unknown-timezone": "the schema checks a timezone's shape, not the tz database",
    "events-end-before-start": "a comparison of two times",
    "events-time-skipped-by-dst": "a rule of the tz database",
    "events-ambiguous-time": "a rule of the tz database",
    "events-unknown-timezone": "the schema checks a timezone's shape, not the tz database",
    "events-duplicate-slug": "a rule across events",
    "events-same-title-same-day": "a rule across events (two made the same address)",
}
#: Bad-input cases whose YAML is fine: the mistake is elsewhere (the body, another file).
GOOD_FILES_IN_BAD_CASES = {
    "questionnaire-unknown-question",
    "questionnaire-phone-number-in-answer",
    "questionnaire-phone-number-wrapped",
    "questionnaire-email-spelt-out",
    "questionnaire-missing",
    "questionnaire-rescinded-without-reason/questionnaire.md",  # the sheet is wrong
    "questionnaire-unknown-status/questionnaire.md",  # the sheet is wrong, not this file
    "questionnaire-alias-bomb-in-received/questionnaire.md",  # the same
    "events-description-event-handler",  # the HTML in the Markdown of a valid description
    "page-translation-of-nothing/chapter.yml",  # a site in two languages: the page is wrong
    "page-translation-status-misspelt/chapter.yml",  # the same
}


def as_json(value):
    """What an editor's YAML looks like to a JSON Schema validator (dates as text)."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


#: Where each kind of file lives under content/, and how its YAML is read.
KINDS = {
    "chapter": ("chapter.yml", "yaml"),
    "events": ("events/*.yml", "yaml"),
    "questionnaire": ("questionnaires/*/questionnaire.md", "front matter"),
    "candidate": ("questionnaires/*/[!q]*.md", "front matter"),
    "questionnaire-translation": ("questionnaires/*/questionnaire.*.md", "front matter"),
    "candidate-translation": ("questionnaires/*/[!q]*.*.md", "front matter"),
}


def of_kind(paths, kind: str) -> list[Path]:
    """The files of ``paths`` that are of ``kind``: a translation (``x.es.md``) is not the
    kind of file it translates."""
    translation = kind.endswith("-translation")
    return [
        p for p in paths if (language_of_file(p, SiteLanguages())[1] is not None) == translation
    ]


def read_data(path: Path, how: str, report: ProblemReport):
    """The editor's YAML of one file, as the build reads it."""
    if how == "yaml":
        return load_yaml(path, report)
    front = load_front_matter(path, report)
    return None if front is None else front.data


def _parses(path: Path, how: str) -> bool:
    """Whether the file is YAML at all (an editor sees a syntax error before any schema)."""
    report = ProblemReport(root=path.parent)
    return read_data(path, how, report) is not None and not report.errors


def corpus(kind: str) -> list[tuple[str, Path, bool]]:
    """(name, file, should pass) for one kind of file: the sample, the fixtures, the bad cases."""
    pattern, how = KINDS[kind]
    good = [
        (f"sample-{p.name}", p, True)
        for p in of_kind(sorted((ROOT / "content").glob(pattern)), kind)
    ]
    good += [
        (f"fixture-{p.relative_to(FIXTURES).parts[0]}-{p.name}", p, True)
        for p in of_kind(sorted(FIXTURES.glob(f"*/content/{pattern}")), kind)
    ]
    bad = []
    for case in sorted(BAD.iterdir()):
        for path in of_kind(sorted((case / "content").glob(pattern)), kind):
            if case.name in BUILD_ONLY or not _parses(path, how):
                continue
            fine = {case.name, f"{case.name}/{path.name}"} & GOOD_FILES_IN_BAD_CASES
            bad.append((case.name, path, bool(fine)))
    return good + bad


@pytest.mark.parametrize("name", sorted(schema_models()))
def test_committed_schema_is_generated_from_the_model(name):
    committed = (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == render(schema_for(name)), "run `invoke schemas` and commit schemas/"


def test_sample_files_point_their_editor_at_the_schema():
    first_line = (ROOT / "content" / "chapter.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schemas/chapter.schema.json"


def schema_errors(kind: str, path: Path) -> list[str]:
    """What the shipped schema says of one file, as check-jsonschema would (Draft 2020-12)."""
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    data = read_data(path, KINDS[kind][1], ProblemReport(root=path.parent))
    return [error.message for error in checker.iter_errors(as_json(data))]


@pytest.mark.parametrize(
    ("kind", "case", "path", "valid"),
    [(kind, *entry) for kind in KINDS for entry in corpus(kind)],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_schema_and_build_agree(kind, case, path, valid):
    """The schema accepts what the build accepts, and rejects the build's bad-input cases.

    (That the build rejects those is what ``tests/test_bad_input.py`` holds.)
    """
    errors = schema_errors(kind, path)
    assert (not errors) is valid, errors
    if valid:
        report = ProblemReport(root=path.parent)
        data = read_data(path, KINDS[kind][1], report)
        built = validate(model_for(kind), data, path, report)
        assert built is not None and not report.errors, [str(p) for p in report.errors]


#: How many of the build's bad-input cases (of the kinds with a schema) the schema also
#: catches. Only ever raise it: a schema change that catches fewer fails here.
SCHEMA_CATCHES_AT_LEAST = 22  # of 29; 13 before the if/then rules and time patterns


def test_the_schema_catches_more_of_the_builds_rules_never_fewer():
    caught, missed = [], []
    for case in sorted(BAD.iterdir()):
        for kind, (pattern, how) in KINDS.items():
            for path in of_kind(sorted((case / "content").glob(pattern)), kind):
                fine = {case.name, f"{case.name}/{path.name}"} & GOOD_FILES_IN_BAD_CASES
                if fine or not _parses(path, how):
                    continue
                (caught if schema_errors(kind, path) else missed).append(case.name)
    assert len(caught) >= SCHEMA_CATCHES_AT_LEAST, f"missed: {missed}"
    assert sorted(missed) == sorted(BUILD_ONLY), "a rule moved: update BUILD_ONLY"
