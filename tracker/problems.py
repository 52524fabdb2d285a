"""Problems as values (file, line, message, hint) and the named exit codes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    CONDITION = 1  # a condition asked for with --fail-on holds
    USAGE = 2
    BAD_DATA = 3
    INTERNAL = 70  # a bug in tracker itself (EX_SOFTWARE)


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    message: str
    hint: str = ""
    code: str = "invalid"
    column: int | None = None

    @property
    def location(self) -> str:
        if self.line is None:
            return self.file
        if self.column is not None:
            return f"{self.file}:{self.line}:{self.column}"
        return f"{self.file}:{self.line}"

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str) -> str:
        """`file:line: message (hint)`, as an editor can jump to it."""
        text = f"{self.location}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


class TrackerError(Exception):
    """Raised at the edges (CLI, loaders) carrying problems and an exit code."""

    def __init__(self, problems: list[Problem] | Problem | str, exit_code=ExitCode.BAD_DATA):
        if isinstance(problems, str):
            problems = [Problem("tracker", None, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        self.exit_code = ExitCode(exit_code)
        super().__init__("; ".join(str(p) for p in self.problems))


class UsageError(TrackerError):
    """Bad arguments: exit 2."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(Problem("tracker", None, message, hint, "usage"), ExitCode.USAGE)


def suggest(word: str, choices) -> str:
    """A 'did you mean' hint for a mistyped name, or ''."""
    import difflib

    # Short names (two or three CJK characters) differ by one character at 0.5.
    cutoff = 0.5 if len(word) <= 3 else 0.6
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f"did you mean '{close[0]}'?" if close else ""
