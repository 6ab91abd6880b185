"""The rules between an event's fields, and the :class:`~events.event.Event` they make.

:func:`build_event` turns a valid :class:`~events.entry.EventEntry` into an
Event with aware datetimes and its dates (an end after its start, a local time
that exists in its timezone, repeats), recording every problem it finds at the
line of its field instead of stopping at the first. An event whose ``start``
is a date alone is an all-day event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from site_core.editor_html import HtmlProblem, report_problems
from site_core.i18n import SiteLanguages
from site_core.problems import ProblemReport
from site_core.slugs import slugify
from site_core.translations import source_digest

from .description import describe
from .entry import RESERVED_SLUGS, EventEntry
from .event import Event, Span
from .languages import EventWords
from .timing import day_start, elapsed, later, localize, repeat_starts

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
#: More occurrences than this is a typo in ``until`` (five years of weekly events).
MAX_OCCURRENCES = 260
#: Further than this from the build date, an event is probably a typo in the year.
FAR_AWAY = timedelta(days=2 * 365)
#: The editors' guide section on removing a committed private address from git history.
PURGE_GUIDE = "docs/editing/events.md#if-a-private-address-was-committed"


@dataclass(frozen=True, slots=True)
class BuildFacts:
    """What building an event needs to know about the site and the build."""

    chapter_zone: str
    now: datetime
    host: str
    languages: SiteLanguages = field(default_factory=SiteLanguages)


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

    def html(
        self, name: str, text: str, problems: tuple[HtmlProblem, ...], first: int | None = None
    ) -> None:
        """Report what the sanitiser removed from a Markdown field, at its lines (``first``:
        the field's line, when it is not one of the event's own).

        The event is still built (its HTML is sanitised): its other checks go on.
        """
        first = first or self.line(name) or 1
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


def _translations(entry: EventEntry, check: _Checker) -> tuple[EventWords, ...]:
    """The event's words in other languages, their descriptions through the same policy."""
    block = check.lines.get("translations") if hasattr(check.lines, "get") else None
    words = []
    for lang, translation in sorted(entry.translations.items()):
        line = block.line_of(lang) if hasattr(block, "line_of") else None
        own = block.get(lang) if hasattr(block, "get") else None
        html, text, problems = describe(translation.description)
        if problems:
            name = f"translations.{lang}.description"
            at = own.line_of("description") if hasattr(own, "line_of") else line
            check.html(name, translation.description, problems, at)
        words.append(
            EventWords(
                lang=lang,
                title=translation.title,
                description_html=html,
                description_text=text,
                source_hash=translation.source_hash,
                status=translation.translation_status,
                line=line,
            )
        )
    return tuple(words)


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
    translations = _translations(entry, check)
    if check.failed:
        return None
    original_first = previous or start
    slug = entry.slug or default_slug(entry, original_first)
    return Event(
        slug=slug,
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
        spans=tuple(
            Span(s, e, _uid(slug, original_first if i == 0 else s, facts.host))
            for i, (s, e) in enumerate(spans)
        ),
        text_lang=facts.languages.default,
        description_lang=facts.languages.default,
        words_digest=source_digest(entry.title, entry.description),
        translations=translations,
    )


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
