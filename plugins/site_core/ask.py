"""The questions of the ``invoke new-*`` tasks: each answer checked as it is given.

A question is answered by its flag, or else asked in a terminal, where a wrong
answer is explained (with the build's own message and "did you mean") and asked
again. With no terminal (a pipe, closed input) nothing is asked: a wrong flag, or
a required answer with no flag, stops the task with a message naming the flag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import sys

#: Checks one answer: returns it cleaned, or raises ValueError("message; fix").
Check = Callable[[str], str]


class NoAnswer(SystemExit):
    """A required answer is missing or wrong and there is no terminal to ask it in."""


@dataclass(frozen=True)
class Question:
    """One thing a scaffold needs: its flag, how it is asked, and the check of an answer."""

    flag: str
    prompt: str
    check: Check | None = None
    required: bool = False
    default: str = ""
    choices: tuple[str, ...] = ()
    #: What to pass when the answer is required and missing (default: this question's flag).
    needed: str = ""

    @property
    def option(self) -> str:
        """The flag as typed on the command line: ``--start``."""
        return "--" + self.flag.replace("_", "-")

    def checked(self, answer: str) -> str:
        """The answer cleaned by the check; raises ValueError with the problem and its fix."""
        answer = answer.strip()
        if not answer:
            if self.required:
                raise ValueError("is required; type an answer")
            return ""
        return self.check(answer) if self.check else answer

    def line(self) -> str:
        """What the terminal shows: the prompt, the choices, the default or "Enter to skip"."""
        text = self.prompt
        if self.choices:
            text += f" ({', '.join(self.choices)})"
        if self.default:
            text += f" [{self.default}]"
        elif not self.required:
            text += " (Enter to skip)"
        return text + ": "


def interactive() -> bool:
    """True when an editor is at a terminal to answer questions."""
    return sys.stdin is not None and sys.stdin.isatty()


def _read(prompt: str) -> str | None:
    """One line from the terminal, or None when input ends (Ctrl-D)."""
    try:
        return input(prompt)
    except EOFError:
        return None


def ask_one(question: Question, given: str, terminal: bool) -> str:
    """The answer to one question: the flag's, else the terminal's (asked until it is right)."""
    if given:
        try:
            return question.checked(given)
        except ValueError as wrong:
            if not terminal:
                raise NoAnswer(f"{question.option}: {wrong}") from None
            print(f"{question.option}: {wrong}", file=sys.stderr)
    if not terminal:
        if question.required and not question.default:
            raise NoAnswer(
                f"{question.option}: is required and there is no terminal to ask it in; "
                f"pass {question.needed or question.option + ' ...'}"
            )
        return question.checked(question.default)
    while True:
        answer = _read(question.line())
        if answer is None:
            raise NoAnswer(f"{question.option}: input ended; nothing was written")
        try:
            return question.checked(answer.strip() or question.default)
        except ValueError as wrong:
            print(f"  {wrong}", file=sys.stderr)


def ask_all(questions: list[Question], given: dict[str, str]) -> dict[str, str]:
    """The answers to ``questions`` by flag name; without a terminal, every problem at once."""
    terminal = interactive()
    answers, problems = {}, []
    for question in questions:
        try:
            answers[question.flag] = ask_one(question, given.get(question.flag, ""), terminal)
        except NoAnswer as missing:
            problems.append(str(missing.code))
    if problems:
        raise NoAnswer("\n".join([*problems, "nothing was written"]))
    return answers
