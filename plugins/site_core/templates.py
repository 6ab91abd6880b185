"""Compile each theme template once: a Jinja bytecode cache shared by every generator.

Pelican gives every generator its own Jinja ``Environment``; :class:`TemplateCache` (one
per build, made on ``initialized``) is the ``bytecode_cache`` of all of them, so a template
is compiled once per build and kept in ``CACHE_PATH/templates/`` for the next, like
Python's ``.pyc`` files.
The key holds the source's checksum, Jinja's version and the environment's options that
change the compiled code (autoescape, trim_blocks, delimiters, extensions...).
"""

from __future__ import annotations

from hashlib import sha1
import os
from pathlib import Path

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

#: The ``Environment`` attributes the compiled code of a template depends on.
COMPILE_OPTIONS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix",
    "line_comment_prefix", "trim_blocks", "lstrip_blocks", "newline_sequence",
    "keep_trailing_newline", "autoescape", "optimized", "finalize", "is_async",
)  # fmt: skip


class TemplateCache(BytecodeCache):
    """Compiled templates in memory for one build, and on disk when ``folder`` is given."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self._memory: dict[str, bytes] = {}

    def cache_fingerprint(self) -> str:
        """What it changes in a page (for output caches): nothing, it is keyed by the source."""
        return ""

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        """Return the bucket of one template, keyed by the environment's compile options too."""
        options = [repr(getattr(environment, option)) for option in COMPILE_OPTIONS]
        options += sorted(environment.extensions)  # a callable's repr names this process's object
        key = sha1(f"{jinja2.__version__}|{options}|{name}|{filename}".encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` from memory or disk (Jinja then checks the source's checksum)."""
        data = self._memory.get(bucket.key)
        path = self.folder / f"{bucket.key}.jinja" if self.folder is not None else None
        if data is None and path is not None and path.is_file():
            data = self._memory[bucket.key] = path.read_bytes()
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a template just compiled, in memory and on disk."""
        data = self._memory[bucket.key] = bucket.bytecode_to_string()
        if self.folder is not None:
            self._write(self.folder / f"{bucket.key}.jinja", data)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(path)  # never a half-written file


#: ``|tojson`` (JSON-LD in a ``<script>``: Jinja escapes ``<``, ``>``, ``&`` and ``'``)
#: writes compact JSON and keeps non-ASCII letters as they are: fewer bytes a page.
JSON_DUMPS = {"ensure_ascii": False, "separators": (",", ":")}


def compact_json(generator) -> None:
    """Make ``|tojson`` compact in a generator's Jinja environment (``generator_init``)."""
    generator.env.policies["json.dumps_kwargs"] = JSON_DUMPS


def share_compiled_templates(settings: dict) -> None:
    """Give every generator's Jinja environment the same compiled-template cache."""
    settings["JINJA_ENVIRONMENT"] = {
        **settings["JINJA_ENVIRONMENT"],
        "bytecode_cache": TemplateCache(Path(settings["CACHE_PATH"]) / "templates"),
    }
