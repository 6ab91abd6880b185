"""Build-time benchmark: our site against plain Pelican on the same synthetic Markdown.

``python -m benchmarks.bench`` (or ``invoke bench``) generates chapter sites of
each size (``generate.py``), then for our build and for plain Pelican (default
theme, no plugins) measures, as medians of ``--runs`` runs, each build in its
own process:

- cold: no content cache, empty output;
- warm: Pelican's content cache filled by a previous build (as ``invoke livereload``);
- edit: warm, after changing one Markdown file;
- peak memory: the largest resident set of any of those builds (``ru_maxrss``).

Sizes with events run only when the events plugin exists (``plugins/events``);
they are compared with our build of the same documents without events (plain
Pelican ignores YAML). Questionnaires likewise wait for their plugin.
Results also go to ``benchmarks/results/`` (git-ignored). Not part of the test suite.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict, dataclass, field
import json
import os
from pathlib import Path
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from benchmarks.generate import generate_site

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
BUILD_ONCE = ROOT / "benchmarks" / "build_once.py"
#: The build date of every benchmark build (2026-11-25 12:00 UTC), as in the tests.
SOURCE_DATE_EPOCH = "1795608000"
EDITED_FILE = "news/generated-00000.md"


@dataclass
class Row:
    """The measurements of one site size and one build (ours or plain)."""

    docs: int
    events: int
    build: str
    cold: float = 0.0
    warm: float = 0.0
    edit: float = 0.0
    peak_mib: float = 0.0
    runs: dict[str, list[float]] = field(default_factory=dict)


def run_build(site: str, content: Path, work: Path, warm: bool) -> tuple[float, float]:
    """Build once in a child process; return (wall seconds, peak resident MiB)."""
    command = [sys.executable, str(BUILD_ONCE), site, str(content)]
    command += [str(work / "output"), str(work / "cache")] + (["--warm"] if warm else [])
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a full pipe would block
        started = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own rusage
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            log.seek(0)
            stderr = log.read().decode("utf-8", "replace")
            raise SystemExit(f"bench: the {site} build of {content} failed:\n{stderr[-3000:]}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def measure(site: str, content: Path, work: Path, runs: int, docs: int, events: int) -> Row:
    """Measure cold, warm and edit builds of one site; return the medians."""
    row = Row(docs, events, site, runs={"cold": [], "warm": [], "edit": []})
    peaks = []

    def timed(kind: str, warm: bool) -> None:
        seconds, peak = run_build(site, content, work, warm)
        row.runs[kind].append(round(seconds, 3))
        peaks.append(peak)

    for _ in range(runs):
        shutil.rmtree(work, ignore_errors=True)
        timed("cold", warm=False)
    shutil.rmtree(work, ignore_errors=True)
    run_build(site, content, work, warm=True)  # fills the content cache
    for _ in range(runs):
        timed("warm", warm=True)
    edited = content / EDITED_FILE
    original = edited.read_bytes()
    try:
        for number in range(runs):
            edited.write_bytes(original + f"\nEdited paragraph {number}.\n".encode())
            timed("edit", warm=True)
    finally:
        edited.write_bytes(original)
    row.cold, row.warm, row.edit = (
        statistics.median(row.runs[k]) for k in ("cold", "warm", "edit")
    )
    row.peak_mib = round(max(peaks), 1)
    return row


def table(rows: list[Row]) -> str:
    """Return the results as a Markdown table, with our build's ratio to plain Pelican."""
    plain = {(r.docs, r.events): r for r in rows if r.build == "plain"}
    ours_no_events = {r.docs: r for r in rows if r.build == "ours" and r.events == 0}
    lines = [
        "| docs | events | build | cold s | warm s | edit 1 file s | peak MiB"
        " | vs plain (cold / warm) |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        ratio = ""
        if r.build == "ours" and (r.docs, r.events) in plain:
            base = plain[(r.docs, r.events)]
            ratio = f"{r.cold / base.cold:.2f}x / {r.warm / base.warm:.2f}x"
        elif r.build == "ours" and r.events and r.docs in ours_no_events:
            extra = r.cold - ours_no_events[r.docs].cold
            ratio = f"events add {extra:+.2f} s cold"
        lines.append(
            f"| {r.docs:,} | {r.events:,} | {r.build} | {r.cold:.2f} | {r.warm:.2f} | "
            f"{r.edit:.2f} | {r.peak_mib:.0f} | {ratio} |"
        )
    return "\n".join(lines)


def parse_sizes(text: str) -> list[int]:
    """Parse ``100,1000`` (underscores and commas in numbers allowed: ``1_000``)."""
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="100,1000,5000", help="document counts (100,1000,5000)")
    parser.add_argument("--events", default="0,10000", help="event counts (0,10000)")
    parser.add_argument("--questionnaires", default="0", help="questionnaire counts (0)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each kind; medians (3)")
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 docs, no events, 1 run")
    args = parser.parse_args(argv)
    docs, events = parse_sizes(args.docs), parse_sizes(args.events)
    runs = args.runs
    if args.quick:
        docs, events, runs = [100, 1000], [0], 1
    if any(events) and not (ROOT / "plugins" / "events").is_dir():
        print("bench: skipped event sizes: plugins/events does not exist yet", flush=True)
        events = [0]
    if any(parse_sizes(args.questionnaires)):
        print("bench: skipped questionnaires: no generator for their format yet", flush=True)
    rows: list[Row] = []
    for doc_count in docs:
        for event_count in events:
            folder = RESULTS / "sites" / f"d{doc_count}-e{event_count}"
            content = generate_site(folder, doc_count, event_count)
            builds = ["ours", "plain"] if event_count == 0 else ["ours"]
            for build in builds:
                print(f"bench: {doc_count:,} docs, {event_count:,} events: {build}...", flush=True)
                row = measure(build, content, folder / build, runs, doc_count, event_count)
                rows.append(row)
                print(
                    f"  cold {row.cold:.2f} s  warm {row.warm:.2f} s  edit {row.edit:.2f} s  "
                    f"peak {row.peak_mib:.0f} MiB",
                    flush=True,
                )
    result = table(rows)
    print(f"\nMedians of {runs} run(s) each, every build in its own process:\n\n{result}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.md").write_text(result + "\n", encoding="utf-8")
    (RESULTS / "latest.json").write_text(
        json.dumps([asdict(r) for r in rows], indent=2) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
