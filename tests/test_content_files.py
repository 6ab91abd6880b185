"""Content is read only from regular files inside content/: a link is refused wherever it is,
never followed, its target never read; a named pipe never hangs the build.

Each link points at a folder outside content/ whose files would publish a secret if they
were read (a page, a news post, an event, a guide chapter, a charter, a questionnaire...).
"""

from __future__ import annotations

import os
from pathlib import Path
import shutil
import subprocess
import sys

import pytest

from site_core.contentfiles import read_bytes
from site_core.problems import ContentProblems, ProblemReport
from sitebuild import FIXTURES, ROOT, build_site, write_tree

SECRET = "SECRET-TOKEN-7f3a9c"
SETTINGS = str(ROOT / "pelicanconf.py")
LINK = (
    ": is a symbolic link, which the build never follows; "
    "replace the link with the file itself (or with the folder and its files)"
)
#: Files that the build would publish, each carrying the secret.
SECRET_FILES = {
    "page.md": f"Title: {SECRET}\n\n{SECRET}\n",
    "post.md": f"Title: {SECRET}\nDate: 2026-11-01\n\n{SECRET}\n",
    "chapter.md": f"Title: {SECRET}\nChapter: 9\nStatus: written\n\n{SECRET}\n",
    "charter.md": f"Title: {SECRET}\nWorking group: {SECRET}\n\n{SECRET}\n",
    "events.yml": (
        f"- title: {SECRET}\n  type: canvass\n  start: 2026-12-05 10:00\n  location: Park\n"
    ),
    "questionnaire.md": (
        f"---\nelection:\n  name: {SECRET}\n  date: 2027-04-06\noffices:\n  - Council\n"
        "sent: 2027-01-10\nquestions:\n  - id: m4a\n    text: Medicare for All?\n---\n"
    ),
    "sheet.md": (
        f"---\nname: {SECRET}\noffice: Council\nreceived: 2027-01-20\n"
        f"endorsement:\n  status: endorsed\n  voted: 2027-02-01\n---\n## m4a\n\n{SECRET}\n"
    ),
    "secret.txt": f"{SECRET}\n",
    "chapter.yml": (FIXTURES / "minimal" / "content" / "chapter.yml").read_text() + f"# {SECRET}\n",
}
SPRING = {
    "questionnaires/spring/questionnaire.md": SECRET_FILES["questionnaire.md"].replace(
        SECRET, "Spring"
    ),
    "questionnaires/spring/ann.md": SECRET_FILES["sheet.md"].replace(SECRET, "Ann"),
}

#: (link in content/, what it points to in the secret folder; "" is the folder itself).
PLACES = [
    ("extra/secret.txt", "secret.txt"),
    ("extra/more", ""),
    ("extra", ""),
    ("pages/secret.md", "page.md"),
    ("pages/more", ""),
    ("news/secret.md", "post.md"),
    ("news", ""),
    ("guide/09-secret.md", "chapter.md"),
    ("guide", ""),
    ("charters/secret.md", "charter.md"),
    ("charters", ""),
    ("events/secret.yml", "events.yml"),
    ("events", ""),
    ("questionnaires/spring/secret.md", "sheet.md"),
    ("questionnaires/spring/questionnaire.md", "questionnaire.md"),
    ("questionnaires/autumn", ""),
    ("chapter.yml", "chapter.yml"),
]


