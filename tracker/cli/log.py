"""`tracker log`: record progress on a goal, or a batch with --from-json."""

from __future__ import annotations

import math
import re
import unicodedata

import click

from tracker.cli.common import (
    data_option,
    emit,
    format_option,
    lang_option,
    open_data,
)
from tracker.model import Entry, Kind, Op, Source
from tracker.problems import ExitCode, Problem, TrackerError, UsageError, suggest

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


@click.command("log", context_settings={"ignore_unknown_options": True})
@click.argument("goal_id", metavar="ID", required=False)
@click.argument("value", metavar="[VALUE]", required=False)
@click.option(
    "--total", metavar="N", help="count goals: state the running total instead of adding."
)
@click.option("--done", is_flag=True, help="milestone goals: mark done.")
@click.option(
    "--item",
    "items",
    metavar="NAME",
    multiple=True,
    help="checklist goals: an item now done (repeatable).",
)
@click.option("--date", "day", metavar="DATE", help="The day reported on (default: today).")
@click.option("--note", default="", help="What happened, in a few words.")
@click.option("--by", "by", metavar="NAME", help="Who reports (default: your login name).")
@click.option(
    "--from-json",
    "from_json",
    metavar="FILE|-",
    type=click.File("rb"),
    help="A batch: a JSON array or JSON Lines of entries; all or nothing.",
)
@click.option("--dry-run", is_flag=True, help="Check and show the entry; write nothing.")
@format_option("table", "json")
@lang_option
@data_option
def command(
    goal_id, value, total, done, items, day, note, by, from_json, dry_run, fmt, lang, data_dir
):
    """Record progress on goal ID.

    \b
      count      tracker log jobs.training 120        (adds 120)
                 tracker log jobs.training --total 1320
      level      tracker log finance.general-spending-cut 8.5
      milestone  tracker log housing.three-supplies --done
      checklist  tracker log rural.eco-farm-bases --item 长石
      a note     tracker log newtown.road-network --note "主干道完成铺设"

    Refused, with nothing written (exit 3): unknown goal or item, a flag
    that does not fit the goal's kind, a non-number, a negative increment
    (use `tracker retract`), a future date, or a part exceeding its whole."""
    from tracker.dates import utc_now_text

    # Only a dry run reads the log here; a real write reads it once, under the lock.
    loaded = open_data(data_dir, with_log=dry_run, warn=False)
    plan = loaded.plan
    recorded_at = utc_now_text()
    who = _text("--by", by) if by is not None else _login_name()
    if from_json is not None:
        if goal_id or value or total or done or items or day:
            raise UsageError(
                "--from-json takes no goal or value arguments",
                "put goal, date and value in each JSON entry",
            )
        from tracker.cli.batch import read_batch

        new = read_batch(from_json, loaded, recorded_at=recorded_at, default_by=who)
        _write(
            loaded,
            new,
            dry_run=dry_run,
            fmt=fmt,
            lang=lang,
            batch=True,
            by=who,
            recorded_at=recorded_at,
        )
        return
    if not goal_id:
        raise UsageError("which goal?", "tracker log ID VALUE; see `tracker goals` for ids")
    goal = plan.goal(goal_id)
    if goal is None:
        hint = suggest(goal_id, [g.id for g in plan.goals]) or "see `tracker goals` for ids"
        raise TrackerError(
            Problem("tracker", None, f"unknown goal '{goal_id}'", hint, "unknown-goal")
        )
    op, number = _op_for(goal, value, total, done, items, note)
    entry = Entry(
        id=_new_id(),
        goal=goal.id,
        date=loaded.date(day, option="--date"),
        op=op,
        recorded_at=recorded_at,
        value=number,
        items=tuple(items),
        note=_text("--note", note),
        by=who,
        origin=Source("tracker", None),
    )
    _write(
        loaded,
        [entry],
        dry_run=dry_run,
        fmt=fmt,
        lang=lang,
        batch=False,
        by=who,
        recorded_at=recorded_at,
    )


