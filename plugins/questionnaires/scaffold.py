"""A new answer sheet for a candidate, with one heading per question of the questionnaire."""

from __future__ import annotations

from pathlib import Path

from site_core.problems import ProblemReport
from site_core.slugs import slugify

from .read import QUESTIONNAIRE_FILE, read_questionnaire


def candidate_sheet(
    folder: Path,
    name: str,
    office: str,
    received: str,
    district: str = "",
    party: str = "",
    website: str = "",
) -> tuple[Path, str]:
    """Return the path and text of a new sheet for ``name`` in a questionnaire's ``folder``."""
    report = ProblemReport(root=folder.parent.parent.parent)
    questionnaire = read_questionnaire(folder / QUESTIONNAIRE_FILE, report, "candidates/")
    if questionnaire is None:
        raise SystemExit("\n".join(str(p) for p in report.errors) or f"{folder}: no questionnaire")
    lines = ["---", f"name: {name}", f"office: {office}"]
    lines += [f"district: {district}"] if district else []
    lines += [f"party: {party}"] if party else []
    lines += [f"website: {website}"] if website else []
    lines += [
        f"received: {received}",
        "endorsement:",
        "  status: pending",
        "---",
    ]
    for question in questionnaire.questions:
        lines += ["", f"## {question.id}", "", f"<!-- {question.text} -->", ""]
    return folder / f"{slugify(name)}.md", "\n".join(lines).rstrip() + "\n"
