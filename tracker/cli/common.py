"""Shared option decorators, data loading for commands, and the way out: a Report
emitted to stdout or a file."""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from tracker.model import Entry, Plan
from tracker.problems import ExitCode, Problem, TrackerError, UsageError, problem
from tracker.words import say

# ── options every command spells the same way ────────────────────────────────


def data_option(f):
    return click.option(
        "--data", "data_dir", metavar="DIR", default=None, help="Data folder holding goals.toml."
    )(f)


def as_of_option(f):
    return click.option(
        "--as-of",
        "as_of",
        metavar="DATE",
        default=None,
        help="Report as of this date (default: today in the plan's time zone). "
        "2020-06-30, 2020/6/30, 2020年6月30日, yesterday, -7d …",
    )(f)


def format_option(*choices: str, default: str = "table", help: str = "Output format."):
    def decorator(f):
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help=help,
        )(f)

    return decorator


def lang_option(f):
    return click.option(
        "--lang",
        type=click.Choice(["zh", "en"]),
        default="zh",
        show_default=True,
        help="Language of titles and headings.",
    )(f)


# ── loading ──────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Opened:
    """A data folder opened for a command: its plan, the log (when asked for),
    the log's problems, and today in the plan's time zone."""

    data: object  # storage.datadir.DataDir
    plan: Plan
    entries: list[Entry]
    log_problems: list[Problem]
    today: dt.date

    def date(self, text: str | None, *, option: str = "") -> dt.date:
        """A date the user typed (None: today in the plan's time zone)."""
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


def find_data(data_dir: str | None):
    """The data folder: the command's --data, else the group's, else SPEC's search."""
    from tracker.storage.datadir import find_data_dir

    ctx = click.get_current_context(silent=True)
    if data_dir is None and ctx is not None and ctx.find_root().obj:
        data_dir = ctx.find_root().obj.get("data_dir")
    return find_data_dir(data_dir, env=os.environ, cwd=Path.cwd())


def open_data(data_dir: str | None, *, with_log: bool = True, warn: bool = True) -> Opened:
    """Find and load the data folder. Problems in goals.toml stop the command
    (exit 3); problems in the log are a warning: the rest of it still counts."""
    from tracker.dates import today_in
    from tracker.storage.datadir import load

    data = find_data(data_dir)
    loaded = load(data, with_log=with_log)
    if loaded.plan is None or loaded.plan_problems:
        plan_file = data.display(data.goals_path)
        count = len(loaded.plan_problems)
        extra = problem(plan_file, None, "summary", "plan_problems", "fix_then_check", count=count)
        raise TrackerError(loaded.plan_problems + [extra], ExitCode.BAD_DATA)
    if warn:
        _warn(loaded.log_problems)
        if with_log:
            from tracker.rules.entries import unknown_references

            _warn_unknown(unknown_references(loaded.plan, loaded.entries))
    plan = loaded.plan
    return Opened(data, plan, loaded.entries, loaded.log_problems, today_in(plan.timezone))


def open_series(data_dir: str | None):
    """For commands that need only each goal's value over time (status, alerts):
    served from the derived cache when the log has not changed."""
    from tracker.storage.datadir import load_series

    loaded = open_data(data_dir, with_log=False)
    series, problems, unknown = load_series(loaded.data, loaded.plan)
    _warn(problems)
    _warn_unknown(unknown)
    return loaded, series


def open_log(loaded: Opened, *, warn: bool = True):
    """progress/ as maintained state, for commands that read only the part of the
    log a question needs (show, entries, summary); warns like open_data."""
    from tracker.storage.datadir import open_log as open_state

    state = open_state(loaded.data, loaded.plan)
    if warn:
        _warn(state.problems())
        _warn_unknown(state.unknown())
    return state


def _warn(log_problems: list[Problem]) -> None:
    if log_problems:
        click.echo(say("log_problems_warning", "en", count=len(log_problems)), err=True)


def _warn_unknown(unknown: list[str]) -> None:
    """Plan edits never silently drop progress: entries naming a goal or item the
    plan no longer has are announced."""
    if unknown:
        from tracker.render.text import inert

        line = say("unknown_references", "en", count=len(unknown), example=unknown[0])
        click.echo(inert(line), err=True)


# ── output ───────────────────────────────────────────────────────────────────


def on_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def rich_wanted() -> bool:
    """Colour and box lines only on a terminal, and never with NO_COLOR."""
    return on_terminal() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def write_text(text: str) -> None:
    """Plain text to stdout as UTF-8, whatever the locale (cron, Windows pipes)."""
    stream = sys.stdout
    if on_terminal() or not hasattr(stream, "buffer"):
        stream.write(text)
    else:
        stream.flush()
        stream.buffer.write(text.encode("utf-8", "backslashreplace"))
    stream.flush()


def emit(report, fmt: str, *, output: str | None = None, digest: bool = False) -> None:
    """Render `report` as `fmt` to stdout — rich on a colour terminal — or, with
    `output`, atomically to that file. A `digest` (the weekly summary, read in
    mail and files) is laid out the same wherever it goes: indented JSON and
    tables at their natural width."""
    from tracker.render.out import render

    if digest:
        indent, width = 2, None
    else:
        # Indented JSON for people at a terminal; compact (C-speed, ~10x faster on
        # a big log) for programs reading a pipe. Both are the same document.
        indent = 2 if on_terminal() else None
        columns = os.environ.get("COLUMNS")
        width = int(columns) if columns and columns.isdigit() else None
    text = render(report, fmt, rich=output is None and rich_wanted(), width=width, indent=indent)
    if text is None:
        return  # painted on the terminal
    if output is not None:
        write_atomic(Path(output), text)
    else:
        write_text(text)


def exit_with(code: ExitCode) -> None:
    ctx = click.get_current_context()
    ctx.exit(int(code))


def write_atomic(path: Path, data: str | bytes) -> None:
    """--output: written whole, atomically, with the umask's permissions."""
    from tracker.storage.outfile import write_atomic as write_file

    write_file(path, data)
