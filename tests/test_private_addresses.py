"""A member's home address is never written down: not in content, not in the repository.

The repository is public and keeps every committed line in its history, so an
``address`` next to ``address_private: true`` stops the build, and no tracked file
(sample content, the guide's examples, test fixtures) holds such an entry. The one
fixture that needs an address builds it at run time, with obviously fake data.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
import json
from pathlib import Path
import re
import subprocess

import jsonschema
import pytest
import yaml

from site_core.problems import ContentProblems
from sitebuild import ROOT, build_site, make_content

GUIDE = ROOT / "docs" / "editing" / "events.md"
FENCE = re.compile(r"^ *```(?P<info>[^\n]*)\n(?P<body>.*?)^ *```\s*$", re.MULTILINE | re.DOTALL)
FAKE_HOME = "1 Example Street, Springfield"


def guide_block(first_line: str) -> str:
    """The body of the guide's fenced block whose first line starts with ``first_line``."""
    bodies = [m["body"] for m in FENCE.finditer(GUIDE.read_text(encoding="utf-8"))]
    [body] = [b for b in bodies if b.startswith(first_line)]
    return body


def test_an_address_next_to_address_private_stops_the_build_as_the_guide_says(tmp_path):
    example = guide_block("# content/events/house-meetings.yml")
    lines = example.splitlines()
    where = next(i for i, line in enumerate(lines) if line.lstrip().startswith("location:"))
    lines.insert(where + 1, "  address: " + FAKE_HOME)
    content = make_content(tmp_path, {"events/house-meetings.yml": "\n".join(lines) + "\n"})
    before = {p.name for p in tmp_path.iterdir()}
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output")
    [error] = stopped.value.report.errors
    assert (error.line, error.field) == (
        where + 2,
        "'House meeting: our health care stories'.address",
    )
    assert FAKE_HOME not in str(error)  # build logs can be public
    printed = guide_block("content/events/house-meetings.yml:").strip()
    assert str(error) == printed, "the guide shows the message the build prints"
    anchor = printed.rsplit("#", 1)[1]
    assert f"### {anchor.replace('-', ' ')}" in GUIDE.read_text(encoding="utf-8").lower()
    assert {p.name for p in tmp_path.iterdir()} == before, "nothing was published"


def test_the_editors_schema_flags_the_address_while_typing():
    schema = json.loads((ROOT / "schemas" / "events.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator(schema)
    home = {"title": "House meeting", "type": "meeting", "start": "2026-12-06 15:00"}
    home |= {"location": "A member's home in Schenk-Atwood", "address_private": True}
    assert list(checker.iter_errors([home])) == []
    assert (
        list(checker.iter_errors([home | {"address_private": False, "address": FAKE_HOME}])) == []
    )
    [error] = checker.iter_errors([home | {"address": FAKE_HOME}])
    assert list(error.absolute_path) == [0, "address"]


def yaml_texts(path: Path, text: str) -> Iterator[str]:
    """The YAML a tracked file holds: the whole file, Markdown code blocks, Python strings."""
    if path.suffix in {".yml", ".yaml"}:
        yield text
    elif path.suffix == ".md":
        yield from (m["body"] for m in FENCE.finditer(text))
    elif path.suffix == ".py":
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield node.value


def private_entries(data) -> Iterator[dict]:
    """Every mapping in parsed YAML that says ``address_private: true``."""
    if isinstance(data, dict):
        if data.get("address_private") is True:
            yield data
        for value in data.values():
            yield from private_entries(value)
    elif isinstance(data, list):
        for value in data:
            yield from private_entries(value)


def scan(path: Path, text: str) -> Iterator[dict]:
    """The private entries written in one file."""
    for chunk in yaml_texts(path, text):
        if "address_private" not in chunk:
            continue
        try:
            documents = list(yaml.safe_load_all(chunk))
        except yaml.YAMLError:
            continue  # not YAML: a Python string that only names the field
        for document in documents:
            yield from private_entries(document)


def test_the_scan_finds_a_private_entry_with_an_address_wherever_it_is_written():
    entry = {"title": "House meeting", "address_private": True, "address": FAKE_HOME}
    as_yaml = yaml.safe_dump([entry])
    fenced = f"Text.\n\n```yaml\n{as_yaml}```\n"
    in_python = f"EVENTS = {as_yaml!r}\n"
    for name, text in [("a.yml", as_yaml), ("a.md", fenced), ("a.py", in_python)]:
        assert [e.get("address") for e in scan(Path(name), text)] == [FAKE_HOME], name


def tracked_files() -> list[Path]:
    """Every file git tracks in the repository."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: nothing is tracked")
    return [ROOT / name for name in listed.stdout.decode().split("\0") if name]


def test_no_tracked_file_holds_a_private_entry_with_an_address():
    seen, leaks = [], []
    for path in tracked_files():
        if path.suffix not in {".yml", ".yaml", ".md", ".py"} or not path.is_file():
            continue
        for entry in scan(path, path.read_text(encoding="utf-8", errors="replace")):
            seen.append(path.relative_to(ROOT).as_posix())
            if entry.get("address"):
                leaks.append(f"{path.relative_to(ROOT)}: {entry.get('title')!r}")
    assert leaks == []
    assert {"content/events/meetings.yml", "docs/editing/events.md"} <= set(seen)
