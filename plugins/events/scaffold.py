"""A new events file holding one event: the questions to ask, the checks, the file's text."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from site_core.ask import Question
from site_core.problems import ProblemReport
from site_core.scaffold import yaml_text
from site_core.slugs import slugify
from site_core.validation import field_check, validate

from .entry import EVENT_TYPES, EventEntry
from .rules import BuildFacts, build_event

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/events.schema.json"
#: When to use a list and when one event per file (docs/editing/events.md).
LIST_OR_ONE = (
    "# A list: add related events below, each starting with '- title:'. The browser editor\n"
    "# (/admin/) writes one event per .yaml file instead, without the '- '; both are read."
)


def _check(name: str):
    return field_check(EventEntry, name)


#: The fields asked first, in the order of the file.
QUESTIONS = [
    Question("title", "Title, e.g. 'Door knocking in Atwood'", _check("title"), required=True),
    Question("type", "Type", _check("type"), required=True, choices=EVENT_TYPES),
    Question(
        "start",
        "Starts (YYYY-MM-DD HH:MM, 24-hour; YYYY-MM-DD alone for all day)",
        _check("start"),
        required=True,
    ),
    Question("end", "Ends (YYYY-MM-DD HH:MM; default: a usual length for the type)", _check("end")),
    Question("location", "Place name (Enter for an online event)", _check("location")),
    Question("address", "Street address of a public place, never a member's home"),
    Question("rsvp", "Sign-up link (https://...)", _check("rsvp")),
    Question("description", "One-line description (more can be written in the file)"),
]


def online_question(location: str) -> Question:
    """The link to join: required when no place was given."""
    return Question(
        "online",
        "Link to join online (https://...)",
        _check("online"),
        required=not location,
        needed="--location (a place) or --online (a link to join)",
    )


def event_data(answers: dict[str, str]) -> dict[str, str]:
    """The event's fields as the file holds them: the given answers, in the file's order."""
    order = ("title", "type", "start", "end", "location", "address", "online", "rsvp")
    data = {name: answers[name] for name in order if answers.get(name)}
    if answers.get("description"):
        data["description"] = answers["description"].strip()
    return data


def event_problems(path: Path, data: dict[str, str], zone: str, now: datetime) -> ProblemReport:
    """Every problem the build would find in the event to be written at ``path``."""
    report = ProblemReport()
    entry = validate(EventEntry, data, path, report)
    if entry is not None:
        build_event(entry, data, path, report, "", BuildFacts(zone, now, "check"))
    return report


def event_file(folder: Path, data: dict[str, str]) -> tuple[Path, str]:
    """Return the path and text of ``content/events/<date>-<title>.yml`` with one event."""
    name = f"{data['start'][:10]}-{slugify(data['title'], max_length=60)}.yml"
    return folder / name, f"{SCHEMA_LINE}\n{LIST_OR_ONE}\n\n{yaml_text([data])}"
