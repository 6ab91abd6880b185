"""Content is read only from regular files stored in the project, never through a link.

A symbolic link in ``content/`` would publish whatever it points to (``/etc``, the
``.git/config`` where CI keeps its token), so a link is an error wherever it is, and
what it points to is never opened or read; named pipes and devices are refused before
they are opened, so none can hang the build (docs/architecture.md).

:func:`read_bytes` is how every reader of content gets a file's bytes
(:func:`is_content_file` when a reader must decide before reading, e.g. before
a cache looks at the file); :func:`content_files` lists a folder's files.
:func:`refuse_links` scans the whole content tree once, on Pelican's
``initialized`` signal, and keeps Pelican's own generators (pages, news, static
files) off what it refused, so Pelican neither reads nor copies a link.
"""

from __future__ import annotations

from collections.abc import Iterable
import fnmatch
import glob
import os
from pathlib import Path
import stat

from .problems import ProblemReport

MAX_BYTES = 2_000_000  # a content file larger than this is a mistake, not data
LINK_HINT = "replace the link with the file itself (or with the folder and its files)"
_SPECIAL = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
}
#: Pelican's settings that list folders of content it reads or copies itself.
PELICAN_PATHS = ("ARTICLE_PATHS", "PAGE_PATHS", "STATIC_PATHS")


def _refuse_link(path: Path, report: ProblemReport) -> None:
    report.error(path, None, None, "is a symbolic link, which the build never follows", LINK_HINT)


def _refuse_special(path: Path, mode: int, report: ProblemReport) -> None:
    report.error(
        path,
        None,
        None,
        f"is not a regular file (it is {_SPECIAL.get(stat.S_IFMT(mode), 'not a file')})",
        "replace it with an ordinary file, or delete it",
    )


def _outermost_link(path: Path, root: Path) -> Path | None:
    """The outermost symbolic link among ``path`` and its folders below ``root``.

    None when there is none, or when ``path`` is not below ``root`` at all. ``root``
    is found by identity, not by name, so a project reached through a linked folder
    (``/home/me/site`` -> ``/data/site``) is fine, and a link back to it from inside
    (``content/up`` -> ``..``) is still a link below it: the outermost match wins.
    """
    top = os.stat(root)
    chain = [Path(os.path.abspath(path)), *Path(os.path.abspath(path)).parents]
    below = None  # how many items of the chain are below the root
    for index, item in enumerate(chain):
        try:
            info = os.stat(item)
        except OSError:  # a dangling link, or no such file: not the root
            continue
        if (info.st_dev, info.st_ino) == (top.st_dev, top.st_ino):
            below = index
    if below is None:
        return None
    links = [item for item in chain[:below] if stat.S_ISLNK(os.lstat(item).st_mode)]
    return links[-1] if links else None


def _cannot_read(path: Path, error: OSError, report: ProblemReport) -> None:
    report.error(path, None, None, f"cannot be read ({error.strerror})", "check the file exists")


def is_content_file(path: Path, report: ProblemReport) -> bool:
    """Whether ``path`` is a regular file, and neither it nor a folder above it is a link.

    If not, the reason is recorded in ``report``. Links are looked at, never what
    they point to; folders are checked up to the project's (``report.root``).
    """
    try:
        link = _outermost_link(path, report.root)
        mode = os.lstat(path).st_mode
    except OSError as exc:
        _cannot_read(path, exc, report)
        return False
    if link is not None:
        _refuse_link(link, report)
    elif stat.S_ISDIR(mode):
        report.error(path, None, None, "is a folder, not a file", "check the file's name")
    elif not stat.S_ISREG(mode):
        _refuse_special(path, mode, report)
    else:
        return True
    return False


def is_content_folder(path: Path, report: ProblemReport) -> bool:
    """Whether ``path`` is a folder that neither is nor lies in a link (recorded if it does).

    A missing folder is not a problem: a site may have no guide, no events...
    """
    try:
        link = _outermost_link(path, report.root)
    except OSError:
        return False
    if link is not None:
        _refuse_link(link, report)
        return False
    return path.is_dir()


def read_bytes(path: Path, report: ProblemReport, limit: int = MAX_BYTES) -> bytes | None:
    """The bytes of one content file, or None with the reason recorded in ``report``.

    Read only if :func:`is_content_file` and it has at most ``limit`` bytes.
    """
    if not is_content_file(path, report):
        return None
    try:
        # O_NOFOLLOW and a second look at the open file: nothing was swapped in since lstat.
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(descriptor, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                _refuse_special(path, info.st_mode, report)
                return None
            raw = file.read(limit + 1) if info.st_size <= limit else None
    except OSError as exc:
        _cannot_read(path, exc, report)
        return None
    if raw is None or len(raw) > limit:
        report.error(
            path,
            None,
            None,
            f"is {max(info.st_size, len(raw or b'')):,} bytes, more than the {limit:,} a content "
            "file may have",
            "split it into several files",
        )
        return None
    return raw


def ignored(name: str, ignores: Iterable[str]) -> bool:
    """Whether Pelican's ``IGNORE_FILES`` patterns skip this name (editors' lock files...)."""
    return any(fnmatch.fnmatch(name, pattern) for pattern in ignores)


def content_files(
    folder: Path, patterns: Iterable[str], report: ProblemReport, ignores: Iterable[str] = ()
) -> list[Path]:
    """The files of ``folder`` matching any of ``patterns``, sorted, that may be read.

    Nothing if the folder is missing or is a link; names in ``ignores`` are skipped
    as Pelican skips them; every other match must pass :func:`is_content_file`.
    """
    if not is_content_folder(folder, report):
        return []
    ignores = tuple(ignores)
    found = {
        p for pattern in patterns for p in folder.glob(pattern) if not ignored(p.name, ignores)
    }
    return sorted(p for p in found if is_content_file(p, report))


def refuse_links(content: Path, report: ProblemReport, settings: dict) -> None:
    """Record every link and special file in ``content``; make Pelican skip them.

    Names matching ``IGNORE_FILES`` (editors' lock and swap files) are skipped, as
    Pelican skips them. The links found are added to ``IGNORE_FILES`` (Pelican
    matches it on names, at every level of its walk, so it never reads, copies or
    enters them) and a folder of ``*_PATHS`` that is a link is dropped from it
    (Pelican walks those without looking at the name).
    """
    ignores = list(settings.get("IGNORE_FILES", ()))
    refused: list[Path] = []
    folders = [content] if content.is_dir() else []
    while folders:  # a stack, not recursion: any depth of folders
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as exc:
            _cannot_read(folder, exc, report)
            continue
        for entry in entries:
            if ignored(entry.name, ignores):
                continue
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISDIR(mode):
                folders.append(Path(entry.path))
            elif stat.S_ISLNK(mode):
                _refuse_link(Path(entry.path), report)
                refused.append(Path(entry.path))
            elif not stat.S_ISREG(mode):
                _refuse_special(Path(entry.path), mode, report)
                refused.append(Path(entry.path))
    if not refused:
        return
    settings["IGNORE_FILES"] = ignores + sorted({glob.escape(p.name) for p in refused})
    for key in PELICAN_PATHS:
        if key in settings:
            settings[key] = [
                folder
                for folder in settings[key]
                if not any((content / folder).is_relative_to(p) for p in refused)
            ]
