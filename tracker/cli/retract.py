"""`tracker retract`: correct a mistaken entry by appending a retraction."""

from __future__ import annotations

import click

from tracker.cli.common import data_option, emit, format_option, open_data, open_log
from tracker.model import Entry, Op, Source
from tracker.problems import UsageError


@click.command("retract")
@click.argument("entry_id", metavar="ENTRY")
@click.option("--reason", required=True, help="Why the entry was wrong.")
@click.option("--by", "by", metavar="NAME", help="Who retracts (default: your login name).")
@click.option("--dry-run", is_flag=True, help="Check and show the retraction; write nothing.")
@format_option("table", "json")
@data_option
def command(entry_id, reason, by, dry_run, fmt, data_dir):
    """Retract ENTRY (its id, or a unique start of it as `tracker entries` shows).

    The entry stays in the log, marked retracted, and no longer counts anywhere."""
    from tracker.cli.log import login_name, user_text
    from tracker.dates import utc_now_text
    from tracker.refs import resolve_entry
    from tracker.views.write import retract_report
    from tracker.words import DEFAULT_LANG
    from tracker.writes import new_id, write

    loaded = open_data(data_dir, with_log=False, warn=False)
    if not reason.strip():
        raise UsageError("reason_empty", "reason_empty_fix")
    log = open_log(loaded, warn=False)
    exact = [e for e in log.find({entry_id}) if e.id == entry_id]
    target = resolve_entry(exact or log.entries(), entry_id)  # a start of an id: every id
    retraction = Entry(
        id=new_id(),
        goal=target.goal,
        date=loaded.today,
        op=Op.RETRACT,
        recorded_at=utc_now_text(),
        retracts=target.id,
        reason=user_text("--reason", reason),
        by=user_text("--by", by) if by is not None else login_name(),
        origin=Source("tracker", None),
    )
    result = write(loaded.data, loaded.plan, [retraction], today=loaded.today, dry_run=dry_run)
    # No --lang yet: the confirmation is the same in both languages (issue 12).
    emit(retract_report(result, target=target, lang=DEFAULT_LANG), fmt)
