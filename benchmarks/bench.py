"""Build-time benchmark: our site against plain Pelican on the same synthetic Markdown.

``python -m benchmarks.bench`` (or ``invoke bench``) generates one chapter site per
size (``generate.py``; a size is ``DOCS[:EVENTS[:QUESTIONNAIRES]]``), then measures,
as medians of ``--runs`` runs, each build in its own process:

- cold: no content cache, empty output;
- warm: Pelican's content cache filled by a previous build (as ``invoke livereload``);
- edit: warm, after changing one Markdown file;
- edit event (sizes with events): warm, after changing one event in one events file;
- peak memory: the largest resident set of any of those builds (``ru_maxrss``);
- search index: Pagefind over the output of each cold build, a post-build step timed
  on its own (our cold column is the Pelican build without it, like plain Pelican's);
- files: what our cold build published (Pagefind's bundle included).

Sites with documents only are also built by plain Pelican (default theme, no
plugins; with ``--lean-plain`` also without its N² page menus); its runs
alternate with ours (ours, plain, ours, plain...) so both see the same load on
a shared machine, and the table gives the ratio. Plain
Pelican ignores YAML and questionnaires, so a size with events or questionnaires
is compared with our build of the same documents without them ("adds").
``--livereload N`` adds the edit-to-rebuilt time of ``invoke livereload`` at N
documents (``livereload_time.py``); ``--profile`` profiles one cold build.
Results also go to ``benchmarks/results/`` (git-ignored). Not part of the test suite.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict, dataclass, field
import io
import json
import os
from pathlib import Path
import pstats
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
#: For sizes with events: one event of one events file is changed (its accessibility line).
EDITED_EVENTS_FILE = "events/generated-0000.yml"
EDITED_EVENT_LINE = b"  accessibility: Step-free entrance; ASL on request.\n"
#: What ``invoke bench`` measures: 100 / 1,000 / 5,000 documents, then 1,000 documents
#: with 10,000 events, then with 5 questionnaires (of ``--candidates`` candidates each).
DEFAULT_SITES = "100,1000,5000,1000:10000,1000:0:5"


@dataclass(frozen=True)
class Site:
    """One synthetic site size: documents, events, questionnaires."""

    docs: int
    events: int = 0
    questionnaires: int = 0

    @property
    def name(self) -> str:
        """The site's folder name under benchmarks/results/sites/."""
        return f"d{self.docs}-e{self.events}-q{self.questionnaires}"

    def generate(self, candidates: int) -> tuple[Path, Path]:
        """Write this site under benchmarks/results/sites/; return (its folder, its content)."""
        folder = RESULTS / "sites" / self.name
        content = generate_site(folder, self.docs, self.events, self.questionnaires, candidates)
        return folder, content

    @property
    def documents_only(self) -> Site:
        """The same documents without events or questionnaires (what plain Pelican builds)."""
        return Site(self.docs)


@dataclass
class Row:
    """The measurements of one site size and one build (ours or plain)."""

    docs: int
    events: int
    questionnaires: int
    build: str
    cold: float = 0.0
    warm: float = 0.0
    edit: float = 0.0
    edit_event: float = 0.0
    peak_mib: float = 0.0
    search_index: float = 0.0
    files: int = 0
    runs: dict[str, list[float]] = field(default_factory=dict)

    @property
    def site(self) -> Site:
        """The size this row measured."""
        return Site(self.docs, self.events, self.questionnaires)


