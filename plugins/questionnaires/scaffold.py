"""A new answer sheet for a candidate: the questions to ask, and the sheet's text.

The sheet has one heading per question of the questionnaire, with the question as a
comment under it for whoever copies the candidate's answers in.
"""

from __future__ import annotations

from pathlib import Path

from site_core.ask import Question
from site_core.frontmatter import load_front_matter
from site_core.problems import ProblemReport
from site_core.scaffold import yaml_text
from site_core.slugs import slugify
from site_core.suggest import did_you_mean
from site_core.validation import field_check

from .model import CandidateFields, Questionnaire
from .read import QUESTIONNAIRE_FILE, read_questionnaire


def questionnaire_in(folder: Path) -> Questionnaire:
    """The questionnaire of ``folder``; its problems stop the task, listed."""
    report = ProblemReport()
    questionnaire = read_questionnaire(folder / QUESTIONNAIRE_FILE, report, "candidates/")
    if questionnaire is None:
        raise SystemExit("\n".join(str(p) for p in report.errors) or f"{folder}: no questionnaire")
    return questionnaire


def districts_in(folder: Path) -> tuple[str, ...]:
    """The districts the sheets of ``folder`` already name, to choose from (unreadable skipped)."""
    found = set()
    for sheet in folder.glob("*.md"):
        if sheet.name != QUESTIONNAIRE_FILE:
            front = load_front_matter(sheet, ProblemReport())
            district = front.data.get("district") if front and hasattr(front.data, "get") else None
            if isinstance(district, str) and district.strip():
                found.add(district.strip())
    return tuple(sorted(found))


def one_of(choices: tuple[str, ...], what: str):
    """A check that the answer is one of ``choices`` (its fix: "did you mean")."""

    def check(answer: str) -> str:
        if answer not in choices:
            hint = did_you_mean(answer, choices, f"write one of: {', '.join(choices)}")
            raise ValueError(f"is not {what} (got {answer!r}); {hint}")
        return answer

    return check


def questionnaire_question(folders: tuple[str, ...]) -> Question:
    """Which questionnaire folder the candidate answered (default: the newest)."""
    return Question(
        "questionnaire",
        "Questionnaire folder",
        one_of(folders, "a questionnaire folder under content/questionnaires/"),
        required=True,
        default=folders[-1] if folders else "",
        choices=folders,
    )


def sheet_questions(folder: Path, questionnaire: Questionnaire, today: str) -> list[Question]:
    """The questions of a sheet for ``questionnaire``: offices listed, districts suggested."""
    offices = tuple(questionnaire.fields.offices)
    districts = districts_in(folder)
    return [
        Question("name", "Candidate's name", field_check(CandidateFields, "name"), required=True),
        Question(
            "office",
            "Office",
            one_of(offices, "an office of this questionnaire"),
            required=True,
            default=offices[0] if len(offices) == 1 else "",
            choices=offices,
        ),
        Question(
            "district",
            "District" + (f" (e.g. {', '.join(districts)})" if districts else ""),
        ),
        Question("party", "Party or affiliation"),
        Question(
            "website", "Campaign website (https://...)", field_check(CandidateFields, "website")
        ),
        Question(
            "received",
            "Answers received on (YYYY-MM-DD)",
            field_check(CandidateFields, "received"),
            default=today,
        ),
    ]


def candidate_sheet(
    folder: Path, questionnaire: Questionnaire, answers: dict[str, str]
) -> tuple[Path, str]:
    """Return the path and text of a new sheet in ``folder`` from checked ``answers``."""
    order = ("name", "office", "district", "party", "website", "received")
    fields = {name: answers[name] for name in order if answers.get(name)}
    fields["endorsement"] = {"status": "pending"}
    lines = ["---", yaml_text(fields).rstrip(), "---"]
    for question in questionnaire.questions:
        lines += ["", f"## {question.id}", "", f"<!-- {question.text} -->", ""]
    return folder / f"{slugify(answers['name'])}.md", "\n".join(lines).rstrip() + "\n"
