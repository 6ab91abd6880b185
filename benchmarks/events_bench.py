"""Benchmark: build the sample site with 10,000 events and with none, and compare.

Run from the repository root::

    .venv/bin/python benchmarks/events_bench.py [--events 10000] [--runs 1]
    .venv/bin/python benchmarks/events_bench.py --phases [--events 10000] [--runs 3]
    .venv/bin/python benchmarks/events_bench.py --profile build.prof [--events 10000]

Each build runs in its own process (the real Pelican with pelicanconf.py, the
sample content/ minus its events plus generated ones, SOURCE_DATE_EPOCH pinned),
so the peak memory (ru_maxrss) of one build is not mixed with another's. Prints
wall time and peak memory per build, and the files the events build wrote.
Not a test: times on shared machines vary; compare the two rows of one run.

``--phases`` builds the site with events once and prints where the events
plugin's time goes (reading and validating, listings, event pages, calendars,
feed, and the search index Pagefind builds over the event pages).
``--profile FILE`` does the same build under cProfile and writes its stats.
"""

from __future__ import annotations

import argparse
import cProfile
from datetime import datetime, timedelta
import os
from pathlib import Path
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = Path(__file__).resolve().parent.parent
BUILD_EPOCH = "1795608000"  # 2026-11-25 12:00 UTC, as in the tests
PER_FILE = 500  # events per file: each file stays well under load_yaml's size limit
TYPES = ("canvass", "town-hall", "panel", "rally", "phonebank", "training", "meeting", "other")
PLACES = (
    "Olbrich Park",
    "Tenney Park",
    "Central Library",
    "Goodman Center",
    "Social Justice Center",
)


def event_yaml(number: int) -> str:
    """One made-up event; spread over a year before and after the build date."""
    start = datetime(2026, 1, 1, 9, 0) + timedelta(hours=17 * number % (24 * 700))
    start = start.replace(hour=9 + number % 10, minute=(number % 4) * 15)
    kind = TYPES[number % len(TYPES)]
    lines = [
        f"- title: {kind.replace('-', ' ').title()} number {number}",
        f"  type: {kind}",
        f"  start: {start:%Y-%m-%d %H:%M}",
    ]
    if number % 5 == 0:
        lines.append(f"  online: https://example.org/call/{number}")
    else:
        lines.append(f"  location: {PLACES[number % len(PLACES)]}")
        lines.append(f"  address: {100 + number} Main St, Madison, WI 53703")
    lines += [
        f"  rsvp: https://example.org/rsvp/{number}",
        "  accessibility: Step-free entrance",
        "  description: |",
        f"    We talk with neighbours about **Medicare for All**. Event {number};",
        "    bring a friend. [Read more](https://example.org/more).",
    ]
    if number % 97 == 0:
        lines.append("  cancelled: true")
    return "\n".join(lines) + "\n"


def make_site(folder: Path, count: int) -> Path:
    """Copy content/ without its events, then write ``count`` generated events."""
    content = folder / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("events"))
    events = content / "events"
    events.mkdir()
    for first in range(0, count, PER_FILE):
        text = "".join(event_yaml(n) for n in range(first, min(first + PER_FILE, count)))
        (events / f"generated-{first // PER_FILE:03d}.yml").write_text(text, encoding="utf-8")
    return content


def build_once(content: Path, output: Path) -> None:
    """Build in this process (the child): the real Pelican with the project's settings."""
    sys.path.insert(0, str(ROOT))
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(output.parent / "cache"),  # share images: drawn on the 1st run
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
        },
    )
    Pelican(settings).run()


#: The phases ``--phases`` times: (label, module, function or Class.method).
PHASES = (
    ("read + validate", "events.generator", "load_events"),
    ("listings (model)", "events.generator", "Listing"),
    ("listing pages", "events.generator", "EventsGenerator.write_listings"),
    ("event pages (HTML)", "events.generator", "EventsGenerator.write_event_pages"),
    ("calendars (ICS)", "events.generator", "EventsGenerator.write_calendars"),
    ("feed (JSON)", "events.generator", "EventsGenerator.write_feed"),
    ("  flyers' QR codes", "events.flyer", "QrCodes.flyer"),
    ("  share images (all)", "site_core.share_images", "ShareImages.write"),
    ("  share images drawn", "site_core.share_images", "ShareImages.draw"),
    ("search index (Pagefind)", "search.generator", "index_site"),
)


