"""Turn a pydantic model's verdict on YAML data into editor-friendly problems.

Every plugin describes its content with a pydantic model (which also gives the
JSON Schema editors load in VS Code). :func:`validate` runs the model on data
from :func:`~site_core.yamlfile.load_yaml` and reports each failure with the
file, the line of the offending field, the field's name and what to write,
including "did you mean" for misspelt field names and for a word that is none of a
``Literal``'s (the one "one of these words" rule).
"""

from __future__ import annotations

from pathlib import Path
import re
from typing import TypeVar

from pydantic import BaseModel, RootModel, ValidationError

from .problems import ProblemReport
from .suggest import did_you_mean
from .yamlfile import LineDict, LineList

M = TypeVar("M", bound=BaseModel)


def line_of(data, loc: tuple) -> int | None:
    """Follow a pydantic error location into LineDict/LineList data to find its line."""
    line = getattr(data, "line", None) or None
    node = data
    for part in loc:
        if isinstance(node, LineDict) and part in node.key_lines:
            line = node.key_lines[part]
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line


def _field_names(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names (and aliases) allowed where ``loc`` points, for suggestions."""
    current: type | None = model
    for part in loc[:-1]:
        if isinstance(part, int) or current is None or part not in current.model_fields:
            continue  # an item of a list, or a key of a mapping (a language: es)
        info = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        annotation = getattr(info, "annotation", None)
        current = next(
            (
                a
                for a in (annotation, *getattr(annotation, "__args__", ()))
                if isinstance(a, type) and issubclass(a, BaseModel)
            ),
            None,
        )
    if current is None:
        return []
    names = []
    for name, info in current.model_fields.items():
        names.append(info.alias or name)
    return names


#: Plain words for pydantic's type errors: (message, what to write).
_TYPE_MESSAGES = {
    "list_type": ("must be a list", "write one item per line, each starting with '- '"),
    "dict_type": ("must be a block of 'field: value' lines", "indent the lines under it"),
    "model_type": ("must be a block of 'field: value' lines", "indent the lines under it"),
    "model_attributes_type": (
        "must be a block of 'field: value' lines",
        "indent the lines under it",
    ),
    "string_type": ("must be text", "put the value in quotes"),
    "bool_type": ("must be true or false", "write true or false"),
    "bool_parsing": ("must be true or false", "write true or false"),
    "int_type": ("must be a whole number", "write digits only, e.g. 3"),
    "int_parsing": ("must be a whole number", "write digits only, e.g. 3"),
}


def _shown(value) -> str:
    """Show an editor's value briefly, as they wrote it."""
    if isinstance(value, dict):
        return "a block of fields"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if isinstance(value, str) else f"{value!r}"
    return text if len(text) <= 60 else text[:57] + "..."


def _describe(error: dict, model: type[BaseModel]) -> tuple[str, str | None]:
    """Return (message, hint) for one pydantic error."""
    kind = error["type"]
    loc = error["loc"]
    name = str(loc[-1]) if loc else ""
    got = error.get("input")
    if kind == "value_error" and "email address" in error["msg"]:
        return f"is not an e-mail address (got {_shown(got)})", "write it like name@example.org"
    if kind == "missing":
        return "is required but missing", f"add a line '{name}: ...'"
    if kind == "extra_forbidden":
        known = _field_names(model, loc)
        hint = did_you_mean(name, known, f"known fields: {', '.join(sorted(known))}")
        return "is not a field this file knows", hint
    if kind in _TYPE_MESSAGES:
        message, hint = _TYPE_MESSAGES[kind]
        return f"{message} (got {_shown(got)})", hint
    if kind == "literal_error":
        words = re.findall(r"'([^']*)'", error["ctx"]["expected"])
        word = str(got).strip().lower()
        hint = did_you_mean(word, words, f"write one of: {', '.join(words)}", 0.5)
        return f"must be one of {', '.join(words)} (got {_shown(got)})", hint
    message = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind.startswith("enum"):
        message = f"{message} (got {_shown(got)})"
    if "; " in message:
        message, hint = message.split("; ", 1)
        return message, hint
    return message, None


def validate(
    model: type[M],
    data,
    path: Path,
    report: ProblemReport,
    *,
    field_prefix: str = "",
    context: dict | None = None,
) -> M | None:
    """Validate ``data`` with ``model``; record every failure and return None, or the model."""
    if not isinstance(data, dict) and not issubclass(model, RootModel):
        report.error(
            path,
            getattr(data, "line", None),
            field_prefix.rstrip(".") or None,
            f"must be a block of 'field: value' lines (got {_shown(data)})",
            "see the example at the top of the file",
        )
        return None
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(  # a mapping's key is named by itself, not by pydantic's "[key]"
                p for p in error["loc"] if not str(p).startswith("function-") and p != "[key]"
            )
            message, hint = _describe(error, model)
            field = ".".join(str(p) for p in loc) or None
            report.error(
                path,
                line_of(data, loc),
                f"{field_prefix}{field}" if field else (field_prefix.rstrip(".") or None),
                message,
                hint,
            )
    return None


def field_check(model: type[BaseModel], name: str, others: dict | None = None):
    """A check of one field's answer by the build's own rules (for :mod:`site_core.ask`).

    The check validates ``{**others, name: answer}`` and keeps only the errors of
    ``name``; it raises ValueError("message; fix"), or returns the answer unchanged.
    """

    def check(answer: str) -> str:
        try:
            model.model_validate({**(others or {}), name: answer})
        except ValidationError as exc:
            for error in exc.errors():
                if error["loc"][:1] == (name,):
                    message, hint = _describe(error, model)
                    raise ValueError(f"{message}; {hint}" if hint else message) from None
        return answer

    return check
