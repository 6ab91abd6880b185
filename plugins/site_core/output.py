"""Atomic output: a failed build leaves the last good ``output/`` exactly as it was.

Pelican is pointed at a fresh folder beside the real one
(``.output.building-<pid>``). Only when the whole build succeeded is that
folder swapped in with two renames; on failure it is deleted, even on exit
through an exception.
"""

from __future__ import annotations

import atexit
import os
from pathlib import Path
import shutil


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
            retired = self.final.parent / f".{self.final.name}.old-{os.getpid()}"
            shutil.rmtree(retired, ignore_errors=True)
            self.final.rename(retired)
            self.building.rename(self.final)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            self.building.rename(self.final)
