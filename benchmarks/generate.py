"""Synthetic chapter sites for the benchmarks: realistic Markdown, events, same seed, same files.

``generate_site(folder, docs=N, events=E)`` writes ``folder/content/``: the
sample site's chapter file and pages (home, explainer, about, 404), then N
Markdown documents of about 635 words (80 % news articles, 20 % pages) written
from the chapter's seed texts (headings, lists, links, emphasis, like an
editor writes), and E events in ``content/events/*.yml`` (100 a file, the
events format of issue 3: one-off and weekly events, in-person and online).
Everything comes from a seeded random generator: the same arguments always
give the same files.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
import random
import re
import shutil

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLE = ROOT / "content"
WORDS_PER_DOC = 635
EVENTS_PER_FILE = 100
EVENT_TYPES = ("canvass", "town-hall", "panel", "rally", "phonebank", "training", "meeting")
PLACES = (
    ("Goodman Community Center", "149 Waubesa St, Madison, WI 53704"),
    ("Madison Public Library, Central", "201 W Mifflin St, Madison, WI 53703"),
    ("Tenney Park shelter", "1414 E Johnson St, Madison, WI 53703"),
    ("Labor Temple", "1602 S Park St, Madison, WI 53715"),
)
_FALLBACK_TEXT = (
    "Everyone will be covered by one public health program. We door-knock and canvass our "
    "neighbours to win support for Medicare for All. Health care is a human right."
)


def _sentences() -> list[str]:
    """Return the sentences of the seed texts (or a fallback paragraph without them)."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text = re.sub(r"\s+", " ", text or _FALLBACK_TEXT)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 4]


def _paragraph(rng: random.Random, sentences: list[str], words: int) -> str:
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        sentence = rng.choice(sentences)
        if rng.random() < 0.15:  # some emphasis, as editors write it
            first, _, rest = sentence.partition(" ")
            sentence = f"**{first}** {rest}"
        out.append(sentence)
    return " ".join(out)


def document_body(rng: random.Random, sentences: list[str], links: list[str]) -> str:
    """Return a ~635-word Markdown body: paragraphs, two headings, a list, a link."""
    parts: list[str] = []
    written = 0
    section = 0
    while written < WORDS_PER_DOC - 70:  # the last paragraph brings it to about 635
        if written > 150 * (section + 1) and section < 2:
            section += 1
            parts.append(f"## {' '.join(rng.choice(sentences).split()[:5]).rstrip('.,:;')}")
        if rng.random() < 0.15:
            items = [" ".join(rng.choice(sentences).split()[:10]) for _ in range(3)]
            parts.append("\n".join(f"- {item}" for item in items))
            written += 30
        paragraph = _paragraph(rng, sentences, rng.randint(60, 110))
        if links and rng.random() < 0.3:
            paragraph += f" Read more in [our earlier post]({{filename}}/{rng.choice(links)})."
        parts.append(paragraph)
        written += len(paragraph.split())
    return "\n\n".join(parts) + "\n"


def _title(rng: random.Random, sentences: list[str], number: int) -> str:
    words = rng.choice(sentences).split()[:7]
    return f"{' '.join(words).rstrip('.,:;')} ({number})"


def write_documents(content: Path, docs: int, rng: random.Random) -> None:
    """Write ``docs`` Markdown documents: 80 % articles in news/, 20 % pages in pages/."""
    sentences = _sentences()
    start = datetime(2020, 1, 1, 9, 0)
    links: list[str] = []
    for number in range(docs):
        is_page = number % 5 == 4
        title = _title(rng, sentences, number)
        summary = " ".join(rng.choice(sentences).split()[:25])
        body = document_body(rng, sentences, links[-50:])
        if is_page:
            relative = f"pages/generated-{number:05d}.md"
            head = f"Title: {title}\nSlug: page-{number:05d}\nSummary: {summary}\n"
        else:
            date = start + timedelta(hours=7 * number)
            relative = f"news/generated-{number:05d}.md"
            head = (
                f"Title: {title}\nDate: {date:%Y-%m-%d %H:%M}\nSlug: post-{number:05d}\n"
                f"Summary: {summary}\n"
            )
            links.append(relative)
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"{head}\n{body}", encoding="utf-8")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def event_yaml(rng: random.Random, number: int, sentences: list[str]) -> str:
    """Return one event as a YAML list item, in the events format of issue 3."""
    kind = EVENT_TYPES[number % len(EVENT_TYPES)]
    start = datetime(2026, 6, 1, 10, 0) + timedelta(days=(number * 37) % 365, hours=number % 9)
    label = kind.replace("-", " ").title()
    lines = [
        f"- title: {_quote(label + ': ' + rng.choice(sentences)[:50])}",
        f"  type: {kind}",
        f"  start: {start:%Y-%m-%d %H:%M}",
        f"  end: {start + timedelta(hours=2):%Y-%m-%d %H:%M}",
        f"  slug: event-{number:05d}",
    ]
    if kind == "phonebank":
        lines.append("  online: https://meet.example.org/phonebank")
    else:
        place, address = PLACES[number % len(PLACES)]
        lines += [f"  location: {_quote(place)}", f"  address: {_quote(address)}"]
    if number % 10 == 0:
        lines.append(f"  repeat: weekly\n  until: {start + timedelta(days=56):%Y-%m-%d}")
    lines += [
        "  rsvp: https://www.mobilize.us/example/event/1/",
        "  accessibility: Step-free entrance; ASL on request.",
        "  description: |",
        *(f"    {line}" for line in _paragraph(rng, sentences, 60).split("\n")),
    ]
    return "\n".join(lines)


def write_events(content: Path, events: int, rng: random.Random) -> None:
    """Write ``events`` events into ``content/events/*.yml``, 100 a file."""
    sentences = _sentences()
    folder = content / "events"
    for first in range(0, events, EVENTS_PER_FILE):
        numbers = range(first, min(first + EVENTS_PER_FILE, events))
        folder.mkdir(parents=True, exist_ok=True)
        text = "\n".join(event_yaml(rng, number, sentences) for number in numbers)
        (folder / f"generated-{first // EVENTS_PER_FILE:04d}.yml").write_text(
            text + "\n", encoding="utf-8"
        )


def generate_site(folder: Path, docs: int, events: int = 0, seed: int = 635) -> Path:
    """Write a synthetic chapter site into ``folder/content`` and return that folder."""
    content = folder / "content"
    shutil.rmtree(content, ignore_errors=True)
    content.mkdir(parents=True)
    shutil.copy(SAMPLE / "chapter.yml", content / "chapter.yml")
    shutil.copytree(SAMPLE / "pages", content / "pages")
    shutil.copytree(SAMPLE / "extra", content / "extra")
    shutil.copytree(SAMPLE / "news", content / "news")
    rng = random.Random(seed)
    write_documents(content, docs, rng)
    write_events(content, events, rng)
    return content
