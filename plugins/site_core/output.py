"""Atomic output: a failed build leaves the last good ``output/`` exactly as it was.

Pelican is pointed at a fresh folder beside the real one
(``.output.building-<pid>``). Only when the whole build succeeded is that
folder swapped in with two renames; on failure it is deleted, even on exit
through an exception.

The site it replaces is deleted in a background thread after the swap: removing
a thousand folders takes up to a second or two on a busy disk, and a preview
(``invoke livereload``) need not wait for it. Python waits for the thread
before it exits, so nothing is left behind.
"""

from __future__ import annotations

import atexit
import itertools
import os
from pathlib import Path
import shutil
import threading

_retired = itertools.count()


def _remove_in_background(folder: Path) -> None:
    """Delete a folder without making the build wait (the interpreter waits at exit)."""
    threading.Thread(
        target=shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True}, name="old-output"
    ).start()


class AtomicOutput:
    """The temporary folder of one Pelican instance, and its swap into place."""

    def __init__(self, final: Path, keep: list[str]):
        self.final = final.resolve()
        self.keep = keep
        self.building = self.final.parent / f".{self.final.name}.building-{os.getpid()}"
        self.discard()
        atexit.register(self.discard)

    def discard(self) -> None:
        """Remove the temporary folder, if any."""
        shutil.rmtree(self.building, ignore_errors=True)

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
