"""The browser editor (/admin/, Decap CMS) driven in Chromium against decap-server on 127.0.0.1.

The repository's content is copied into a temporary folder and decap-server (its
file-system mode, as ``invoke cms`` runs it) edits that copy, never ``content/``.
The site is built from the copy and served with its ``_headers`` policy for
``/admin/``; an event created through the form must land in the working tree,
pass ``invoke check`` and be listed by a build. An end before the start is saved
by the form (it cannot compare two fields) and refused by the check, with its line;
a web address without https:// is refused by the form itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
import os
from pathlib import Path
import shutil
import socket
import subprocess
import sys
import threading
import time

import pytest
import yaml

from deploying import parse_headers
from site_core.metadata import read_markdown_file
from site_core.problems import ProblemReport
from sitebuild import ROOT, build_site, run_in_project, soup

pytestmark = pytest.mark.slow

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
TIMEOUT_MS = 20_000


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, seconds: float = 15) -> None:
    """Wait until something accepts connections on 127.0.0.1:port."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


@dataclass
class Editor:
    """A copy of the content, decap-server editing it, and the site built from it, served."""

    repo: Path
    admin_url: str
    console: list[str] = field(default_factory=list)

    @property
    def content(self) -> Path:
        return self.repo / "content"

    def new_event_files(self) -> list[Path]:
        return sorted((self.content / "events").glob("*.yaml"))


def admin_handler(output: Path):
    """Serve the output with the headers ``_headers`` gives ``/admin/*`` (its own policy)."""
    rules = dict(parse_headers((output / "_headers").read_text(encoding="utf-8")))
    admin = {k: v for k, v in rules["/admin/*"].items() if not k.startswith("!")}

    class Handler(SimpleHTTPRequestHandler):
        def end_headers(self):
            if self.path.startswith("/admin/"):
                for name, value in admin.items():
                    self.send_header(name, value)
            super().end_headers()

        def log_message(self, *args):
            pass

    return partial(Handler, directory=str(output))


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[Editor]:
    """Build the copied site, start decap-server and a static server; stop both afterwards."""
    if not DECAP_SERVER.exists():
        pytest.skip("decap-server is not installed (npm ci)")
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "content", repo / "content")
    port = free_port()
    backend = f"http://127.0.0.1:{port}/api/v1"
    output = build_site(
        repo / "content",
        tmp_path / "output",
        CMS_ADMIN=True,
        CMS_LOCAL_BACKEND=backend,
        SEARCH_INDEX=False,
    )
    environment = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(repo),
        "MODE": "fs",
        "LOG_LEVEL": "error",
    }
    server_process = subprocess.Popen(["node", str(DECAP_SERVER)], env=environment)
    site = ThreadingHTTPServer(("127.0.0.1", 0), admin_handler(output))
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        wait_for_port(port)
        yield Editor(repo, f"http://127.0.0.1:{site.server_address[1]}/admin/")
    finally:
        site.shutdown()
        site.server_close()
        server_process.terminate()
        server_process.wait(timeout=10)


def open_new_event(page, editor: Editor) -> None:
    """Open /admin/, sign in to the local backend, open a new event's form."""
    page.set_default_timeout(TIMEOUT_MS)
    page.on("console", lambda m: editor.console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: editor.console.append(str(error)))
    page.goto(editor.admin_url)
    page.get_by_role("button", name="Login").click()
    page.goto(editor.admin_url + "#/collections/events/new")
    page.locator("input[id^='title-field']").wait_for()


def fill_event(page, title: str, start: str, end: str | None = None) -> None:
    """Fill the form's title, type, start (and end), place and RSVP link."""
    page.locator("input[id^='title-field']").fill(title)
    page.locator("input[id^='type-field']").fill("canvass")
    page.keyboard.press("Enter")
    page.locator("input[id^='start-field']").fill(start)
    if end:
        page.locator("input[id^='end-field']").fill(end)
    page.locator("input[id^='location-field']").fill("Olbrich Park shelter")
    page.locator("input[id^='rsvp-field']").fill("https://www.mobilize.us/m4a/event/1/")


def publish(page, editor: Editor) -> Path:
    """Publish the entry; return the file decap-server wrote."""
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not editor.new_event_files() and time.monotonic() < deadline:
        time.sleep(0.1)
    (written,) = editor.new_event_files()
    return written


def check(content: Path) -> subprocess.CompletedProcess:
    """``invoke check`` on a content folder, as an editor runs it."""
    return run_in_project(sys.executable, "-m", "invoke", "check", "--content", str(content))


@pytest.fixture
def page(browser):
    """A fresh page (pytest-playwright's own needs base_url, which this pytest refuses)."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_an_event_made_in_the_form_is_checked_and_listed(page, editor, tmp_path):
    open_new_event(page, editor)
    fill_event(page, "Door knocking by the lake", "2027-03-06T10:00")
    timezone = page.locator("input[id^='timezone-field']")
    timezone.fill("America/Chicago")
    timezone.fill("")  # typed and cleared: not written as "" (the build would refuse it)
    written = publish(page, editor)

    event = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert event["title"] == "Door knocking by the lake"
    assert (event["type"], str(event["start"])) == ("canvass", "2027-03-06 10:00")
    assert event["address_private"] is False
    assert "timezone" not in event
    checked = check(editor.content)
    assert checked.returncode == 0, checked.stderr
    assert "no problems" in checked.stdout
    site = build_site(editor.content, tmp_path / "after", SEARCH_INDEX=False)
    listing = soup(site / "events" / "index.html")
    titles = [link.get_text(strip=True) for link in listing.select("main a")]
    assert "Door knocking by the lake" in titles
    assert editor.console == []  # the editor ran under its policy without an error


def test_an_end_before_the_start_is_refused_with_its_line(page, editor):
    open_new_event(page, editor)
    fill_event(page, "Backwards canvass", "2027-03-06T10:00", end="2027-03-06T09:00")
    rsvp = page.locator("input[id^='rsvp-field']")
    rsvp.fill("mobilize.us/m4a")  # the form refuses what its pattern does not match
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()
    page.get_by_text("a web address starting with https://").wait_for()
    assert editor.new_event_files() == []
    rsvp.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("https://www.mobilize.us/m4a/event/2/")
    written = publish(page, editor)

    checked = check(editor.content)
    assert checked.returncode != 0
    relative = written.relative_to(editor.repo).as_posix()
    (line,) = [line for line in checked.stderr.splitlines() if line.startswith(relative)]
    line_number = next(
        number
        for number, text in enumerate(written.read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("end:")
    )
    assert line.startswith(f"{relative}:{line_number}: 'Backwards canvass'.end: ")
    assert "must be after the start" in line


def test_a_page_edited_in_the_form_keeps_its_other_header_fields(page, editor):
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(editor.admin_url)
    page.get_by_role("button", name="Login").click()
    page.goto(editor.admin_url + "#/collections/pages/entries/home")
    summary = page.locator("input[id^='summary-field']")
    summary.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Come to an event: Medicare for All needs you.")
    home = editor.content / "pages" / "home.md"
    before = home.stat().st_mtime_ns
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while home.stat().st_mtime_ns == before and time.monotonic() < deadline:
        time.sleep(0.1)

    report = ProblemReport(editor.repo)
    header, body, _ = read_markdown_file(home, report)
    original, original_body, _ = read_markdown_file(ROOT / "content" / "pages" / "home.md", report)
    assert report.problems == []
    assert dict(header) == {**original, "summary": "Come to an event: Medicare for All needs you."}
    assert body.strip() == original_body.strip()
    checked = check(editor.content)
    assert checked.returncode == 0, checked.stderr
