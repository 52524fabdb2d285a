"""`tracker log`: record progress on a goal, or a batch with --from-json."""

from __future__ import annotations

import click

from tracker.app.common import stray_logs
from tracker.cli.common import (
    data_option,
    emit_written,
    format_option,
    lang_option,
    open_data,
    say_warnings,
)
from tracker.cli.help import cli_command, completer, option
from tracker.cli.lang import setting
from tracker.kinds import kind_of
from tracker.model import Entry, Op, Source
from tracker.problems import TrackerError, UsageError, problem
from tracker.refs import resolve_goal
from tracker.writes import write


@cli_command("log", help="help.log", context_settings={"ignore_unknown_options": True})
@click.argument("goal_id", metavar="ID", required=False, shell_complete=completer("goal"))
@click.argument("value", metavar="[VALUE]", required=False)
@option("--total", metavar="N", help="help.opt.total")
@option("--done", is_flag=True, help="help.opt.done")
@option(
    "--item", "items", metavar="NAME", multiple=True, shell_complete=completer("item"),
    help="help.opt.item",
)  # fmt: skip
@option("--date", "day", metavar="DATE", help="help.opt.date")
@option("--note", default="", help="help.opt.note")
@option("--next", "next_step", default="", metavar="TEXT", help="help.opt.next")
@option("--next-by", "next_by", metavar="DATE", help="help.opt.next_by")
@option(
    "--evidence", "evidence", metavar="FILE", multiple=True, type=click.Path(),
    help="help.opt.evidence",
)  # fmt: skip
@option("--by", "by", metavar="NAME", help="help.opt.by")
@option(
    "--from-json",
    "from_json",
    metavar="FILE|-",
    type=click.Path(allow_dash=True),
    help="help.opt.from_json",
)
@option(
    "--from-xlsx",
    "from_xlsx",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="help.opt.from_xlsx",
)
@option(
    "--from-csv",
    "from_csv",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="help.opt.from_csv",
)
@option("--dry-run", is_flag=True, help="help.opt.dry_run")
@option("--force", is_flag=True, help="help.opt.force")
@format_option("table", "json")
@lang_option
@data_option
def command(
    goal_id, value, total, done, items, day, note, next_step, next_by, evidence, by, from_json,
    from_xlsx, from_csv, dry_run, force, fmt, lang, data_dir,
):  # fmt: skip
    from tracker.dates import utc_now_text

    # The log is read once, by the write sequence (under the lock for a real write).
    loaded = open_data(data_dir, with_log=False, warn=False)
    say_warnings(stray_logs(loaded.data))  # a conflict copy's entries are not in the log
    plan = loaded.plan
    recorded_at = utc_now_text()
    who = reporter(by)
    if from_xlsx is not None or from_csv is not None:
        flag = "--from-xlsx" if from_xlsx is not None else "--from-csv"
        if goal_id or value or total or done or items or from_json or (from_xlsx and from_csv):
            raise UsageError("from_file_alone", "from_file_alone_fix", option=flag)
        from tracker.cli.template import log_from_sheet

        result = log_from_sheet(
            loaded, from_xlsx or from_csv, csv=from_xlsx is None, dry_run=dry_run, by=who,
            recorded_at=recorded_at,
        )  # fmt: skip
        _show(result, fmt=fmt, lang=lang)
        return
    if from_json is not None:
        if goal_id or value or total or done or items or day:
            raise UsageError("from_json_alone", "from_json_alone_fix")
        import secrets

        from tracker.storage.batch import BatchDefaults, BatchInput
        from tracker.writes import new_id, write_batch

        name = "<stdin>" if from_json == "-" else from_json
        defaults = BatchDefaults(
            recorded_at, who, loaded.today.isoformat(), new_id, lambda text: loaded.date(text),
            id_seed=secrets.token_bytes(16),
        )  # fmt: skip
        handle = _batch_input(from_json)
        try:
            source = BatchInput(handle, name)  # streamed: read as often as the write needs
        except BaseException:
            handle.close()
            raise
        try:
            result = write_batch(
                loaded.data, plan, source, defaults, today=loaded.today, dry_run=dry_run,
                by=who, recorded_at=recorded_at, force=force,
            )  # fmt: skip
            _show(result, fmt=fmt, lang=lang)
        finally:
            source.close()
            handle.close()
        return
    if not goal_id:
        raise UsageError("which_goal", "which_goal_fix")
    goal = resolve_goal(plan, goal_id)
    op, number = _op_for(goal, value, total, done, items, note)
    _no_stray_percent(goal, total if total is not None else value)
    from tracker.writes import new_id

    if next_by and not next_step:
        raise UsageError("next_by_needs_next", "next_by_needs_next_fix")
    entry = Entry(
        id=new_id(),
        goal=goal.id,
        date=loaded.date(day, option="--date"),
        op=op,
        recorded_at=recorded_at,
        value=number,
        items=typed_names(items),
        note=user_text("--note", note),
        by=who,
        next_step=user_text("--next", next_step),
        next_by=loaded.date(next_by, option="--next-by") if next_by else None,
        origin=Source("tracker", None),
    )
    files, keep = evidence_files(loaded, evidence)
    entry = entry._replace(evidence=files)
    if day is None and loaded.today > plan.end:
        # The plan's year is over: "today" is almost never the day meant. What is
        # wrong with the entry itself is said first (a dry run), then this.
        write(loaded.data, plan, [entry], today=loaded.today, dry_run=True, force=force)
        end, today = plan.end.isoformat(), loaded.today.isoformat()
        raise UsageError("plan_year_over", "plan_year_over_fix", end=end, today=today)
    if op is Op.TOTAL and not force and not _lower_total_confirmed(loaded, entry, lang):
        return
    result = write(
        loaded.data, plan, [entry], today=loaded.today, dry_run=dry_run, force=force, keep=keep
    )
    _show(result, fmt=fmt, lang=lang)


