"""Synthetic chapter sites for the benchmarks: realistic Markdown, events, questionnaires.

``generate_site(folder, docs=N, events=E, questionnaires=Q, candidates=C)`` writes
``folder/content/``: the sample site's chapter file, pages (home, explainer,
about, 404), guide and charters, then

- N Markdown documents of about 635 words (80 % news articles, 20 % pages)
  written from the chapter's seed texts (headings, lists, links, emphasis, like
  an editor writes);
- E events in ``content/events/*.yml``, 100 a file, in the format of
  docs/editing/events.md: in person, online and both, weekly and monthly
  repeats, extra dates, cancelled, postponed and private-address events, a year
  before to a year after the benchmarks' build date;
- Q questionnaires in ``content/questionnaires/<slug>/`` (docs/editing/questionnaires.md),
  each with six questions and C answer sheets (answers of 20 to 250 words, every
  endorsement status). Answers never hold an e-mail address or phone number:
  the build refuses those.

Everything comes from a seeded random generator: the same arguments always
give the same files, and every generated site builds without a problem
(``tests/test_benchmarks.py`` builds a small one).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
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
#: The sample site's folders every generated site starts from (guide and charters
#: included, so their generators run too; events and questionnaires are generated).
SAMPLE_FOLDERS = ("pages", "extra", "news", "guide", "charters")
OFFICES = ("Common Council", "County Board", "School Board")
FIRST_NAMES = ("Ann", "Bo", "Carmen", "Dev", "Esther", "Farid", "Grace", "Hugo", "Ines", "Jo")
#: Every endorsement status, endorsed most often (as chapters' races go).
STATUS_CYCLE = ("endorsed", "not-endorsed", "pending", "endorsed", "no-response", "rescinded")
QUESTIONS = (
    ("medicare-for-all", "Do you support single-payer Medicare for All? How will you push for it?"),
    ("health-justice", "What will you do in office to advance health justice where we live?"),
    ("corporate-money", "Will you refuse donations from health insurance and drug companies?"),
    ("housing", "Housing is health. Will you vote for social housing and tenant protections?"),
    ("labor", "How will you support nurses and health care workers organizing unions?"),
    ("grassroots", "How will you keep working with the grassroots base that elects you?"),
)
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
    """Return one event as a YAML list item (docs/editing/events.md)."""
    kind = EVENT_TYPES[number % len(EVENT_TYPES)]
    # A year before to a year after the build date (2026-11-25), at local daytime hours.
    start = datetime(2025, 12, 1, 10, 0) + timedelta(days=(number * 37) % 720, hours=number % 9)
    label = kind.replace("-", " ").title()
    lines = [
        f"- title: {_quote(label + ': ' + rng.choice(sentences)[:50])}",
        f"  type: {kind}",
        f"  start: {start:%Y-%m-%d %H:%M}",
        f"  end: {start + timedelta(hours=2):%Y-%m-%d %H:%M}",
        f"  slug: event-{number:05d}",
    ]
    place, address = PLACES[number % len(PLACES)]
    if kind == "phonebank":
        lines.append("  online: https://meet.example.org/phonebank")
    elif number % 23 == 0:  # a member's home: its address is never written down
        lines += [f"  location: {_quote('A member home near ' + place)}", "  address_private: true"]
    else:
        lines += [f"  location: {_quote(place)}", f"  address: {_quote(address)}"]
        if number % 6 == 0:  # in person and streamed
            lines.append(f"  online: https://meet.example.org/live/{number}")
    if number % 10 == 0:
        repeat = ("weekly", "biweekly", "monthly")[number // 10 % 3]
        lines.append(f"  repeat: {repeat}\n  until: {start + timedelta(days=56):%Y-%m-%d}")
    elif number % 17 == 0:
        lines.append("  dates:")
        lines += [f"    - {start + timedelta(days=14 * k):%Y-%m-%d %H:%M}" for k in (1, 2)]
    if number % 41 == 0:
        lines.append("  cancelled: true\n  cancelled_reason: The hall is closed that day.")
    elif number % 43 == 0:
        lines.append("  status: postponed")
    if number % 4 == 0:
        lines.append("  languages: English, Spanish")
    lines += [
        f"  rsvp: https://www.mobilize.us/example/event/{100000 + number}/",
        "  accessibility: Step-free entrance; ASL on request.",
        "  description: |",
        *(f"    {line}" for line in _paragraph(rng, sentences, rng.randint(30, 90)).split("\n")),
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


def questionnaire_md(number: int) -> str:
    """Return ``questionnaire.md`` of questionnaire ``number`` (docs/editing/questionnaires.md)."""
    office = OFFICES[number % len(OFFICES)]
    # Every other questionnaire is for an election that has passed (the archive).
    election = date(2027, 4, 6) if number % 2 == 0 else date(2026, 4, 7)
    sent = election - timedelta(days=180)
    questions = "\n".join(f"  - id: {qid}\n    text: >-\n      {text}" for qid, text in QUESTIONS)
    return (
        f"---\ntitle: {_quote(f'{office} questionnaire {number}')}\n"
        f"election:\n  name: {election.year} {'Spring' if election.month < 6 else 'Fall'} "
        f"Election\n  date: {election}\n"
        f"offices:\n  - {office}\nsent: {sent}\n"
        f"summary: What the candidates for {office} told us, in their own words.\n"
        f"questions:\n{questions}\n---\n"
        "We publish every answer, except personal contact information, before members vote.\n"
    )


def _answer(rng: random.Random, sentences: list[str]) -> str:
    """Return one answer of 20 to 250 words: paragraphs, sometimes a list, as candidates write."""
    words = rng.choice((20, 40, 60, 90, 120, 180, 250))
    parts = []
    while words > 0:
        size = min(words, rng.randint(40, 100))
        parts.append(_paragraph(rng, sentences, size))
        words -= size
        if rng.random() < 0.2:
            items = (" ".join(rng.choice(sentences).split()[:9]) for _ in range(3))
            parts.append("\n".join(f"- {item}" for item in items))
    return "\n\n".join(parts)


def candidate_sheet(
    rng: random.Random, questionnaire: int, number: int, sentences: list[str]
) -> str:
    """Return the answer sheet of candidate ``number`` of questionnaire ``questionnaire``."""
    office = OFFICES[questionnaire % len(OFFICES)]
    election = date(2027, 4, 6) if questionnaire % 2 == 0 else date(2026, 4, 7)
    received = election - timedelta(days=160 - number % 10)
    voted = received + timedelta(days=20)
    status = STATUS_CYCLE[number % len(STATUS_CYCLE)]
    head = [
        "---",
        f"name: {FIRST_NAMES[number % len(FIRST_NAMES)]} Candidate-{questionnaire}-{number}",
        f"office: {office}",
        f"district: District {1 + number // 2}",
        "party: Democratic Socialists of America" if number % 3 == 0 else "party: Independent",
        f"website: https://candidate-{questionnaire}-{number}.example.org/",
    ]
    if status != "no-response":
        head.append(f"received: {received}")
    head += ["endorsement:", f"  status: {status}"]
    if status in ("endorsed", "not-endorsed", "rescinded"):
        head.append(f"  voted: {voted}")
    if status == "rescinded":
        head += [
            f"  rescinded: {voted + timedelta(days=5)}",
            "  reason: Campaign finance filings showed donations from insurance industry PACs.",
        ]
    head.append("---")
    if status == "no-response":
        return "\n".join(head) + "\n"
    answers = [f"## {qid}\n\n{_answer(rng, sentences)}" for qid, _ in QUESTIONS]
    return "\n".join(head) + "\n" + "\n\n".join(answers) + "\n"


def write_questionnaires(
    content: Path, questionnaires: int, candidates: int, rng: random.Random
) -> None:
    """Write ``questionnaires`` questionnaires with ``candidates`` answer sheets each."""
    sentences = _sentences()
    for number in range(questionnaires):
        folder = content / "questionnaires" / f"generated-{number:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "questionnaire.md").write_text(questionnaire_md(number), encoding="utf-8")
        for candidate in range(candidates):
            sheet = candidate_sheet(rng, number, candidate, sentences)
            (folder / f"candidate-{candidate:03d}.md").write_text(sheet, encoding="utf-8")


def generate_site(
    folder: Path,
    docs: int,
    events: int = 0,
    questionnaires: int = 0,
    candidates: int = 5,
    seed: int = 635,
) -> Path:
    """Write a synthetic chapter site into ``folder/content`` and return that folder."""
    content = folder / "content"
    shutil.rmtree(content, ignore_errors=True)
    content.mkdir(parents=True)
    shutil.copy(SAMPLE / "chapter.yml", content / "chapter.yml")
    for sample in SAMPLE_FOLDERS:
        shutil.copytree(SAMPLE / sample, content / sample)
    rng = random.Random(seed)
    write_documents(content, docs, rng)
    write_events(content, events, rng)
    write_questionnaires(content, questionnaires, candidates, rng)
    return content