def _project(tmp_path: Path) -> tuple[Path, Path]:
    """A project with a small site in content/ and a folder of secrets next to it."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal" / "content", content)
    write_tree(content, {"extra/logo.txt": "logo", **SPRING})
    (content / "guide").mkdir()
    secrets = tmp_path / "secrets"
    write_tree(secrets, SECRET_FILES)
    return content, secrets


def _secret_anywhere(folder: Path) -> list[str]:
    """Files under ``folder`` (links not followed) whose bytes contain the secret."""
    found = []
    for directory, _, files in os.walk(folder):
        for name in files:
            path = Path(directory, name)
            if not path.is_symlink() and SECRET.encode() in path.read_bytes():
                found.append(str(path))
    return sorted(found)


@pytest.mark.parametrize("check_only", [False, True], ids=["build", "check"])
@pytest.mark.parametrize(("place", "target"), PLACES, ids=[p for p, _ in PLACES])
def test_a_link_anywhere_in_content_is_refused_and_never_followed(
    place, target, check_only, tmp_path, capfd, caplog
):
    content, secrets = _project(tmp_path)
    link = content / place
    if link.is_dir():
        shutil.rmtree(link)
    link.unlink(missing_ok=True)
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(secrets / target if target else secrets)
    with pytest.raises(ContentProblems) as stopped:
        build_site(content, tmp_path / "output", CHECK_ONLY=check_only)
    lines = [str(p) for p in stopped.value.report.problems]
    assert f"content/{place}{LINK}" in lines
    assert not [line for line in lines if SECRET in line or "secrets" in line]
    captured = capfd.readouterr()
    assert SECRET not in captured.out + captured.err + caplog.text
    assert _secret_anywhere(tmp_path) == [str(secrets / name) for name in sorted(SECRET_FILES)]
    assert not (tmp_path / "output").exists()


def test_the_checkouts_token_is_not_published_through_a_relative_link(tmp_path):
    """The case CI meets: a pull request links content/extra/config to ../../.git/config."""
    content, _ = _project(tmp_path)
    write_tree(tmp_path, {".git/config": f'[http]\n\textraheader = "AUTHORIZATION: {SECRET}"\n'})
    (content / "extra" / "config").symlink_to(Path("..", "..", ".git", "config"))
    result = _pelican(content, tmp_path)
    assert result.returncode == 1
    assert f"content/extra/config{LINK}" in result.stderr.splitlines()
    assert SECRET not in result.stdout + result.stderr
    assert not (tmp_path / "output").exists()


def _pelican(content: Path, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    """`pelican content` as an editor or CI runs it."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(cwd / "output"), "-s", SETTINGS],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def test_named_pipes_are_refused_without_being_opened(tmp_path):
    """A pipe no one writes to blocks whoever opens it: the build must finish all the same."""
    content, secrets = _project(tmp_path)
    (content / "events").mkdir()
    for place in ("events/pipe.yml", "extra/pipe", "pages/pipe.md", "guide/pipe.md"):
        os.mkfifo(content / place)
    os.mkfifo(secrets / "pipe.md")
    (content / "charters").mkdir()
    (content / "charters" / "linked-pipe.md").symlink_to(secrets / "pipe.md")
    result = _pelican(content, tmp_path)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    for place in ("events/pipe.yml", "extra/pipe", "pages/pipe.md", "guide/pipe.md"):
        assert (
            f"content/{place}: is not a regular file (it is a named pipe); "
            "replace it with an ordinary file, or delete it"
        ) in lines
    assert f"content/charters/linked-pipe.md{LINK}" in lines
    assert "Traceback" not in result.stderr


def test_editors_lock_files_are_ignored_as_pelican_ignores_them(tmp_path):
    """Emacs marks a file being edited with a dangling link ``.#name``: not a problem."""
    content, _ = _project(tmp_path)
    write_tree(content, {"events/a.yml": SECRET_FILES["events.yml"].replace(SECRET, "Canvass")})
    for place in ("pages/.#hello.md", "events/.#a.yml", "guide/.#intro.md"):
        (content / place).symlink_to("editor@host.4242:1700000000")
    output = build_site(content, tmp_path / "output")
    assert (output / "events" / "index.html").is_file()


def test_read_bytes_reads_a_regular_file_and_refuses_the_rest(tmp_path):
    report = ProblemReport(root=tmp_path)
    (tmp_path / "content").mkdir()
    regular = tmp_path / "content" / "a.yml"
    regular.write_bytes(b"title: A\n")
    (tmp_path / "content" / "link.yml").symlink_to(regular)
    os.mkfifo(tmp_path / "content" / "pipe.yml")
    assert read_bytes(regular, report) == b"title: A\n"
    assert read_bytes(tmp_path / "content" / "link.yml", report) is None
    assert read_bytes(tmp_path / "content" / "pipe.yml", report) is None
    assert read_bytes(tmp_path / "content", report) is None
    assert read_bytes(tmp_path / "content" / "missing.yml", report) is None
    assert read_bytes(regular, report, limit=5) is None
    assert [str(p) for p in report.problems] == [
        f"content/link.yml{LINK}",
        "content/pipe.yml: is not a regular file (it is a named pipe); "
        "replace it with an ordinary file, or delete it",
        "content: is a folder, not a file; check the file's name",
        "content/missing.yml: cannot be read (No such file or directory); check the file exists",
        "content/a.yml: is 9 bytes, more than the 5 a content file may have; "
        "split it into several files",
    ]


def test_links_are_refused_when_the_project_itself_is_reached_through_a_link(tmp_path, capfd):
    """A checkout in a linked folder (/home/me/site -> /data/site) is fine; links in it are not."""
    content, secrets = _project(tmp_path / "real")
    (tmp_path / "alias").symlink_to(tmp_path / "real")
    (content / "guide" / "09-secret.md").symlink_to(secrets / "chapter.md")
    (content / "pages" / "up").symlink_to(Path("..", ".."))  # the project folder itself
    with pytest.raises(ContentProblems) as stopped:
        build_site(tmp_path / "alias" / "content", tmp_path / "output")
    assert [str(p) for p in stopped.value.report.errors] == [
        f"content/guide/09-secret.md{LINK}",
        f"content/pages/up{LINK}",
    ]
    captured = capfd.readouterr()
    assert SECRET not in captured.out + captured.err
    report = ProblemReport(root=tmp_path / "real")
    via_alias = tmp_path / "alias" / "content"
    assert read_bytes(via_alias / "chapter.yml", report) is not None
    assert read_bytes(via_alias / "pages" / "up" / "content" / "chapter.yml", report) is None
    assert read_bytes(via_alias / "guide" / "09-secret.md", report) is None
    assert [str(p) for p in report.problems] == [
        f"content/pages/up{LINK}",
        f"content/guide/09-secret.md{LINK}",
    ]
