"""`invoke new-candidate` and `invoke new-guide-chapter` write valid files and never overwrite."""

from __future__ import annotations

import shutil
import sys

from guide.scaffold import chapter_file
from questionnaires.scaffold import candidate_sheet, questionnaire_in
from sitebuild import ROOT, build_site, run_in_project, soup

INVOKE = [sys.executable, "-m", "invoke", "--search-root", str(ROOT)]


def _copy_sample(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def test_new_candidate_sheet_has_every_question_and_builds(tmp_path):
    content = _copy_sample(tmp_path)
    folder = content / "questionnaires" / "2027-spring-election"
    answers = {"name": "Ana Díaz", "office": "Common Council", "received": "2027-01-15"}
    path, text = candidate_sheet(folder, questionnaire_in(folder), answers | {"district": "12"})
    assert path.name == "ana-diaz.md"
    path.write_text(text, encoding="utf-8")
    output = build_site(content, tmp_path / "output")
    page = soup(output / "candidates" / "2027-spring-election" / "ana-diaz" / "index.html")
    assert page.find("h1").get_text(" ", strip=True).startswith("Ana Díaz")
    questions = (folder / "questionnaire.md").read_text(encoding="utf-8").count("- id:")
    assert text.count("\n## ") == questions


def test_new_guide_chapter_is_numbered_after_the_last_and_builds(tmp_path):
    content = _copy_sample(tmp_path)
    path, text = chapter_file(content / "guide", "Talking with your union local", status="written")
    assert "Chapter: 9\n" in text
    path.write_text(text, encoding="utf-8")
    output = build_site(content, tmp_path / "output")
    page = soup(output / "guide" / "talking-with-your-union-local" / "index.html")
    assert page.find("h1").get_text(" ", strip=True).endswith("Talking with your union local")


def test_the_tasks_never_overwrite_a_file(tmp_path):
    content = _copy_sample(tmp_path)
    existing = content / "questionnaires" / "2027-spring-election" / "tom-sampleman.md"
    before = existing.read_bytes()
    result = run_in_project(
        *INVOKE,
        "new-candidate",
        "--questionnaire",
        "2027-spring-election",
        "--name",
        "Tom Sampleman",
        "--office",
        "Common Council",
        "--received",
        "2027-01-15",
        "--content",
        str(content),
    )
    assert result.returncode == 1
    assert "already exists; nothing was written" in result.stderr
    assert existing.read_bytes() == before
    result = run_in_project(
        *INVOKE, "new-guide-chapter", "--title", "Mapping power", "--content", str(content)
    )
    assert result.returncode == 1
    assert "mapping-power.md: already exists" in result.stderr
    assert sorted(p.name for p in (content / "guide").iterdir()) == sorted(
        p.name for p in (ROOT / "content" / "guide").iterdir()
    )


def test_new_event_file_builds_into_an_event_page(tmp_path):
    from events.scaffold import event_data, event_file

    content = _copy_sample(tmp_path)
    answers = {
        "title": "Tabling: Willy Street Fair",
        "type": "rally",
        "start": "2027-01-09 11:00",
        "location": "Willy St Co-op # front door",
    }
    path, text = event_file(content / "events", event_data(answers))
    assert path.name == "2027-01-09-tabling-willy-street-fair.yml"
    path.write_text(text, encoding="utf-8")
    output = build_site(content, tmp_path / "output")
    page = soup(output / "events" / "2027-01-09-tabling-willy-street-fair" / "index.html")
    assert page.find("h1").get_text(strip=True) == "Tabling: Willy Street Fair"
    assert "Willy St Co-op # front door" in page.get_text()
