"""The problem report every plugin writes to.

A content mistake is never an exception in the middle of reading: each check
appends a :class:`Problem` to the build's :class:`ProblemReport`, reading goes
on, and once every file has been read the report is printed as a whole, sorted
by file and line. Any error then stops the build with :class:`ContentProblems`.

Exceptions::

    SystemExit
     └── ContentProblems   the build stops; the message is the whole report

``ContentProblems`` is a ``SystemExit`` on purpose: Pelican's command line logs
any ``Exception`` with its traceback, and an editor's typo deserves a message,
not a traceback. ``SystemExit`` passes through and exits with status 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in one content file, with what to write instead."""

    path: str
    line: int | None
    field: str | None
    message: str
    hint: str | None = None
    severity: Severity = "error"

    def sort_key(self) -> tuple:
        """Order problems by file, then line."""
        return (self.path, self.line or 0, self.field or "", self.message)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )
        if self.hint:
            text += f"; {self.hint}"
        return text if self.severity == "error" else f"{text} (warning)"


@dataclass
class ProblemReport:
    """Every problem found while reading one site, in the order found."""

    root: Path = field(default_factory=Path.cwd)
    problems: list[Problem] = field(default_factory=list)
    _seen: set[Problem] = field(default_factory=set, repr=False)

    def relative(self, path: str | Path) -> str:
        """Show a path relative to the project, as an editor sees it in git.

        The file itself is never resolved: a link is shown where it is, not where it points.
        """
        path = Path(path)
        try:
            return (path.parent.resolve() / path.name).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def add(
        self,
        path: str | Path,
        line: int | None,
        field: str | None,
        message: str,
        hint: str | None = None,
        severity: Severity = "error",
    ) -> None:
        """Record one problem; the same problem found twice is recorded once."""
        problem = Problem(self.relative(path), line, field, message, hint, severity)
        if problem not in self._seen:
            self._seen.add(problem)
            self.problems.append(problem)

    def error(self, path, line, field, message, hint=None) -> None:
        """Record a mistake that stops the build."""
        self.add(path, line, field, message, hint, "error")

    def warning(self, path, line, field, message, hint=None) -> None:
        """Record something odd that the build still publishes."""
        self.add(path, line, field, message, hint, "warning")

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the build, sorted."""
        return sorted((p for p in self.problems if p.severity == "error"), key=Problem.sort_key)

    @property
    def warnings(self) -> list[Problem]:
        """The problems that do not stop the build, sorted."""
        return sorted((p for p in self.problems if p.severity == "warning"), key=Problem.sort_key)

    def render(self) -> str:
        """Format every problem, errors first, one per line."""
        lines = [str(p) for p in self.errors + self.warnings]
        if self.errors:
            lines.append(
                f"{len(self.errors)} error(s), {len(self.warnings)} warning(s): "
                "nothing was published; output/ is unchanged."
            )
        return "\n".join(lines)


class CheckPassed(SystemExit):
    """Stop a check (CHECK_ONLY) that found no error, before anything is written.

    The exit code is 0; ``warnings`` is how many warnings were printed, for the summary line.
    """

    def __init__(self, warnings: int):
        self.warnings = warnings
        super().__init__(0)


class ContentProblems(SystemExit):
    """Stop the build: the content has errors. The message lists them all."""

    def __init__(self, report: ProblemReport):
        self.report = report
        super().__init__(report.render())
