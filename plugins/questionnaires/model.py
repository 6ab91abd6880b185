"""What a questionnaire and a candidate's answer sheet may hold: every field rule in one place.

The editor-facing models (:class:`QuestionnaireFields`, :class:`CandidateFields`,
and those of their translations, :class:`QuestionnaireTranslationFields`,
:class:`SheetTranslationFields`) validate the front matter of ``questionnaire.md``,
of each answer sheet and of their ``.<lang>.md`` files; the published models
(:class:`Questionnaire`, :class:`Candidate`, :class:`Race`) are what templates see.
Rules that tie one field to another (a rescinded endorsement needs its date and
reason) are in :meth:`Endorsement.problems`, so they are reported at the line of the
field that is wrong.

A published model answers in the language of the page being rendered
(:func:`site_core.i18n.current_language`): a questionnaire's title and questions in
that language when they are translated, a candidate's answers in it when the
candidate wrote them in it, else in the language they were written in, which the
templates mark (``lang_attr``). Answers are never translated: they are the
candidate's own words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
import re
from typing import Annotated, Literal

from markupsafe import Markup
from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema, field_validator

from site_core.fields import Language, Strict, WebUrl
from site_core.i18n import N_, current_language, gettext
from site_core.schemas import equals, given
from site_core.slugs import check_slug, slugify
from site_core.suggest import did_you_mean
from site_core.translated_headers import SourceHash
from site_core.translations import STATUSES as TRANSLATION_STATUSES

#: Endorsement statuses: the word readers see, and the badge colour that reinforces it.
STATUSES = {
    "endorsed": (N_("Endorsed"), "ok"),
    "not-endorsed": (N_("Not endorsed"), ""),
    "pending": (N_("Endorsement vote pending"), "warn"),
    "no-response": (N_("Did not respond"), ""),
    "rescinded": (N_("Endorsement rescinded"), "bad"),
}
#: Statuses that follow a vote of the members, so they need its date.
VOTED = ("endorsed", "not-endorsed", "rescinded")
#: Element ids the candidate page uses itself; a question id must not take one.
RESERVED_IDS = frozenset({"main", "answers", "endorsement", "history", "rescinded", "questions"})


def to_date(value):
    """Accept a date written 2027-02-12 (YAML reads it as a date already), else say how."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(
                f"is not a day of the calendar (got {text!r}); check the month and the day"
            ) from None
        raise ValueError(
            f"must be a date written YYYY-MM-DD (got {text!r}); e.g. 2027-02-12"
        ) from None


Day = Annotated[date, BeforeValidator(to_date)]


def check_question_id(value: str) -> str:
    """Accept a short id of lower-case words and hyphens, such as medicare-for-all."""
    text = check_slug(str(value))
    if text in RESERVED_IDS:
        raise ValueError(
            f"is a name the page already uses (got {text!r}); choose another, e.g. {text}-q"
        )
    return text


def check_status(value) -> str:
    """Accept one of the five endorsement statuses; suggest the closest for a typo."""
    text = str(value).strip().lower()
    if text in STATUSES:
        return text
    hint = did_you_mean(
        text.replace(" ", "-"), STATUSES, f"write one of: {', '.join(STATUSES)}", 0.5
    )
    raise ValueError(f"is not an endorsement status (got {value!r}); {hint}")


class Election(Strict):
    """The election a questionnaire is for."""

    name: str = Field(min_length=1)
    date: Day


class Question(Strict):
    """One question, with the short stable id its answers and permalinks use."""

    id: str
    text: str = Field(min_length=1)

    _id = field_validator("id")(check_question_id)


class QuestionnaireFields(Strict):
    """The front matter of ``questionnaire.md``."""

    title: str | None = None
    election: Election
    offices: list[str] = Field(min_length=1)
    sent: Day
    summary: str | None = None
    questions: list[Question] = Field(min_length=1)


#: JSON Schema of the rules between an endorsement's fields (:meth:`Endorsement.problems`).
ENDORSEMENT_RULES = [
    {"if": {"properties": {"status": {"enum": list(VOTED)}}}, "then": given("voted")},
    {
        "if": equals("status", "rescinded"),
        "then": {"allOf": [given("rescinded"), given("reason")]},
        "else": {"properties": {"rescinded": {"type": "null"}, "reason": {"type": "null"}}},
    },
]


