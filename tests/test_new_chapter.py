"""`invoke new-chapter`: a fork starts clean, with no word of the sample chapter left."""

from __future__ import annotations

import gzip
import re
import shutil
import sys

import yaml

from site_core.chapter import Chapter
from site_core.metadata import read_markdown_file
from site_core.page_translations import digest_of
from site_core.problems import ProblemReport
from sitebuild import ROOT, build_site, run_in_project, soup

INVOKE = [sys.executable, "-m", "invoke", "--search-root", str(ROOT), "new-chapter"]
#: Words of the sample chapter (Madison, Wisconsin) that a fork must not show.
SAMPLE_WORDS = re.compile(rb"\b(Madison|Wisconsin|WI|Dane|Badgercare)\b")
TEXT_FILES = {".html", ".xml", ".json", ".ics", ".txt", ".css", ".js", ".webmanifest", ""}
ANSWERS = {
    "--name": 'Springfield "Central": DSA',
    "--city": "Springfield",
    "--region": "Illinois",
    "--timezone": "America/Chicago",
    "--volunteer-url": "https://springfield.example.org/join",
    "--contact-email": "m4a@springfield.example.org",
    "--site-url": "https://m4a.springfield.example.org",
}


def run(content, *arguments: str):
    """The task on a copy of the sample's content, with no terminal."""
    return run_in_project(*INVOKE, *arguments, "--content", str(content))


def readable(path) -> bytes:
    """A file's text as a reader or a search engine gets it (search fragments unzipped)."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".pf_fragment" else data


def test_a_fork_into_a_made_up_chapter_shows_no_word_of_the_sample(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    result = run(content, *[part for pair in ANSWERS.items() for part in pair], "--yes")
    assert result.returncode == 0, result.stderr
    chapter = yaml.safe_load((content / "chapter.yml").read_text(encoding="utf-8"))
    assert Chapter.model_validate(chapter).name == 'Springfield "Central": DSA'
    assert '# Where the "Volunteer" buttons go' in (content / "chapter.yml").read_text()
    for gone in ("events", "questionnaires", "charters", "news"):
        assert not (content / gone).exists(), gone
    kept = sorted(p.name for p in (content / "guide").iterdir())
    assert kept == sorted(p.name for p in (ROOT / "content" / "guide").iterdir())  # and in Spanish
    assert (content / "pages" / "medicare-for-all.md").read_bytes() == (
        ROOT / "content" / "pages" / "medicare-for-all.md"
    ).read_bytes()
    output = build_site(content, tmp_path / "output")
    found = {}
    for path in output.rglob("*"):
        if path.is_file() and (path.suffix in TEXT_FILES or path.suffix == ".pf_fragment"):
            words = set(SAMPLE_WORDS.findall(readable(path)))
            if words:
                found[path.relative_to(output).as_posix()] = words
    assert found == {}
    home = soup(output / "index.html")
    assert home.find("h1").get_text(strip=True) == "Medicare for All in Springfield"
    assert "Springfield" in soup(output / "about" / "index.html").get_text()
    # The Spanish home and about pages are the fork's too: drafts, stamped with the digest of
    # the English pages as rewritten (the explainer's and the 404 page's name no chapter).
    spanish = soup(output / "es" / "index.html")
    assert spanish.find("h1").get_text(strip=True) == "Medicare para Todos en Springfield"
    assert "Springfield" in soup(output / "es" / "about" / "index.html").get_text()
    assert (output / "es" / "medicare-for-all" / "index.html").is_file()
    for name in ("home", "about"):
        header, _, _ = read_markdown_file(content / "pages" / f"{name}.es.md", ProblemReport())
        original = content / "pages" / f"{name}.md"
        assert header["translation-status"] == "draft"
        assert header["source-hash"] == digest_of(original, ProblemReport())


def test_without_a_terminal_it_names_what_to_pass_and_changes_nothing(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    before = sorted(p.relative_to(content) for p in content.rglob("*"))
    missing = run(content, "--name", "Springfield DSA", "--site-url", "not a link")
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr
    lines = missing.stderr.splitlines()
    assert lines[0] == (
        "--city: is required and there is no terminal to ask it in; pass --city ..."
    )
    assert any(line.startswith("--site-url: must be a web address") for line in lines)
    unsure = run(content, *[part for pair in ANSWERS.items() for part in pair])
    assert unsure.returncode == 1
    assert "pass --yes to remove the sample" in unsure.stderr
    assert sorted(p.relative_to(content) for p in content.rglob("*")) == before


def test_a_mistyped_content_folder_is_named_not_a_traceback(tmp_path):
    answers = [part for pair in ANSWERS.items() for part in pair]
    result = run(tmp_path / "contnet", *answers, "--yes")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith(
        f"{tmp_path / 'contnet'}: is not a content folder"
    )
    assert list(tmp_path.iterdir()) == []
