"""Lighthouse (mobile preset) on one page of each type of a built site; every category must be 100.

``PAGE_TYPES`` is the one list of representative pages: a label and the output
files (globs, first match in sorted order) that stand for it. A type whose
pages the build did not write (its plugin is not installed yet) is skipped and
said so, so a new page type is one line here. Lighthouse is the npm package in
node_modules (``npm ci``), driving Debian's Chromium; the site is served from
this process on 127.0.0.1. Run it with ``invoke lighthouse`` or
``python tests/lighthouse_audit.py OUTPUT_FOLDER``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
import json
import os
from pathlib import Path
import subprocess
import sys
import tempfile
import threading

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
    " --disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

#: One page of each type: (label, output files that stand for it, first existing wins).
#: About 14 s per page on a 2-core machine: keep this to the page types that differ.
PAGE_TYPES: list[tuple[str, tuple[str, ...]]] = [
    ("home", ("index.html",)),
    ("explainer", ("medicare-for-all/index.html",)),
    ("events listing", ("events/index.html",)),
    ("event page", ("events/2026-12-*/index.html", "events/*/index.html")),
    ("guide chapter", ("guide/electoral-work/index.html", "guide/*/index.html")),
    ("candidate page", ("candidates/*/jo-placeholder/index.html", "candidates/*/*/index.html")),
    ("comparison", ("candidates/*/compare/index.html",)),
    ("charter", ("working-groups/*/index.html",)),
    ("search page", ("search/index.html",)),  # Pagefind's UI fills a box kept for it
    # The Spanish site (written once the site has chapter.yml translations: es).
    ("Spanish home", ("es/index.html",)),
    ("Spanish event page", ("es/events/2026-12-*/index.html", "es/events/*/index.html")),
]


@dataclass
class Audit:
    """Lighthouse's verdict on one page."""

    label: str
    url: str
    scores: dict[str, int] = field(default_factory=dict)
    failing: list[str] = field(default_factory=list)  # "category: audit title (score)"
    layout_shift: float | None = None  # cumulative layout shift while loading
    error: str = ""

    @property
    def perfect(self) -> bool:
        """Whether every category scored 100."""
        return not self.error and all(self.scores.get(c) == 100 for c in CATEGORIES)


def representative_pages(output: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """Return ``(label, URL path)`` for each page type present, and the labels skipped."""
    found, skipped = [], []
    for label, patterns in PAGE_TYPES:
        match = next((p for pattern in patterns for p in sorted(output.glob(pattern))), None)
        if match is None:
            skipped.append(label)
        else:
            found.append((label, match.relative_to(output).as_posix().removesuffix("index.html")))
    return found, skipped


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the report readable
        pass


@contextmanager
def serve(output: Path, handler: type[SimpleHTTPRequestHandler] = _QuietHandler) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) with ``handler``; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(output)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_lighthouse(label: str, url: str) -> Audit:
    """Run Lighthouse once (mobile preset, four categories) and return its scores."""
    audit = Audit(label, url)
    if not LIGHTHOUSE.exists():
        audit.error = "Lighthouse is missing: run `npm ci`"
        return audit
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        profile = Path(scratch) / "profile"
        result = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={CHROMIUM_FLAGS} --user-data-dir={profile}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            check=False,
            timeout=180,
        )
        if result.returncode or not report.exists():
            audit.error = (result.stderr or result.stdout).strip()[-2000:]
            return audit
        data = json.loads(report.read_text(encoding="utf-8"))
    audit.layout_shift = data["audits"]["cumulative-layout-shift"].get("numericValue")
    for name, category in data["categories"].items():
        audit.scores[name] = round((category["score"] or 0) * 100)
        for ref in category["auditRefs"]:
            result = data["audits"][ref["id"]]
            if ref["weight"] and result["score"] is not None and result["score"] < 1:
                audit.failing.append(f"{name}: {result['title']} ({result['score']})")
    return audit


def audit_site(output: Path, log=print) -> list[Audit]:
    """Audit one page of each type present in ``output``; log a line per page."""
    pages, skipped = representative_pages(output)
    for label in skipped:
        log(f"lighthouse: skipped {label}: no such page in this build")
    audits = []
    with serve(output) as base:
        for label, path in pages:
            audit = run_lighthouse(label, base + path)
            audits.append(audit)
            scores = " ".join(f"{c}={audit.scores.get(c, '-')}" for c in CATEGORIES)
            log(f"lighthouse: {label:<15} /{path:<40} {scores}")
            for line in audit.failing + ([audit.error] if audit.error else []):
                log(f"    {line}")
    return audits


def main(argv: list[str]) -> int:
    """Audit the built site in ``argv[0]`` (default output/); exit 1 if any score is below 100."""
    output = Path(argv[0] if argv else ROOT / "output").resolve()
    audits = audit_site(output)
    if not audits:
        print("lighthouse: no page to audit: build the site first")
        return 1
    return 0 if all(audit.perfect for audit in audits) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
