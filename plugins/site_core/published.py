"""The record of published addresses (``content/addresses.yml``): links never break.

Every address the site has published is one entry of the record, with what it is (kind,
title, file, an event's first start and calendar UID). A build compares the record with
what it publishes now (:func:`match`): a recorded address that is no longer published
has *moved* when exactly one new address holds the same thing (same kind and file and
title; else same kind and title; else, for an event, same file and start), and the old
address becomes a redirect to the new one; an event keeps its recorded UID, so calendars
move it. A recorded address nothing replaces is an error until the editor writes where
it went (``redirect:``). ``invoke publish`` writes the updated record (:func:`write_record`),
to be committed: new addresses added, moved ones turned into redirects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
import re

from pydantic import Field, field_validator
import yaml

from .fields import Strict
from .problems import ProblemReport
from .validation import validate
from .yamlfile import LineDict, LineList, load_yaml

RECORD_FILE = "addresses.yml"  # in the content folder
RECORD_HEAD = (
    "# Every address this site has published (docs/editing/addresses.md). `invoke publish`\n"
    "# adds new ones; keep every line, so that old links keep answering. An address that is\n"
    "# no longer published needs 'redirect:' with the address readers should go to instead.\n"
)
MISSING_HINT = "restore it, or write 'redirect: /<address>/' under it (e.g. 'redirect: /events/')"


#: An address of this site's pages: folders from the root, '/events/2026-12-05-canvass/'.
SITE_PATH = re.compile(r"^/(?:[a-z0-9][a-z0-9_.-]*/)*$")


class RecordEntry(Strict):
    """One published address, as the record holds it."""

    address: str = Field(description="The address, from the site's root: /events/x/.")
    kind: str | None = Field(None, description="event, page, news, guide, charter, candidate.")
    title: str | None = None
    source: str | None = Field(None, description="The file it came from.")
    start: str | None = Field(None, description="An event's first start, as written.")
    uid: str | None = Field(None, description="An event's calendar UID: it never changes.")
    redirect: str | None = Field(None, description="Where readers of the address go now.")

    @field_validator("address", "redirect")
    @classmethod
    def _site_path(cls, value: str | None) -> str | None:
        if value is not None and not SITE_PATH.match(value):
            raise ValueError(
                f"must be an address of this site from its root, in lower case and ending "
                f"with '/' (got {value!r}); write e.g. '/events/'"
            )
        return value


@dataclass(frozen=True, slots=True)
class Published:
    """One address the site publishes now, and what it is (for matching and the record)."""

    address: str  # /events/x/
    kind: str
    title: str
    source: str | None = None
    start: str | None = None
    uid: str | None = None

    def entry(self, uid: str | None = None) -> RecordEntry:
        """This address as a record entry (``uid``: the recorded one it inherits); not
        validated: an address the build refuses is reported where it is written."""
        return RecordEntry.model_construct(
            address=self.address,
            kind=self.kind,
            title=self.title,
            source=self.source,
            start=self.start,
            uid=uid or self.uid,
        )


@dataclass
class Matching:
    """What the record and the site published now say together."""

    moves: dict[str, str] = field(default_factory=dict)  # old address -> address now
    uids: dict[str, str] = field(default_factory=dict)  # address now -> recorded UID
    recorded: dict[str, RecordEntry] = field(default_factory=dict)  # address now -> its entry
    lost: list[tuple[RecordEntry, int]] = field(default_factory=list)  # (entry, line)
    record: list[RecordEntry] = field(default_factory=list)  # the updated record


def site_address(url: str) -> str:
    """A page's URL as the record writes it: from the root, ``/about/``."""
    return "/" + url.lstrip("/")


def read_record(content: Path, report: ProblemReport) -> list[tuple[RecordEntry, int]]:
    """The record's entries with their lines; none if there is no record (a new site)."""
    path = content / RECORD_FILE
    if not path.exists():
        return []
    data = load_yaml(path, report)
    if data is None:
        return []
    if not isinstance(data, LineList):
        report.error(
            path, getattr(data, "line", None), None, "must be a list of addresses", MISSING_HINT
        )
        return []
    entries = []
    for index, item in enumerate(data):
        line = data.item_lines[index]
        if not isinstance(item, LineDict):
            report.error(
                path,
                line,
                None,
                f"must be a block of 'field: value' lines (got {item!r})",
                "write '- address: /<address>/' and, under it, 'redirect: /<address>/'",
            )
            continue
        entry = validate(RecordEntry, item, path, report, field_prefix=f"address {index + 1}.")
        if entry is not None:
            entries.append((entry, line))
    return entries


