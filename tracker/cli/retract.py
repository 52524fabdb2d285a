"""`tracker retract`: correct a mistaken entry by appending a retraction."""

from __future__ import annotations

import click

from tracker.cli.common import data_option, emit, format_option, lang_option, open_data
from tracker.cli.help import cli_command, option
from tracker.model import Entry, Op, Source
from tracker.problems import UsageError


@cli_command("retract", help="help.retract")
@click.argument("entry_id", metavar="ENTRY")
@option("--reason", required=True, help="help.opt.reason")
@option("--by", "by", metavar="NAME", help="help.opt.retract_by")
@option("--dry-run", is_flag=True, help="help.opt.retract_dry_run")
@format_option("table", "json")
@lang_option
@data_option
def command(entry_id, reason, by, dry_run, fmt, lang, data_dir):
    from tracker.cli.log import reporter, user_text
    from tracker.dates import utc_now_text
    from tracker.refs import resolve_entry
    from tracker.storage.journal import read_log
    from tracker.views.write import retract_report
    from tracker.writes import new_id, write

    loaded = open_data(data_dir, with_log=False, warn=False)
    if not reason.strip():
        raise UsageError("reason_empty", "reason_empty_fix")
    entries, _ = read_log(loaded.data.progress_dir, display=loaded.data.display)
    target = resolve_entry(entries, entry_id)
    retraction = Entry(
        id=new_id(),
        goal=target.goal,
        date=loaded.today,
        op=Op.RETRACT,
        recorded_at=utc_now_text(),
        retracts=target.id,
        reason=user_text("--reason", reason),
        by=reporter(by),
        origin=Source("tracker", None),
    )
    result = write(loaded.data, loaded.plan, [retraction], today=loaded.today, dry_run=dry_run)
    emit(retract_report(result, target=target, lang=lang), fmt)
