"""A real CalDAV server (Radicale) stores our calendar files and finds each event at its hour.

Radicale runs on 127.0.0.1 with a temporary folder and no authentication. One
calendar collection gets every per-event file, another the whole ``calendar.ics``.
A CalDAV resource holds one UID (RFC 4791 4.1), so a file with several (each
date of a repeating event is its own VEVENT) is split per UID, line for line;
nothing else is changed, and a file of one event is sent as published. Then,
for each date of each event of the corpus, a time-range ``calendar-query`` over
its first hour finds exactly the events the hand-written table
(``calendar_corpus.EXPECTED``) has on then, and one over the hour before finds
exactly those of that hour, not it.
"""

from __future__ import annotations

from base64 import b64encode
from datetime import UTC, date, datetime, time, timedelta
import re
import socket
import subprocess
import sys
import time as clock
import urllib.error
import urllib.request
from xml.etree import ElementTree

import icalendar
import pytest

from calendar_corpus import EXPECTED, build_corpus

pytestmark = pytest.mark.slow

USER = "chapter"
AUTH = "Basic " + b64encode(f"{USER}:any".encode()).decode()  # auth type none: any password
TIMEOUT = 10  # seconds, for one request
START_TIMEOUT = 30  # seconds, for the server to answer
HOUR = timedelta(hours=1)
QUERY = """<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="{start:%Y%m%dT%H%M%SZ}" end="{end:%Y%m%dT%H%M%SZ}"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"""
CALDAV = "{urn:ietf:params:xml:ns:caldav}"
COLLECTIONS = ("per-event files", "calendar.ics")


def request(method: str, url: str, body: bytes | None = None, **headers) -> tuple[int, bytes]:
    """One HTTP request to the test server: (status, body)."""
    message = urllib.request.Request(
        url, data=body, method=method, headers={"Authorization": AUTH, **headers}
    )
    try:
        with urllib.request.urlopen(message, timeout=TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def split_by_uid(data: bytes) -> list[bytes]:
    """A calendar as one calendar per UID: the same head and time zones, that UID's VEVENTs."""
    text = data.decode("utf-8")
    head, first = text.split("BEGIN:VEVENT\r\n", 1)
    events = re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", "BEGIN:VEVENT\r\n" + first, re.S)
    assert head + "".join(events) + "END:VCALENDAR\r\n" == text  # nothing else in the file
    by_uid: dict[str, list[str]] = {}
    for event in events:
        uid = re.search(r"^UID:(.*)$", event.replace("\r\n ", ""), re.M)[1].strip()
        by_uid.setdefault(uid, []).append(event)
    return [(head + "".join(e) + "END:VCALENDAR\r\n").encode() for e in by_uid.values()]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Radicale on a free port of 127.0.0.1; stopped at the end of the module."""
    folder = tmp_path_factory.mktemp("radicale")
    port = free_port()
    log = (folder / "radicale.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable, "-m", "radicale", "--config", "",
            "--server-hosts", f"127.0.0.1:{port}",
            "--storage-filesystem-folder", str(folder / "collections"),
            "--auth-type", "none", "--logging-level", "warning",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = clock.monotonic() + START_TIMEOUT
        while True:
            assert process.poll() is None, (folder / "radicale.log").read_text()
            try:
                request("OPTIONS", f"{base}/")
                break
            except OSError:
                assert clock.monotonic() < deadline, "Radicale did not start"
                clock.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def stored(server, tmp_path_factory) -> dict[str, tuple[str, list[int]]]:
    """Both collections filled: name -> (its address, the status of every PUT)."""
    events = build_corpus(tmp_path_factory.mktemp("caldav-corpus"))
    files = {
        "per-event files": [events / f"{slug}.ics" for slug in EXPECTED],
        "calendar.ics": [events / "calendar.ics"],
    }
    collections = {}
    for number, (name, paths) in enumerate(files.items()):
        url = f"{server}/{USER}/calendar-{number}/"
        status, body = request("MKCALENDAR", url)
        assert status == 201, body
        statuses = []
        for path in paths:
            data = path.read_bytes()
            resources = split_by_uid(data)
            for index, resource in enumerate([data] if len(resources) == 1 else resources):
                status, _ = request(
                    "PUT",
                    f"{url}{path.stem}-{index}.ics",
                    resource,
                    **{"Content-Type": "text/calendar; charset=utf-8"},
                )
                statuses.append(status)
        collections[name] = (url, statuses)
    return collections


def instant(moment: datetime | date) -> datetime:
    """A date (all day, floating) as the server compares it: midnight UTC."""
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time(), UTC)


def expected_between(start: datetime, end: datetime) -> set[tuple[str, datetime | date]]:
    """(slug, start) of every date in the table that overlaps [start, end) (RFC 4791 9.9)."""
    return {
        (slug, begins)
        for slug, (_, spans) in EXPECTED.items()
        for begins, ends in spans
        if instant(begins) < end and instant(ends) > start
    }


def found_between(url: str, start: datetime, end: datetime) -> set[tuple[str, datetime | date]]:
    """(slug, start) of every event the server finds in [start, end)."""
    status, body = request(
        "REPORT",
        url,
        QUERY.format(start=start, end=end).encode(),
        **{"Depth": "1", "Content-Type": "application/xml; charset=utf-8"},
    )
    assert status == 207, body
    found = set()
    for data in ElementTree.fromstring(body).iter(f"{CALDAV}calendar-data"):
        for event in icalendar.Calendar.from_ical(data.text).walk("VEVENT"):
            slug = str(event["URL"]).rstrip("/").rsplit("/", 1)[-1]
            begins = event.start
            found.add((slug, begins.astimezone(UTC) if isinstance(begins, datetime) else begins))
    return found


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_the_server_stores_every_file_as_published(stored, collection):
    _, statuses = stored[collection]
    assert statuses and set(statuses) == {201}


@pytest.mark.parametrize("collection", COLLECTIONS)
@pytest.mark.parametrize("slug", EXPECTED)
def test_a_time_range_query_finds_the_event_in_its_hour_and_not_the_hour_before(
    stored, slug, collection
):
    url, _ = stored[collection]
    for begins, _ in EXPECTED[slug][1]:
        start = instant(begins)
        assert (slug, begins) in expected_between(start, start + HOUR)  # the table's own sense
        assert found_between(url, start, start + HOUR) == expected_between(start, start + HOUR)
        assert (slug, begins) not in expected_between(start - HOUR, start)
        assert found_between(url, start - HOUR, start) == expected_between(start - HOUR, start)