def _cpu() -> float:
    """CPU seconds of this process and its finished children (Pagefind)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _timed(function, label: str, spent: dict):
    def run(*args, **kwargs):
        started, cpu = time.perf_counter(), _cpu()
        try:
            return function(*args, **kwargs)
        finally:
            wall, used = spent.get(label, (0.0, 0.0))
            spent[label] = (wall + time.perf_counter() - started, used + _cpu() - cpu)

    return run


def install_timers(spent: dict) -> list:
    """Wrap each function of PHASES so that it adds its time to ``spent[label]``."""
    import importlib

    from blinker import signal

    sys.path.insert(0, str(ROOT / "plugins"))
    wrappers = []  # blinker holds receivers weakly: keep the wrappers alive
    for label, module_name, name in PHASES:
        module = importlib.import_module(module_name)
        owner, _, attribute = name.rpartition(".")
        target = getattr(module, owner) if owner else module
        original = getattr(target, attribute)
        wrapped = _timed(original, label, spent)
        setattr(target, attribute, wrapped)
        wrappers.append(wrapped)
        if module_name == "search.generator":  # connected to site_core's signal by reference
            signal("site_core.output_ready").disconnect(original)
            signal("site_core.output_ready").connect(wrapped)
    return wrappers


def phases(events: int, runs: int) -> None:
    """Build a site with ``events`` events ``runs`` times in this process; print each phase."""
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    spent: dict[str, tuple[float, float]] = {}
    wrappers = install_timers(spent)
    results = []
    with tempfile.TemporaryDirectory(prefix="events-bench-") as tmp:
        content = make_site(Path(tmp), events)
        for _ in range(runs):
            spent.clear()
            started, cpu = time.perf_counter(), _cpu()
            build_once(content, Path(tmp) / "output")
            spent["whole build"] = (time.perf_counter() - started, _cpu() - cpu)
            results.append(dict(spent))
    del wrappers
    # The fastest of the runs: on a shared machine, other work only ever adds time.
    print(f"{'phase (' + str(events) + ' events)':<26} {'wall (s)':>9} {'CPU (s)':>8}", end="")
    print(f"   fastest of {runs}")
    for run in results:  # what no phase above accounts for (Pelican, other plugins, swap)
        run["rest of the build"] = tuple(
            run["whole build"][i]
            - sum(v[i] for k, v in run.items() if k != "whole build" and not k.startswith(" "))
            for i in (0, 1)
        )
    for label in results[0]:  # a phase a run skipped (all images in the store) took 0 s
        wall = min(run.get(label, (0.0, 0.0))[0] for run in results)
        used = min(run.get(label, (0.0, 0.0))[1] for run in results)
        print(f"{label:<26} {wall:>9.2f} {used:>8.2f}")


def measure(count: int, runs: int) -> dict:
    """Build a site with ``count`` events ``runs`` times in child processes; return the medians."""
    times, memories = [], []
    with tempfile.TemporaryDirectory(prefix="events-bench-") as tmp:
        folder = Path(tmp)
        content = make_site(folder, count)
        for _ in range(runs):
            output = folder / "output"
            started = time.perf_counter()
            child = subprocess.run(
                [sys.executable, __file__, "--child", str(content), str(output)],
                env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH},
                capture_output=True,
                text=True,
                check=False,
            )
            times.append(time.perf_counter() - started)
            if child.returncode != 0:
                raise SystemExit(
                    f"build with {count} events failed:\n{child.stdout}\n{child.stderr}"
                )
            memories.append(int(child.stdout.strip().splitlines()[-1]))
        files = [p for p in output.rglob("*") if p.is_file()]
        return {
            "events": count,
            "seconds": sorted(times)[len(times) // 2],
            "peak_mib": sorted(memories)[len(memories) // 2] / 1024,
            "files": len(files),
            "mib_written": sum(p.stat().st_size for p in files) / 2**20,
        }


def main() -> None:
    """Measure the builds and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--phases", action="store_true", help="time each phase of one build")
    parser.add_argument("--profile", metavar="FILE", help="write cProfile stats of one build")
    parser.add_argument("--child", nargs=2, metavar=("CONTENT", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phases:
        phases(args.events, args.runs)
        return
    if args.profile:
        os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
        with tempfile.TemporaryDirectory(prefix="events-bench-") as tmp:
            content = make_site(Path(tmp), args.events)
            output = Path(tmp) / "output"
            cProfile.runctx("build_once(content, output)", globals(), locals(), args.profile)
        return
    if args.child:
        build_once(Path(args.child[0]), Path(args.child[1]))
        # ru_maxrss is in KiB on Linux: the peak resident memory of this build.
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        return
    print(f"{'events':>7} {'time (s)':>9} {'peak (MiB)':>11} {'files':>7} {'written (MiB)':>14}")
    for count in (0, args.events):
        row = measure(count, args.runs)
        print(
            f"{row['events']:>7} {row['seconds']:>9.2f} {row['peak_mib']:>11.0f} "
            f"{row['files']:>7} {row['mib_written']:>14.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
