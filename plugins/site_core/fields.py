"""The field types every plugin's models share: a strict base model, web addresses,
timezones, countries, languages, and words written in any case.

A plugin's model imports them from here; each carries its JSON Schema and its
editor-friendly error ("did you mean", what to write).
"""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import pycountry
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, WithJsonSchema

from .safety import url_problem
from .suggest import did_you_mean


def check_web_url(value: str) -> str:
    """Accept an http(s) address, else raise with what to write."""
    problem = url_problem(value)
    if problem:
        raise ValueError(problem)
    return value.strip()


def check_timezone(value: str) -> str:
    """Accept an IANA timezone name such as America/Chicago."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        suggestion = did_you_mean(
            value,
            available_timezones(),
            "write the IANA name of your region's zone, such as America/Chicago",
            cutoff=0.85,
        )
        raise ValueError(f"is not a timezone name (got {value!r}); {suggestion}") from None
    return value


def check_country(value: str) -> str:
    """Accept an ISO 3166-1 two-letter country code such as US; return it in capitals."""
    code = value.strip().upper()
    if len(code) == 2 and pycountry.countries.get(alpha_2=code):
        return code
    try:
        hint = f"write '{pycountry.countries.lookup(value.strip()).alpha_2}'"
    except LookupError:
        hint = "write the two-letter ISO 3166 code of your country, such as US"
    raise ValueError(f"is not a two-letter country code (got {value!r}); {hint}")


def _language(code: str):
    """The ISO 639 language of a two- or three-letter code, or None."""
    code = code.lower()
    if len(code) == 2:
        return pycountry.languages.get(alpha_2=code)
    return pycountry.languages.get(alpha_3=code) if len(code) == 3 else None


def _language_hint(value: str) -> str:
    """What to write instead of a language that is not a code: its shortest ISO 639 code."""
    primary, _, rest = value.replace("_", "-").partition("-")
    language = _language(primary)
    if language is None:
        try:  # a name: English
            language = pycountry.languages.lookup(primary)
        except LookupError:
            return "write the language's code, such as 'en', 'es' or 'en-US'"
    code = getattr(language, "alpha_2", language.alpha_3)
    return f"write '{code}-{rest}'" if rest else f"write '{code}'"


def check_language(value: str) -> str:
    """Accept a language tag (RFC 5646) whose language is an ISO 639 code: en, es, en-US."""
    text = value.strip()
    primary, *subtags = text.split("-")
    language = _language(primary)
    shortest = language is not None and (len(primary) == 2 or not hasattr(language, "alpha_2"))
    if shortest and all(tag.isalnum() and 1 < len(tag) < 9 for tag in subtags):
        return text
    raise ValueError(f"is not a language code (got {value!r}); {_language_hint(text)}")


#: An address readers click: http(s) only (never ``javascript:``).
WebUrl = Annotated[
    str,
    AfterValidator(check_web_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://[^\\s]+$"}),
]
#: An IANA timezone name such as America/Chicago.
Timezone = Annotated[
    str,
    AfterValidator(check_timezone),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$",
            "examples": ["America/Chicago", "America/New_York"],
        }
    ),
]


#: A country: its ISO 3166-1 alpha-2 code (US, CA, MX...).
Country = Annotated[
    str,
    AfterValidator(check_country),
    WithJsonSchema({"type": "string", "pattern": "^[A-Za-z]{2}$", "examples": ["US"]}),
]
#: A language tag (RFC 5646): en, es, en-US.
Language = Annotated[
    str,
    AfterValidator(check_language),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
            "examples": ["en", "es", "en-US"],
        }
    ),
]


class Strict(BaseModel):
    """Base for editor-written data: unknown fields are mistakes, values are stripped."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, defer_build=True
    )


def _lower_word(value):
    """A word as written in any case and spacing: ' Adopted' is 'adopted'."""
    return value.strip().lower() if isinstance(value, str) else value


#: Put before a ``Literal`` of lower-case words to accept them in any case (headers such
#: as ``Status: Adopted``); a word that is none of them is reported with "did you mean"
#: by ``validation``.
AnyCase = BeforeValidator(_lower_word)