def run_build(build: str, content: Path, work: Path, warm: bool) -> tuple[float, float]:
    """Build once in a child process; return (wall seconds, peak resident MiB)."""
    command = [sys.executable, str(BUILD_ONCE), build, str(content)]
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
            raise SystemExit(f"bench: the {build} build of {content} failed:\n{stderr[-3000:]}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def run_search_index(output: Path) -> float:
    """Index a finished output folder with Pagefind, as the search plugin does; return seconds."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from search.generator import index_site

    started = time.perf_counter()
    index_site(output, {})
    return time.perf_counter() - started


def measure(site: Site, content: Path, folder: Path, builds: list[str], runs: int) -> list[Row]:
    """Measure cold, warm and edit builds of one site, the builds taking turns; return medians."""
    rows = {
        build: Row(site.docs, site.events, site.questionnaires, build, runs={"search_index": []})
        for build in builds
    }
    peaks: dict[str, list[float]] = {build: [] for build in builds}

    def timed(kind: str, build: str, warm: bool) -> None:
        seconds, peak = run_build(build, content, folder / build, warm)
        rows[build].runs.setdefault(kind, []).append(round(seconds, 3))
        peaks[build].append(peak)

    for _ in range(runs):
        for build in builds:
            shutil.rmtree(folder / build, ignore_errors=True)
            timed("cold", build, warm=False)
            if build == "ours":
                output = folder / build / "output"
                rows[build].runs["search_index"].append(round(run_search_index(output), 3))
                rows[build].files = sum(1 for p in output.rglob("*") if p.is_file())
    for build in builds:
        shutil.rmtree(folder / build, ignore_errors=True)
        run_build(build, content, folder / build, warm=True)  # fills the content cache
    for _ in range(runs):
        for build in builds:
            timed("warm", build, warm=True)

    def timed_edits(kind: str, relative: str, edit) -> None:
        """Each run: change one file (``edit(original, run)``), then a warm build of each."""
        edited = content / relative
        original = edited.read_bytes()
        try:
            for number in range(runs):
                edited.write_bytes(edit(original, number))
                for build in builds:
                    timed(kind, build, warm=True)
        finally:
            edited.write_bytes(original)

    timed_edits("edit", EDITED_FILE, lambda text, n: text + f"\nEdited paragraph {n}.\n".encode())
    if site.events:
        changed = EDITED_EVENT_LINE.rstrip(b"\n")
        timed_edits(
            "edit_event",
            EDITED_EVENTS_FILE,
            lambda text, n: text.replace(EDITED_EVENT_LINE, changed + f" Edit {n}.\n".encode(), 1),
        )
    for build, row in rows.items():
        row.cold, row.warm, row.edit = (
            statistics.median(row.runs[k]) for k in ("cold", "warm", "edit")
        )
        if "edit_event" in row.runs:
            row.edit_event = statistics.median(row.runs["edit_event"])
        row.search_index = statistics.median(row.runs["search_index"] or [0.0])
        row.peak_mib = round(max(peaks[build]), 1)
    return list(rows.values())


def _ratio(row: Row, rows: list[Row]) -> str:
    """Our build against plain Pelican on the same Markdown, or what extra content adds."""
    ours = next((r for r in rows if r.build == "ours" and r.site == row.site), None)
    if row.build == "plain-lean" and ours:
        return (
            f"ours: {ours.cold / row.cold:.2f}x / {ours.warm / row.warm:.2f}x / "
            f"{ours.edit / row.edit:.2f}x of this"
        )
    if row.build != "ours":
        return ""
    for other in rows:
        if other.build == "plain" and other.site == row.site:
            return (
                f"{row.cold / other.cold:.2f}x / {row.warm / other.warm:.2f}x / "
                f"{row.edit / other.edit:.2f}x"
            )
    for other in rows:
        if other.build == "ours" and other.site == row.site.documents_only != row.site:
            text = (
                f"adds {row.cold - other.cold:+.2f} s / {row.warm - other.warm:+.2f} s / "
                f"{row.edit - other.edit:+.2f} s"
            )
            if row.edit_event:  # against editing one document of the site without events
                text += f" / edit event {row.edit_event - other.edit:+.2f} s"
            return text
    return ""


def table(rows: list[Row]) -> str:
    """Return the results as a Markdown table, with our build's ratio to plain Pelican."""
    lines = [
        "| docs | events | questionnaires | build | cold s | warm s | edit 1 file s | peak MiB"
        " | search index s | files | vs plain, or what it adds (cold / warm / edit) |",
        "| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        index = f"{r.search_index:.2f}" if r.build == "ours" else ""
        files = f"{r.files:,}" if r.build == "ours" else ""
        lines.append(
            f"| {r.docs:,} | {r.events:,} | {r.questionnaires} | {r.build} | {r.cold:.2f} | "
            f"{r.warm:.2f} | {r.edit:.2f} | {r.peak_mib:.0f} | {index} | {files} | "
            f"{_ratio(r, rows)} |"
        )
    return "\n".join(lines)


def parse_sites(text: str) -> list[Site]:
    """Parse ``100,1000:10000,1000:0:5`` (DOCS[:EVENTS[:QUESTIONNAIRES]]; ``1_000`` allowed)."""
    sites = []
    for part in text.split(","):
        numbers = [int(n.replace("_", "")) for n in part.strip().split(":")]
        if part.strip():
            sites.append(Site(*numbers))
    return sites


def profile(site: Site, content: Path, folder: Path, lines: int = 30) -> str:
    """Profile one cold build of ours (cProfile); save it and return the top functions."""
    stats_file = RESULTS / f"profile-{site.name}.prof"
    shutil.rmtree(folder, ignore_errors=True)
    command = [sys.executable, str(BUILD_ONCE), "ours", str(content), str(folder / "output")]
    command += [str(folder / "cache"), "--profile", str(stats_file)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONHASHSEED": "0"}
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    out = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=out)
    stats.sort_stats("cumulative").print_stats(lines)
    stats.sort_stats("tottime").print_stats(lines)
    return f"profile saved in {stats_file.relative_to(ROOT)}\n{out.getvalue()}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sites",
        default=DEFAULT_SITES,
        help=f"sizes DOCS[:EVENTS[:QUESTIONNAIRES]], comma-separated ({DEFAULT_SITES})",
    )
    parser.add_argument("--candidates", type=int, default=5, help="per questionnaire (5)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each kind; medians (3)")
    parser.add_argument("--no-plain", action="store_true", help="skip plain Pelican")
    parser.add_argument(
        "--lean-plain",
        action="store_true",
        help="also plain Pelican without DISPLAY_PAGES_ON_MENU (no N² menus)",
    )
    parser.add_argument(
        "--livereload", type=int, default=1000, help="docs for the livereload timing (0: skip)"
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile a cold build of the first size instead"
    )
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 docs, 1 run")
    args = parser.parse_args(argv)
    sites, runs = parse_sites(args.sites), args.runs
    if args.quick:
        sites, runs = [Site(100), Site(1000)], 1
    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.profile:
        site = sites[0]
        folder, content = site.generate(args.candidates)
        print(profile(site, content, folder / "profile"))
        return 0
    rows: list[Row] = []
    for site in sites:
        folder, content = site.generate(args.candidates)
        plain = site == site.documents_only and not args.no_plain
        builds = ["ours", "plain"] if plain else ["ours"]
        if plain and args.lean_plain:
            builds.append("plain-lean")
        print(
            f"bench: {site.docs:,} docs, {site.events:,} events, "
            f"{site.questionnaires} questionnaires: {' and '.join(builds)}...",
            flush=True,
        )
        for row in measure(site, content, folder, builds, runs):
            rows.append(row)
            event = f"  edit event {row.edit_event:.2f} s" if row.edit_event else ""
            print(
                f"  {row.build}: cold {row.cold:.2f} s  warm {row.warm:.2f} s  "
                f"edit {row.edit:.2f} s{event}  peak {row.peak_mib:.0f} MiB",
                flush=True,
            )
    result = table(rows)
    if args.livereload:
        from benchmarks.livereload_time import measure_livereload, summary

        times = measure_livereload(args.livereload, max(runs, 3))
        result += f"\n\n{summary(args.livereload, times)}"
    print(f"\nMedians of {runs} run(s) each, every build in its own process:\n\n{result}")
    (RESULTS / "latest.md").write_text(result + "\n", encoding="utf-8")
    (RESULTS / "latest.json").write_text(
        json.dumps([asdict(r) for r in rows], indent=2) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
