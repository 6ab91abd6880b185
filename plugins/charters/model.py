"""Working-group charters: the header fields an editor writes, and the built charter.

:class:`CharterHeader` is the one statement of what a charter file's header
may hold (see docs/editing/charters.md), :class:`CharterTranslationHeader` that of a
translation (``x.es.md``); :class:`Charter` is a charter ready for templates, in one
language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from pydantic import Field, field_validator

from site_core.fields import AnyCase, Strict
from site_core.i18n import N_
from site_core.slugs import Slug
from site_core.translated_headers import TranslationFields

STATUSES = ("proposed", "adopted", "retired")
#: The order of the working-groups page: groups at work first.
LISTING_ORDER = ("adopted", "proposed", "retired")
#: The badge colour of each status (the word is always shown too).
STATUS_BADGES = {"adopted": "ok", "proposed": "warn", "retired": ""}
#: The word shown for each status (translated where it is shown).
STATUS_LABELS = {"adopted": N_("Adopted"), "proposed": N_("Proposed"), "retired": N_("Retired")}


class CharterHeader(Strict):
    """The fields on top of a charter file."""

    working_group: str = Field(alias="working group")
    chapter: str
    status: Annotated[Literal[STATUSES], AnyCase]  # type: ignore[valid-type]
    adopted: date | None = None
    reports_to: str = Field(alias="reports to")
    summary: str | None = None
    slug: Slug | None = None

    @field_validator("adopted", mode="before")
    @classmethod
    def _adopted(cls, value):
        text = str(value or "").strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"must be a date written year-month-day (got {text!r}); "
                "write e.g. 'Adopted: 2018-03-14'"
            ) from None


class CharterTranslationHeader(CharterHeader, TranslationFields):
    """The fields on top of a charter's translation: its own words (the group's name, the
    chapter, who it reports to, the summary, the slug); its status and adoption date are
    the original's (see ``site_core.translated_headers``)."""

    status: Annotated[Literal[STATUSES], AnyCase] | None = None  # type: ignore[valid-type]


@dataclass(frozen=True, slots=True)
class Charter:
    """One working group's charter, ready for templates, in ``lang`` (a listing in another
    language holds the charters not translated into it in the original's)."""

    working_group: str
    chapter: str
    status: str
    adopted: date | None
    reports_to: str
    summary: str | None
    slug: str
    content: str
    url: str
    save_as: str
    source: str = ""  # the file, relative to the project
    group: str = ""  # the original's slug, by which events name the group (working_group:)
    lang: str = ""
    digest: str = ""  # source_digest of the name and text (an original's, for translations)

    @property
    def badge(self) -> str:
        """The badge class of the charter's status."""
        return STATUS_BADGES[self.status]

    @property
    def status_label(self) -> str:
        """The status as a word to show (in English: pass it through ``_()``)."""
        return STATUS_LABELS[self.status]
