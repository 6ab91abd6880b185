"""The header of a Markdown translation (``x.es.md``): what it adds, and what it follows.

A translated guide chapter or charter repeats its original's header with its own words
(``Title:``, ``Summary:``…) and adds :class:`TranslationFields`: ``Source-Hash:`` (the
:func:`translations.source_digest` of the original it was made from) and
``Translation-Status: draft|reviewed``. Facts that are not words (a chapter's place, a
charter's status or adoption date) are the original's: a translation that states another
one gets a warning (:func:`check_follows`) and the original's is used, so that moving a
chapter or adopting a charter never breaks the build through its translations.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema

from .fields import AnyCase, Strict
from .problems import ProblemReport
from .translations import STATUSES
from .yamlfile import LineDict

_DIGEST = re.compile(r"^[0-9a-f]{12}$")


def check_source_hash(value: str | int | float) -> str:
    """Accept the 12 hexadecimal digits of a source digest (in any case)."""
    if not isinstance(value, str):  # YAML reads a digest of digits alone as a number
        raise ValueError(
            f"is read as a number ({value!r}), not the original's digest; put the digest"
            " in quotes: source_hash: '012345678901'"
        )
    text = value.strip().lower()
    if not _DIGEST.match(text):
        raise ValueError(
            f"must be the 12 letters and digits of the original's digest (got {value!r}); "
            'copy it from `invoke translations` ("source hash now …")'
        )
    return text


#: The ``source_digest`` of the original a translation was made from.
SourceHash = Annotated[
    str,
    BeforeValidator(check_source_hash),
    WithJsonSchema({"type": "string", "pattern": "^[0-9a-fA-F]{12}$"}),
]


class TranslationFields(Strict):
    """The fields a translation adds to its original's header."""

    source_hash: SourceHash | None = Field(None, alias="source-hash")
    translation_status: Annotated[Literal[STATUSES], AnyCase] | None = Field(  # type: ignore[valid-type]
        None, alias="translation-status"
    )


def check_follows(
    fields: LineDict,
    key: str,
    given: object,
    original: object,
    shown: str,
    path,
    report: ProblemReport,
) -> None:
    """Warn when a translation's ``key`` (``given``, None when not written) differs from its
    original's (``original``, written as the editor would: ``shown``); the original's is used."""
    if given is None or given == original:
        return
    report.warning(
        path,
        fields.line_of(key),
        key,
        f"says {fields[key]!r}, but a translation follows its original ({shown}); "
        "this line is ignored",
        f"remove the '{key.capitalize()}:' line",
    )
