"""Compile each theme template once: a Jinja bytecode cache shared by every generator.

Pelican gives every generator (articles, pages, events, guide, questionnaires,
search...) its own Jinja ``Environment``, and each one compiles the templates it
uses, ``base.html`` and the partials included: about 60 compilations of 31
templates per build, a tenth of a warm rebuild. :class:`TemplateCache` is set as
the ``bytecode_cache`` of all of them, so a template is compiled once per
process (``invoke livereload`` rebuilds in one process) and, when Pelican's
content cache is on, kept in ``CACHE_PATH/templates/`` for the next build.

Jinja checks a checksum of the template's source before it uses cached code, so
an edited template is compiled again. The key also holds Jinja's version and the
``JINJA_ENVIRONMENT`` options (autoescape, trim_blocks...), which change the
compiled code.
"""

from __future__ import annotations

from hashlib import sha1
from pathlib import Path
from typing import ClassVar

import jinja2
from jinja2.bccache import Bucket, BytecodeCache


class TemplateCache(BytecodeCache):
    """Compiled templates in memory for the process, and on disk when ``folder`` is given."""

    _memory: ClassVar[dict[str, bytes]] = {}

    def __init__(self, options: dict, folder: Path | None = None):
        settings = sorted((k, repr(v)) for k, v in options.items() if k != "bytecode_cache")
        self.prefix = f"{jinja2.__version__}|{settings}"
        self.folder = folder

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """Return the key of one template under these options."""
        return sha1(f"{self.prefix}|{name}|{filename}".encode()).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` from memory or disk (Jinja then checks the source's checksum)."""
        data = self._memory.get(bucket.key)
        if data is None and self.folder is not None:
            path = self.folder / f"{bucket.key}.jinja"
            data = path.read_bytes() if path.is_file() else None
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a template just compiled, in memory and on disk."""
        data = bucket.bytecode_to_string()
        self._memory[bucket.key] = data
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = self.folder / f"{bucket.key}.{id(bucket)}.tmp"
            partial.write_bytes(data)
            partial.replace(self.folder / f"{bucket.key}.jinja")  # never a half-written file


def share_compiled_templates(settings: dict) -> None:
    """Give every generator's Jinja environment the same compiled-template cache."""
    options = settings["JINJA_ENVIRONMENT"]
    cached = settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")
    folder = Path(settings["CACHE_PATH"]) / "templates" if cached else None
    settings["JINJA_ENVIRONMENT"] = {
        **options,
        "bytecode_cache": TemplateCache(options, folder),
    }
