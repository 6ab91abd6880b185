"""The browser editor's forms (Decap CMS collections), generated from the content models.

Each collection's fields come from the JSON Schema of the pydantic model the build
validates that kind of file with (field names, labels, help text from the
``description``s, required fields, choices, patterns), so the form and the build
cannot drift apart: ``invoke schemas`` rewrites ``schemas/cms.yml`` and a test fails
when it is stale. What a form cannot express (an end after its start, a rescinded
endorsement's reason...) the build still checks; the help text says so.
Pages and news posts have no model (Pelican reads their header): their few fields
are listed here.
"""

from __future__ import annotations

from copy import deepcopy
from importlib import import_module
from pathlib import Path
from typing import Any

import yaml

from site_core.schemas import model_for

#: Forms whose model is not the root of a JSON Schema, by "module:Model": one event
#: (an events file may hold many), the headers of guide chapters and charters.
FORM_MODELS = {
    "event": "events.entry:EventEntry",
    "guide": "guide.model:ChapterHeader",
    "charter": "charters.model:CharterHeader",
}

CONFIG_FILE = "cms.yml"
#: The custom format (registered by ``cms-setup.js``) for Markdown with Pelican's
#: ``Field: value`` header, the form of pages, news, guide chapters and charters.
PELICAN_MARKDOWN = "pelican-markdown"
BUILD_CHECKS = "The site's check refuses what this form cannot: "

Field = dict[str, Any]


#: Labels a field's name does not spell well.
LABELS = {"rsvp": "RSVP link", "url": "Web address", "online": "Online link"}


def label(name: str) -> str:
    """A field's label: its name in words, e.g. ``address_private`` → "Address private"."""
    if name in LABELS:
        return LABELS[name]
    words = name.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def _resolve(schema: dict, defs: dict) -> tuple[dict, bool]:
    """The schema of one value with ``$ref`` followed; whether it may also be null."""
    nullable = False
    if "anyOf" in schema:
        options = [option for option in schema["anyOf"] if option.get("type") != "null"]
        nullable = len(options) < len(schema["anyOf"])
        if len(options) == 1:
            schema = {**options[0], **{k: v for k, v in schema.items() if k != "anyOf"}}
    if "$ref" in schema:
        target = defs[schema["$ref"].rsplit("/", 1)[-1]]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema, nullable


def _widget(schema: dict, defs: dict) -> Field:
    """The Decap widget (and its options) for one value's schema."""
    if "enum" in schema:
        return {"widget": "select", "options": list(schema["enum"])}
    kind = schema.get("type")
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind == "integer":
        return {"widget": "number", "value_type": "int"}
    if kind == "object" and "properties" in schema:
        return {"widget": "object", "fields": fields_of(schema, defs)}
    if kind == "array":
        items, _ = _resolve(schema.get("items", {}), defs)
        if items.get("type") == "object" and "properties" in items:
            return {"widget": "list", "fields": fields_of(items, defs)}
        return {"widget": "list"}  # a list of words: "a, b, c" in the form
    if schema.get("format") == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False}
    widget: Field = {"widget": "string"}
    if "pattern" in schema:
        widget["pattern"] = [schema["pattern"], _pattern_message(schema)]
    return widget


def _pattern_message(schema: dict) -> str:
    """What the form says when a value does not match its pattern."""
    if schema.get("format") == "uri":
        return "a web address starting with https://"
    if schema.get("examples"):
        return f"e.g. {schema['examples'][0]}"
    return "see the help text"


def fields_of(schema: dict, defs: dict) -> list[Field]:
    """The form fields of an object schema, in the model's order."""
    required = set(schema.get("required", ()))
    fields = []
    for name, prop in schema.get("properties", {}).items():
        resolved, _ = _resolve(prop, defs)
        field: Field = {"name": name, "label": label(name), **_widget(resolved, defs)}
        if name not in required:
            field["required"] = False
        hint = prop.get("description") or resolved.get("description")
        if hint:
            field["hint"] = hint
        if "default" in prop and prop["default"] not in (None, [], ""):
            field["default"] = prop["default"]
        fields.append(field)
    return fields


