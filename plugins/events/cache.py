"""Warm builds of events: read each unchanged file from Pelican's cache, reuse unchanged output.

On only with Pelican's content cache (``CACHE_CONTENT`` saves, ``LOAD_CONTENT_CACHE``
uses; a publish build always has them off).
:class:`ReadCache` keeps each file's validated events; :class:`OutputCache`
links every unchanged file from the published ``output/`` instead of rendering it.
What the keys are made of and when an entry is reused: docs/architecture.md, "The
events cache".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import datetime
import os
from pathlib import Path
import pickle
import shutil

from pelican.cache import FileStampDataCacher

from site_core.plugin import build_of

from .event import Event
from .fingerprint import code_fingerprint, combine
from .timing import is_upcoming

READ_CACHE = "events-read"
OUTPUT_CACHE = "events-output"
#: Raised when the layout of a saved record changes: older records are then ignored.
FORMAT = 2


def event_digest(event: Event) -> str:
    """Everything about one event that its page and its VEVENTs show.

    Not its file and line: moving an event, or editing the one above it, changes neither.
    Not its translations either: an event as another language shows it (``languages.py``)
    holds the words of that language, so a changed translation changes that language's
    digest only.
    """
    values = [repr(getattr(event, name)) for name in _DIGESTED]
    values += [f"{o.start!r} {o.end!r} {o.uid}" for o in event.occurrences]
    return combine(*values)


#: The fields of an event its digest is made of (its occurrences are added).
_DIGESTED = tuple(
    f.name
    for f in fields(Event)
    if f.name
    not in {"spans", "source", "line", "slug_line", "group_line", "translations", "words_digest"}
)


def upcoming_mask(event: Event, now: datetime) -> str:
    """Which dates of the event are upcoming at ``now``: 'u' or 'p' per occurrence."""
    return "".join("u" if is_upcoming(o.end, now) else "p" for o in event.occurrences)


@dataclass(frozen=True, slots=True)
class FileReading:
    """The events of one file, and what re-checking them against a new build date needs."""

    events: list[Event]
    #: (start as written, its line, field name) per event: the far-away warning's input.
    starts: list[tuple[datetime, int | None, str]]
    #: :func:`event_digest` of each event, worked out once when the file is cached.
    digests: dict[str, str] = field(default_factory=dict)


class _StampCache(FileStampDataCacher):
    """Pelican's file-stamp cache, forgetting the files that are gone."""

    def keep_only(self, names: Iterable[str]) -> bool:
        """Drop the records of every file not in ``names``; say whether there were any."""
        wanted = set(names)
        kept = {k: v for k, v in self._cache.items() if k in wanted}
        dropped = len(kept) != len(self._cache)
        self._cache = kept
        return dropped


