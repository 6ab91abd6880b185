"""docs/architecture.md lists every plugin module once, in its plugin's section, and no other."""

from __future__ import annotations

import re

import pytest

from sitebuild import ROOT

DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
PLUGINS = sorted(p.name for p in (ROOT / "plugins").iterdir() if (p / "__init__.py").exists())
HEADING = re.compile(r"^(#+) (.*)$", re.M)


def plugin_section(plugin: str) -> str:
    """The text under the heading that names ``plugins/<plugin>/``, down to the next one as high."""
    headings = list(HEADING.finditer(DOC))
    for number, heading in enumerate(headings):
        if f"(`plugins/{plugin}/`)" in heading.group(2):
            level = len(heading.group(1))
            ends = (h.start() for h in headings[number + 1 :] if len(h.group(1)) <= level)
            return DOC[heading.end() : next(ends, len(DOC))]
    raise AssertionError(f"docs/architecture.md has no section headed (`plugins/{plugin}/`)")


def named_modules(text: str) -> list[str]:
    """The modules a text names in a table's first column (`` | `name.py` | ``)."""
    return re.findall(r"^\| `(\w+\.py)` \|", text, re.M)


@pytest.mark.parametrize("plugin", PLUGINS)
def test_each_module_of_a_plugin_has_one_row_in_its_section(plugin):
    modules = sorted(p.name for p in (ROOT / "plugins" / plugin).glob("*.py"))
    modules.remove("__init__.py")
    rows = named_modules(plugin_section(plugin))
    assert sorted(rows) == modules, "add a row for each new module, remove the row of a gone one"


def test_every_plugin_path_the_page_names_exists():
    paths = set(re.findall(r"plugins/\w+/(?:\w+\.py)?", DOC))
    assert paths
    assert sorted(p for p in paths if not (ROOT / p).exists()) == []
