"""Read ``content/questionnaires/``: each folder, its questionnaire.md and its answer sheets.

Every file is read once. Every mistake goes to the build's problem report with
the file and line (lines in a sheet's body are counted from the top of the
file, front matter included), and reading goes on, so an editor sees them all
at once. What comes out are the published models of :mod:`.model`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
import re

from site_core.contentfiles import is_content_folder
from site_core.editor_html import CleanHtml, render_markdown, report_problems
from site_core.frontmatter import load_front_matter
from site_core.problems import ProblemReport
from site_core.slugs import SLUG, slugify
from site_core.suggest import did_you_mean
from site_core.validation import validate
from site_core.yamlfile import LineDict, LineList

from .model import (
    Answer,
    Candidate,
    CandidateFields,
    Questionnaire,
    QuestionnaireFields,
    Race,
)
from .privacy import find_contacts

QUESTIONNAIRE_FILE = "questionnaire.md"
#: Candidate file names that would collide with the questionnaire's own pages.
RESERVED_SLUGS = frozenset({"compare", "questionnaire"})
#: "## question-id" starts an answer (### and deeper are the candidate's own headings).
ANSWER_HEADING = re.compile(r"^##(?!#)[ \t]*(.*?)[ \t]*#*[ \t]*$")
CODE_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class RawAnswer:
    """One "## id" section of a sheet's body, before any check."""

    id: str
    line: int  # the heading's line in the file
    text: str

    @cached_property
    def cleaned(self) -> CleanHtml:
        """The answer as readers get it (Markdown rendered and sanitised), and what was removed."""
        return render_markdown(self.text)

    @property
    def html(self) -> str:
        """The answer's sanitised HTML."""
        return self.cleaned.html.strip()


