"""The chapter's identity: ``content/chapter.yml``, the one file a fork edits.

The model below is the single statement of what that file may hold; the JSON
Schema editors use is generated from it. :func:`chapter_settings` turns a valid
chapter into the Pelican settings it drives (site name, timezone, language).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import EmailStr, Field, ValidationInfo, field_validator

from .fields import Country, Language, Strict, Timezone, WebUrl
from .i18n import SiteLanguages
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


class StateCampaignText(Strict):
    """The state campaign's words in another language."""

    name: str | None = None
    summary: str | None = None


class ChapterText(Strict):
    """The chapter's own words in another language (chapter.yml's ``translations``)."""

    campaign: str | None = None
    tagline: str | None = None
    state_campaign: StateCampaignText | None = None


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
    translations: dict[Language, ChapterText] = Field(
        {},
        description=(
            "The other languages the site is published in (each under /<language>/), "
            "with the chapter's words in it: `es: {campaign: Medicare para Todos}`."
        ),
    )

    @field_validator("translations")
    @classmethod
    def _other_languages(cls, value: dict, info: ValidationInfo) -> dict:
        default = info.data.get("language")
        if default in value:
            raise ValueError(
                f"{default} is the site's own language (`language`); translations are other"
                " languages: remove it here"
            )
        return value

    @property
    def languages(self) -> SiteLanguages:
        """The site's languages: ``language`` at the root, each translation under its folder."""
        return SiteLanguages(self.language, tuple(self.translations))

    def in_language(self, lang: str) -> Chapter:
        """The chapter as shown on pages in ``lang``: its translated words where it has them."""
        text = self.translations.get(lang)
        if text is None:  # the default language (or one without words of its own)
            return self if lang == self.language else self.model_copy(update={"language": lang})
        changes = {k: v for k, v in text.model_dump(exclude={"state_campaign"}).items() if v}
        if text.state_campaign and self.state_campaign:
            words = text.state_campaign.model_dump(exclude_none=True)
            changes["state_campaign"] = self.state_campaign.model_copy(update=words)
        return self.model_copy(update={**changes, "language": lang})

    @property
    def locale(self) -> str:
        """The site's locale as language_TERRITORY (Open Graph's og:locale): en_US."""
        return self.locale_in(self.language)

    def locale_in(self, lang: str) -> str:
        """The locale of the chapter's pages in ``lang``: es_US (its region, else the country)."""
        primary, *subtags = lang.split("-")
        regions = [tag for tag in subtags if len(tag) == 2 and tag.isalpha()]
        return f"{primary.lower()}_{(regions[0] if regions else self.country).upper()}"

    @property
    def sitename(self) -> str:
        """The site's name: campaign · chapter."""
        return f"{self.campaign} · {self.name}"


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
        "SITENAME": chapter.sitename,
        "AUTHOR": chapter.name,
        "TIMEZONE": chapter.timezone,
        "DEFAULT_LANG": chapter.language,
        "SITE_LANGUAGES": chapter.languages,
    }
