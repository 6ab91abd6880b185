"""The events file's rules as JSON Schema, for the editors' schema (``invoke schemas``).

The shapes of a start (a day, or a day and a 24-hour time, in the years the build
accepts) and the rules between fields that JSON Schema can state (``if``/``then``,
``anyOf``). The build states the same rules in ``rules.py``; ``tests/test_schemas.py``
counts how many of the build's rules the schema also catches.
"""

from __future__ import annotations

from site_core.schemas import equals, given

#: A day of the years 1900-2999 (timing.YEARS), year-month-day.
DAY = r"(19|2\d)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
#: A 24-hour time, seconds optional, and an optional offset from UTC.
TIME = r"([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?"
DAY_ALONE = f"^{DAY}$"
DAY_AND_TIME = f"^{DAY}[T ]{TIME}$"

WHEN = {
    "type": "string",
    "pattern": f"^{DAY}([T ]{TIME})?$",
    "description": (
        "Local date and 24-hour time in the event's timezone (2026-12-05 18:30), or ISO 8601 "
        "with an offset; a date alone for an all-day event."
    ),
    "examples": ["2026-12-05 10:00", "2026-11-01T01:30-05:00", "2027-04-10"],
}
DAY_SCHEMA = {"type": "string", "format": "date", "pattern": DAY_ALONE, "examples": ["2027-01-26"]}


def _kind_of(pattern: str) -> dict:
    """``end`` and every item of ``dates`` match ``pattern`` (a day alone, or with a time)."""
    shape = {"anyOf": [{"type": "null"}, {"pattern": pattern}]}
    return {"properties": {"end": shape, "dates": {"items": {"pattern": pattern}}}}


#: One rule between fields per item: the build's messages name the same rules.
RULES = [
    # A member's home: no address written.
    {"if": equals("address_private", True), "then": {"properties": {"address": {"maxLength": 0}}}},
    # Where or how to join.
    {
        "anyOf": [
            given("location"),
            given("address"),
            given("online"),
            equals("address_private", True),
        ]
    },
    # cancelled: true goes with no other status.
    {
        "if": equals("cancelled", True),
        "then": {"properties": {"status": {"enum": ["scheduled", "cancelled"]}}},
    },
    {
        "if": given("cancelled_reason"),
        "then": {"anyOf": [equals("cancelled", True), equals("status", "cancelled")]},
    },
    # rescheduled, and only rescheduled, has the old start.
    {"if": equals("status", "rescheduled"), "then": given("previous_start")},
    {"if": given("previous_start"), "then": equals("status", "rescheduled")},
    # A repeat has an end day and no list of dates; an end day belongs to a repeat.
    {
        "if": given("repeat"),
        "then": {"allOf": [given("until"), {"properties": {"dates": {"maxItems": 0}}}]},
    },
    {"if": given("until"), "then": given("repeat")},
    # An all-day event's end and dates are days; a timed event's have a time.
    {
        "if": {"properties": {"start": {"pattern": DAY_ALONE}}},
        "then": _kind_of(DAY_ALONE),
        "else": _kind_of(DAY_AND_TIME),
    },
]


def reserved_slugs(names) -> dict:
    """``slug`` is none of the listing's own page names."""
    return {"properties": {"slug": {"not": {"enum": sorted(names)}}}}
