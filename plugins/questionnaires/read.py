"""Read ``content/questionnaires/``: each folder, its questionnaire.md and its answer sheets.

Every file is read once. Every mistake goes to the build's problem report with
the file and line (lines in a sheet's body are counted from the top of the
file, front matter included), and reading goes on, so an editor sees them all
at once. What comes out are the published models of :mod:`.model`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
import re

from markupsafe import Markup

from site_core.contentfiles import is_content_folder
from site_core.editor_html import CleanHtml, render_markdown, report_problems
from site_core.frontmatter import FrontMatter, load_front_matter
from site_core.i18n import SiteLanguages
from site_core.problems import ProblemReport
from site_core.slugs import SLUG, slugify
from site_core.suggest import did_you_mean
from site_core.translations import language_of_file, pair_files
from site_core.validation import validate
from site_core.yamlfile import LineDict, LineList

from .model import (
    Candidate,
    CandidateFields,
    Questionnaire,
    QuestionnaireFields,
    QuestionnaireText,
    Race,
)
from .privacy import find_contacts
from .translated import questionnaire_digest, read_questionnaire_translation, sheet_translation

#: The languages of a site in one language (the default for the readers' callers).
ONE_LANGUAGE = SiteLanguages()

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


def read_questionnaire(
    path: Path, report: ProblemReport, url_base: str, lang: str = ONE_LANGUAGE.default
) -> Questionnaire | None:
    """Read and validate one questionnaire.md (written in ``lang``, the site's language)."""
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
        lang=lang,
        texts={lang: QuestionnaireText(lang, Markup(intro.html), fields.title, fields.summary)},
        path=report.relative(path),
        digest=questionnaire_digest(fields, front.body),
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


def _answers(
    path: Path,
    front: FrontMatter,
    questionnaire: Questionnaire | None,
    public: set[str],
    region: str,
    report: ProblemReport,
) -> dict[str, RawAnswer]:
    """The "## id" answers of a sheet's body (main or translation), checked: known ids, one
    answer per question, no personal contact information, HTML an editor may use."""
    known = [q.id for q in questionnaire.fields.questions] if questionnaire else []
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
    if questionnaire is not None:
        for raw in answers.values():
            report_problems(report, path, raw.cleaned.problems, raw.text, raw.line + 1, raw.id)
    return answers


def _warn_unanswered(
    path: Path,
    front: FrontMatter,
    questionnaire: Questionnaire,
    status: str,
    raws: list[dict[str, RawAnswer]],
    report: ProblemReport,
) -> None:
    """A question with no answer in any language (and not skipped on purpose) is a warning."""
    if status == "no-response":
        return
    main = raws[0]
    for question in questionnaire.fields.questions:
        given = [found[question.id] for found in raws if question.id in found]
        skipped = any(not raw.text.strip() for raw in given)  # an empty heading: on purpose
        if skipped or any(raw.html for raw in given):
            continue
        raw = main.get(question.id)
        report.warning(
            path,
            raw.line if raw else front.body_line - 1,
            question.id,
            "has no answer; the page shows 'No answer'",
            f"write the candidate's answer under '## {question.id}' if there is one"
            if raw
            else f"add '## {question.id}' and the candidate's answer if there is one",
        )


def read_sheet(
    path: Path,
    questionnaire: Questionnaire | None,
    report: ProblemReport,
    region: str,
    languages: SiteLanguages = ONE_LANGUAGE,
    translations: Mapping[str, Path] | None = None,
) -> Candidate | None:
    """Read and check one candidate's answer sheet, and its answers in other languages
    (``translations``: language → ``<candidate>.<lang>.md``), against its questionnaire.

    ``region`` is the chapter's country, for the phone numbers of :func:`find_contacts`.
    """
    front = load_front_matter(path, report)
    if front is None:
        return None
    fields = validate(CandidateFields, front.data, path, report)
    if fields is not None:
        _check_fields(path, front.data, fields, questionnaire, report)
    public = _public_ids(front.data, questionnaire, path, report)
    lang = fields.language if fields and fields.language else languages.default
    raws = {lang: _answers(path, front, questionnaire, public, region, report)}
    for other, file in sorted((translations or {}).items()):
        extra = sheet_translation(file, other, path, lang, report)
        if extra is not None and other != lang:
            public = _public_ids(extra.data, questionnaire, file, report)
            raws[other] = _answers(file, extra, questionnaire, public, region, report)
    if fields is None or questionnaire is None:
        return None
    status = fields.endorsement.status
    _warn_unanswered(path, front, questionnaire, status, list(raws.values()), report)
    sheets = {
        language: {qid: Markup(raw.html) for qid, raw in found.items() if raw.html}
        for language, found in raws.items()
    }
    slug = path.stem
    return Candidate(slug, f"{questionnaire.url}{slug}/", fields, sheets, lang)


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
    root: Path,
    report: ProblemReport,
    url_base: str,
    region: str,
    languages: SiteLanguages = ONE_LANGUAGE,
) -> list[Questionnaire]:
    """Read every questionnaire folder under ``root``, and the translations in it of the
    questionnaire and of the answer sheets (``<file>.<lang>.md``), newest election first."""
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
        files = sorted(folder.glob("*.md"))
        own = [p for p in files if language_of_file(p, languages)[0].name == QUESTIONNAIRE_FILE]
        sheets = [p for p in files if p not in own]
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
        (own_group,), _ = pair_files(own, languages, report, "questionnaire")
        sheet_groups, _ = pair_files(sheets, languages, report, "answer sheet")
        questionnaire = read_questionnaire(own_group.source, report, url_base, languages.default)
        if questionnaire is not None:
            for lang, file in own_group.translations.items():
                text = read_questionnaire_translation(file, lang, questionnaire, report)
                if text is not None:
                    questionnaire.texts[lang] = text
        candidates = [
            candidate
            for group in sheet_groups
            if _check_name(group.source, "file", report)
            and (
                candidate := read_sheet(
                    group.source, questionnaire, report, region, languages, group.translations
                )
            )
            is not None
        ]
        if questionnaire is not None and valid_name:
            questionnaire.races = _races(questionnaire, candidates)
            result.append(questionnaire)
    return sorted(
        result, key=lambda q: (-q.fields.election.date.toordinal(), q.title.casefold(), q.slug)
    )