def _lower_total_confirmed(loaded, entry: Entry, lang: str) -> bool:
    """A running total below where the count already stood (1,150 after 1,790):
    asked about on a terminal once every other check has passed, refused
    elsewhere (exit 3) unless --force. False: the person said no."""
    from tracker.cli.common import stdin_is_terminal
    from tracker.rules.totals import lower_total
    from tracker.storage.logcache import open_cache
    from tracker.words import say

    data, plan = loaded.data, loaded.plan
    found = lower_total(
        plan, open_cache(data.progress_dir, plan, data.display).write_context([entry]), entry
    )
    if not found:
        return True
    try:  # what else is wrong with the entry is said with it
        write(data, plan, [entry], today=loaded.today, dry_run=True)
    except TrackerError as error:
        raise TrackerError([*error.problems, *found], error.exit_code) from None
    if not stdin_is_terminal():
        raise TrackerError(found)
    click.echo(found[0].message(lang), err=True)
    try:
        if click.confirm(say("total_lower_ask", lang), default=False, err=True):
            return True
    except click.exceptions.Abort:  # Ctrl-C or end of input at the question
        raise KeyboardInterrupt from None
    click.echo(say("total_lower_declined", lang), err=True)
    return False


def evidence_files(loaded, paths) -> tuple[tuple, object]:
    """Evidence files named on the command line: what the line records of each
    (read and checked now, every refusal said together), and the `keep` the
    write runs once the rules pass, keeping each once by its SHA-256 in the
    data folder (storage.evidence)."""
    if not paths:
        return (), None
    from tracker.storage import evidence

    limit = loaded.plan.verification.evidence_max_mb
    incoming = evidence.examine_all(paths, limit_mb=limit)

    def keep() -> None:
        evidence.keep(loaded.data.root, incoming, limit_mb=limit)

    return tuple(item.evidence for item in incoming), keep


def _batch_input(path: str):
    """A batch's input: stdin for `-` (a pipe, copied as it is read), else the
    regular file named. A FIFO or a device named as the file is refused rather
    than waited on: a stream is piped to `--from-json -`."""
    if path == "-":
        return click.open_file("-", "rb")
    import os

    from tracker.storage.files import open_regular, reason

    try:
        return os.fdopen(open_regular(path), "rb")
    except OSError as exc:
        raise TrackerError(
            problem(path, None, "unreadable", "cannot_read", "batch_from_stdin", reason=reason(exc))
        ) from None


def _op_for(goal, value, total, done, items, note) -> tuple[Op, float | None]:
    """Which kind of entry the flags ask for. Whether it fits the goal's kind is
    the rules' to say (tracker.rules.entries.fits_kind), as for a batch entry."""
    given = [
        name
        for name, present in (
            ("VALUE", value is not None),
            ("--total", total is not None),
            ("--done", done),
            ("--item", bool(items)),
        )
        if present
    ]
    if len(given) > 1:
        raise UsageError("one_of_not_both", options=" / ".join(given))
    if not given:
        if note:
            return Op.CHECKIN, None
        raise UsageError("nothing_to_log", kind_of(goal).how_to_log_key, goal=goal.id)
    if total is not None:
        return Op.TOTAL, parse_number(total, "--total")
    if value is not None:
        return Op.VALUE, parse_number(value, "VALUE")
    if done:
        return Op.DONE, None
    return Op.ITEMS, None


def parse_number(text: str, what: str) -> float:
    """'120', '1,200', '８.５' (full-width) → float; anything else is refused."""
    from tracker.numbers import number_fix, read_number

    value = read_number(text)
    if value is None:
        raise TrackerError(
            problem(
                "tracker",
                None,
                "not-a-number",
                "not_a_number",
                number_fix(text),
                what=what,
                text=text,
            )
        )
    return value


def _no_stray_percent(goal, text: str | None) -> None:
    """'12%' for a goal not counted in per cent is refused, not read as 12 people."""
    from tracker.numbers import stray_percent
    from tracker.words import phrase

    if text is not None and stray_percent(text, goal.unit):
        raise UsageError("percent_not_unit", "percent_not_unit_fix", value=text, goal=goal.id,
                         unit=goal.unit.strip() or phrase("units"))  # fmt: skip


def typed_names(names) -> tuple[str, ...]:
    """Item names as typed, in the plan's normal form (NFC): an input method's
    decomposed accent or CJK compatibility ideograph names the same item, and
    the entry is written with the plan's spelling of it."""
    import unicodedata

    return tuple(unicodedata.normalize("NFC", user_text("--item", name)) for name in names)


def user_text(option: str, value: str) -> str:
    """User text must be valid Unicode (no lone surrogates from undecodable bytes)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError("text_not_utf8", "check_terminal_encoding", option=option) from None
    return value


def reporter(by: str | None) -> str:
    """Who an entry is by: --by, else the config file's `by`, else the login name."""
    if by is not None:
        return user_text("--by", by)
    return setting("by") or login_name()


def login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry (a bare cron or container)
        return "unknown"


def _show(result, *, fmt, lang) -> None:
    from tracker.views.write import log_report

    emit_written(log_report(result, lang=lang), fmt, result, lang=lang)
