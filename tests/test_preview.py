"""The preview servers answer as a static host does; `invoke publish` says what it did."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import threading
import urllib.error
import urllib.request

from invoke import Context
import pytest
from tornado import web

from site_core.preview import (
    LivereloadHandler,
    PreviewProblem,
    free_port,
    not_built_hint,
    static_server,
)
from sitebuild import write_tree
import tasks  # the project's tasks.py (conftest puts it on the path)

SITE = {
    "index.html": "<!doctype html><title>Home</title>",
    "404.html": "<!doctype html><title>Not found</title><h1>This page is not here</h1>",
    "events/index.html": "<!doctype html><title>Events</title>",
    "feeds/events.atom": "<feed/>",
    "es/index.html": "<!doctype html><title>Inicio</title>",
    "es/404.html": "<!doctype html><title>No encontrada</title><h1>Esta página no está aquí</h1>",
}


def fetch(url: str) -> tuple[int, str]:
    """The status and body of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


PATHS = ("/", "/events/", "/no/such/page/", "/feeds/", "/feeds/events.atom", "/es/no/such/")


def answers(base: str) -> dict[str, tuple[int, str]]:
    """What the server at ``base`` answers for a page, a folder, a missing path, a bare folder."""
    return {path: fetch(base + path) for path in PATHS}


def assert_static_host(found: dict[str, tuple[int, str]]) -> None:
    assert found["/"] == (200, SITE["index.html"])
    assert found["/events/"] == (200, SITE["events/index.html"])
    assert found["/feeds/events.atom"] == (200, SITE["feeds/events.atom"])
    for missing in ("/no/such/page/", "/feeds/"):  # a folder without index.html: no listing
        status, body = found[missing]
        assert status == 404
        assert "This page is not here" in body
        assert "events.atom" not in body
    # Under a language's folder, that language's 404 page, as the documented host configs do.
    assert found["/es/no/such/"] == (404, SITE["es/404.html"])


def test_serve_answers_as_the_static_host(tmp_path):
    write_tree(tmp_path, SITE)
    server = static_server(tmp_path, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert_static_host(answers(f"http://127.0.0.1:{server.server_address[1]}"))
    finally:
        server.shutdown()
        server.server_close()


def test_livereload_answers_as_the_static_host(tmp_path):
    write_tree(tmp_path, SITE)
    port = free_port(0)
    started = threading.Event()
    loop = asyncio.new_event_loop()

    def run() -> None:
        asyncio.set_event_loop(loop)
        app = web.Application(
            [
                (
                    r"/(.*)",
                    LivereloadHandler,
                    {"path": str(tmp_path), "default_filename": "index.html"},
                )
            ]
        )
        app.listen(port, address="127.0.0.1")
        loop.call_soon(started.set)
        loop.run_forever()

    threading.Thread(target=run, daemon=True).start()
    started.wait(10)
    try:
        found = answers(f"http://127.0.0.1:{port}")
    finally:
        loop.call_soon_threadsafe(loop.stop)
    assert_static_host(found)


def test_a_busy_port_is_a_clear_message_with_a_way_out(tmp_path):
    write_tree(tmp_path, SITE)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(PreviewProblem) as stopped:
            static_server(tmp_path, port)
    assert str(stopped.value) == (
        f"port {port} is busy (is another preview running?); stop it, or choose another "
        f"port: --port {port + 1}, or --port 0 for any free one"
    )


def test_serving_nothing_built_says_what_to_run(tmp_path):
    assert "run '.venv/bin/invoke build' first" in not_built_hint(tmp_path)
    write_tree(tmp_path, SITE)
    assert not_built_hint(tmp_path) is None


def test_publish_without_a_target_says_it_did_not_upload(monkeypatch, capsys):
    monkeypatch.setattr(tasks, "pelican_run", lambda *a, **k: {"SITEURL": "https://m4a.example"})
    monkeypatch.delenv("RSYNC_TARGET", raising=False)
    tasks.publish(Context())
    said = capsys.readouterr().out
    assert said.startswith("built output/ for https://m4a.example; not uploaded: set RSYNC_TARGET")


def test_publish_passes_the_target_as_one_argument(monkeypatch, capsys):
    ran = []
    monkeypatch.setattr(tasks, "pelican_run", lambda *a, **k: {"SITEURL": "https://m4a.example"})
    monkeypatch.setattr(subprocess, "run", lambda args, **kwargs: ran.append((args, kwargs)))
    target = "user@host:/var/www/m4a site; touch pwned"
    monkeypatch.setenv("RSYNC_TARGET", target)
    tasks.publish(Context())
    assert ran == [
        (["rsync", "-avz", "--delete", "--", f"{tasks.OUTPUT}/", target], {"check": True})
    ]
    assert f"copied it to {target}" in capsys.readouterr().out
