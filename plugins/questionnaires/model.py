"""What a questionnaire and a candidate's answer sheet may hold: every field rule in one place.

The editor-facing models (:class:`QuestionnaireFields`, :class:`CandidateFields`)
validate the front matter of ``questionnaire.md`` and of each answer sheet; the
published models (:class:`Questionnaire`, :class:`Candidate`, :class:`Race`)
are what templates see. Rules that tie one field to another (a rescinded
endorsement needs its date and reason) are in :meth:`Endorsement.problems`, so
they are reported at the line of the field that is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
import re
from typing import Annotated

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema, field_validator

from site_core.fields import Strict, WebUrl
from site_core.schemas import equals, given
from site_core.slugs import check_slug, slugify
from site_core.suggest import did_you_mean

#: Endorsement statuses: the word readers see, and the badge colour that reinforces it.
STATUSES = {
    "endorsed": ("Endorsed", "ok"),
    "not-endorsed": ("Not endorsed", ""),
    "pending": ("Endorsement vote pending", "warn"),
    "no-response": ("Did not respond", ""),
    "rescinded": ("Endorsement rescinded", "bad"),
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
        """The status as readers see it."""
        return STATUSES[self.status][0]

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


@dataclass(frozen=True, slots=True)
class Answer:
    """A question and what the candidate wrote (sanitised HTML), or None when skipped."""

    question: Question
    number: int
    html: str | None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One dated step of the endorsement process."""

    day: date
    text: str
    reason: str | None = None


@dataclass(slots=True)
class Candidate:
    """One candidate's published answer sheet."""

    slug: str
    url: str
    fields: CandidateFields
    answers: list[Answer]
    questionnaire: Questionnaire | None = None

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
        """How many questions have an answer."""
        return sum(1 for a in self.answers if a.html is not None)

    @property
    def history(self) -> list[HistoryEntry]:
        """The endorsement history, oldest first."""
        f, e = self.fields, self.fields.endorsement
        steps = []
        if self.questionnaire:
            steps.append(HistoryEntry(self.questionnaire.fields.sent, "Questionnaire sent"))
        if f.received:
            steps.append(HistoryEntry(f.received, "Answers received"))
        if e.voted:
            outcome = "not to endorse" if e.status == "not-endorsed" else "to endorse"
            steps.append(HistoryEntry(e.voted, f"Members voted {outcome}"))
        if e.rescinded:
            steps.append(HistoryEntry(e.rescinded, "Endorsement rescinded", e.reason))
        return sorted(steps, key=lambda s: s.day)


@dataclass(slots=True)
class Race:
    """The candidates for one office (and district) of a questionnaire."""

    name: str
    slug: str
    candidates: list[Candidate] = field(default_factory=list)


@dataclass(slots=True)
class Questionnaire:
    """One questionnaire, its questions in order, and its candidates by race."""

    slug: str
    url: str
    fields: QuestionnaireFields
    intro: str
    races: list[Race] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The title, or one made from the election and offices."""
        return self.fields.title or f"{self.fields.election.name}: {', '.join(self.fields.offices)}"

    @property
    def questions(self) -> list[Question]:
        """The questions, in the order they were asked."""
        return self.fields.questions

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