class Endorsement(Strict):
    """The chapter's decision on a candidate, and its history."""

    model_config = ConfigDict(json_schema_extra={"allOf": ENDORSEMENT_RULES})

    status: Annotated[str, BeforeValidator(check_status), WithJsonSchema({"enum": list(STATUSES)})]
    voted: Day | None = None
    rescinded: Day | None = None
    reason: str | None = None

    def problems(self) -> list[tuple[str, str]]:
        """Return (field, "message; hint") for every rule between fields that is broken."""
        status = self.status
        needed = f"is required when status is {status}; add '{{name}}: ' and {{what}}"
        found = []
        if status in VOTED and self.voted is None:
            what = "the date of the members' vote, e.g. 2027-02-12"
            found.append(("voted", needed.format(name="voted", what=what)))
        if status == "rescinded":
            if self.rescinded is None:
                what = "the date of the vote to rescind, e.g. 2027-03-20"
                found.append(("rescinded", needed.format(name="rescinded", what=what)))
            if not self.reason:
                what = "the public reason, in one or two sentences"
                found.append(("reason", needed.format(name="reason", what=what)))
            if self.rescinded and self.voted and self.rescinded < self.voted:
                found.append(("rescinded", f"is before the vote on {self.voted}; check both dates"))
            return found
        for name in ("rescinded", "reason"):
            if getattr(self, name) is not None:
                found.append(
                    (
                        name,
                        f"only belongs to a rescinded endorsement (status is {status}); "
                        "remove it or set 'status: rescinded'",
                    )
                )
        return found

    @property
    def label(self) -> str:
        """The status as readers see it, in the language of the page."""
        return gettext(STATUSES[self.status][0])

    @property
    def badge(self) -> str:
        """The badge class that reinforces the word with a colour (ok, warn, bad or none)."""
        return STATUSES[self.status][1]


class CandidateFields(Strict):
    """The front matter of one candidate's answer sheet."""

    name: str = Field(min_length=1)
    office: str
    district: str | None = None
    party: str | None = None
    website: WebUrl | None = None
    received: Day | None = None
    endorsement: Endorsement
    public_contact: list[str] = Field(default_factory=list)
    language: Language | None = Field(
        default=None,
        description="The language the answers in this sheet are written in (default: the site's)",
    )


class QuestionnaireTranslationFields(Strict):
    """The front matter of ``questionnaire.<lang>.md``: the questionnaire in another language."""

    title: str | None = None
    summary: str | None = None
    source_hash: SourceHash | None = Field(
        default=None, description="The Source-Hash of questionnaire.md this was translated from"
    )
    translation_status: Literal[TRANSLATION_STATUSES] | None = None  # type: ignore[valid-type]
    questions: dict[str, Annotated[str, Field(min_length=1)]] = Field(default_factory=dict)


class SheetTranslationFields(Strict):
    """The front matter (optional) of ``<candidate>.<lang>.md``: answers in another language.

    The facts about the candidate are written once, in ``<candidate>.md``.
    """

    public_contact: list[str] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    """A question as a page shows it: its id, number, and text in ``lang``."""

    id: str
    number: int
    text: str
    lang: str


@dataclass(frozen=True, slots=True)
class Answer:
    """A question and what the candidate wrote (sanitised HTML) in ``lang``, or None."""

    question: AskedQuestion
    html: Markup | None
    lang: str


