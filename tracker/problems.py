"""Problems as values (file, line, what is wrong, how to fix it) and the named exit codes.

A problem names its message and hint as catalogue phrases, so the same problem
reads in Chinese or English wherever it is shown.
"""

from enum import IntEnum
from typing import NamedTuple

from tracker.words import Phrase, phrase


class ExitCode(IntEnum):
    OK = 0
    CONDITION = 1  # a condition asked for with --fail-on holds
    USAGE = 2
    BAD_DATA = 3  # bad data or environment: a file, an input, the disk, a permission
    INTERNAL = 70  # a bug in tracker itself (EX_SOFTWARE)
    INTERRUPTED = 130  # Ctrl-C


class Problem(NamedTuple):  # (not a dataclass: a millisecond of every command's start-up)
    file: str
    line: int | None
    what: Phrase
    fix: Phrase | None = None
    code: str = "invalid"  # a stable name for programs (JSON), whatever the language
    column: int | None = None
    cell: str | None = None  # a spreadsheet cell ("F7"): `file` is then the sheet

    @property
    def location(self) -> str:
        if self.cell is not None:
            return f"{self.file}!{self.cell}"  # as Excel names it: 区财政局!F7
        if self.line is None:
            return self.file
        if self.column is not None:
            return f"{self.file}:{self.line}:{self.column}"
        return f"{self.file}:{self.line}"

    def message(self, lang: str) -> str:
        return self.what.text(lang)

    def hint(self, lang: str) -> str:
        return self.fix.text(lang) if self.fix else ""

    def text(self, lang: str) -> str:
        """`file:line: message (hint)`, as an editor can jump to it."""
        from tracker.words import say

        hint = self.hint(lang)
        key = "problem.with_hint" if hint else "problem.located"
        return say(key, lang, where=self.location, message=self.message(lang), hint=hint)

    def __str__(self) -> str:
        return self.text("en")

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message(lang),
            "hint": self.hint(lang),
        }

    def to_record(self) -> dict:
        """The language-free form, for the derived cache."""
        return {
            "file": self.file,
            "line": self.line,
            "what": self.what.to_list(),
            "fix": self.fix.to_list() if self.fix else None,
            "code": self.code,
            "column": self.column,
        }

    @classmethod
    def from_record(cls, record: dict) -> "Problem":
        fix = record["fix"]
        return cls(
            record["file"],
            record["line"],
            Phrase(*record["what"]),
            Phrase(*fix) if fix else None,
            record["code"],
            record["column"],
        )


def problem(
    file: str,
    line: int | None,
    code: str,
    key: str,
    fix: Phrase | str | None = None,
    /,
    *,
    column: int | None = None,
    cell: str | None = None,
    **args,
) -> Problem:
    """A problem whose message is the catalogue phrase `key` filled with `args`;
    `fix` is a phrase, or a key of a phrase that takes the same args."""
    if isinstance(fix, str):
        fix = phrase(fix, **args)
    return Problem(file, line, phrase(key, **args), fix, code, column, cell)


class TrackerError(Exception):
    """Raised at the edges (CLI, storage) carrying problems and an exit code."""

    def __init__(self, problems: list[Problem] | Problem, exit_code=ExitCode.BAD_DATA):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        self.exit_code = ExitCode(exit_code)
        super().__init__("; ".join(str(p) for p in self.problems))


class UsageError(TrackerError):
    """Bad arguments: exit 2."""

    def __init__(self, key: str, fix: Phrase | str | None = None, /, **args):
        super().__init__(problem("tracker", None, "usage", key, fix, **args), ExitCode.USAGE)


def suggest(word: str, choices) -> Phrase | None:
    """A 'did you mean' hint for a mistyped name, or None."""
    import difflib

    # Short names (two or three CJK characters) differ by one character at 0.5.
    cutoff = 0.5 if len(word) <= 3 else 0.6
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return phrase("did_you_mean", name=close[0]) if close else None


def suggest_or(word: str, choices, key: str, /, **args) -> Phrase:
    """'did you mean …?', else the phrase `key` (e.g. the list of choices)."""
    return suggest(word, choices) or phrase(key, **args)
