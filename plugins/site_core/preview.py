"""The preview servers of ``invoke serve`` and ``invoke livereload``: as a static host answers.

A missing path gets the site's ``404.html`` with status 404 (under a language's folder,
that language's, ``es/404.html``, as docs/deploying.md configures the hosts), a folder its
``index.html``, and a folder without one a 404, never a listing of its files.
"""

from __future__ import annotations

import errno
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
import socket

from livereload.handlers import StaticFileHandler

NOT_FOUND_PAGE = "404.html"


class PreviewProblem(SystemExit):
    """The preview cannot start; the message says why and what to do."""


def not_built_hint(output: Path) -> str | None:
    """What to run when ``output`` holds no built site (no ``index.html``), else None."""
    if (output / "index.html").is_file():
        return None
    return (
        f"{output}: no site is built there yet; run '.venv/bin/invoke build' first "
        "(or '.venv/bin/invoke livereload', which builds, then serves)"
    )


def free_port(port: int) -> int:
    """``port``, or when it is 0 a port nobody listens on, chosen by the system."""
    if port:
        return port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def busy_port(port: int) -> PreviewProblem:
    """The problem to raise when another program already listens on ``port``."""
    return PreviewProblem(
        f"port {port} is busy (is another preview running?); stop it, or choose another "
        f"port: --port {port + 1}, or --port 0 for any free one"
    )


def not_found_page(root: Path, url_path: str) -> Path:
    """The 404 page a missing ``url_path`` gets: its first folder's ``404.html`` (a
    language's, ``/es/...`` → ``es/404.html``) when there is one, else the site's."""
    first = url_path.lstrip("/").split("/", 1)
    if len(first) == 2 and first[0] and (root / first[0] / NOT_FOUND_PAGE).is_file():
        return root / first[0] / NOT_FOUND_PAGE
    return root / NOT_FOUND_PAGE


class StaticHostHandler(SimpleHTTPRequestHandler):
    """``invoke serve``'s handler: files, folders' index.html, and 404.html for the rest."""

    def list_directory(self, path):
        """A folder without index.html answers 404, as on the live host."""
        self.send_error(HTTPStatus.NOT_FOUND)

    def send_error(self, code, message=None, explain=None):
        """Answer 404 with the site's own 404 page when it has one."""
        page = not_found_page(Path(self.directory), self.path.split("?", 1)[0])
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def static_server(output: Path, port: int) -> ThreadingHTTPServer:
    """A server of ``output`` on 127.0.0.1:``port``; a busy port is a :class:`PreviewProblem`."""

    class Handler(StaticHostHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(output), **kwargs)

    try:
        return ThreadingHTTPServer(("127.0.0.1", port), Handler)
    except OSError as failed:
        if failed.errno == errno.EADDRINUSE:
            raise busy_port(port) from None
        raise


class LivereloadHandler(StaticFileHandler):
    """``invoke livereload``'s handler: livereload's, with the site's 404.html for missing paths."""

    def write_error(self, status_code: int, **kwargs) -> None:
        """Write the site's 404 page (status 404) when it has one."""
        page = not_found_page(Path(self.root), self.request.path)
        if status_code == HTTPStatus.NOT_FOUND and page.is_file():
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(page.read_bytes())
            return
        super().write_error(status_code, **kwargs)
