"""What the events output cache keys on: the code, the theme, every setting.

:func:`site_view` is what event templates see of Pelican's context (every setting, the
plain values other plugins add, never content) and its fingerprint; :func:`stable`
fingerprints any setting, code included; :func:`code_fingerprint` every plugin's
source. Design: docs/architecture.md, "The events cache".
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from functools import cache, partial
from hashlib import sha256
from importlib.metadata import version
import inspect
import json
import os
from pathlib import Path, PurePath
import re
import sys
from zoneinfo import ZoneInfo

#: Libraries whose version changes what reading or writing produces.
LIBRARIES = (
    "pelican", "jinja2", "markdown", "markupsafe", "nh3", "pydantic", "pyyaml", "icalendar",
    "python-slugify", "text-unidecode", "babel", "segno", "pillow", "python-dateutil",
)  # fmt: skip
#: Context values that are not what a template shows, or change on every build while the
#: pages do not depend on them: neither fingerprinted nor given to event templates.
VOLATILE = frozenset(
    {
        "BUILD_DATETIME", "SITE_PROBLEMS", "OUTPUT_FINAL", "OUTPUT_PATH", "CACHE_PATH",
        "CACHE_CONTENT", "LOAD_CONTENT_CACHE", "PATH", "THEME", "PLUGIN_PATHS",
        "localsiteurl", "static_links",
    }
)  # fmt: skip
#: Values with a repr that is the same in every process and says all they hold.
_BY_REPR = (date, time, timedelta, Decimal, PurePath, ZoneInfo)


class NotFingerprinted(TypeError):
    """A value :func:`stable` cannot turn into data that says everything it holds."""


def combine(*parts: str | bytes) -> str:
    """One key from several (keys, names, bytes)."""
    data = b"\0".join(p.encode() if isinstance(p, str) else p for p in parts)
    return sha256(data).hexdigest()


_file_digests: dict[tuple[str, int, int], str] = {}


def file_digest(path: str) -> str:
    """The SHA-256 of a file, read again only when its size or mtime changed."""
    stat = os.stat(path)
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _file_digests:
        _file_digests[key] = sha256(Path(path).read_bytes()).hexdigest()
    return _file_digests[key]


def catalog_fingerprint(theme: str | Path, lang: str) -> str:
    """The interface catalog of ``lang`` in a theme (its ``.po`` files), which the words of
    files made outside templates (calendars, feeds) come from."""
    files = sorted(Path(theme, "translations", lang).glob("*.po"))
    return combine(lang, *(f"{f.name} {file_digest(str(f))}" for f in files))


@cache
def code_fingerprint(plugins: tuple[str, ...]) -> str:
    """Python, the libraries' versions and the source of every plugin of the build.

    Computed once per process: Python does not reload a changed module, so the code
    that runs is the code this process read.
    """
    parts = [sys.version, *(f"{name} {version(name)}" for name in LIBRARIES)]
    for name in plugins:
        module = sys.modules.get(name)
        folder = Path(module.__file__).parent if module and module.__file__ else None
        for path in sorted(folder.rglob("*.py")) if folder else []:
            parts += [name, path.relative_to(folder).as_posix(), path.read_bytes()]
    return combine(*parts)


def _source(path: str | None) -> str:
    """The digest of the file code comes from; Python's version for code built into it."""
    if path is None:
        return sys.version
    try:
        return file_digest(path)
    except OSError:  # code made by exec() or from a file since removed
        raise NotFingerprinted(f"code from {path}, not a file") from None


def _code(value) -> list:
    """A function, method or class as data: where its code is, and what it closes over."""
    if inspect.ismethod(value):
        return ["method", _code(value.__func__), stable(value.__self__)]
    if isinstance(value, partial):
        return ["partial", _code(value.func), stable(value.args), stable(value.keywords)]
    name = f"{getattr(value, '__module__', None)}:{getattr(value, '__qualname__', None)}"
    if inspect.isfunction(value):
        code = value.__code__
        cells = [stable(c.cell_contents) for c in value.__closure__ or ()]
        defaults = [stable(value.__defaults__), stable(value.__kwdefaults__)]
        return ["function", name, _source(code.co_filename), code.co_firstlineno, cells, defaults]
    module = sys.modules.get(getattr(value, "__module__", "") or "")
    source = getattr(module, "__file__", None)
    if inspect.isclass(value) or inspect.isbuiltin(value) or inspect.ismethoddescriptor(value):
        return ["code", name, _source(source)]
    raise NotFingerprinted(f"{type(value).__name__} {name}")


def stable(value):
    """``value`` as JSON-able data that is the same in every process, or NotFingerprinted."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [stable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((stable(v) for v in value), key=json.dumps)
    if isinstance(value, dict):
        return sorted(([stable(k), stable(v)] for k, v in value.items()), key=json.dumps)
    if isinstance(value, bytes):
        return ["bytes", sha256(value).hexdigest()]
    if isinstance(value, _BY_REPR):
        return repr(value)
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, value.flags]
    if hasattr(value, "cache_fingerprint"):
        return [_code(type(value)), stable(value.cache_fingerprint())]
    if hasattr(value, "model_dump"):  # pydantic models: the chapter
        return [_code(type(value)), value.model_dump(mode="json")]
    if is_dataclass(value) and not isinstance(value, type):
        values = [[f.name, stable(getattr(value, f.name))] for f in fields(value)]
        return [_code(type(value)), values]
    if callable(value):
        return _code(value)
    raise NotFingerprinted(type(value).__name__)


def _plain(value) -> bool:
    """Whether a value is plain data (text, numbers, lists and dicts of them)."""
    if value is None or isinstance(value, str | int | float | bool):
        return True
    if isinstance(value, list | tuple | set | frozenset):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(_plain(k) and _plain(v) for k, v in value.items())
    return False


@dataclass(frozen=True)
class SiteView:
    """What event templates see of the context, and its key (None: nothing may be reused)."""

    context: dict
    key: str | None
    #: Why there is no key: the first setting that could not be fingerprinted.
    refused: str | None = None


def site_view(settings: dict, context: dict, own: frozenset[str]) -> SiteView:
    """The context event templates get and its fingerprint (see the module's docstring).

    ``own``: the events plugin's own context values (events, listing), which the
    page keys cover.
    """
    parts = [code_fingerprint(tuple(settings.get("PLUGINS", ())))]
    theme = Path(settings["THEME"])
    for path in sorted(p for p in theme.rglob("*") if p.is_file()):
        parts += [path.relative_to(theme).as_posix(), file_digest(str(path))]
    view, refused = {}, None
    for key in sorted(set(settings) | set(context)):
        if key in VOLATILE:
            continue
        value = context[key] if key in context else settings[key]
        if key in own:
            view[key] = value
            continue
        if key not in settings and not _plain(value):
            continue  # content (articles, pages, the guide...): not for event templates
        try:
            parts += [key, json.dumps(stable(value), sort_keys=True)]
        except (NotFingerprinted, RecursionError) as unknown:
            refused = refused or f"{key} holds {unknown or 'itself'}"
        if key in context:
            view[key] = value
    return SiteView(view, None if refused else combine(*parts), refused)