_KEYS: tuple[Callable[[RecordEntry | Published], tuple | None], ...] = (
    lambda e: (e.kind, e.source, e.title) if e.source else None,
    lambda e: (e.kind, e.title),
    lambda e: (e.kind, e.source, e.start) if e.start and e.source else None,
)


def _pair(entries: list[tuple[RecordEntry, int]], current: list[Published], key) -> list:
    """Pairs (entry, published) whose ``key`` is held by exactly one of each."""
    olds: dict = {}
    news: dict = {}
    for entry, line in entries:
        if (k := key(entry)) is not None:
            olds.setdefault(k, []).append((entry, line))
    for item in current:
        if (k := key(item)) is not None:
            news.setdefault(k, []).append(item)
    return [
        (olds[k][0], news[k][0]) for k in olds if len(olds[k]) == 1 and len(news.get(k, ())) == 1
    ]


def _final(address: str, moves: dict[str, str], redirects: dict[str, str]) -> str:
    """Where an address leads after every move and redirect (a loop ends where it started)."""
    seen = {address}
    while (following := moves.get(address) or redirects.get(address)) and following not in seen:
        seen.add(following)
        address = following
    return address


def match(
    record: list[tuple[RecordEntry, int]],
    current: Iterable[Published],
    landing: Iterable[str] = (),
) -> Matching:
    """Compare the record with the addresses published now (see the module's docstring).

    ``landing``: other addresses a ``redirect:`` may lead to (the home page, listings).
    """
    current = sorted(current, key=lambda p: p.address)
    now = {p.address: p for p in current}
    targets = now.keys() | {site_address(a) for a in landing}
    result = Matching()
    live = [(e, line) for e, line in record if e.redirect is None]
    redirects = {site_address(e.address): site_address(e.redirect) for e, _ in record if e.redirect}
    for entry, _ in live:
        if site_address(entry.address) in now:
            result.recorded[site_address(entry.address)] = entry
            if entry.uid:
                result.uids[site_address(entry.address)] = entry.uid
    recorded = {site_address(e.address) for e, _ in record}
    unmatched = [(e, line) for e, line in live if site_address(e.address) not in now]
    new = [p for p in current if p.address not in recorded]
    for key in _KEYS:
        for (entry, line), item in _pair(unmatched, new, key):
            result.moves[site_address(entry.address)] = item.address
            result.recorded[item.address] = entry
            if entry.uid:
                result.uids[item.address] = entry.uid
            unmatched.remove((entry, line))
            new.remove(item)
    result.lost = list(unmatched)
    lost = {site_address(e.address) for e, _ in unmatched}
    for old, target in redirects.items():
        if old not in now and _final(target, result.moves, redirects) not in targets:
            result.lost.extend((e, line) for e, line in record if site_address(e.address) == old)
            lost.add(old)
    gone = [a for a in {*result.moves, *redirects} if a not in now and a not in lost]
    result.record = sorted(
        [p.entry(result.uids.get(p.address)) for p in current]
        + [RecordEntry(address=old, redirect=_final(old, result.moves, redirects)) for old in gone]
        + [e for e, _ in result.lost],
        key=lambda e: site_address(e.address),
    )
    return result


def redirects_of(matching: Matching) -> dict[str, str]:
    """Every old address to write a redirect page at, and the address it leads to now."""
    lost = {site_address(e.address) for e, _ in matching.lost}
    return {e.address: e.redirect for e in matching.record if e.redirect and e.address not in lost}


def record_text(entries: list[RecordEntry]) -> str:
    """The record as YAML: the head comment, then one block per address, sorted."""
    items = [e.model_dump(exclude_none=True) for e in entries]
    body = yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=1000)
    return RECORD_HEAD + body


def write_record(content: Path, entries: list[RecordEntry]) -> bool:
    """Write the record if it changed; True if it did."""
    path = content / RECORD_FILE
    text = record_text(entries)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    temporary = path.with_name(f".{RECORD_FILE}.new")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
    return True
