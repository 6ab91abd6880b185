"""Event times without a build: parsing, DST gaps and folds, repeats, the "upcoming" rule."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from events.timing import is_upcoming, localize, parse_when, repeat_starts

CHICAGO = ZoneInfo("America/Chicago")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-05 10:00", datetime(2026, 12, 5, 10, 0)),
        ("2026-12-05T10:00", datetime(2026, 12, 5, 10, 0)),
        ("2026-12-05T10:00:30", datetime(2026, 12, 5, 10, 0, 30)),
    ],
)
def test_local_times_parse(text, expected):
    assert parse_when(text) == expected


@pytest.mark.parametrize("value", ["2027-04-10", " 2027-04-10 ", date(2027, 4, 10)])
def test_a_date_alone_is_a_day_for_an_all_day_event(value):
    parsed = parse_when(value)
    assert parsed == date(2027, 4, 10) and not isinstance(parsed, datetime)


def test_iso_time_with_offset_keeps_it():
    parsed = parse_when("2026-11-01T01:30-05:00")
    assert parsed.utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize("value", ["2026-12-5", "next Tuesday", "12/5/2026 10am", 10])
def test_values_that_are_not_a_date_and_time_are_refused(value):
    with pytest.raises(ValueError, match=r"; write e\.g\."):
        parse_when(value)


def test_time_skipped_when_clocks_spring_forward_is_refused():
    _, problem, hint = localize(datetime(2027, 3, 14, 2, 30), CHICAGO)
    assert "does not exist in America/Chicago" in problem
    assert hint == "pick a time that exists, e.g. '2027-03-14 03:30'"


def test_time_that_happens_twice_when_clocks_fall_back_is_refused():
    _, problem, hint = localize(datetime(2026, 11, 1, 1, 30), CHICAGO)
    assert "happens twice in America/Chicago" in problem
    assert "'2026-11-01T01:30-05:00' (the first)" in hint
    assert "'2026-11-01T01:30-06:00' (the second)" in hint


def test_an_explicit_offset_settles_the_ambiguous_time():
    aware, problem, _ = localize(parse_when("2026-11-01T01:30-06:00"), CHICAGO)
    assert problem is None
    assert aware.astimezone(UTC) == datetime(2026, 11, 1, 7, 30, tzinfo=UTC)


def test_ordinary_times_get_the_right_offset_on_both_sides_of_dst():
    summer, problem, _ = localize(datetime(2026, 7, 1, 18, 0), CHICAGO)
    winter, _, _ = localize(datetime(2026, 12, 1, 18, 0), CHICAGO)
    assert problem is None
    assert summer.utcoffset() == timedelta(hours=-5)
    assert winter.utcoffset() == timedelta(hours=-6)


def test_weekly_and_biweekly_repeats_include_the_until_day():
    first = datetime(2026, 10, 20, 18, 0)
    weekly = repeat_starts(first, "weekly", date(2026, 11, 10))
    assert [d.day for d in weekly] == [20, 27, 3, 10]
    assert all(d.hour == 18 for d in weekly)  # local wall time, across the DST change of Nov 1
    assert [d.date() for d in repeat_starts(first, "biweekly", date(2026, 11, 16))] == [
        date(2026, 10, 20),
        date(2026, 11, 3),
    ]


def test_monthly_repeat_keeps_the_weekday_of_the_month():
    # October 8, 2026 is the second Thursday.
    starts = repeat_starts(datetime(2026, 10, 8, 18, 30), "monthly", date(2027, 1, 31))
    assert [d.date() for d in starts] == [
        date(2026, 10, 8),
        date(2026, 11, 12),
        date(2026, 12, 10),
        date(2027, 1, 14),
    ]
    assert {d.weekday() for d in starts} == {3}


def test_monthly_repeat_from_the_fifth_week_means_the_last_weekday():
    # October 29, 2026 is the last (fifth) Thursday; November has only four.
    starts = repeat_starts(datetime(2026, 10, 29, 19, 0), "monthly", date(2026, 12, 31))
    assert [d.date() for d in starts] == [
        date(2026, 10, 29),
        date(2026, 11, 26),
        date(2026, 12, 31),
    ]


def test_monthly_repeats_agree_with_the_standard_librarys_calendar():
    """For a start on every day of three years: the same weekday in each month, the n-th
    one for a start in week n (the 22nd-28th is the fourth, even when it is also the last),
    the last one for a start in the fifth week; the time of day kept."""
    day = date(2026, 1, 1)
    while day < date(2029, 1, 1):
        first = datetime.combine(day, time(18, 30))
        starts = repeat_starts(first, "monthly", date(day.year + 1, day.month, 28))
        week = (day.day - 1) // 7
        year, month = day.year, day.month
        for start in starts:
            same_weekday = [
                w[day.weekday()] for w in calendar.monthcalendar(year, month) if w[day.weekday()]
            ]
            expected = same_weekday[-1] if week == 4 else same_weekday[week]
            assert start == datetime(year, month, expected, 18, 30)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        assert len(starts) in {12, 13}
        day += timedelta(days=1)


def test_upcoming_is_decided_by_the_end_and_the_build_date():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert is_upcoming(now + timedelta(minutes=1), now)  # under way counts as upcoming
    assert not is_upcoming(now, now)
