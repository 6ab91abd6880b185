"""The chapter's identity: ``content/chapter.yml``, the one file a fork edits.

The model below is the single statement of what that file may hold; the JSON
Schema editors use is generated from it. :func:`chapter_settings` turns a valid
chapter into the Pelican settings it drives (site name, timezone, language).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import EmailStr, Field

from .fields import Country, Language, Strict, Timezone, WebUrl
from .problems import ProblemReport
from .validation import validate
from .yamlfile import load_yaml


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
    social: list[Social] = Field([])
    contacts: list[Contact] = Field([])
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
