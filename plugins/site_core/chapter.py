"""The chapter's identity: ``content/chapter.yml``, the one file a fork edits.

The model below is the single statement of what that file may hold; the JSON
Schema editors use is generated from it. :func:`chapter_settings` turns a valid
chapter into the Pelican settings it drives (site name, timezone, language).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

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
    language: str = "en"
    social: list[Social] = []
    contacts: list[Contact] = []
    repository_url: WebUrl | None = None


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
