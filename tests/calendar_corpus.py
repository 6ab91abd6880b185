"""The calendar interoperability corpus and the UTC times of its events, worked out by hand.

``tests/fixtures/calendar_interop/content``: clocks changing in 2006-2030, both 1:30s
of fall-back nights, Lord Howe's half-hour DST, Dublin's negative DST, Kolkata,
another zone than the chapter's, weekly repeats across a change, several days,
all day, statuses, other scripts and emoji. :data:`EXPECTED` is what every
calendar reader must find; it comes from the YAML, never from our code.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sitebuild import FIXTURES, build_site

CORPUS = FIXTURES / "calendar_interop" / "content"
CHAPTER_ZONE = "America/Chicago"  # the corpus's chapter.yml


def utc(text: str) -> datetime | date:
    """'2026-03-07 15:00' as a UTC instant; '2027-04-17' (all day) as a date."""
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def span(start: str, end: str) -> tuple[datetime | date, datetime | date]:
    """One occurrence: start and end (for all day, the day after the last: exclusive)."""
    return utc(start), utc(end)


#: slug -> (SUMMARY, every occurrence's UTC start and end), worked out by hand from the
#: YAML: Chicago is UTC-6 in standard time (CST) and UTC-5 in daylight time (CDT); US
#: clocks change on the second Sunday of March and the first of November (before 2007:
#: the first Sunday of April and the last of October).
EXPECTED: dict[str, tuple[str, list[tuple]]] = {
    # dst-chicago.yml
    "spring-2026-eve": (
        "Canvass the Saturday before clocks spring forward",
        [span("2026-03-07 15:00", "2026-03-07 17:00")],  # 09:00-11:00 CST
    ),
    "spring-2026-after": (
        "Canvass the Sunday clocks spring forward",
        [span("2026-03-08 14:00", "2026-03-08 16:00")],  # 09:00-11:00 CDT
    ),
    "spring-2027-across-gap": (
        "Vigil across the hour that does not exist",
        [span("2027-03-14 07:00", "2027-03-14 08:00")],  # 01:00 CST - 03:00 CDT: one hour
    ),
    "spring-2027-after-gap": (
        "Early meeting just after the gap",
        [span("2027-03-14 08:30", "2027-03-14 10:00")],  # 03:30-05:00 CDT
    ),
    "march-2027-cdt": (
        "Morning canvass two weeks into daylight time",
        [span("2027-03-27 14:00", "2027-03-27 15:00")],  # 09:00-10:00 CDT
    ),
    "fall-2026-first-130": (
        "Overnight vigil from the first 1:30",
        [span("2026-11-01 06:30", "2026-11-01 09:00")],  # 01:30-05:00 to 03:00 CST
    ),
    "fall-2026-second-130": (
        "Overnight vigil from the second 1:30",
        [span("2026-11-01 07:30", "2026-11-01 09:00")],  # 01:30-06:00 to 03:00 CST
    ),
    "fall-2027-across": (
        "Night shift across the fall back",
        [span("2027-11-07 05:30", "2027-11-07 10:00")],  # 00:30 CDT - 04:00 CST
    ),
    "fall-2027-end-in-fold": (
        "Night shift ending in the repeated hour",
        [span("2027-11-07 05:45", "2027-11-07 07:15")],  # 00:45 CDT - 01:15-06:00
    ),
    "spring-2028": (
        "Town hall the day clocks spring forward",
        [span("2028-03-12 15:00", "2028-03-12 17:00")],  # 10:00-12:00 CDT
    ),
    "fall-2028-eve": (
        "Canvass the day before clocks fall back",
        [span("2028-11-04 15:00", "2028-11-04 17:00")],  # 10:00-12:00 CDT
    ),
    "fall-2028": (
        "Canvass the day clocks fall back",
        [span("2028-11-05 16:00", "2028-11-05 18:00")],  # 10:00-12:00 CST
    ),
    "spring-2029-eve": (
        "Lunch meeting the day before clocks spring forward",
        [span("2029-03-10 18:00", "2029-03-10 19:00")],  # 12:00-13:00 CST
    ),
    "spring-2029": (
        "Lunch meeting the day clocks spring forward",
        [span("2029-03-11 17:00", "2029-03-11 18:00")],  # 12:00-13:00 CDT
    ),
    "fall-2029-second-115": (
        "Vigil from the second 1:15",
        [span("2029-11-04 07:15", "2029-11-04 08:15")],  # 01:15-06:00 to 02:15 CST
    ),
    "spring-2030-at-3": (
        "Meeting at the first hour of daylight time",
        [span("2030-03-10 08:00", "2030-03-10 09:00")],  # 03:00-04:00 CDT
    ),
    "fall-2030-first-to-second": (
        "Vigil from the first 1:00 to the second 1:45",
        [span("2030-11-03 06:00", "2030-11-03 07:45")],  # 01:00-05:00 to 01:45-06:00
    ),
    "old-rules-2006-04": (
        "Canvass under the old rules, before April's change",
        [span("2006-04-01 16:00", "2006-04-01 18:00")],  # CST: DST began on April 2
    ),
    "old-rules-2006-11": (
        "Canvass under the old rules, after October's change",
        [span("2006-11-01 16:00", "2006-11-01 18:00")],  # CST: DST ended on October 29
    ),
    "new-rules-2007-03": (
        "Canvass under the new rules of 2007",
        [span("2007-03-20 15:00", "2007-03-20 17:00")],  # CDT: DST began on March 11
    ),
    # zones.yml
    "lord-howe-dst-begins": (
        "Lord Howe Island call, the morning clocks go forward half an hour",
        [span("2026-10-03 23:00", "2026-10-04 01:00")],  # 10:00-12:00 at UTC+11
    ),
    "lord-howe-eve": (
        "Lord Howe Island call, the day before",
        [span("2026-10-02 23:30", "2026-10-03 01:30")],  # 10:00-12:00 at UTC+10:30
    ),
    "lord-howe-fold": (
        "Lord Howe Island vigil from the first 1:45",
        [span("2027-04-03 14:45", "2027-04-03 16:30")],  # 01:45+11:00 to 03:00 (+10:30)
    ),
    "dublin-winter": (
        "Dublin solidarity meeting in winter",
        [span("2027-01-15 19:00", "2027-01-15 21:00")],  # GMT
    ),
    "dublin-summer-begins": (
        "Dublin solidarity meeting the day summer time begins",
        [span("2027-03-28 11:00", "2027-03-28 13:00")],  # IST (UTC+1) from 01:00 UTC
    ),
    "dublin-autumn-eve": (
        "Dublin solidarity meeting the day before winter time",
        [span("2027-10-30 11:00", "2027-10-30 12:00")],  # IST
    ),
    "dublin-autumn": (
        "Dublin solidarity meeting the day winter time begins",
        [span("2027-10-31 12:00", "2027-10-31 13:00")],  # GMT from 01:00 UTC
    ),
    "kolkata": (
        "Kolkata health workers' call",
        [span("2027-02-20 12:30", "2027-02-20 14:30")],  # UTC+5:30
    ),
    "new-york-call": (
        "National call from New York",
        [span("2026-12-10 01:00", "2026-12-10 02:00")],  # 20:00-21:00 EST (UTC-5)
    ),
    # repeats.yml: 18:00-20:00 every Tuesday; Chicago springs forward on March 14, 2027
    "weekly-across-dst": (
        "Weekly phonebank across spring forward",
        [
            span("2027-02-24 00:00", "2027-02-24 02:00"),
            span("2027-03-03 00:00", "2027-03-03 02:00"),
            span("2027-03-10 00:00", "2027-03-10 02:00"),
            span("2027-03-16 23:00", "2027-03-17 01:00"),
            span("2027-03-23 23:00", "2027-03-24 01:00"),
        ],
    ),
    # 19:00-20:30 every Thursday in Dublin; winter time from October 31, 2027
    "dublin-weekly": (
        "Weekly Dublin call across winter time",
        [
            span("2027-10-21 18:00", "2027-10-21 19:30"),
            span("2027-10-28 18:00", "2027-10-28 19:30"),
            span("2027-11-04 19:00", "2027-11-04 20:30"),
        ],
    ),
    # days.yml
    "weekend-training": (
        "Weekend organizer training",
        [span("2027-04-10 14:00", "2027-04-11 21:00")],  # Sat 09:00 - Sun 16:00 CDT
    ),
    "training-across-fall-back": (
        "Weekend training across fall back",
        [span("2027-11-06 14:00", "2027-11-07 22:00")],  # Sat 09:00 CDT - Sun 16:00 CST
    ),
    "day-of-action": ("Day of action", [span("2027-04-17", "2027-04-18")]),
    "days-of-action": ("Three days of action", [span("2027-05-01", "2027-05-04")]),
    "all-day-across-dst": (
        "Days of action across spring forward",
        [span("2027-03-13", "2027-03-16")],
    ),
    "monthly-day-of-action": (  # the first Saturday of June, July and August 2027
        "Monthly day of action",
        [
            span("2027-06-05", "2027-06-06"),
            span("2027-07-03", "2027-07-04"),
            span("2027-08-07", "2027-08-08"),
        ],
    ),
    # statuses.yml
    "cancelled-rally": (
        "Cancelled: Rally at the Capitol",
        [span("2027-06-05 15:00", "2027-06-05 17:00")],
    ),
    "postponed-potluck": (
        "Postponed: Potluck and letter writing",
        [span("2027-06-12 23:00", "2027-06-13 00:30")],
    ),
    "rescheduled-town-hall": (
        "Town hall on hospital closures",
        [span("2027-06-19 23:00", "2027-06-20 01:00")],
    ),
    # titles.yml
    "titles-emoji": (
        "✊🏽 Rally for Medicare for All 🏥 — ¡Salud para todos!",
        [span("2027-07-10 17:00", "2027-07-10 19:00")],
    ),
    "titles-cjk-cyrillic": (
        "医疗保险人人享有 · Медицина для всех · 모두를 위한 의료",
        [span("2027-07-11 20:00", "2027-07-11 21:30")],
    ),
    "titles-arabic": (
        "لقاء مفتوح حول الرعاية الصحية للجميع",
        [span("2027-07-12 23:00", "2027-07-13 00:30")],
    ),
    "titles-long-folded": (
        "Ça va? Zoë’s phonebank 👩🏾‍⚕️👨🏻‍⚕️ for Medicare for All — "
        "długa nazwa wydarzenia ŻÓŁW ✍️ ñandú ẞ",
        [span("2027-07-13 23:00", "2027-07-14 01:00")],
    ),
}


def build_corpus(folder: Path) -> Path:
    """Build the corpus into ``folder``; return its events/ folder."""
    return build_site(CORPUS, folder / "output") / "events"