class ReadCache:
    """The readings of unchanged events files, from the previous build."""

    def __init__(self, settings: dict, *context_key: str):
        self.enabled = bool(settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE"))
        self.files = _StampCache(
            settings,
            READ_CACHE,
            bool(settings.get("CACHE_CONTENT")),
            bool(settings.get("LOAD_CONTENT_CACHE")),
        )
        plugins = tuple(settings.get("PLUGINS", ()))
        self.key = combine(str(FORMAT), code_fingerprint(plugins), *context_key)
        self.seen: list[str] = []
        self.changed = False
        #: The digest of every event read from the cache or cached in this build, by slug.
        self.digests: dict[str, str] = {}

    def get(self, path: Path) -> FileReading | None:
        """The reading of ``path`` if the file and everything else it depends on are unchanged."""
        self.seen.append(str(path))
        record = self.files.get_cached_data(str(path))
        if record is None or record[0] != self.key:
            return None
        self.digests.update(record[1].digests)
        return record[1]

    def put(self, path: Path, reading: FileReading) -> None:
        """Keep the reading of a file that had no problem."""
        reading.digests.update((e.slug, event_digest(e)) for e in reading.events)
        self.digests.update(reading.digests)
        self.files.cache_data(str(path), (self.key, reading))
        self.changed = True

    def save(self) -> None:
        """Write the cache (Pelican's format, in CACHE_PATH) if a file was read or is gone."""
        if self.files.keep_only(self.seen) or self.changed:
            self.files.save_cache()


def _link_or_copy(source: str, target: str) -> None:
    """Hard-link ``source`` as ``target``; copy it (with its mtime) where links do not work."""
    try:
        os.link(source, target)
    except OSError:  # another filesystem, or no hard links (some network shares)
        shutil.copy2(source, target)  # keeps the mtime the record names


class OutputCache:
    """Keys of the files the events plugin wrote to the published output, and their reuse."""

    def __init__(self, settings: dict, building: Path, reusable: bool = True):
        """``reusable``: False when something the output depends on has no key (site_view)."""
        self.save_policy = reusable and bool(settings.get("CACHE_CONTENT"))
        self.load_policy = reusable and bool(settings.get("LOAD_CONTENT_CACHE"))
        self.enabled = self.save_policy or self.load_policy
        self.final = Path(settings.get("OUTPUT_FINAL") or settings["OUTPUT_PATH"]).resolve()
        self.building = building
        self.output = build_of(settings).output  # the build's output folders
        self.final_name, self.building_name = str(self.final), str(building)
        self.path = Path(settings["CACHE_PATH"]) / OUTPUT_CACHE
        previous = self._load() if self.load_policy else {}
        self.previous: dict[str, tuple[str, int, int]] = previous.get("files", {})
        self.previous_vevents: dict[str, tuple[str, bytes]] = previous.get("vevents", {})
        self.files: dict[str, tuple[str, int, int]] = {}
        self.vevents: dict[str, tuple[str, bytes]] = {}

    def _load(self) -> dict:
        try:
            with self.path.open("rb") as handle:
                record = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            return {}
        if not isinstance(record, dict) or record.get("format") != FORMAT:
            return {}
        return record if record.get("output") == str(self.final) else {}

    def _unchanged(self, relative: str, key: str | None) -> bool:
        """Whether ``relative`` has this key in the record and is still the file recorded."""
        recorded = self.previous.get(relative) if key else None
        if recorded is None or recorded[0] != key:
            return False
        try:
            stat = os.stat(os.path.join(self.final_name, relative))
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) != recorded[1:]:
            return False  # changed or replaced since it was recorded
        self.files[relative] = recorded
        return True

    def reuse(self, relative: str, key: str | None) -> str | None:
        """Link ``relative`` from the published output if unchanged; return its new path."""
        if not self._unchanged(relative, key):
            return None
        source, target = (os.path.join(f, relative) for f in (self.final_name, self.building_name))
        try:
            _link_or_copy(source, target)
        except FileNotFoundError:  # its folder is not made yet (a listing's own)
            os.makedirs(os.path.dirname(target))
            _link_or_copy(source, target)
        return target

    def carry(self, relative: str, key: str | None) -> str | None:
        """Carry over the folder of ``relative``, a page alone in it, if the page is unchanged.

        The folder moves into the build once every page is written (site_core's
        ``AtomicOutput.carry_over``): no new folder, no link, nothing to delete afterwards. Returns
        the page's path in the published output, where it is until then.
        """
        if not self._unchanged(relative, key):
            return None
        self.output.carry_over(os.path.dirname(relative))
        return os.path.join(self.final_name, relative)

    def wrote(self, relative: str, key: str | None) -> None:
        """Record a file just written into the build folder."""
        if key and self.save_policy:
            stat = (self.building / relative).stat()
            self.files[relative] = (key, stat.st_size, stat.st_mtime_ns)

    def vevent(self, slug: str, key: str | None) -> bytes | None:
        """The serialised VEVENTs (placeholder DTSTAMP) of an event whose data is unchanged."""
        recorded = self.previous_vevents.get(slug) if key else None
        return recorded[1] if recorded is not None and recorded[0] == key else None

    def keep_vevent(self, slug: str, key: str | None, data: bytes) -> None:
        """Remember an event's serialised VEVENTs for the next build."""
        if key and self.save_policy:
            self.vevents[slug] = (key, data)

    def save(self, final: Path) -> None:
        """Write the record of the output just swapped in (never of a failed build)."""
        if not self.save_policy or final.resolve() != self.final:
            return
        if self.files == self.previous and self.vevents == self.previous_vevents:
            return  # every file reused: the record on disk says it all
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        record = {
            "format": FORMAT,
            "output": str(self.final),
            "files": self.files,
            "vevents": self.vevents,
        }
        with partial.open("wb") as handle:
            pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(self.path)