def model_fields(schema_name: str) -> list[Field]:
    """The form fields of a model: one of ``FORM_MODELS``, or a JSON Schema's root model."""
    if schema_name in FORM_MODELS:
        module, _, attribute = FORM_MODELS[schema_name].partition(":")
        model = getattr(import_module(module), attribute)
    else:
        model = model_for(schema_name)
    schema = model.model_json_schema(mode="validation")
    return fields_of(schema, schema.get("$defs", {}))


def header_fields(name: str) -> list[Field]:
    """A Markdown header's fields; its status (checked by a validator) as a choice."""
    module = import_module(FORM_MODELS[name].partition(":")[0])
    status = {"widget": "select", "options": list(module.STATUSES)}
    return _adjust(model_fields(name), {"status": status})


def _adjust(fields: list[Field], changes: dict[str, Field | None]) -> list[Field]:
    """Fields with some options changed (``None``: the field is left out of the form)."""
    adjusted = []
    for field in fields:
        change = changes.get(field["name"], {})
        if change is None:
            continue
        adjusted.append({**field, **change})
    return adjusted


LOCAL_TIME = {
    "widget": "datetime",
    "format": "YYYY-MM-DD HH:mm",
    "date_format": "YYYY-MM-DD",
    "time_format": "HH:mm",
}
EVENT_CHANGES: dict[str, Field | None] = {
    "start": {**LOCAL_TIME, "hint": "Local date and time, in the event's timezone."},
    "end": {
        **LOCAL_TIME,
        "hint": "Default: a usual length for the type. "
        + BUILD_CHECKS
        + "an end before the start.",
    },
    "previous_start": {**LOCAL_TIME, "hint": "With status: rescheduled."},
    "description": {"widget": "markdown", "buttons": ["bold", "italic", "link", "bulleted-list"]},
    "dates": {
        "widget": "list",
        "field": {"name": "date", "label": "Start", **LOCAL_TIME},
        "hint": "More start times of the same event (each as long as the first).",
    },
    "cancelled": None,  # the older way of saying status: cancelled
    "cancelled_reason": {"hint": "With status: cancelled; shown on the event's page."},
    "slug": {"hint": "The page's address (default: the date and title)."},
    # Keyed by language, which a form cannot name: written in the file (docs/editing/
    # events.md); the editor keeps fields it does not show when it saves.
    "translations": None,
}
PUBLIC_EVENT = {
    "address_private": {"widget": "hidden", "default": False},
    "address": {
        "hint": "A public place's street address, e.g. '1 Main St, Madison, WI 53703'. "
        "Never a member's home: use 'Private meetings' for that."
    },
}
PRIVATE_EVENT = {
    "address_private": {"widget": "hidden", "default": True},
    "address": None,  # a member's home is never written down: the repository is public
    "location": {
        "hint": "Only the neighbourhood (e.g. 'a member's home near Atwood'): "
        "the RSVP form gives the address to those who sign up."
    },
    "rsvp": {"hint": "https link to sign up: how people find the place."},
}


def event_collection(
    name: str, title: str, singular: str, changes: dict[str, Field | None]
) -> dict:
    """One events form: a file per event in ``content/events/`` (``.yaml``; lists stay ``.yml``)."""
    private = changes["address_private"]["default"]
    return {
        "name": name,
        "label": title,
        "label_singular": singular,
        "folder": "content/events",
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "slug": "{{fields.start | date('YYYY-MM-DD')}}-{{slug}}",
        "filter": {"field": "address_private", "value": private},
        "summary": "{{title}} ({{start}})",
        "fields": _adjust(model_fields("event"), {**EVENT_CHANGES, **changes}),
    }


def _markdown_collection(name: str, title: str, folder: str, fields: list[Field], **extra) -> dict:
    """A folder of Markdown files with a ``Field: value`` header (Pelican's form)."""
    body = {"name": "body", "label": "Text", "widget": "markdown"}
    return {
        "name": name,
        "label": title,
        "folder": folder,
        "extension": "md",
        "format": PELICAN_MARKDOWN,
        "create": True,
        "slug": "{{slug}}",
        "fields": [*fields, body],
        **extra,
    }


