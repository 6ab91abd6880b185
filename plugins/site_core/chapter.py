"""The chapter's identity: ``content/chapter.yml``, the one file a fork edits.

The model below is the single statement of what that file may hold; the JSON
Schema editors use is generated from it. :func:`chapter_settings` turns a valid
chapter into the Pelican settings it drives (site name, timezone, language).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import pycountry
from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, WithJsonSchema

from .problems import ProblemReport
from .safety import url_problem
from .suggest import did_you_mean
from .validation import validate
from .yamlfile import load_yaml


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


class StateCampaign(Strict):
    """The state single-payer campaign the chapter supports."""

    name: str
    url: WebUrl | None = None
    summary: str | None = None


class Contact(Strict):
    """A person readers can reach; give an e-mail or a profile link, or neither."""

    name: str
    role: str | None = None
    email: EmailStr | None = None
    url: WebUrl | None = None


class Social(Strict):
    """One social media profile."""

    name: str
    url: WebUrl


class Chapter(Strict):
    """Everything about the chapter that appears on the site."""

    name: str
    campaign: str = "Medicare for All"
    city: str
    region: str
    tagline: str | None = None
    state_campaign: StateCampaign | None = None
    volunteer_url: WebUrl
    contact_email: EmailStr
    site_url: WebUrl
    timezone: Timezone = "America/New_York"
    language: Language = "en"
    country: Country = "US"
    social: list[Social] = []
    contacts: list[Contact] = []
    repository_url: WebUrl | None = None

    @property
    def locale(self) -> str:
        """The site's locale as language_TERRITORY (Open Graph's og:locale): en_US."""
        primary, *subtags = self.language.split("-")
        regions = [tag for tag in subtags if len(tag) == 2 and tag.isalpha()]
        return f"{primary.lower()}_{(regions[0] if regions else self.country).upper()}"


def load_chapter(path: Path, report: ProblemReport) -> Chapter | None:
    """Read and validate the chapter file; problems go to ``report``."""
    data = load_yaml(path, report)
    if data is None:
        return None
    return validate(Chapter, data, path, report)


def chapter_settings(chapter: Chapter) -> dict:
    """The Pelican settings that follow from the chapter file."""
    return {
        "CHAPTER": chapter,
        "SITENAME": f"{chapter.campaign} · {chapter.name}",
        "AUTHOR": chapter.name,
        "TIMEZONE": chapter.timezone,
        "DEFAULT_LANG": chapter.language,
    }
