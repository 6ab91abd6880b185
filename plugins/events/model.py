"""What an events file may hold, and the typed events the rest of the plugin uses.

:class:`EventEntry` is the single statement of the editor's format, field by
field (``content/events/*.yml`` holds a list of them: :class:`EventFile`, from
which the JSON Schema editors use is generated). Rules that need more than one
field (an end after its start, a local time that exists in its timezone,
repeats) are in :func:`build_event`, which turns a valid entry into an
:class:`Event` with aware datetimes and its :class:`Occurrence` list, and
records every problem it finds instead of stopping at the first. An event whose
``start`` is a date alone is an all-day event: each occurrence runs from the
first instant of its first day to the first instant of the day after its last.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
import re
from typing import Annotated, Literal
from urllib.parse import quote_plus
from zoneinfo import ZoneInfo

from markupsafe import Markup
from pydantic import BeforeValidator, ConfigDict, Field, RootModel, WithJsonSchema, field_validator

from site_core.chapter import Strict, Timezone, WebUrl, check_web_url
from site_core.dates import DateStyle
from site_core.editor_html import HtmlProblem, render_markdown, report_problems
from site_core.plaintext import html_to_text
from site_core.problems import ProblemReport
from site_core.published import Published, site_address
from site_core.slugs import Slug, slugify
from site_core.suggest import did_you_mean

from .schema import DAY_SCHEMA, RULES, WHEN, reserved_slugs
from .timing import (
    day_start,
    elapsed,
    later,
    localize,
    parse_day,
    parse_when,
    repeat_starts,
)

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
TYPE_LABELS = {
    "canvass": ("Canvass", "Canvasses"),
    "town-hall": ("Town hall", "Town halls"),
    "panel": ("Panel", "Panels"),
    "rally": ("Rally", "Rallies"),
    "phonebank": ("Phonebank", "Phonebanks"),
    "training": ("Training", "Trainings"),
    "meeting": ("Meeting", "Meetings"),
    "other": ("Other", "Other events"),
}
#: How long an event lasts when the editor gives no ``end``.
DEFAULT_LENGTH = {
    "canvass": timedelta(hours=3),
    "town-hall": timedelta(hours=2),
    "panel": timedelta(hours=2),
    "rally": timedelta(hours=2),
    "phonebank": timedelta(hours=2),
    "training": timedelta(hours=2),
    "meeting": timedelta(hours=1, minutes=30),
    "other": timedelta(hours=2),
}
STATUSES = ("scheduled", "postponed", "rescheduled", "cancelled")
REPEATS = ("weekly", "biweekly", "monthly")
#: More occurrences than this is a typo in ``until`` (five years of weekly events).
MAX_OCCURRENCES = 260
#: Further than this from the build date, an event is probably a typo in the year.
FAR_AWAY = timedelta(days=2 * 365)
#: Names under /events/ that pages and feeds of the listing already use.
RESERVED_SLUGS = frozenset({*EVENT_TYPES, "past", "calendar", "upcoming", "group"})
PRIVATE_PLACE = "Address sent after you RSVP"
#: The editors' guide section on removing a committed private address from git history.
PURGE_GUIDE = "docs/editing/events.md#if-a-private-address-was-committed"


def _one_of(options: tuple[str, ...], what: str):
    """A before-validator that names the closest option when a value is misspelt."""

    def check(value):
        if isinstance(value, str) and value.strip() not in options:
            hint = did_you_mean(
                value.strip().lower(), options, f"write one of: {', '.join(options)}", 0.5
            )
            raise ValueError(f"is not {what} (got {value!r}); {hint}")
        return value

    return check


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


class EventEntry(Strict):
    """One event as an editor writes it: an item of the list in ``content/events/*.yml``."""

    model_config = ConfigDict(json_schema_extra={"allOf": [*RULES, reserved_slugs(RESERVED_SLUGS)]})

    title: str = Field(
        min_length=1, description="What readers see first, e.g. 'Door knocking in Atwood'."
    )
    type: Annotated[
        Literal[EVENT_TYPES],  # type: ignore[valid-type]
        BeforeValidator(_one_of(EVENT_TYPES, "an event type")),
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
    status: Annotated[
        Literal[STATUSES],  # type: ignore[valid-type]
        BeforeValidator(_one_of(STATUSES, "a status")),
    ] = "scheduled"
    previous_start: When | None = Field(None, description="With status: rescheduled.")
    slug: Slug | None = Field(None, description="The page's address.")
    working_group: Slug | None = Field(
        None,
        description="The working group that organises it: the slug of its charter "
        "(content/charters/), e.g. 'medicare-for-all'.",
    )
    repeat: Annotated[
        Literal[REPEATS] | None,  # type: ignore[valid-type]
        BeforeValidator(_one_of(REPEATS, "a way to repeat")),
    ] = None
    until: Day | None = Field(None, description="Last day of a repeat.")
    dates: list[When] = Field(
        default_factory=list, description="More start times (days, for an all-day event)."
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


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One date of an event: the unit listings, calendars and feeds are made of.

    ``start`` and ``end`` are instants in the event's zone; an all-day occurrence
    runs from the start of its first day to the start of the day after its last.
    """

    event: Event
    start: datetime
    end: datetime
    uid: str

    @property
    def anchor(self) -> str:
        """The id of this date on the event's page."""
        return f"on-{self.start:%Y-%m-%d-%H%M}"

    @property
    def all_day(self) -> bool:
        """A day (or days) with no time: a day of action."""
        return self.event.all_day

    @property
    def last_day(self) -> date:
        """The day it ends on (for all day: the last day it covers)."""
        if self.all_day:
            return self.end.date() - timedelta(days=1)
        return self.end.date()

    @property
    def spans_days(self) -> bool:
        """It ends on another day than it starts."""
        return self.last_day != self.start.date()

    @property
    def start_iso(self) -> str:
        """The start in ISO 8601 (pages, JSON-LD, feed): the date alone for all day."""
        return self.start.date().isoformat() if self.all_day else self.start.isoformat()

    @property
    def end_iso(self) -> str:
        """The end in ISO 8601: for all day, the last day (inclusive, as schema.org means)."""
        return self.last_day.isoformat() if self.all_day else self.end.isoformat()

    def zone_note(self, when: datetime) -> str:
        """ " EST" after a time when the event is not in the chapter's zone; else nothing."""
        return f" {when.strftime('%Z')}" if self.event.zone_differs else ""

    def times(self, style: DateStyle) -> str:
        """10:00 AM – 1:00 PM, with the end's day when it ends on another day; or "all day"."""
        if self.all_day:
            return "all day"
        end = style.time(self.end) + self.zone_note(self.end)
        if self.spans_days:
            return f"{style.time(self.start)} – {style.date(self.last_day)}, {end}"
        return f"{style.time(self.start)} – {end}"

    def label(self, style: DateStyle) -> str:
        """The whole date and time as one line of text, for descriptions and feeds."""
        if self.all_day and self.spans_days:
            return f"{style.date(self.start)} – {style.date(self.last_day)}, all day"
        return f"{style.date(self.start)}, {self.times(style)}"


@dataclass(frozen=True, slots=True)
class Event:
    """A valid event, ready for pages, calendars and feeds. A private address is not kept."""

    slug: str
    title: str
    type: str
    status: str
    all_day: bool
    zone: ZoneInfo
    zone_differs: bool
    location: str | None
    address: str | None
    address_private: bool
    online: str | None
    rsvp: str | None
    description_html: Markup
    description_text: str
    accessibility: str | None
    bring: str | None
    languages: tuple[str, ...]
    contact: str | None
    cancelled_reason: str | None
    previous_start: datetime | date | None
    source: str
    line: int | None
    #: The line the address comes from: ``slug:``, else the title (problems with it go there).
    slug_line: int | None = None
    #: The slug of the charter of the working group that organises it, and its line.
    working_group: str | None = None
    group_line: int | None = None
    occurrences: tuple[Occurrence, ...] = field(default=())

    @property
    def type_label(self) -> str:
        """Canvass, Town hall…"""
        return TYPE_LABELS[self.type][0]

    @property
    def url(self) -> str:
        """The page's address, relative to the site root."""
        return f"events/{self.slug}/"

    @property
    def save_as(self) -> str:
        """The page's file in the output."""
        return f"events/{self.slug}/index.html"

    @property
    def published(self) -> Published:
        """The event's address and what it is, for the record of published addresses."""
        first = self.occurrences[0]
        start = first.start.date().isoformat() if self.all_day else f"{first.start:%Y-%m-%d %H:%M}"
        return Published(site_address(self.url), "event", self.title, self.source, start, first.uid)

    def keep_uid(self, uid: str) -> None:
        """Give the first date the calendar UID recorded when the event was first published."""
        object.__setattr__(self.occurrences[0], "uid", uid)

    @property
    def ics_url(self) -> str:
        """The event's own calendar file."""
        return f"events/{self.slug}.ics"

    @property
    def place(self) -> str:
        """Where, in a few words: the place's name, or "Online"."""
        if self.location:
            return self.location
        if self.address:
            return self.address
        if self.address_private:
            return PRIVATE_PLACE
        return "Online"

    @property
    def attendance(self) -> str:
        """offline, online or mixed (schema.org's eventAttendanceMode)."""
        in_person = bool(self.location or self.address or self.address_private)
        if in_person and self.online:
            return "mixed"
        return "online" if self.online else "offline"

    @property
    def map_url(self) -> str | None:
        """A plain OpenStreetMap search link for a public address; None otherwise."""
        if (
            self.address_private
            or not (self.address or self.location)
            or self.attendance == "online"
        ):
            return None
        return "https://www.openstreetmap.org/search?query=" + quote_plus(
            self.address or self.location
        )

    @property
    def contact_href(self) -> str | None:
        """A link for the contact, when it is an e-mail address or a web address."""
        text = self.contact or ""
        if re.match(r"^(https?|mailto|tel):", text):
            return text
        if re.fullmatch(r"[^@\s,]+@[^@\s,]+\.[a-z]{2,}", text, re.IGNORECASE):
            return f"mailto:{text}"
        return None

    @property
    def is_active(self) -> bool:
        """Readers can still go: not cancelled or postponed."""
        return self.status in {"scheduled", "rescheduled"}


@dataclass(frozen=True, slots=True)
class BuildFacts:
    """What building an event needs to know about the site and the build."""

    chapter_zone: str
    now: datetime
    host: str


@lru_cache(maxsize=4096)
def describe(text: str) -> tuple[Markup, str, tuple[HtmlProblem, ...]]:
    """An event's Markdown description as sanitised HTML, as plain text, and what the
    sanitiser removed that the editor meant.

    Cached: repeated events often share one description, and Markdown is the
    costliest step of reading events. An empty description costs nothing.
    """
    if not text.strip():
        return Markup(""), "", ()
    cleaned = render_markdown(text)
    return cleaned.html, html_to_text(cleaned.html), cleaned.problems


def far_away(start: datetime, now: datetime) -> tuple[str, str] | None:
    """(message, hint) when ``start`` is probably a typo in the year; None otherwise.

    The one rule of reading that depends on the build date: the events cache
    (``events.cache``) runs it again on every build for the events it reuses.
    """
    if abs(start - now) > FAR_AWAY:
        return f"is more than two years from the build date ({start:%Y-%m-%d})", "check the year"
    return None


def default_slug(entry: EventEntry, first: datetime) -> str:
    """``2026-12-05-door-knocking-in-atwood``: the date keeps recurring titles apart."""
    return f"{first:%Y-%m-%d}-{slugify(entry.title, max_length=60)}"


class _Checker:
    """Report problems of one event at the line of the field they concern."""

    def __init__(self, report: ProblemReport, path, lines, prefix: str):
        self.report, self.path, self.lines, self.prefix = report, path, lines, prefix
        self.failed = False

    def line(self, name: str, index: int | None = None) -> int | None:
        value = self.lines.get(name) if hasattr(self.lines, "get") else None
        if index is not None and hasattr(value, "item_lines") and index < len(value.item_lines):
            return value.item_lines[index]
        return self.lines.line_of(name) if hasattr(self.lines, "line_of") else None

    def error(self, name: str, message: str, hint: str | None = None, index=None) -> None:
        self.failed = True
        self.report.error(self.path, self.line(name, index), self.prefix + name, message, hint)

    def warning(self, name: str, message: str, hint: str | None = None) -> None:
        self.report.warning(self.path, self.line(name), self.prefix + name, message, hint)

    def html(self, name: str, text: str, problems: tuple[HtmlProblem, ...]) -> None:
        """Report what the sanitiser removed from a Markdown field, at its lines.

        The event is still built (its HTML is sanitised): its other checks go on.
        """
        first = self.line(name) or 1
        if "\n" in text.strip():  # a block (description: |) starts under its key
            first += 1
        report_problems(self.report, self.path, problems, text, first, self.prefix + name)

    def localize(self, name: str, when: datetime, zone: ZoneInfo, index=None) -> datetime:
        aware, problem, hint = localize(when, zone)
        if problem:
            self.error(name, problem, hint, index)
        return aware


def _check_fields(entry: EventEntry, check: _Checker) -> None:
    """The rules between fields that do not involve times."""
    if not (entry.location or entry.address or entry.online or entry.address_private):
        check.error(
            "location",
            "says neither where nor how to join",
            "add 'location:' (and 'address:') for a place, or 'online:' with the meeting link",
        )
    if entry.cancelled and entry.status not in {"scheduled", "cancelled"}:
        check.error(
            "cancelled",
            f"cannot go with status: {entry.status}",
            "keep 'cancelled: true' or the status, not both",
        )
    if entry.cancelled_reason and not (entry.cancelled or entry.status == "cancelled"):
        check.error(
            "cancelled_reason", "is given but the event is not cancelled", "add 'cancelled: true'"
        )
    if entry.status == "rescheduled" and entry.previous_start is None:
        check.error(
            "status",
            "rescheduled needs the old time",
            "add 'previous_start:' with the date it had before",
        )
    if entry.previous_start is not None and entry.status != "rescheduled":
        check.error("previous_start", "is only for rescheduled events", "add 'status: rescheduled'")
    if entry.repeat and entry.until is None:
        check.error(
            "repeat",
            "needs an end date",
            "add 'until:' with the last day, e.g. 'until: 2027-03-30'",
        )
    if entry.until is not None and not entry.repeat:
        check.error(
            "until", "is only for repeating events", "add 'repeat: weekly' (or biweekly, monthly)"
        )
    if entry.repeat and entry.dates:
        check.error("dates", "cannot go with 'repeat'", "list the dates, or repeat, not both")
    if entry.slug in RESERVED_SLUGS:
        check.error(
            "slug",
            f"'{entry.slug}' is the address of a page of the events listing",
            f"choose another slug, e.g. '{entry.slug}-{entry.start:%Y-%m}'",
        )
    if entry.address_private and entry.address:
        check.error(
            "address",
            "must not be written for a member's home (address_private: true): the repository "
            "is public and its history keeps every line ever committed",
            "delete this line and name only the neighbourhood in 'location:' (the RSVP form "
            "gives the address to those who sign up); if it was ever pushed, purge it from "
            f"the history: {PURGE_GUIDE}",
        )
    if entry.address_private and not (entry.rsvp or entry.contact):
        check.warning(
            "address_private", "readers have no way to get the address", "add 'rsvp:' or 'contact:'"
        )


def is_all_day(entry: EventEntry) -> bool:
    """An event whose start is a date alone: a day (or days) of action."""
    return not isinstance(entry.start, datetime)


def start_of(entry: EventEntry, zone: ZoneInfo) -> datetime:
    """The instant an entry's ``start`` means (for all day, its day's first); not checked."""
    if is_all_day(entry):
        return day_start(entry.start, zone)
    return localize(entry.start, zone)[0]


def _other_kind(value: datetime | date, start: datetime | date) -> tuple[str, str]:
    """(message, hint) for an end or date that is not of the start's kind."""
    if isinstance(value, datetime):
        return (
            "has a time, but 'start' is a day alone (an all-day event)",
            f"write the day alone, e.g. '{value:%Y-%m-%d}', or give 'start' a time too",
        )
    return (
        "is a day without a time, but 'start' has a time",
        f"add the time, e.g. '{value} {start:%H:%M}', or write 'start' as a day alone "
        "for an all-day event",
    )


def _check_kinds(entry: EventEntry, check: _Checker) -> None:
    """An all-day event's end and dates are days; a timed event's have a time of day."""
    all_day = is_all_day(entry)
    if entry.end is not None and isinstance(entry.end, datetime) == all_day:
        check.error("end", *_other_kind(entry.end, entry.start))
    for index, extra in enumerate(entry.dates):
        if isinstance(extra, datetime) == all_day:
            check.error("dates", *_other_kind(extra, entry.start), index=index)


def _local_starts(entry: EventEntry, local: datetime, check: _Checker) -> list[datetime]:
    """The local (naive) start times of every repeat, the first (``local``) included."""
    if entry.repeat and entry.until is not None:
        if entry.until < local.date():
            check.error(
                "until",
                f"is before the start ({local:%Y-%m-%d})",
                "write the last day the event repeats",
            )
            return [local]
        starts = repeat_starts(local, entry.repeat, entry.until)
        if len(starts) > MAX_OCCURRENCES:
            check.error(
                "until",
                f"makes {len(starts)} dates, more than {MAX_OCCURRENCES}",
                "check the year in 'until:'",
            )
            return [local]
        return starts
    return [local]


Spans = list[tuple[datetime, datetime]]


def _timed_spans(entry: EventEntry, check: _Checker, zone: ZoneInfo) -> tuple[datetime, Spans]:
    """A timed event's start, and the (start, end) of every occurrence in order.

    Every occurrence lasts as long as the first (elapsed time, so an end on the
    night clocks change is still the right instant).
    """
    start = check.localize("start", entry.start, zone)
    length = DEFAULT_LENGTH[entry.type]
    if isinstance(entry.end, datetime):
        end = check.localize("end", entry.end, zone)
        if elapsed(start, end) <= timedelta(0):
            check.error(
                "end",
                f"must be after the start (got {entry.end:%Y-%m-%d %H:%M}, "
                f"start {entry.start:%Y-%m-%d %H:%M})",
                "write the time the event ends, on the same day unless it runs overnight",
            )
        else:
            length = elapsed(start, end)
    starts = [start]
    if entry.repeat:
        local_starts = _local_starts(entry, start.replace(tzinfo=None), check)
        starts += [check.localize("repeat", s, zone) for s in local_starts[1:]]
    for index, extra in enumerate(entry.dates):
        if isinstance(extra, datetime):
            starts.append(check.localize("dates", extra, zone, index))
    in_order = {s.astimezone(UTC): s for s in sorted(starts, key=lambda s: s.astimezone(UTC))}
    return start, [(s, later(s, length)) for s in in_order.values()]


def _all_day_spans(entry: EventEntry, check: _Checker, zone: ZoneInfo) -> tuple[datetime, Spans]:
    """An all-day event's start, and the (start, end) of every occurrence in order.

    Each occurrence covers as many days as the first: from the first instant of
    its first day to the first instant of the day after its last.
    """
    first: date = entry.start
    days = 1
    if entry.end is not None and not isinstance(entry.end, datetime):
        if entry.end < first:
            check.error(
                "end",
                f"is before the start (got {entry.end}, start {first})",
                "write the last day of the event (the start's day for one day)",
            )
        else:
            days = (entry.end - first).days + 1
    firsts = {first}
    if entry.repeat:
        local = datetime.combine(first, time())
        firsts |= {s.date() for s in _local_starts(entry, local, check)}
    firsts |= {d for d in entry.dates if not isinstance(d, datetime)}
    length = timedelta(days=days)
    spans = [(day_start(d, zone), day_start(d + length, zone)) for d in sorted(firsts)]
    return day_start(first, zone), spans


def build_event(
    entry: EventEntry,
    lines,
    path,
    report: ProblemReport,
    prefix: str,
    facts: BuildFacts,
    source: str | None = None,
) -> Event | None:
    """Turn a valid entry into an Event with its occurrences, or record why it cannot be.

    ``source`` is ``path`` as problems show it (the loader works it out once per file).
    """
    check = _Checker(report, path, lines, prefix)
    _check_fields(entry, check)
    _check_kinds(entry, check)
    zone = ZoneInfo(entry.timezone or facts.chapter_zone)
    all_day = is_all_day(entry)
    start, spans = (_all_day_spans if all_day else _timed_spans)(entry, check, zone)
    previous_start, previous = entry.previous_start, None  # as written; as an instant
    if isinstance(previous_start, datetime):
        previous = previous_start = check.localize("previous_start", previous_start, zone)
    elif previous_start is not None:
        previous = day_start(previous_start, zone)
    far = far_away(start, facts.now)
    if far:
        check.warning("start", *far)
    html, text, problems = describe(entry.description)
    check.html("description", entry.description, problems)
    if check.failed:
        return None
    event = Event(
        slug=entry.slug or default_slug(entry, (previous or start)),
        title=entry.title,
        type=entry.type,
        status="cancelled" if entry.cancelled else entry.status,
        all_day=all_day,
        zone=zone,
        zone_differs=zone.key != facts.chapter_zone,
        location=entry.location,
        address=None if entry.address_private else entry.address,
        address_private=entry.address_private,
        online=entry.online,
        rsvp=entry.rsvp,
        description_html=html,
        description_text=text,
        accessibility=entry.accessibility,
        bring=entry.bring,
        languages=tuple(entry.languages),
        contact=entry.contact,
        cancelled_reason=entry.cancelled_reason,
        previous_start=previous_start,
        source=source or report.relative(path),
        line=getattr(lines, "line", None),
        slug_line=check.line("slug" if entry.slug else "title"),
        working_group=entry.working_group,
        group_line=check.line("working_group") if entry.working_group else None,
    )
    original_first = previous or start
    occurrences = tuple(
        Occurrence(event, s, e, _uid(event.slug, original_first if i == 0 else s, facts.host))
        for i, (s, e) in enumerate(spans)
    )
    object.__setattr__(event, "occurrences", occurrences)  # the one place an Event is completed
    return event


def postponed_with_a_new_date(event: Event, before: str, now: str, report: ProblemReport) -> None:
    """Warn that an event 'postponed' to a new date is, in the kit's words, 'rescheduled'.

    "Postponed to 30 January" is a new date; 'postponed' means no new date yet. Written
    as rescheduled, the event keeps its address and calendars show the move.
    """
    report.warning(
        report.root / event.source,
        event.line,
        f"'{event.title}'.status",
        f"is 'postponed' but its start moved from {before} to {now}",
        f"an event with a new date is rescheduled: write 'status: rescheduled' and "
        f"'previous_start: {before}' (keep 'postponed' only while there is no new date)",
    )


def _uid(slug: str, start: datetime, host: str) -> str:
    """A UID that stays the same from build to build (RFC 5545 3.8.4.7)."""
    return f"{slug}-{start.astimezone(UTC):%Y%m%dT%H%M%SZ}@{host}"
