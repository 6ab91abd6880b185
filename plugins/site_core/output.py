"""Atomic output: a failed build leaves the last good ``output/`` exactly as it was.

:class:`AtomicOutput` points Pelican at ``.output.building-<pid>`` beside ``output/``,
swaps it in with two renames when the whole build succeeded and deletes it otherwise;
the replaced site (and what killed builds left) is deleted by a separate process.
``carry_over`` moves an unchanged folder of the published site into the build (one
rename instead of new files), and back if the build fails.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
from pathlib import Path
import shutil
import subprocess
import sys

_retired = itertools.count()


#: Deletions still running (``wait_for_deletions``); finished ones are dropped as we go.
_deleting: list[subprocess.Popen] = []
_DELETE = "import shutil, sys\nfor folder in sys.argv[1:]: shutil.rmtree(folder, True)"


def _remove_in_background(*folders: Path) -> None:
    """Delete folders in another process: the build neither waits for it nor shares a core."""
    _deleting[:] = [child for child in _deleting if child.poll() is None]
    _deleting.append(
        subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", _DELETE, *map(str, folders)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    )


def _running(pid: int) -> bool:
    """Whether a process with this id exists (possibly another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _leftovers(final: Path) -> list[Path]:
    """What earlier builds left beside ``final``: replaced sites, killed builds' folders."""
    found = list(final.parent.glob(f".{final.name}.old-*"))
    for folder in final.parent.glob(f".{final.name}.building-*"):
        pid = folder.name.rsplit("-", 1)[1]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            found.append(folder)
    return sorted(found)


def wait_for_deletions() -> None:
    """Wait until every replaced site is deleted (tests, and benchmarks that need a quiet disk)."""
    while _deleting:
        _deleting.pop().wait()


class AtomicOutput:
    """The temporary folder of one Pelican instance, and its swap into place."""

    def __init__(self, final: Path, keep: list[str]):
        self.final = final.resolve()
        self.keep = keep
        self.building = self.final.parent / f".{self.final.name}.building-{os.getpid()}"
        self.carried: list[str] = []  # folders to move from the final output into this build
        self.moved: list[str] = []  # those moved so far (moved back if the build fails)
        self.discard()
        atexit.register(self.discard)
        leftovers = _leftovers(self.final)
        if leftovers:
            _remove_in_background(*leftovers)

    def discard(self) -> None:
        """Give back the folders carried in, then remove the temporary folder, if any."""
        self._give_back()
        shutil.rmtree(self.building, ignore_errors=True)

    def carry_over(self, relative: str) -> None:
        """Keep ``relative``, an unchanged folder of the final output, instead of writing it."""
        self.carried.append(relative)

    def carry_in(self) -> None:
        """Move the carried-over folders into the build (once every page is written)."""
        parents: set[Path] = set()  # made already: one mkdir per parent, not per folder
        for relative in self.carried:
            source, target = self.final / relative, self.building / relative
            try:
                if target.parent not in parents:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    parents.add(target.parent)
                os.rename(source, target)
            except OSError as error:
                self._give_back()
                raise SystemExit(
                    f"output: {relative} changed while the site was built ({error.strerror}); "
                    "build again"
                ) from None
            self.moved.append(relative)
        self.carried.clear()

    def _give_back(self) -> None:
        while self.moved:
            relative = self.moved.pop()
            with contextlib.suppress(OSError):  # no final folder: nothing to give back to
                os.rename(self.building / relative, self.final / relative)

    def commit(self) -> None:
        """Swap the finished build in place of the final folder."""
        self.building.mkdir(parents=True, exist_ok=True)
        if self.final.exists():
            for name in self.keep:  # OUTPUT_RETENTION, e.g. a .git folder for deploys
                if (self.final / name).exists():
                    shutil.move(self.final / name, self.building / name)
            retired = self.final.parent / f".{self.final.name}.old-{os.getpid()}-{next(_retired)}"
            shutil.rmtree(retired, ignore_errors=True)
            self.final.rename(retired)
            self.building.rename(self.final)
            _remove_in_background(retired)
        else:
            self.building.rename(self.final)
        self.moved.clear()  # part of the final output now
