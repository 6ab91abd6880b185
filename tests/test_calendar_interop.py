"""Every calendar reader reads our .ics files as the editor wrote the events.

A corpus of tricky events (tests/fixtures/calendar_interop: clocks changing in
2006-2030, both 1:30s of a fall-back night, Lord Howe's half-hour DST, Dublin's
negative DST, Kolkata, another zone than the chapter's, weekly repeats across a
change, several days, all day, statuses, other scripts and emoji) is built once;
five readers we do not write with read ``calendar.ics`` and every ``<slug>.ics``.
Each event's UTC times are in :data:`EXPECTED`, worked out by hand from the YAML
(never from our code): a reader a minute off, or one event too many, fails with
the event and the reader in the test's name.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
import re
from zoneinfo import ZoneInfo

import pytest
import yaml

from calendar_corpus import CHAPTER_ZONE, CORPUS, EXPECTED, build_corpus
from ics_readers import READERS, Seen, read_all

SOURCES = ("calendar.ics", "own .ics")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The corpus built once: its events/ folder."""
    return build_corpus(tmp_path_factory.mktemp("interop"))


@pytest.fixture(scope="module")
def seen(corpus):
    """``seen(reader)``: what one reader sees in every calendar file (read once per module)."""
    files = [corpus / "calendar.ics", *(corpus / f"{slug}.ics" for slug in EXPECTED)]

    @cache
    def read(reader: str) -> dict[Path, list[Seen]]:
        return read_all(reader, files)

    return read


def in_order(spans) -> list[tuple]:
    """Occurrences sorted by start (as text: a reader's naive time still sorts)."""
    return sorted(spans, key=lambda pair: pair[0].isoformat())


def source_file(corpus: Path, source: str, slug: str) -> Path:
    return corpus / ("calendar.ics" if source == "calendar.ics" else f"{slug}.ics")


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("slug", EXPECTED)
def test_each_reader_reads_each_event_at_the_times_written(corpus, seen, slug, source, reader):
    summary, expected = EXPECTED[slug]
    found = seen(reader)[source_file(corpus, source, slug)]
    assert in_order((s.start, s.end) for s in found if s.slug == slug) == in_order(expected)
    assert {s.summary for s in found if s.slug == slug} == {summary}


@pytest.mark.parametrize("reader", READERS)
def test_readers_find_exactly_the_events_of_each_file(corpus, seen, reader):
    files = seen(reader)
    whole = files[corpus / "calendar.ics"]
    assert sorted({s.slug for s in whole}) == sorted(EXPECTED)
    assert len(whole) == sum(len(times) for _, times in EXPECTED.values())
    for slug in EXPECTED:
        assert {s.slug for s in files[corpus / f"{slug}.ics"]} == {slug}


def from_yaml_with_zoneinfo(event: dict) -> tuple:
    """An event's one occurrence worked out from its YAML with zoneinfo alone (no repeats)."""
    zone = ZoneInfo(event.get("timezone", CHAPTER_ZONE))

    def instant(value) -> datetime:
        when = datetime.fromisoformat(value)  # "2026-03-07 09:00" is text to YAML
        return (when if when.tzinfo else when.replace(tzinfo=zone)).astimezone(UTC)

    if isinstance(event["start"], date):  # all day: to the day after the last
        return event["start"], event.get("end", event["start"]) + timedelta(days=1)
    return instant(event["start"]), instant(event["end"])


def test_the_hand_written_table_agrees_with_zoneinfo():
    """The table, checked against the YAML read with PyYAML and zoneinfo (not our code)."""
    checked = 0
    for path in sorted((CORPUS / "events").glob("*.yml")):
        for event in yaml.safe_load(path.read_text(encoding="utf-8")):
            if "repeat" in event:
                continue
            assert EXPECTED[event["slug"]][1] == [from_yaml_with_zoneinfo(event)], event["slug"]
            checked += 1
    assert checked == len(EXPECTED) - 3  # all but the three repeating events


def test_calendars_use_yearly_rules_one_value_per_line_and_no_method(corpus):
    """The shapes every reader understands: RRULE time zones, no RDATE list, no METHOD."""
    for path in corpus.glob("*.ics"):
        text = path.read_bytes().decode("utf-8")
        unfolded = text.replace("\r\n ", "")
        assert not re.search(r"^RDATE[;:][^\r]*,", unfolded, re.MULTILINE), path.name
        assert "\r\nMETHOD:" not in text and "X-WR-TIMEZONE" not in text, path.name
        assert all(len(line.encode()) <= 75 for line in text.split("\r\n")), path.name
    chicago = (corpus / "calendar.ics").read_bytes().decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3" in chicago  # 2007 on, open-ended
    assert re.search(r"RRULE:FREQ=YEARLY;UNTIL=2006\d{4}T\d{6}Z;BYDAY=1SU;BYMONTH=4", chicago)
