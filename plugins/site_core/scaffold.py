"""Write a new content file from a template, never over an existing one.

The ``invoke new-*`` tasks ask an editor a few questions and call a
capability's ``scaffold`` module for the file's path and text; this module
writes it. A file that already exists is never touched.
"""

from __future__ import annotations

from pathlib import Path

import yaml


class AlreadyExists(SystemExit):
    """The file to create is already there: nothing was written."""


def create(path: Path, text: str) -> Path:
    """Create ``path`` with ``text``; refuse (exit 1, nothing written) if it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as new_file:
            new_file.write(text)
    except FileExistsError:
        raise AlreadyExists(
            f"{path}: already exists; nothing was written. Choose another name or edit that file."
        ) from None
    return path


class _EditorDumper(yaml.SafeDumper):
    """YAML as an editor would write it: block style, text of several lines as ``|`` blocks."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_EditorDumper.add_representer(str, _text)


def yaml_text(data) -> str:
    """``data`` as block-style YAML, fields in the given order; any text is quoted as needed."""
    return yaml.dump(
        data,
        Dumper=_EditorDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
