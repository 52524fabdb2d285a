"""`tracker retract`: correct a mistaken entry by appending a retraction."""

from __future__ import annotations

import click

from tracker.cli.common import (
    data_option,
    emit_written,
    format_option,
    lang_option,
    open_data,
    stdin_is_terminal,
)
from tracker.cli.help import cli_command, completer, option
from tracker.model import Entry, Op
from tracker.problems import UsageError
from tracker.words import say


@cli_command("retract", help="help.retract")
@click.argument("entry_id", metavar="ENTRY", shell_complete=completer("entry"))
@option("--reason", required=True, help="help.opt.reason")
@option("--by", "by", metavar="NAME", help="help.opt.retract_by")
@option("--dry-run", is_flag=True, help="help.opt.retract_dry_run")
@option("--yes", "-y", is_flag=True, help="help.opt.yes")
@format_option("table", "json")
@lang_option
@data_option
def command(entry_id, reason, by, dry_run, yes, fmt, lang, data_dir):
    from tracker.app.common import entry_named
    from tracker.cli.log import reporter, user_text
    from tracker.dates import utc_now_text
    from tracker.loader import open_log
    from tracker.views.write import retract_report
    from tracker.writes import line_about, write

    loaded = open_data(data_dir, with_log=False, warn=False)
    if not reason.strip():
        raise UsageError("reason_empty", "reason_empty_fix")
    target = entry_named(open_log(loaded.data, loaded.plan), entry_id)
    retraction = line_about(
        target,
        Op.RETRACT,
        day=loaded.today,
        recorded_at=utc_now_text(),
        by=reporter(by),
        reason=user_text("--reason", reason),
    )
    if not (yes or dry_run) and stdin_is_terminal():
        # Check first, so nobody confirms a retraction the rules would refuse.
        write(loaded.data, loaded.plan, [retraction], today=loaded.today, dry_run=True)
        if not _confirmed(loaded.plan, target, lang):
            click.echo(say("retract_declined", lang), err=True)
            return
    result = write(loaded.data, loaded.plan, [retraction], today=loaded.today, dry_run=dry_run)
    emit_written(retract_report(result, target=target, lang=lang), fmt, result, lang=lang)


def _confirmed(plan, target: Entry, lang: str) -> bool:
    """Show the entry on stderr (stdout may be a pipe to jq) and ask."""
    from tracker.render.text import inert
    from tracker.views.write import retract_preview

    for line in retract_preview(plan, target, lang=lang):
        click.echo(inert(line), err=True)
    try:
        return click.confirm(say("retract.confirm", lang), default=False, err=True)
    except click.exceptions.Abort:  # Ctrl-C or end of input at the question
        raise KeyboardInterrupt from None
