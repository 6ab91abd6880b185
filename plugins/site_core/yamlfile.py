"""Read an editor's YAML file once, keeping the line of every value.

Values come back as plain Python data, except that mappings are
:class:`LineDict` and sequences :class:`LineList`, which remember the line of
themselves and of each key or item, so a later check can say
``content/events/canvass.yml:14: start: ...``.

Before anything is built from the text, :func:`check_limits` runs through
libyaml's event stream (no recursion, nothing kept) and refuses what editors
never need and an attacker would use: anchors and aliases (an "alias bomb" of
a kilobyte expands to gigabytes), tags, nesting deeper than ``MAX_DEPTH``, a
value longer than ``MAX_VALUE_CHARS``, more than ``MAX_VALUES`` values.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .contentfiles import read_bytes
from .problems import ProblemReport

MAX_DEPTH = 20  # levels of blocks and lists; our formats use four
MAX_VALUE_CHARS = 100_000  # characters in one value; the longest description is a few thousand
MAX_VALUES = 100_000  # values in one file; 2 MB of events is about 70,000
MAX_NUMBER_CHARS = 50  # a longer "number" is not a number an editor means: it stays text
YAML_TAGS = "tag:yaml.org,2002:"  # what libyaml makes of '!!'
EMPTY_HINT = "add content or delete the file"


class LineDict(dict):
    """A YAML mapping that knows its own line and each key's line (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        """Return the line of ``key``, or the mapping's own line if it is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A YAML sequence that knows its own line and each item's line (1-based)."""

    line: int = 0
    item_lines: list


class _LineLoader(yaml.CSafeLoader):
    """libyaml's safe loader, building LineDict/LineList and refusing duplicate keys."""

    def construct_mapping(self, node, deep=False):
        """Build a LineDict; a key written twice is an error, not a silent overwrite."""
        self.flatten_mapping(node)
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "this key is not plain text", key_node.start_mark
                )
            if key in mapping.key_lines:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"'{key}' is written twice in the same block (first on line "
                    f"{mapping.key_lines[key]}); keep one",
                    key_node.start_mark,
                )
            mapping.key_lines[key] = key_node.start_mark.line + 1
            mapping[key] = self.construct_object(value_node, deep=True)
        return mapping

    def construct_yaml_timestamp(self, node):
        """Read 2027-02-12 as a date; leave an impossible one (2027-02-30) as text.

        The model that expects a date then reports it at its field and line,
        instead of PyYAML stopping the build with a traceback.
        """
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)

    def construct_yaml_int(self, node):
        """Read 42 as a number; a number of more than ``MAX_NUMBER_CHARS`` stays text.

        Python refuses to convert such numbers to and from text (4,300 digits), and
        no field of ours wants one: the model reports the text at its line.
        """
        if len(node.value) > MAX_NUMBER_CHARS:
            return self.construct_scalar(node)
        return super().construct_yaml_int(node)

    def construct_sequence(self, node, deep=False):
        """Build a LineList with the line of each item."""
        items = LineList(self.construct_object(child, deep=True) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:int", _LineLoader.construct_yaml_int)

_HINTS = {
    "mapping values are not allowed": (
        "a value that contains ': ' must be in quotes, or a line is indented wrongly"
    ),
    "could not find expected ':'": "each line needs 'field: value'; check the indentation",
    "did not find expected key": "check that the lines of one item start at the same column",
    "expected '-' indicator": "the lines of one list item must start at the same column",
    "found unexpected end of stream": "a quote or bracket is not closed",
    "expected alphabetic or numeric character": (
        "'*' and '&' mean something in YAML at the start of a value; put the value in quotes"
    ),
}
_CLOSERS = {"a flow sequence": ("[", "]"), "a flow mapping": ("{", "}")}


def _hint_for(problem: str) -> str:
    for needle, hint in _HINTS.items():
        if needle in problem:
            return hint
    return "check the indentation and quotes around this line"


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


def _runaway_quote(text: str, error_line: int) -> yaml.ScalarToken | None:
    """The quoted value that ran on to the error's line: a quote left open, closed by a later one.

    Editors' values fit on one line, so a quoted value spanning lines that ends where the
    parser gave up is almost surely an unclosed quote that swallowed the lines after it.
    """
    runaway = None
    try:
        for token in yaml.scan(text, Loader=yaml.CSafeLoader):
            if token.start_mark.line > error_line:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.start_mark.line < token.end_mark.line
                and token.end_mark.line >= error_line - 1
            ):
                runaway = token
    except yaml.YAMLError:
        pass
    return runaway


