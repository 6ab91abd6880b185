"""Callouts (``!!! rap "ASK"``, Python-Markdown's admonitions): the mistakes that pass silently.

Python-Markdown takes any word as a callout's kind and ends the box at the first line
indented less than four spaces, so ``!!! ask`` gives an unstyled box and text indented
two spaces lands outside an empty one. :func:`callout_problems` reads the Markdown
source and reports both at their lines, with the kinds the theme styles.
"""

from __future__ import annotations

from dataclasses import dataclass
import re

from .suggest import did_you_mean

#: The kinds the stylesheet gives a look (``theme/static/css/site.css``), and the embed card.
CALLOUT_KINDS = ("rap", "checklist", "note", "embed")
INDENT = 4  # Python-Markdown's tab length: a callout's text is indented by four spaces
_CALLOUT = re.compile(r"^!!! ?([\w-]+)?")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INDENT_HINT = f"indent every line of the callout's text by {INDENT} spaces"


@dataclass(frozen=True, slots=True)
class CalloutProblem:
    """One callout mistake, at a line counted from the text's first line (0)."""

    offset: int
    message: str
    hint: str


def _indentation(line: str) -> int:
    return len(line.expandtabs(INDENT)) - len(line.expandtabs(INDENT).lstrip())


def _kind_problem(kind: str | None, offset: int) -> CalloutProblem | None:
    kinds = ", ".join(f"'!!! {k}'" for k in CALLOUT_KINDS)
    if kind is None:
        return CalloutProblem(
            offset, "'!!!' must be followed by the kind of callout", f"write one of {kinds}"
        )
    if kind.lower() in CALLOUT_KINDS:
        return None
    return CalloutProblem(
        offset,
        f"'!!! {kind}' is not a kind of callout this site has",
        did_you_mean(
            kind.lower(),
            CALLOUT_KINDS,
            f"write one of {kinds}, with its title in quotes: '!!! rap \"{kind.upper()}\"'",
        ),
    )


def _body_problem(lines: list[str], start: int) -> CalloutProblem | None:
    """The first line of the callout opened on ``start`` that falls outside its box."""
    first = True
    for offset in range(start + 1, len(lines)):
        line = lines[offset]
        if not line.strip():
            continue
        indent = _indentation(line)
        if indent >= INDENT:
            first = False
            continue
        if indent == 0 and not first:
            return None  # the text after the callout
        if indent == 0:
            message = "this callout is empty: the line after it is not indented"
        else:
            message = (
                f"this line of a callout is indented {indent} space{'s' * (indent > 1)}, "
                "so it shows outside the box"
            )
        return CalloutProblem(offset, message, INDENT_HINT)
    if first:
        return CalloutProblem(start, "this callout is empty", INDENT_HINT + " below this line")
    return None


def callout_problems(text: str) -> list[CalloutProblem]:
    """Every callout in ``text`` with an unknown kind or text outside its box."""
    lines = text.splitlines()
    problems = []
    fence = None
    for offset, line in enumerate(lines):
        if (opened := _FENCE.match(line)) and (fence is None or opened[1][0] == fence):
            fence = None if fence else opened[1][0]
            continue
        if fence or not (match := _CALLOUT.match(line)):
            continue
        kind = match[1]
        problem = _kind_problem(kind, offset)
        if problem is None and kind.lower() != "embed":
            problem = _body_problem(lines, offset)
        if problem is not None:
            problems.append(problem)
    return problems