def _text(name: str, hint: str, required: bool = True, **options) -> Field:
    field: Field = {"name": name, "label": label(name), "widget": "string", "hint": hint}
    if not required:
        field["required"] = False
    return {**field, **options}


PAGE_FIELDS = [
    _text("title", "The page's title."),
    _text("slug", "The page's address: lower-case words joined by hyphens.", required=False),
    _text("summary", "One or two sentences, shown in search results and when shared."),
]
NEWS_FIELDS = [
    PAGE_FIELDS[0],
    {
        "name": "date",
        "label": "Date",
        "widget": "datetime",
        "format": "YYYY-MM-DD HH:mm",
    },
    *PAGE_FIELDS[1:],
]
ANSWER_SHEET_WARNING = (
    "Answers under '## question-id' headings. Never a personal phone number or e-mail "
    "address: " + BUILD_CHECKS + "any phone number or e-mail address in an answer, unless "
    "the question is listed under 'Public contact' (a campaign office's public line)."
)


def collections() -> list[dict]:
    """Every collection of the browser editor, in the order of its menu."""
    candidate = model_fields("candidate")
    endorsement_hint = (
        "Rescinding: set status to rescinded and give the date and the public reason. "
        + BUILD_CHECKS
        + "a vote date missing for endorsed, a reason missing when rescinded."
    )
    return [
        event_collection("events", "Events", "Event", PUBLIC_EVENT),
        event_collection("private_meetings", "Private meetings", "Private meeting", PRIVATE_EVENT),
        _markdown_collection("news", "News", "content/news", NEWS_FIELDS),
        _markdown_collection("pages", "Pages", "content/pages", PAGE_FIELDS, create=False),
        _markdown_collection("guide", "Guide chapters", "content/guide", header_fields("guide")),
        _markdown_collection("charters", "Charters", "content/charters", header_fields("charter")),
        {
            "name": "answer_sheets",
            "label": "Candidate answer sheets",
            "description": "New sheets: `invoke new-candidate`. The questionnaire itself "
            "(listed as '()') is edited as text.",
            "folder": "content/questionnaires",
            "nested": {"depth": 2},
            "extension": "md",
            "format": "yaml-frontmatter",
            "create": False,  # a new sheet: `invoke new-candidate` writes every question's heading
            "summary": "{{name}} ({{office}})",
            "fields": [
                *_adjust(candidate, {"endorsement": {"hint": endorsement_hint}}),
                {
                    "name": "body",
                    "label": "Answers",
                    "widget": "markdown",
                    "hint": ANSWER_SHEET_WARNING,
                },
            ],
        },
        {
            "name": "site",
            "label": "Chapter",
            "description": "Saving here rewrites content/chapter.yml without its comments.",
            "files": [
                {
                    "name": "chapter",
                    "label": "The chapter (name, links, contacts)",
                    "file": "content/chapter.yml",
                    "format": "yaml",
                    "fields": model_fields("chapter"),
                }
            ],
        },
    ]


class _PlainDumper(yaml.SafeDumper):
    """YAML without anchors and aliases (``&id001``): each field written out in full."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def render(data: Any) -> str:
    """Serialise the configuration the same way every time."""
    head = "# Generated from the content models by `invoke schemas`: do not edit.\n"
    text = yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=100)
    return head + text


def write_config(folder: Path) -> Path:
    """Write ``schemas/cms.yml`` (the collections); return its path."""
    path = folder / CONFIG_FILE
    path.write_text(render({"collections": collections()}), encoding="utf-8")
    return path


def site_config(committed: dict, backend: dict, publish_mode: str, local_backend: str) -> dict:
    """The ``admin/config.yml`` of one site: its repository, then the committed collections."""
    return {
        "backend": backend,
        "publish_mode": publish_mode,
        "local_backend": {"url": local_backend},
        "media_folder": "content/images",
        "public_folder": "/images",
        "site_url": "/",
        "show_preview_links": False,
        **deepcopy(committed),
    }