def _syntax_problem(text: str, exc: yaml.MarkedYAMLError) -> tuple[int | None, str, str]:
    """(line, problem, fix) for a libyaml syntax error, at the line where the mistake starts.

    libyaml reports where it gave up (``problem_mark``: often the end of the file, or the
    next item); where the construct it was reading started (``context_mark``) is the
    mistake for an unclosed quote or bracket and for a line without its colon.
    """
    mark, context = exc.problem_mark, exc.context or ""
    start = exc.context_mark
    problem = exc.problem or exc.context or "is not valid YAML"
    lines = text.splitlines()

    def line_text(line: int) -> str:
        return lines[line] if 0 <= line < len(lines) else ""

    if "quoted scalar" in context and start is not None:
        quote = line_text(start.line)[start.column : start.column + 1] or '"'
        return (
            start.line + 1,
            f"the {quote} that starts this value is never closed",
            f"end the value with {quote} on the same line",
        )
    runaway = _runaway_quote(text, mark.line) if mark is not None else None
    if runaway is not None:
        quote = runaway.style
        return (
            runaway.start_mark.line + 1,
            f"the {quote} that starts this value is not closed on its line (it runs on to "
            f"line {runaway.end_mark.line + 1})",
            f"end the value with {quote} on the same line",
        )
    for construct, (opening, closing) in _CLOSERS.items():
        if construct in context and start is not None:
            return (
                start.line + 1,
                f"the '{opening}' that starts this value is never closed",
                f"end the value with '{closing}' on the same line, or put it all in quotes",
            )
    if "simple key" in context and start is not None:
        return (
            start.line + 1,
            "this line has no ':' after its field name",
            "write 'field: value', with a colon and a space after the name",
        )
    if mark is None:
        return None, problem, "check the file's syntax"
    if "\t" in line_text(mark.line):
        return (
            mark.line + 1,
            "this line has a tab in its indentation",
            "indent with spaces, not tabs",
        )
    if "expected '-' indicator" in problem and start is not None:
        item = line_text(start.line)
        fields = (
            start.column
            + 1
            + len(item[start.column + 1 :])
            - len(item[start.column + 1 :].lstrip())
        )
        return (
            mark.line + 1,
            f"this line is indented {_spaces(mark.column)}, which fits neither the list that "
            f"starts on line {start.line + 1} nor its item",
            f"indent it by {_spaces(start.column)} to start a new '- ' item, or by "
            f"{_spaces(fields)} to continue the item above",
        )
    if "expected key" in problem and start is not None:
        return (
            mark.line + 1,
            f"this line is indented {_spaces(mark.column)}, which fits no block above it",
            f"start it at the same column as the fields of its block (the block on line "
            f"{start.line + 1} starts at {_spaces(start.column)})",
        )
    return mark.line + 1, problem, _hint_for(problem)


def read_text(path: Path, report: ProblemReport) -> str | None:
    """Read one editor's file as UTF-8 text; on any mistake record it and return None."""
    raw = read_bytes(path, report)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.error(
            path,
            line,
            None,
            "is not UTF-8 text",
            "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
        )
        return None
    if not text.strip():
        report.error(path, None, None, "is empty", EMPTY_HINT)
        return None
    return text


def _refuse(event: yaml.Event, problem: str, hint: str) -> yaml.MarkedYAMLError:
    return yaml.MarkedYAMLError(problem=f"{problem}; {hint}", problem_mark=event.start_mark)


def _shown(name: str) -> str:
    return name if len(name) <= 40 else name[:37] + "..."


def check_limits(text: str) -> None:
    """Raise a ``MarkedYAMLError`` (its fix after '; ') at the first value beyond our limits.

    Reads libyaml's events one at a time: time and memory grow with the text, never
    with what aliases would expand to, and any depth of nesting is only counted.
    """
    depth = values = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _refuse(
                event,
                f"'*{_shown(event.anchor)}' repeats a value marked elsewhere (a YAML alias), "
                "which content files may not use",
                "write the value out in full; if '*' is part of the text, put it all in quotes",
            )
        if not isinstance(event, yaml.NodeEvent):
            if isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            continue
        if event.anchor is not None:
            raise _refuse(
                event,
                f"'&{_shown(event.anchor)}' marks a value to repeat elsewhere (a YAML anchor), "
                "which content files may not use",
                "write the value out in full wherever it is needed; if '&' is part of the text, "
                "put it all in quotes",
            )
        if event.tag is not None:
            raise _refuse(
                event,
                f"'{_shown(event.tag.replace(YAML_TAGS, '!!'))}' is a YAML tag, "
                "which content files may not use",
                "remove it; if '!' is part of the text, put it all in quotes",
            )
        values += 1
        if values > MAX_VALUES:
            raise _refuse(
                event,
                f"the file has more than {MAX_VALUES:,} values",
                "split it into several files",
            )
        if isinstance(event, yaml.ScalarEvent):
            if len(event.value) > MAX_VALUE_CHARS:
                raise _refuse(
                    event,
                    f"this value has {len(event.value):,} characters, more than the "
                    f"{MAX_VALUE_CHARS:,} a value may have",
                    "shorten it",
                )
            continue
        depth += 1
        if depth > MAX_DEPTH:
            raise _refuse(
                event,
                f"blocks and lists are nested more than {MAX_DEPTH} levels deep here",
                "check the indentation and brackets: no file of this site needs so many levels",
            )


def parse_yaml(text: str, path: Path, report: ProblemReport):
    """Parse YAML text read from ``path`` (lines count from the text's first line).

    On any mistake, an empty document included, record it and return None.
    """
    try:
        check_limits(text)
        data = yaml.load(text, Loader=_LineLoader)
        if data is None:  # only comments, or a lone 'null': nothing a reader can use
            report.error(path, None, None, "is empty (it has only comments)", EMPTY_HINT)
        return data
    except yaml.MarkedYAMLError as exc:
        if exc.problem and "; " in exc.problem:  # our own limits and constructor errors
            problem, hint = exc.problem.split("; ", 1)
            mark = exc.problem_mark
            line = mark.line + 1 if mark else None
        else:
            line, problem, hint = _syntax_problem(text, exc)
        report.error(path, line, None, f"YAML: {problem}", hint)
    except yaml.YAMLError as exc:
        report.error(path, None, None, f"YAML: {exc}", "check the file's syntax")
    return None


def load_yaml(path: Path, report: ProblemReport):
    """Parse one YAML file; on any mistake record it and return None."""
    text = read_text(path, report)
    return None if text is None else parse_yaml(text, path, report)
