"""Working-group charters: the header fields an editor writes, and the built charter.

:class:`CharterHeader` is the one statement of what a charter file's header
may hold (see docs/editing/charters.md); :class:`Charter` is a charter ready
for templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from pydantic import Field, field_validator

from site_core.fields import AnyCase, Strict
from site_core.slugs import Slug

STATUSES = ("proposed", "adopted", "retired")
#: The order of the working-groups page: groups at work first.
LISTING_ORDER = ("adopted", "proposed", "retired")
#: The badge colour of each status (the word is always shown too).
STATUS_BADGES = {"adopted": "ok", "proposed": "warn", "retired": ""}


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


@dataclass(frozen=True, slots=True)
class Charter:
    """One working group's charter, ready for templates."""

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

    @property
    def badge(self) -> str:
        """The badge class of the charter's status."""
        return STATUS_BADGES[self.status]
