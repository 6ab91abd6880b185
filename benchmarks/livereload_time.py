"""Edit-to-rebuilt time of ``invoke livereload`` on a synthetic site of N documents.

``invoke bench`` runs it after the build table (``--livereload N`` documents,
0 to skip); ``python -m benchmarks.livereload_time [--docs 1000] [--runs 5]``
runs it alone. It drives the
same pieces as ``invoke livereload``: livereload's own ``Watcher`` on the
task's glob patterns (pointed at the synthetic content) calling the task's
rebuild function (content cache on). Each run changes one Markdown file, then
times ``examine()``: finding the change among all watched files plus the
rebuild. The server adds its poll interval on top (livereload polls every
0.8 s without pyinotify: 0.4 s on average).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
import shutil
import statistics
import sys
import time

ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.8


def measure_livereload(docs: int, runs: int) -> list[float]:
    """Return the edit-to-rebuilt seconds of ``runs`` saves on a site of ``docs`` documents."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795608000")
    sys.path.insert(0, str(ROOT))
    from livereload.watcher import Watcher

    from benchmarks.generate import generate_site
    import tasks

    folder = ROOT / "benchmarks" / "results" / "livereload" / f"d{docs}"
    content = generate_site(folder, docs)
    shutil.rmtree(folder / "cache", ignore_errors=True)
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(folder / "output"),
        "CACHE_PATH": str(folder / "cache"),
    }
    rebuilds = []
    on_save = tasks.rebuilder_on_save(**overrides)  # what the task gives livereload

    def rebuild() -> None:  # no parameter, like on_save: livereload passes none then
        on_save()
        rebuilds.append(time.perf_counter())

    watcher = Watcher()
    for pattern in tasks.LIVERELOAD_WATCH:
        pattern = pattern.replace("content/", f"{content}/", 1)
        watcher.watch(pattern if pattern.startswith("/") else str(ROOT / pattern), rebuild)
    tasks.rebuild_for_preview(first=True, **overrides)  # as the task does before serving
    watcher.examine()  # remembers every watched file's time
    edited = content / "news" / "generated-00000.md"
    original = edited.read_text(encoding="utf-8")
    times = []
    try:
        for number in range(runs):
            time.sleep(0.05)  # a distinct modification time
            edited.write_text(original + f"\nEdited paragraph {number}.\n", encoding="utf-8")
            started = time.perf_counter()
            before = len(rebuilds)
            watcher.examine()
            assert len(rebuilds) == before + 1, "the watcher did not see the edit"
            times.append(rebuilds[-1] - started)
    finally:
        edited.write_text(original, encoding="utf-8")
    return times


def summary(docs: int, times: list[float]) -> str:
    """Say the median edit-to-rebuilt time in one line."""
    return (
        f"livereload, {docs:,} documents: edit to rebuilt {statistics.median(times):.2f} s "
        f"median of {len(times)} ({', '.join(f'{t:.2f}' for t in times)}), plus the poll "
        f"wait (0 to {POLL_SECONDS} s)"
    )


def main(argv: list[str] | None = None) -> int:
    """Measure and print the median edit-to-rebuilt time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(summary(args.docs, measure_livereload(args.docs, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
