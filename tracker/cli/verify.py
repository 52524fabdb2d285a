"""`tracker verify`: the supervision office's verdict on reported entries —
verified (核实), or returned to the office to report again (退回)."""

from __future__ import annotations

import click

from tracker.cli.common import data_option, emit_written, format_option, lang_option, open_data
from tracker.cli.help import cli_command, completer, option
from tracker.problems import UsageError


@cli_command("verify", help="help.verify")
@click.argument("entry_ids", metavar="ENTRY…", nargs=-1, required=True,
                shell_complete=completer("unverified"))  # fmt: skip
@option("--return", "returned", is_flag=True, help="help.opt.return")
@option("--reason", help="help.opt.verify_reason")
@option("--office", metavar="OFFICE", shell_complete=completer("verifier"),
        help="help.opt.verify_office")  # fmt: skip
@option("--by", "by", metavar="NAME", help="help.opt.verify_by")
@option("--dry-run", is_flag=True, help="help.opt.verify_dry_run")
@format_option("table", "json")
@lang_option
@data_option
def command(entry_ids, returned, reason, office, by, dry_run, fmt, lang, data_dir):
    from tracker.cli.log import reporter, user_text
    from tracker.dates import utc_now_text
    from tracker.loader import open_log
    from tracker.model import Entry, Op, Source, Verdict
    from tracker.refs import resolve_entry, resolve_verifier
    from tracker.rules.entries import unproved_reports
    from tracker.views.write import verify_report
    from tracker.writes import new_id, write

    loaded = open_data(data_dir, with_log=False, warn=False)
    reason = user_text("--reason", reason.strip()) if reason else ""
    if returned and not reason:
        raise UsageError("return_needs_reason", "return_reason_fix")
    log = open_log(loaded.data, loaded.plan)
    exact = log.find(set(entry_ids))
    targets = []
    for text in dict.fromkeys(entry_ids):
        found = [e for e in exact if e.id == text]
        targets.append(resolve_entry(found or log.entries(), text))  # a start of an id: every id
    office = resolve_verifier(loaded.plan, [t.goal for t in targets], office)
    if not returned:  # 销号 needs the proof the goal asks for: attached first
        bare = unproved_reports(loaded.plan, log, targets)
        if bare:
            raise UsageError("verify_without_evidence", "verify_attach_first", id=bare[0].id,
                             goal=bare[0].goal)  # fmt: skip
    verdict = Verdict.RETURNED if returned else Verdict.VERIFIED
    when, who = utc_now_text(), reporter(by)
    verdicts = [
        Entry(
            id=new_id(),
            goal=target.goal,
            date=loaded.today,
            op=Op.VERDICT,
            recorded_at=when,
            about=target.id,
            reason=reason,
            by=who,
            verdict=verdict.value,
            office=office,
            origin=Source("tracker", None),
        )
        for target in targets
    ]
    result = write(
        loaded.data, loaded.plan, verdicts, today=loaded.today, dry_run=dry_run,
        batch=len(verdicts) > 1, by=who, recorded_at=when,
    )  # fmt: skip
    report = verify_report(result, targets=targets, lang=lang, plan=loaded.plan)
    emit_written(report, fmt, result, lang=lang)