@dataclass(frozen=True, slots=True)
class QuestionnaireText:
    """A questionnaire's words in one language (missing questions fall back to the original)."""

    lang: str
    intro: Markup
    title: str | None = None
    summary: str | None = None
    questions: dict[str, str] = field(default_factory=dict)
    # A translation's file (relative to the project) and what it records, for the gap report.
    path: str | None = None
    source_hash: str | None = None
    status: str | None = None
    question_lines: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One dated step of the endorsement process."""

    day: date
    text: str
    reason: str | None = None


@dataclass(slots=True)
class Candidate:
    """One candidate's published answer sheet, its answers in each language they wrote in.

    ``sheets`` maps a language to the answers written in it (question id → sanitised
    HTML); ``lang`` is the language of the main sheet.
    """

    slug: str
    url: str
    fields: CandidateFields
    sheets: dict[str, dict[str, Markup]]
    lang: str
    questionnaire: Questionnaire | None = None

    @property
    def answers(self) -> list[Answer]:
        """One answer per question for the page being rendered: in the page's language when
        the candidate wrote one in it, else in the main sheet's, else in any other."""
        page = current_language(self.lang)
        order = [page, self.lang, *sorted(self.sheets)]
        result = []
        for question in self.questionnaire.questions if self.questionnaire else []:
            lang = next((lang for lang in order if question.id in self.sheets.get(lang, {})), None)
            html = self.sheets[lang][question.id] if lang else None
            result.append(Answer(question, html, lang or page))
        return result

    @property
    def name(self) -> str:
        """The candidate's name."""
        return self.fields.name

    @property
    def endorsement(self) -> Endorsement:
        """The chapter's decision."""
        return self.fields.endorsement

    @property
    def race(self) -> str:
        """Office and district, e.g. "Common Council, District 12"."""
        f = self.fields
        return f"{f.office}, {f.district}" if f.district else f.office

    @property
    def race_slug(self) -> str:
        """The race's anchor on the questionnaire and comparison pages."""
        return slugify(self.race)

    @property
    def answered(self) -> int:
        """How many questions have an answer (in any language)."""
        return len({qid for sheet in self.sheets.values() for qid in sheet})

    @property
    def history(self) -> list[HistoryEntry]:
        """The endorsement history, oldest first."""
        f, e = self.fields, self.fields.endorsement
        steps = []
        if self.questionnaire:
            sent = self.questionnaire.fields.sent
            steps.append(HistoryEntry(sent, gettext("Questionnaire sent")))
        if f.received:
            steps.append(HistoryEntry(f.received, gettext("Answers received")))
        if e.voted:
            outcome = (
                gettext("Members voted not to endorse")
                if e.status == "not-endorsed"
                else gettext("Members voted to endorse")
            )
            steps.append(HistoryEntry(e.voted, outcome))
        if e.rescinded:
            steps.append(HistoryEntry(e.rescinded, gettext("Endorsement rescinded"), e.reason))
        return sorted(steps, key=lambda s: s.day)


@dataclass(slots=True)
class Race:
    """The candidates for one office (and district) of a questionnaire."""

    name: str
    slug: str
    candidates: list[Candidate] = field(default_factory=list)


@dataclass(slots=True)
class Questionnaire:
    """One questionnaire, its questions in order, and its candidates by race.

    ``texts`` holds its words in each language: the original (``lang``, the site's) and
    each translation (``questionnaire.<lang>.md``).
    """

    slug: str
    url: str
    fields: QuestionnaireFields
    lang: str
    texts: dict[str, QuestionnaireText]
    races: list[Race] = field(default_factory=list)
    path: str = ""  # questionnaire.md, relative to the project (for the gap report)
    digest: str = ""  # the Source-Hash a translation of it records (translated.py)

    def _text(self) -> QuestionnaireText:
        """The words of the page's language, or the original's."""
        return self.texts.get(current_language(self.lang)) or self.texts[self.lang]

    @property
    def title(self) -> str:
        """The title in the page's language, or the original's, or one made from the
        election and offices."""
        return self._text().title or self.fields.title or self._default_title

    @property
    def title_lang(self) -> str:
        """The language :attr:`title` is in."""
        return self._text().lang if self._text().title else self.lang

    @property
    def _default_title(self) -> str:
        return f"{self.fields.election.name}: {', '.join(self.fields.offices)}"

    @property
    def summary(self) -> str | None:
        """The summary in the page's language, or the original's."""
        return self._text().summary or self.fields.summary

    @property
    def intro(self) -> Markup:
        """The introduction (HTML) in the page's language, or the original's."""
        text = self._text()
        return text.intro if str(text.intro).strip() else self.texts[self.lang].intro

    @property
    def intro_lang(self) -> str:
        """The language :attr:`intro` is in."""
        text = self._text()
        return text.lang if str(text.intro).strip() else self.lang

    @property
    def questions(self) -> list[AskedQuestion]:
        """The questions, in the order they were asked, each in the page's language when it
        is translated, else in the original's."""
        text = self._text()
        return [
            AskedQuestion(q.id, number, text.questions[q.id], text.lang)
            if q.id in text.questions
            else AskedQuestion(q.id, number, q.text, self.lang)
            for number, q in enumerate(self.fields.questions, start=1)
        ]

    @property
    def candidates(self) -> list[Candidate]:
        """Every candidate, race by race."""
        return [c for race in self.races for c in race.candidates]

    @property
    def rescinded(self) -> list[Candidate]:
        """Candidates whose endorsement was rescinded."""
        return [c for c in self.candidates if c.endorsement.status == "rescinded"]

    @property
    def compare_url(self) -> str:
        """The side-by-side comparison page."""
        return f"{self.url}compare/"
