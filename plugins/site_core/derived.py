"""Files derived from content that are slow to make (share images, QR codes), kept between builds.

A content-addressed store in ``CACHE_PATH/<folder>/``: each file is named by the
digest of everything that makes it (the inputs, the code's version), so an entry
can never be stale and deleting the folder is always safe. Without ``CACHE_PATH``
everything is made afresh.
"""

from __future__ import annotations

from collections.abc import Callable
import hashlib
import os
from pathlib import Path
import tempfile


class DerivedStore:
    """Made-once files of one kind, by the digest of their inputs."""

    def __init__(self, settings: dict, folder: str, suffix: str, version: str):
        cache = settings.get("CACHE_PATH")
        self.folder = Path(cache) / folder if cache else None
        self.suffix = suffix
        self.version = version
        self.made = 0  # how many this build made (the rest came from the store)

    def key(self, *inputs: str) -> str:
        """The digest of the inputs and the version of the code that makes them."""
        return hashlib.sha256("\0".join([self.version, *inputs]).encode()).hexdigest()

    def get(self, inputs: tuple[str, ...], make: Callable[[], bytes]) -> bytes:
        """The file made of ``inputs``: from the store, else ``make()`` (and kept)."""
        path = self.folder / f"{self.key(*inputs)}{self.suffix}" if self.folder else None
        if path is not None and path.is_file():
            return path.read_bytes()
        data = make()
        self.made += 1
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as scratch:
                scratch.write(data)
            os.replace(scratch.name, path)  # never a half-written file in the store
        return data


def version_of(*parts: bytes | str) -> str:
    """A version string made of code and data (source files, library versions, fonts)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()
