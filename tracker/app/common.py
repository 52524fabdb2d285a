"""What every read shares: the data folder opened (its plan checked, what its
log could not count turned into warnings), dates typed against the plan's
today, and the Answer a read returns."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from tracker.model import Entry, Plan
from tracker.problems import ExitCode, Problem, TrackerError, UsageError, problem
from tracker.words import Joined, Phrase, phrase

if TYPE_CHECKING:
    from typing import Protocol

    from tracker.storage.datadir import DataDir
    from tracker.views.report import Report

    class Answered(Protocol):
        """What every read's answer starts with (Answer, or a command's own)."""

        report: Report
        warnings: tuple[Phrase, ...]


# Records here are NamedTuples, not frozen dataclasses: every command makes
# some, and a dataclass costs about a millisecond of start-up to define.


class Answer(NamedTuple):
    """A read's result: its report, and what the user should be warned of —
    catalogue phrases, said (on stderr, never inside the report) in the
    user's language by whoever shows the report. A command that returns more
    has its own answer type, with these two fields first."""

    report: Report
    warnings: tuple[Phrase, ...] = ()


class Opened(NamedTuple):
    """A data folder opened for a command: its plan, the whole log (when asked
    for), today in the plan's time zone, and what the log could not count."""

    data: DataDir
    plan: Plan
    entries: list[Entry]
    today: dt.date
    warnings: tuple[Phrase, ...] = ()
    stray: tuple[Phrase, ...] = ()  # (among the warnings) log files in progress/ not read

    def date(self, text: str | None, *, option: str = "") -> dt.date:
        """A date the user typed (None: today in the plan's time zone); a bad
        one is a usage error naming `option` when given."""
        if text is None:
            return self.today
        from tracker.dates import parse_date

        try:
            return parse_date(text, today=self.today)
        except UsageError as error:
            if option:
                p = error.problems[0]
                raise UsageError("option_problem", p.fix, option=option, detail=p.what) from None
            raise


def open_folder(data: DataDir, *, with_log: bool = False) -> Opened:
    """Load the data folder: its plan, and with `with_log` the whole log.
    Problems in goals.toml stop the command (exit 3); problems in the log are
    warnings: the rest of it still counts."""
    from tracker.dates import today_in
    from tracker.loader import load

    loaded = load(data, with_log=with_log)
    if loaded.plan is None or loaded.plan_problems:
        plan_file = data.display(data.goals_path)
        count = len(loaded.plan_problems)
        extra = problem(plan_file, None, "summary", "plan_problems", "fix_then_check", count=count)
        raise TrackerError(loaded.plan_problems + [extra], ExitCode.BAD_DATA)
    plan = loaded.plan
    unknown: list[str] = []
    if with_log:
        from tracker.ledger import names_not_in_plan

        unknown = names_not_in_plan(plan, loaded.entries)
    stray = stray_logs(data)
    return Opened(
        data,
        plan,
        loaded.entries,
        today_in(plan.timezone),  # the read's one look at the clock
        log_warnings(loaded.log_problems, unknown) + stray,
        stray,
    )


def stray_logs(data: DataDir) -> tuple[Phrase, ...]:
    """Files in progress/ that look like a log but are not month files (a sync
    client's conflict copies) are not read: said by name, so their entries are
    brought home rather than silently missing."""
    from tracker.storage.months import stray_logs as found

    stray = found(data.progress_dir)
    if not stray:
        return ()
    names = Joined(tuple(p.name for p in stray))
    return (phrase("stray_logs_warning", count=len(stray), names=names),)


def open_log(opened: Opened) -> tuple[Any, tuple[Phrase, ...]]:
    """progress/ as maintained state, for reads that need only the part of the
    log a question needs; and its warnings. The log is whatever
    tracker.loader.open_log gives (typed loosely on purpose: reads use only
    its queries, so what stands behind them can change)."""
    from tracker import loader

    log = loader.open_log(opened.data, opened.plan)
    return log, log_warnings(log.problems(), log.unknown()) + opened.stray


def entry_named(log, text: str) -> Entry:
    """The entry a person names by its id or a unique start of it (at least
    refs.ENTRY_PREFIX_MIN characters): an exact id is looked up by its hash,
    a start of one among every line of the log."""
    from tracker.refs import resolve_entry

    exact = [e for e in log.find({text}) if e.id == text]
    return resolve_entry(exact or log.entries(), text)


def log_warnings(problems: list[Problem], unknown: list[str]) -> tuple[Phrase, ...]:
    """Lines of the log that do not count, said once: damaged lines, and
    entries naming a goal or item the plan no longer has (plan edits never
    silently drop progress)."""
    warnings = []
    if problems:
        warnings.append(phrase("log_problems_warning", count=len(problems)))
    if unknown:
        warnings.append(phrase("unknown_references", count=len(unknown), example=unknown[0]))
    return tuple(warnings)
