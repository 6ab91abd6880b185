"""A questionnaire and its answer sheets in other languages: ``<file>.<lang>.md``.

``questionnaire.es.md`` beside ``questionnaire.md`` holds the questionnaire in Spanish:
its ``title``, ``summary`` and ``questions`` (question id → text) in the front matter,
the introduction as its body, the ``source_hash`` of the original it was translated
from and its ``translation_status``. A question it leaves out is shown in the original,
marked with its language.

``maria-exampleton.es.md`` beside ``maria-exampleton.md`` holds the answers the
candidate wrote in Spanish, under the same ``## question-id`` headings; the facts
about the candidate stay in ``maria-exampleton.md`` (the front matter, optional here,
may only say which of its answers are ``public_contact``). Answers are the
candidate's own words, never translated, so they are not in the gap report; the
questionnaire is (:func:`translation_units`).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from site_core.editor_html import render_markdown, report_problems
from site_core.frontmatter import FrontMatter, load_front_matter
from site_core.problems import ProblemReport
from site_core.suggest import did_you_mean
from site_core.translations import TranslationUnit, language_label, source_digest
from site_core.validation import validate
from site_core.yamlfile import LineDict, read_text

from .model import (
    CandidateFields,
    Questionnaire,
    QuestionnaireFields,
    QuestionnaireText,
    QuestionnaireTranslationFields,
    SheetTranslationFields,
)


def questionnaire_digest(fields: QuestionnaireFields, intro: str) -> str:
    """The Source-Hash of a questionnaire: its title, summary, introduction and questions."""
    questions = (f"{q.id}: {q.text}" for q in fields.questions)
    return source_digest(fields.title or "", fields.summary or "", intro, *questions)


def read_questionnaire_translation(
    path: Path, lang: str, questionnaire: Questionnaire, report: ProblemReport
) -> QuestionnaireText | None:
    """Read ``questionnaire.<lang>.md``; an unknown question id is a problem at its line."""
    front = load_front_matter(path, report)
    if front is None:
        return None
    fields = validate(QuestionnaireTranslationFields, front.data, path, report)
    if fields is None:
        return None
    known = [q.id for q in questionnaire.fields.questions]
    given = front.data.get("questions")
    lines = given.key_lines if isinstance(given, LineDict) else {}
    questions = {}
    for qid, text in fields.questions.items():
        if qid in known:
            questions[qid] = text
            continue
        report.error(
            path,
            lines.get(qid, front.data.line_of("questions")),
            f"questions.{qid}",
            f"is not a question id of {questionnaire.path.rsplit('/', 1)[-1]} (got {qid!r})",
            did_you_mean(qid, known, f"its question ids are: {', '.join(known)}", 0.5),
        )
    intro = render_markdown(front.body)
    report_problems(report, path, intro.problems, front.body, front.body_line)
    return QuestionnaireText(
        lang,
        Markup(intro.html),
        fields.title,
        fields.summary,
        questions,
        path=report.relative(path),
        source_hash=fields.source_hash,
        status=fields.translation_status,
        question_lines={qid: lines.get(qid, 1) for qid in questions},
    )


def _optional_front_matter(path: Path, report: ProblemReport) -> FrontMatter | None:
    """A Markdown file whose front matter may be left out: then, after any blank lines and
    one-line comments (``<!-- content/x.md -->``), the rest of the file is the body."""
    text = read_text(path, report)
    if text is None:
        return None
    lines = text.removeprefix("\ufeff").split("\n")
    start = next((i for i, line in enumerate(lines) if not _skippable(line)), len(lines))
    if start < len(lines) and lines[start].rstrip() == "---":
        return load_front_matter(path, report)
    data = LineDict()
    data.line, data.key_lines = 1, {}
    return FrontMatter(data, "\n".join(lines[start:]), start + 1)


def _skippable(line: str) -> bool:
    """A blank line, or a one-line HTML comment, before a file's content."""
    text = line.strip()
    return not text or (text.startswith("<!--") and text.endswith("-->"))


def sheet_translation(
    path: Path, lang: str, source: Path, source_lang: str, report: ProblemReport
) -> FrontMatter | None:
    """Read ``<candidate>.<lang>.md`` (answers in ``lang``) up to its answers; the facts it
    repeats from ``source`` (``<candidate>.md``, in ``source_lang``) are problems."""
    front = _optional_front_matter(path, report)
    if front is None:
        return None
    if lang == source_lang:
        report.error(
            path,
            1,
            "file name",
            f"holds {language_label(lang)} answers, but the answers in {source.name} are"
            f" {language_label(lang)} already (its 'language: {lang}')",
            f"keep the {language_label(lang)} answers in one file: move them to {source.name}",
        )
        return None
    data = front.data
    if isinstance(data, LineDict):
        facts = CandidateFields.model_fields.keys() - SheetTranslationFields.model_fields.keys()
        repeated = [key for key in data if key in facts]
        for key in repeated:
            report.error(
                path,
                data.line_of(key),
                key,
                f"is a fact about the candidate, written once in {source.name}",
                f"remove '{key}:' here; this file holds only the answers in {language_label(lang)}",
            )
        if repeated:
            return None
        if not data:  # no fields: only answers
            return front
    if validate(SheetTranslationFields, data, path, report) is None:
        return None
    return front


def translation_units(
    questionnaire: Questionnaire, others: tuple[str, ...]
) -> list[TranslationUnit]:
    """The gap report's units of a questionnaire in each of ``others``: its introduction
    (title, summary, text) and each question. Answers are verbatim: never units."""
    name = questionnaire.fields.title or questionnaire.slug
    units = []
    for lang in others:
        text = questionnaire.texts.get(lang)
        has_intro = text is not None and bool(text.title or str(text.intro).strip())
        places = {"introduction": text.path if has_intro else None}
        for q in questionnaire.fields.questions:
            line = text.question_lines.get(q.id) if text else None
            places[f"question {q.id}"] = f"{text.path}:{line}" if text and line else None
        units += [
            TranslationUnit(
                kind="questionnaire",
                title=f"{name}: {part}",
                source=questionnaire.path,
                lang=lang,
                current_hash=questionnaire.digest,
                translation=where,
                recorded_hash=text.source_hash if text else None,
                status=text.status if text else None,
            )
            for part, where in places.items()
        ]
    return units
