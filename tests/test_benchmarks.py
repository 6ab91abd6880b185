"""The benchmark harness cannot rot: a small generated site builds, cleanly, with every plugin."""

from __future__ import annotations

import json

from benchmarks.bench import parse_sites  # the project's benchmarks/, one folder up
from benchmarks.generate import OFFICES, QUESTIONS, generate_site
from sitebuild import build_site, soup


def test_generated_site_builds_without_problems(tmp_path, capsys):
    content = generate_site(tmp_path, docs=5, events=120, questionnaires=2, candidates=6)
    output = build_site(content, tmp_path / "output", SEARCH_INDEX=False)
    assert "warning" not in capsys.readouterr().err  # no error stopped it, no warning either

    # Every generated document, event and candidate has its page.
    assert soup(output / "news" / "2020" / "post-00000" / "index.html").h1
    assert soup(output / "page-00004" / "index.html").h1
    event_pages = {p.parent.name for p in (output / "events").glob("event-*/index.html")}
    assert event_pages == {f"event-{n:05d}" for n in range(120)}
    feed = json.loads((output / "events" / "upcoming.json").read_text(encoding="utf-8"))
    assert feed["items"]
    questionnaire = output / "candidates" / "generated-001"
    candidates = sorted(p.parent.name for p in questionnaire.glob("candidate-*/index.html"))
    assert candidates == [f"candidate-{n:03d}" for n in range(6)]
    compare = soup(questionnaire / "compare" / "index.html")
    assert OFFICES[1] in compare.get_text()
    answered = soup(questionnaire / "candidate-000" / "index.html")
    assert {h["id"] for h in answered.select("[id]")} >= {qid for qid, _ in QUESTIONS}
    # The sample guide and charters come along, so their generators run too.
    assert (output / "guide" / "index.html").exists()
    assert (output / "working-groups" / "index.html").exists()


def test_generated_site_is_the_same_every_time(tmp_path):
    first = generate_site(tmp_path / "a", docs=3, events=10, questionnaires=1, candidates=2)
    second = generate_site(tmp_path / "b", docs=3, events=10, questionnaires=1, candidates=2)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_site_sizes_parse():
    sites = parse_sites("100, 1_000:10_000 ,1000:0:5")
    assert [(s.docs, s.events, s.questionnaires) for s in sites] == [
        (100, 0, 0),
        (1000, 10000, 0),
        (1000, 0, 5),
    ]
