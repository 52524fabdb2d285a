"""`tracker log`: record progress on a goal, or a batch with --from-json."""

from __future__ import annotations

import math
import re
import unicodedata

import click

from tracker.cli.common import data_option, emit, format_option, lang_option, open_data
from tracker.cli.completion import complete_goal, complete_item
from tracker.model import Entry, Op, Source
from tracker.problems import TrackerError, UsageError, problem
from tracker.refs import resolve_goal
from tracker.writes import write

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


@click.command("log", context_settings={"ignore_unknown_options": True})
@click.argument("goal_id", metavar="ID", required=False, shell_complete=complete_goal)
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
    shell_complete=complete_item,
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
@click.option(
    "--force",
    is_flag=True,
    help="Log a value far outside what the goal can take (above 100 %, more than "
    "10 times the target, an increment larger than the whole target).",
)
@format_option("table", "json")
@lang_option
@data_option
def command(
    goal_id,
    value,
    total,
    done,
    items,
    day,
    note,
    by,
    from_json,
    dry_run,
    force,
    fmt,
    lang,
    data_dir,
):
    """Record progress on goal ID.

    \b
      count      tracker log jobs.training 120        (adds 120)
                 tracker log jobs.training --total 1320
      level      tracker log finance.general-spending-cut 8.5
      milestone  tracker log housing.three-supplies --done
      checklist  tracker log rural.eco-farm-bases --item 长石
      a note     tracker log newtown.road-network --note "主干道完成铺设"

    ID is the goal's id (any case, or a unique start of it), its number in
    `tracker goals`, or words of its title (e.g. 书屋).

    Refused, with nothing written (exit 3): unknown goal or item, a flag
    that does not fit the goal's kind, a non-number, a negative increment
    (use `tracker retract`), a future date, a part exceeding its whole, or a
    value far outside what the goal can take (unless --force). Once the plan's
    year is over, --date is required (--date today if you mean it)."""
    from tracker.dates import utc_now_text

    # The log is read once, by the write sequence (under the lock for a real write).
    loaded = open_data(data_dir, with_log=False, warn=False)
    plan = loaded.plan
    recorded_at = utc_now_text()
    who = user_text("--by", by) if by is not None else login_name()
    if from_json is not None:
        if goal_id or value or total or done or items or day:
            raise UsageError("from_json_alone", "from_json_alone_fix")
        from tracker.storage.batch import BatchDefaults, read_batch
        from tracker.writes import new_id

        name = "<stdin>" if getattr(from_json, "name", "-") in ("-", "<stdin>") else from_json.name
        defaults = BatchDefaults(
            recorded_at, who, loaded.today.isoformat(), new_id, lambda text: loaded.date(text)
        )
        new, input_problems = read_batch(from_json.read(), name, defaults)
        result = write(
            loaded.data, plan, new, today=loaded.today, dry_run=dry_run, batch=True, by=who,
            recorded_at=recorded_at, input_problems=input_problems, input_name=name, force=force,
        )  # fmt: skip
        _show(result, fmt=fmt, lang=lang)
        return
    if not goal_id:
        raise UsageError("which_goal", "which_goal_fix")
    goal = resolve_goal(plan, goal_id)
    op, number = _op_for(goal, value, total, done, items, note)
    from tracker.writes import new_id

    entry = Entry(
        id=new_id(),
        goal=goal.id,
        date=loaded.date(day, option="--date"),
        op=op,
        recorded_at=recorded_at,
        value=number,
        items=tuple(items),
        note=user_text("--note", note),
        by=who,
        origin=Source("tracker", None),
    )
    if day is None and loaded.today > plan.end:
        # The plan's year is over: "today" is almost never the day meant. What is
        # wrong with the entry itself is said first (a dry run), then this.
        write(loaded.data, plan, [entry], today=loaded.today, dry_run=True, force=force)
        end, today = plan.end.isoformat(), loaded.today.isoformat()
        raise UsageError("plan_year_over", "plan_year_over_fix", end=end, today=today)
    result = write(loaded.data, plan, [entry], today=loaded.today, dry_run=dry_run, force=force)
    _show(result, fmt=fmt, lang=lang)


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
        raise UsageError("nothing_to_log", f"how_to_log_{goal.kind.value}", goal=goal.id)
    if total is not None:
        return Op.TOTAL, parse_number(total, "--total")
    if value is not None:
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
            problem(
                "tracker",
                None,
                "not-a-number",
                "not_a_number",
                "write_digits",
                what=what,
                text=text,
            )
        )
    return float(cleaned)


def user_text(option: str, value: str) -> str:
    """User text must be valid Unicode (no lone surrogates from undecodable bytes)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError("text_not_utf8", "check_terminal_encoding", option=option) from None
    return value


def login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry (a bare cron or container)
        return "unknown"


def _show(result, *, fmt, lang) -> None:
    from tracker.views.write import log_report

    emit(log_report(result, lang=lang), fmt)