def _natural(text: str) -> tuple:
    """Sort "District 9" before "District 10"."""
    return tuple(int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", text))


def _did_you_mean(value: str, known: list[str], what: str) -> str:
    otherwise = f"{what}: {', '.join(known)}" if known else "there is none yet: add one first"
    return did_you_mean(value, known, otherwise, 0.5)


def split_answers(body: str, first_line: int) -> tuple[list[RawAnswer], int | None]:
    """Cut a body into "## id" sections; also return the line of any text before the first."""
    answers: list[RawAnswer] = []
    stray = None
    in_code = False
    current: list[str] = []
    for offset, line in enumerate(body.split("\n")):
        if CODE_FENCE.match(line):
            in_code = not in_code
        heading = None if in_code else ANSWER_HEADING.match(line)
        if heading:
            if answers:
                answers[-1].text = "\n".join(current)
            answers.append(RawAnswer(heading.group(1), first_line + offset, ""))
            current = []
        elif answers:
            current.append(line)
        elif line.strip() and stray is None:
            stray = first_line + offset
    if answers:
        answers[-1].text = "\n".join(current)
    return answers, stray


def read_questionnaire(path: Path, report: ProblemReport, url_base: str) -> Questionnaire | None:
    """Read and validate one questionnaire.md."""
    front = load_front_matter(path, report)
    if front is None:
        return None
    fields = validate(QuestionnaireFields, front.data, path, report)
    if fields is None:
        return None
    questions = front.data["questions"]
    seen: dict[str, int] = {}
    for index, question in enumerate(fields.questions):
        line = questions.item_lines[index]
        if question.id in seen:
            report.error(
                path,
                line,
                f"questions.{index}.id",
                f"'{question.id}' is already the id of question {seen[question.id] + 1}",
                "give each question its own id",
            )
        seen.setdefault(question.id, index)
    slug = path.parent.name
    intro = render_markdown(front.body)
    report_problems(report, path, intro.problems, front.body, front.body_line)
    return Questionnaire(
        slug=slug,
        url=f"{url_base}/{slug}/",
        fields=fields,
        intro=intro.html,
    )


def _check_fields(path, data, fields, questionnaire, report) -> None:
    """The rules that need the questionnaire or tie fields together."""
    endorsement = data["endorsement"]
    for name, text in fields.endorsement.problems():
        message, hint = text.split("; ", 1)
        report.error(path, endorsement.line_of(name), f"endorsement.{name}", message, hint)
    if fields.received is None and fields.endorsement.status != "no-response":
        report.error(
            path,
            data.line,
            "received",
            "is required unless the status is no-response",
            "add 'received: ' and the date the answers came in, e.g. 2027-01-28",
        )
    if questionnaire is None:
        return
    offices = questionnaire.fields.offices
    if fields.office not in offices:
        report.error(
            path,
            data.line_of("office"),
            "office",
            f"is not an office of this questionnaire (got {fields.office!r})",
            _did_you_mean(fields.office, offices, "its offices are"),
        )


def _public_ids(data, questionnaire, path, report) -> set[str]:
    """The answer ids the sheet marks as public contact information on purpose."""
    marked = data.get("public_contact") if isinstance(data, LineDict) else None
    if not isinstance(marked, LineList):
        return set()
    known = [q.id for q in questionnaire.questions] if questionnaire else None
    for index, qid in enumerate(marked):
        if known is not None and qid not in known:
            report.error(
                path,
                marked.item_lines[index],
                f"public_contact.{index}",
                f"is not a question id of this questionnaire (got {qid!r})",
                _did_you_mean(str(qid), known, "its question ids are"),
            )
    return {str(qid) for qid in marked}


def _check_answer(path, raw, public, region, report) -> None:
    """Contact information in one answer as readers get it, unless the sheet marks it public."""
    if raw.id in public:
        return
    for offset, kind in find_contacts(raw.text, region, raw.html):
        report.error(
            path,
            raw.line + 1 + offset,
            raw.id,
            f"this answer contains {kind}; personal contact information is not published",
            f"remove it, or if it is public on purpose add '{raw.id}' to 'public_contact:'",
        )


def read_sheet(
    path: Path, questionnaire: Questionnaire | None, report: ProblemReport, region: str
) -> Candidate | None:
    """Read and check one candidate's answer sheet against its questionnaire.

    ``region`` is the chapter's country, for the phone numbers of :func:`find_contacts`.
    """
    front = load_front_matter(path, report)
    if front is None:
        return None
    fields = validate(CandidateFields, front.data, path, report)
    if fields is not None:
        _check_fields(path, front.data, fields, questionnaire, report)
    public = _public_ids(front.data, questionnaire, path, report)
    questions = questionnaire.questions if questionnaire else []
    known = [q.id for q in questions]
    raws, stray = split_answers(front.body, front.body_line)
    if stray is not None:
        report.error(
            path,
            stray,
            None,
            "this text is not under any '## question-id' heading",
            "start each answer with a line '## ' and its question id, e.g. '## "
            + (known[0] if known else "medicare-for-all")
            + "'",
        )
    answers: dict[str, RawAnswer] = {}
    for raw in raws:
        if questionnaire is not None and raw.id not in known:
            report.error(
                path,
                raw.line,
                raw.id or "answer",
                f"is not a question id of this questionnaire (got {raw.id!r})",
                _did_you_mean(raw.id, known, "its question ids are"),
            )
        elif raw.id in answers:
            report.error(
                path,
                raw.line,
                raw.id,
                f"is answered twice (first on line {answers[raw.id].line})",
                "keep one answer per question",
            )
        else:
            answers[raw.id] = raw
        _check_answer(path, raw, public, region, report)
    if fields is None or questionnaire is None:
        return None
    status = fields.endorsement.status
    result = []
    for number, question in enumerate(questions, start=1):
        raw = answers.get(question.id)
        if raw:
            report_problems(report, path, raw.cleaned.problems, raw.text, raw.line + 1, question.id)
        html = raw.html if raw else ""
        skipped = raw is not None and not raw.text.strip()  # an empty heading: on purpose
        if not html and status != "no-response" and not skipped:
            report.warning(
                path,
                raw.line if raw else front.body_line - 1,
                question.id,
                "has no answer; the page shows 'No answer'",
                f"write the candidate's answer under '## {question.id}' if there is one"
                if raw
                else f"add '## {question.id}' and the candidate's answer if there is one",
            )
        result.append(Answer(question, number, html or None))
    slug = path.stem
    base = questionnaire.url
    return Candidate(slug, f"{base}{slug}/", fields, result)


def _check_name(path: Path, what: str, report: ProblemReport) -> bool:
    """A folder or file name becomes part of an address: lower-case words and hyphens."""
    name = path.stem if path.is_file() else path.name
    if SLUG.match(name) and not (path.is_file() and name in RESERVED_SLUGS):
        return True
    wanted = slugify(name)
    if wanted in RESERVED_SLUGS:
        wanted += "-1"
    report.error(
        path,
        None,
        None,
        f"this {what} name becomes part of the page's address and must be lower-case "
        f"letters, digits and hyphens, and not {' or '.join(sorted(RESERVED_SLUGS))}",
        f"rename it to '{wanted}{path.suffix}'",
    )
    return False


def _races(questionnaire: Questionnaire, candidates: list[Candidate]) -> list[Race]:
    """Group candidates by office and district, in the questionnaire's order of offices."""
    offices = questionnaire.fields.offices
    groups: dict[str, Race] = {}
    ordered = sorted(
        candidates,
        key=lambda c: (
            offices.index(c.fields.office) if c.fields.office in offices else len(offices),
            _natural(c.fields.district or ""),
            c.name.casefold(),
            c.slug,
        ),
    )
    for candidate in ordered:
        candidate.questionnaire = questionnaire
        race = groups.setdefault(candidate.race, Race(candidate.race, candidate.race_slug))
        race.candidates.append(candidate)
    return list(groups.values())


def read_questionnaires(
    root: Path, report: ProblemReport, url_base: str, region: str
) -> list[Questionnaire]:
    """Read every questionnaire folder under ``root``, newest election first."""
    if not is_content_folder(root, report):
        return []
    for loose in sorted(root.glob("*.md")):
        report.error(
            loose,
            1,
            None,
            "is not in a questionnaire's folder",
            f"move it into {root.name}/<questionnaire>/, next to its {QUESTIONNAIRE_FILE}",
        )
    folders = sorted(
        p
        for p in root.iterdir()
        if not p.name.startswith(".") and p.is_dir() and is_content_folder(p, report)
    )
    known = [f.name for f in folders if (f / QUESTIONNAIRE_FILE).is_file()]
    result = []
    for folder in folders:
        sheets = sorted(p for p in folder.glob("*.md") if p.name != QUESTIONNAIRE_FILE)
        if folder.name not in known:
            for sheet in sheets:
                report.error(
                    sheet,
                    1,
                    "questionnaire",
                    f"names the questionnaire '{folder.name}' (its folder), which has no "
                    f"{QUESTIONNAIRE_FILE}",
                    _did_you_mean(folder.name, known, "the questionnaires are"),
                )
            continue
        valid_name = _check_name(folder, "folder", report)
        questionnaire = read_questionnaire(folder / QUESTIONNAIRE_FILE, report, url_base)
        candidates = [
            candidate
            for sheet in sheets
            if _check_name(sheet, "file", report)
            and (candidate := read_sheet(sheet, questionnaire, report, region)) is not None
        ]
        if questionnaire is not None and valid_name:
            questionnaire.races = _races(questionnaire, candidates)
            result.append(questionnaire)
    return sorted(
        result, key=lambda q: (-q.fields.election.date.toordinal(), q.title.casefold(), q.slug)
    )