def _op_for(goal, value, total, done, items, note) -> tuple[Op, float | None]:
    """Which kind of entry the flags ask for, refusing flags that do not fit."""
    kind = goal.kind
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
    fits = {
        Kind.COUNT: {"VALUE", "--total"},
        Kind.LEVEL: {"VALUE"},
        Kind.MILESTONE: {"--done"},
        Kind.CHECKLIST: {"--item"},
    }[kind]
    from tracker.validate import OP_ADVICE

    for name in given:
        if name not in fits:
            raise TrackerError(
                Problem(
                    "tracker",
                    None,
                    f"{goal.id} is a {kind.value} goal: {name} does not fit it",
                    OP_ADVICE[kind],
                    "wrong-kind",
                )
            )
    if len(given) > 1:
        raise UsageError(f"give one of {' or '.join(given)}, not both")
    if not given:
        if note:
            return Op.CHECKIN, None
        raise UsageError(f"nothing to log for {goal.id}", OP_ADVICE[kind] + ", or just --note")
    if total is not None:
        return Op.TOTAL, parse_number(total, "--total")
    if value is not None:
        # a negative increment or an unknown item is refused with the others, in check_new
        return Op.VALUE, parse_number(value, "VALUE")
    if done:
        return Op.DONE, None
    return Op.ITEMS, None


def parse_number(text: str, what: str) -> float:
    """'120', '1,200', '８.５' (full-width) → float; anything else is refused."""
    cleaned = unicodedata.normalize("NFKC", str(text)).strip().replace(",", "").replace("_", "")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    if not _NUMBER.match(cleaned) or not math.isfinite(float(cleaned)):
        raise TrackerError(
            Problem(
                "tracker",
                None,
                f"{what}: '{text}' is not a number",
                "write digits, e.g. 120 or 8.5",
                "not-a-number",
            )
        )
    return float(cleaned)


def _text(option: str, value: str) -> str:
    """User text must be valid Unicode (no lone surrogates from undecodable bytes)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(
            f"{option} is not valid text in UTF-8", "check the terminal's encoding"
        ) from None
    return value


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry (a bare cron or container)
        return "unknown"


def _new_id() -> str:
    from tracker.writing import new_id

    return new_id()


def _write(loaded, new: list[Entry], *, dry_run, fmt, lang, batch, by, recorded_at) -> None:
    from tracker import log
    from tracker.writing import check_new, standing

    today = loaded.today
    batch_id = _new_id() if batch and new else None
    if batch_id:
        new = [_with_batch(e, batch_id) for e in new]

    def prepare(existing):
        ready = _name_retracted_goals(new, existing)
        return ready, check_new(loaded.plan, existing, ready, today=today)

    if dry_run:
        new = _name_retracted_goals(new, loaded.entries)
        problems = check_new(loaded.plan, loaded.entries, new, today=today)
        if problems:
            raise TrackerError(problems, ExitCode.BAD_DATA)
        existing = loaded.entries
    else:
        existing = log.append(
            loaded.data.progress_dir, prepare, batch=batch_id, by=by, recorded_at=recorded_at
        )
    goals = list(dict.fromkeys(e.goal for e in new if e.op is not Op.RETRACT))
    standings = tuple(standing(loaded.plan, existing + new, g, today) for g in goals)
    from tracker.views.write import WriteResult, log_report

    result = WriteResult(today, dry_run, batch_id, tuple(new), standings)
    emit(log_report(result, lang=lang), fmt)


def _name_retracted_goals(new: list[Entry], existing: list[Entry]) -> list[Entry]:
    """A retraction in a batch may leave out its goal: take the retracted entry's."""
    from dataclasses import replace

    missing = {e.retracts for e in new if e.op is Op.RETRACT and not e.goal}
    if not missing:
        return new
    goals = {e.id: e.goal for e in existing + new if e.id in missing}
    return [
        replace(e, goal=goals.get(e.retracts, "")) if e.op is Op.RETRACT and not e.goal else e
        for e in new
    ]


def _with_batch(entry: Entry, batch_id: str) -> Entry:
    from dataclasses import replace

    return replace(entry, batch=batch_id)
