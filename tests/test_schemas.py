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
import yaml

from site_core.problems import ProblemReport
from site_core.schemas import SCHEMA_MODELS, model_for, render, schema_for
from site_core.validation import validate
from sitebuild import FIXTURES, ROOT

SCHEMAS = ROOT / "schemas"
BAD = Path(__file__).parent / "bad_input"

#: Rules only the build can check: the schema cannot know them. Each says why.
BUILD_ONLY = {
    "chapter-unknown-timezone": "the schema checks a timezone's shape, not the tz database",
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


def corpus(kind: str) -> list[tuple[str, Path, bool]]:
    """(name, file, should pass) for one kind of file: the sample, the fixtures, the bad cases."""
    filename = {"chapter": "chapter.yml"}[kind]
    good = [("sample", ROOT / "content" / filename, True)]
    good += [
        (f"fixture-{p.parent.parent.name}", p, True) for p in FIXTURES.glob(f"*/content/{filename}")
    ]
    bad = []
    for case in sorted(BAD.iterdir()):
        path = case / "content" / filename
        if not path.exists():
            continue
        try:
            yaml.safe_load(path.read_bytes().decode("utf-8"))
        except (UnicodeDecodeError, yaml.YAMLError):
            continue  # not YAML at all: the editor sees a syntax error before any schema
        if path.read_text(encoding="utf-8").strip() and case.name not in BUILD_ONLY:
            bad.append((case.name, path, False))
    return good + bad


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_committed_schema_is_generated_from_the_model(name):
    committed = (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == render(schema_for(name)), "run `invoke schemas` and commit schemas/"


def test_sample_files_point_their_editor_at_the_schema():
    first_line = (ROOT / "content" / "chapter.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schemas/chapter.schema.json"


@pytest.mark.parametrize(
    ("kind", "case", "path", "valid"),
    [("chapter", *entry) for entry in corpus("chapter")],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_schema_and_build_agree(kind, case, path, valid):
    from site_core.yamlfile import load_yaml

    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    report = ProblemReport(root=path.parent)
    data = load_yaml(path, report)
    schema_errors = list(checker.iter_errors(as_json(data)))
    built = validate(model_for(kind), data, path, report)
    assert (not schema_errors) is valid, [e.message for e in schema_errors]
    assert (built is not None and not report.errors) is valid, [str(p) for p in report.errors]
