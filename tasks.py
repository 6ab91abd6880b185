"""Everyday commands: ``invoke build``, ``serve``, ``livereload``, ``publish``, ``test``.

Checks and measurements: ``invoke lighthouse`` (scores of each page type),
``invoke bench`` (build times against plain Pelican; see docs/performance.md).

Every build goes through :func:`pelican_run`, the same code path as
``pelican content``: content problems print as a list of ``file:line: field:
message; fix`` lines and the previous ``output/`` is left untouched.
"""

from __future__ import annotations

from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
import os
from pathlib import Path
import sys

from invoke import task

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"


def pelican_run(settings_file: str = "pelicanconf.py", **overrides) -> None:
    """Build the site once with the given settings file; exit non-zero on content problems."""
    from pelican import Pelican
    from pelican.settings import read_settings

    os.chdir(ROOT)
    settings = read_settings(str(ROOT / settings_file), override=overrides or None)
    Pelican(settings).run()


@task
def build(c):
    """Build the site into output/ with the development settings."""
    pelican_run()


@task
def publish(c):
    """Build the site for the public address (publishconf.py), then rsync it if configured."""
    pelican_run("publishconf.py")
    target = os.environ.get("RSYNC_TARGET")
    if target:
        c.run(f"rsync -avz --delete {OUTPUT}/ {target}", pty=False)


@task
def serve(c, port=8000):
    """Serve output/ on http://127.0.0.1:PORT (Ctrl-C to stop)."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(OUTPUT))
    server = ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    print(f"Serving {OUTPUT} at http://127.0.0.1:{port}/ - Ctrl-C to stop")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


#: What ``invoke livereload`` watches (globs from the project root): every content
#: file (Markdown and YAML alike), the theme, the plugins and the settings.
LIVERELOAD_WATCH = ("content/**/*", "theme/**/*", "plugins/**/*.py", "*.py")
#: The content cache: a save re-reads only the file that changed.
LIVERELOAD_SETTINGS = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}


def rebuild_for_preview(**overrides) -> None:
    """Rebuild with the content cache; on content problems print them and keep the last site."""
    try:
        pelican_run(**LIVERELOAD_SETTINGS, **overrides)
    except SystemExit as stopped:  # content problems: show them, keep serving the last good site
        if stopped.code:
            print(stopped.code, file=sys.stderr)


@task
def livereload(c, port=8000):
    """Build, serve on http://127.0.0.1:PORT and rebuild when content, theme or settings change."""
    from livereload import Server

    rebuild_for_preview()
    server = Server()
    for pattern in LIVERELOAD_WATCH:
        server.watch(pattern, rebuild_for_preview)
    server.serve(host="127.0.0.1", port=int(port), root=str(OUTPUT))


@task
def bench(c, docs="100,1000,5000", events="0,10000", runs=3, quick=False):
    """Time cold, warm and one-edit builds against plain Pelican (see docs/performance.md)."""
    from benchmarks.bench import main

    argv = ["--docs", docs, "--events", events, "--runs", str(runs)]
    main([*argv, "--quick"] if quick else argv)


@task
def lighthouse(c):
    """Build the site, then run Lighthouse (mobile) on one page of each type; fail below 100."""
    pelican_run()
    sys.path.insert(0, str(ROOT / "tests"))
    from lighthouse_audit import main

    if main([str(OUTPUT)]):
        raise SystemExit("lighthouse: a page scored below 100 in some category (see above)")


@task
def test(c):
    """Run the whole test suite (assumes the tools are installed: see scripts/test-all)."""
    c.run(f"{sys.executable} -m pytest", pty=False)


@task
def lint(c):
    """Check the Python code with ruff."""
    c.run(f"{sys.executable} -m ruff check .", pty=False)
