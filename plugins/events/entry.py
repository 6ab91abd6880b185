"""The editor's format: one event as written in ``content/events/*.yml``, field by field.

:class:`EventEntry` is the single statement of that format (``EventFile``, a
list of entries, is the root of the JSON Schema editors use). Rules between
fields are in ``rules.py``.
"""

from __future__ import annotations

from datetime import date, datetime
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from site_core.fields import Strict, Timezone, WebUrl, check_language, check_web_url
from site_core.slugs import Slug
from site_core.translated_headers import SourceHash
from site_core.translations import STATUSES as TRANSLATION_STATUSES, language_label

from .schema import DAY_SCHEMA, RULES, WHEN, reserved_slugs
from .timing import parse_day, parse_when

EVENT_TYPES = (
    "canvass",
    "town-hall",
    "panel",
    "rally",
    "phonebank",
    "training",
    "meeting",
    "other",
)
STATUSES = ("scheduled", "postponed", "rescheduled", "cancelled")
REPEATS = ("weekly", "biweekly", "monthly")
#: Names under /events/ that pages and feeds of the listing already use.
RESERVED_SLUGS = frozenset({*EVENT_TYPES, "past", "calendar", "upcoming", "group"})


def _as_list(value):
    """Accept ``languages: English, Spanish`` as well as a YAML list."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


#: A start or end: a datetime (naive = local, or with an offset), or a date (all day).
When = Annotated[datetime | date, BeforeValidator(parse_when), WithJsonSchema(WHEN)]
Day = Annotated[
    date,
    BeforeValidator(parse_day),
    WithJsonSchema(DAY_SCHEMA),
]


def _other_language(code: str, info: ValidationInfo) -> str:
    """A key of ``translations:`` is one of the site's other languages (``context``:
    ``languages``, the site's; without it, as for the JSON Schema, any language code)."""
    languages = (info.context or {}).get("languages")
    if languages is None:
        return code
    if code == languages.default:
        raise ValueError(
            f"is the site's own language ({code}): the event's fields are already in it; "
            "move these words to the event's own 'title:' and 'description:', or delete them"
        )
    if code not in languages.others:
        raise ValueError(
            f"is {language_label(code)} ({code}), a language the site is not in; add '{code}' "
            "under 'translations:' in content/chapter.yml, or delete this translation"
        )
    return code


#: How a key of ``translations:`` is written: a language code, its language in small letters.
LANGUAGE_KEY = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"


def _language_key(code: object) -> object:
    """A key of ``translations:`` that is not written as a language code is a problem that
    says which code to write (``Spanish``, ``ES``: ``es``), not the pattern it breaks."""
    if not isinstance(code, str) or re.fullmatch(LANGUAGE_KEY, code):
        return code
    check_language(code)  # not a language at all: its own message and the code to write
    primary, dash, rest = code.strip().partition("-")
    raise ValueError(
        f"is not written as a language code (got {code!r}); write '{primary.lower()}{dash}{rest}'"
    )


#: A language of the site other than its own, as a key of ``translations:``.
OtherLanguage = Annotated[
    str,
    StringConstraints(pattern=LANGUAGE_KEY),
    AfterValidator(_other_language),
    BeforeValidator(_language_key),
]


class EventTranslation(Strict):
    """An event's words in another language: an item of its ``translations:``."""

    title: str = Field(min_length=1, description="The title in this language.")
    description: str = Field("", description="Markdown; default: the original's.")
    source_hash: SourceHash | None = Field(
        None,
        description="The original's digest when this was translated (invoke translations "
        "shows it): the gap report tells when the original changed since.",
    )
    translation_status: Literal[TRANSLATION_STATUSES] | None = Field(  # type: ignore[valid-type]
        None, description="draft: to be reviewed by a native speaker."
    )


class EventEntry(Strict):
    """One event as an editor writes it: an item of the list in ``content/events/*.yml``."""

    model_config = ConfigDict(json_schema_extra={"allOf": [*RULES, reserved_slugs(RESERVED_SLUGS)]})

    title: str = Field(
        min_length=1, description="What readers see first, e.g. 'Door knocking in Atwood'."
    )
    type: Annotated[
        Literal[EVENT_TYPES],  # type: ignore[valid-type]
        Field(description="The kind of event; the listing can be filtered by it."),
    ]
    start: When
    end: When | None = Field(
        None,
        description="Default: a usual length for the type. All day: the last day (default: one).",
    )
    timezone: Timezone | None = Field(None, description="IANA name; default: the chapter's.")
    location: str | None = Field(
        None, description="The place's name; for a member's home, only the neighbourhood."
    )
    address: str | None = Field(
        None, description="A public place's street address; shown with a map link."
    )
    address_private: bool = Field(
        False,
        description="A member's home: write no address (the RSVP form gives it), "
        "only the neighbourhood in 'location'.",
    )
    online: WebUrl | None = Field(None, description="https link to join a virtual event.")
    rsvp: WebUrl | None = Field(
        None, description="https link to sign up (Mobilize, Action Network…)."
    )
    description: str = Field("", description="Markdown.")
    accessibility: str | None = Field(
        None, description="e.g. 'step-free entrance, ASL on request'."
    )
    bring: str | None = Field(
        None, description="What to bring, for the flyer and the page: e.g. 'a charged phone'."
    )
    languages: Annotated[
        list[str],
        BeforeValidator(_as_list),
        WithJsonSchema(
            {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
        ),
    ] = Field(default_factory=list, description="e.g. 'English, Spanish'.")
    contact: str | None = Field(None, description="A name, e-mail address, phone or link.")
    cancelled: bool = False
    cancelled_reason: str | None = None
    status: Literal[STATUSES] = "scheduled"  # type: ignore[valid-type]
    previous_start: When | None = Field(None, description="With status: rescheduled.")
    slug: Slug | None = Field(None, description="The page's address.")
    working_group: Slug | None = Field(
        None,
        description="The working group that organises it: the slug of its charter "
        "(content/charters/), e.g. 'medicare-for-all'.",
    )
    repeat: Literal[REPEATS] | None = None  # type: ignore[valid-type]
    until: Day | None = Field(None, description="Last day of a repeat.")
    dates: list[When] = Field(
        default_factory=list, description="More start times (days, for an all-day event)."
    )
    translations: dict[OtherLanguage, EventTranslation] = Field(
        default_factory=dict,
        description="The title and description in the site's other languages, by language "
        "code, e.g. es.",
        json_schema_extra={"additionalProperties": False},  # every key a language code
    )

    @field_validator("contact")
    @classmethod
    def _contact(cls, value: str | None) -> str | None:
        if value and re.match(r"^[a-z][a-z0-9+.-]*:", value, re.IGNORECASE):
            scheme = value.split(":", 1)[0].lower()
            if scheme in {"http", "https"}:
                return check_web_url(value)
            if scheme not in {"mailto", "tel"}:
                raise ValueError(
                    f"must be a name, e-mail address, phone number or web address (got {value!r}); "
                    "write e.g. 'Mark Kelly, m4a@example.org'"
                )
        return value


class EventFile(RootModel[list[EventEntry]]):
    """A whole events file: a YAML list of events (the JSON Schema's root)."""
