"""`tracker retract`: correct a mistaken entry by appending a retraction."""

from __future__ import annotations

import click

from tracker.cli.common import data_option, emit, format_option, open_data
from tracker.model import Entry, Op, Source
from tracker.problems import Problem, TrackerError, UsageError


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
    from tracker import log
    from tracker.cli.log import _login_name, _text
    from tracker.dates import utc_now_text
    from tracker.views.write import WriteResult, retract_report
    from tracker.words import DEFAULT_LANG
    from tracker.writing import check_new, new_id

    loaded = open_data(data_dir, warn=False)
    if not reason.strip():
        raise UsageError("--reason is empty", "say why the entry was wrong")
    target = resolve_entry(loaded.entries, entry_id)
    retraction = Entry(
        id=new_id(),
        goal=target.goal,
        date=loaded.today,
        op=Op.RETRACT,
        recorded_at=utc_now_text(),
        retracts=target.id,
        reason=_text("--reason", reason),
        by=_text("--by", by) if by is not None else _login_name(),
        origin=Source("tracker", None),
    )

    def prepare(existing):
        return [retraction], check_new(loaded.plan, existing, [retraction], today=loaded.today)

    if dry_run:
        problems = check_new(loaded.plan, loaded.entries, [retraction], today=loaded.today)
        if problems:
            raise TrackerError(problems)
    else:
        log.append(loaded.data.progress_dir, prepare)
    result = WriteResult(loaded.today, dry_run, None, (retraction,), ())
    # No --lang yet: the confirmation is the same in both languages (issue 12).
    emit(retract_report(result, target=target, lang=DEFAULT_LANG), fmt)


def resolve_entry(entries: list[Entry], text: str) -> Entry:
    """An entry by id or unique id prefix (at least 4 characters)."""
    exact = [e for e in entries if e.id == text]
    if exact:
        return exact[0]
    matches = [e for e in entries if len(text) >= 4 and e.id.startswith(text)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        ids = ", ".join(sorted(e.id for e in matches)[:5])
        raise UsageError(f"'{text}' matches {len(matches)} entries: {ids}", "give more of the id")
    hint = "ids are shown by `tracker entries`" + (
        "; give at least 4 characters" if len(text) < 4 else ""
    )
    raise TrackerError(
        Problem("tracker", None, f"no entry '{text}' in the log", hint, "unknown-entry")
    )
