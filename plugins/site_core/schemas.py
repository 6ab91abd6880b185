"""JSON Schemas for the YAML editors write, generated from the models the build validates with.

The schemas in ``schemas/`` are committed so that VS Code (with the YAML
extension) can autocomplete fields and flag mistakes while typing, through the
``# yaml-language-server: $schema=...`` line at the top of each content file.
``invoke schemas`` rewrites them; a test fails when a model changed and the
committed schema did not. Each plugin names its own schemas' models in its
package's ``JSON_SCHEMAS`` (schema file name → model); site_core names none but
its own.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
import json
from pathlib import Path
import pkgutil

from pydantic import BaseModel

#: The folder of the plugins (site_core's own parent).
PLUGINS_FOLDER = Path(__file__).resolve().parent.parent


@cache
def schema_models() -> dict[str, type[BaseModel]]:
    """Schema file name → the model that validates that kind of file, from every plugin's
    ``JSON_SCHEMAS``."""
    models: dict[str, type[BaseModel]] = {}
    for plugin in sorted(m.name for m in pkgutil.iter_modules([str(PLUGINS_FOLDER)])):
        models.update(getattr(import_module(plugin), "JSON_SCHEMAS", {}))
    return models


def given(name: str) -> dict:
    """JSON Schema: the field is there with a value (not null, not empty, not false)."""
    empty = {"anyOf": [{"type": "null"}, {"const": ""}, {"const": False}]}
    return {"required": [name], "properties": {name: {"not": empty}}}


def equals(name: str, value) -> dict:
    """JSON Schema: the field is there and equals ``value``."""
    return {"required": [name], "properties": {name: {"const": value}}}


def model_for(name: str):
    """The model behind one schema."""
    return schema_models()[name]


def schema_for(name: str) -> dict:
    """The JSON Schema (draft 2020-12) of one kind of content file."""
    schema = model_for(name).model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.schema.json",
        **schema,
    }


def render(schema: dict) -> str:
    """Serialise a schema the same way every time (sorted keys, trailing newline)."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in schema_models():
        path = folder / f"{name}.schema.json"
        path.write_text(render(schema_for(name)), encoding="utf-8")
        written.append(path)
    return written
