"""`tracker summary`: the digest of a period — for the whole plan, one office,
or one per office — read from the period's part of the log and each goal's
maintained series."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from tracker.app.common import Opened, open_folder, open_log
from tracker.problems import UsageError
from tracker.refs import resolve_owner

if TYPE_CHECKING:
    from tracker.storage.datadir import DataDir
    from tracker.views.report import Report
    from tracker.words import Phrase


class OfficeDigest(NamedTuple):
    """One office's own digest, as `--split-by owner` writes it."""

    office: str
    held: int  # the goals it holds
    subject: str
    report: Report


class DigestAnswer(NamedTuple):
    """The digest asked for, its mail subject, and the offices' own digests."""

    report: Report
    warnings: tuple[Phrase, ...]
    subject: str  # the report's mail subject
    offices: tuple[OfficeDigest, ...]  # when split by office: most in need first


def summary(
    data: DataDir,
    *,
    as_of: str | None,
    week: str | None = None,
    since: str | None = None,
    until: str | None = None,
    owner: str | None = None,
    split_by_owner: bool = False,
    number: int | None = None,
    lang: str,
) -> DigestAnswer:
    """The digest of the 7 days ending `as_of`, of ISO `week` (2020-W23), or
    from `since` to `until` (dates as typed); of the goals `owner` holds, or
    the whole plan's and, with `split_by_owner`, each office's own too.
    `number`: the bulletin's number (default: the week of the year)."""
    from tracker.views.summary import summary_report

    digest, owner, warnings = digests(
        data, as_of=as_of, week=week, since=since, until=until, owner=owner, number=number,
        lang=lang,
    )  # fmt: skip
    built = digest(owner)
    offices = []
    for standing in built.summary.offices if split_by_owner else ():
        mine = digest(standing.office)
        offices.append(
            OfficeDigest(standing.office, standing.held, mine.subject, summary_report(mine))
        )
    return DigestAnswer(summary_report(built), warnings, built.subject, tuple(offices))


def digests(
    data: DataDir,
    *,
    as_of: str | None,
    week: str | None = None,
    since: str | None = None,
    until: str | None = None,
    owner: str | None = None,
    number: int | None = None,
    lang: str,
):
    """The data folder read once for a period's digests: (a function making
    the digest of an office — None: the whole plan's —, the office `owner`
    names, the log's warnings). The bulletin and its notices are built by it."""
    from tracker.engine.status import statuses_from_series
    from tracker.engine.summary import summarize
    from tracker.views.digest import build_digest

    opened = open_folder(data)
    day = opened.date(as_of, option="--as-of")
    start, end, week_name = period(opened, week=week, since=since, until=until, as_of=day)
    if owner is not None:
        owner = resolve_owner(opened.plan, owner)
    log, warnings = open_log(opened)  # the period's files plus the maintained series
    # The period's rows only: those whose id an earlier line has (perhaps before
    # the period) are left out here, as the whole log would leave them out.
    shadowed = log.shadowed()
    dated = log.entries(since=start, until=end)
    entries = [e for e in dated if e.origin not in shadowed] + log.retractions()
    figures, unknown = log.figures(), tuple(log.unknown())
    at_end = statuses_from_series(opened.plan, figures, as_of=end)  # for every digest
    latest = latest_reports(log, figures, at_end, until=end)

    def digest(office: str | None):
        summary = summarize(
            opened.plan, entries, since=start, until=end, office=office, figures=figures,
            unknown=unknown, latest=latest, statuses=at_end,
        )  # fmt: skip
        return build_digest(summary, week=week_name, lang=lang, number=number)

    return digest, owner, warnings


LATEST_DAYS = 12  # a late goal's latest entry days read for what its office last said


def latest_reports(log, figures, statuses, *, until: dt.date) -> dict:
    """What offices last reported of the goals that need attention on `until`
    (`statuses`: every goal's on that day; engine.bulletin.LatestReport): their
    latest note and next step, read from each such goal's last few days of
    entries, not the whole log."""
    from tracker.engine.bulletin import latest_report
    from tracker.engine.history import window_start
    from tracker.engine.offices import attention_condition
    from tracker.ledger import retracted_ids

    late = [s.goal.id for s in statuses if attention_condition(s) is not None]
    if not late:
        return {}
    gone = retracted_ids(log.retractions())
    shadowed = log.shadowed()
    found = {}
    for goal_id in late:
        start = window_start(figures[goal_id].deciding_series, as_of=until, latest=LATEST_DAYS)
        entries = [
            e for e in log.entries(goal=goal_id, since=start, until=until)
            if e.goal == goal_id and e.id not in gone and e.origin not in shadowed
            and e.about is None
        ]  # fmt: skip
        report = latest_report(entries, until=until)
        if report is not None:
            found[goal_id] = report
    return found


def period(
    opened: Opened, *, week: str | None, since: str | None, until: str | None, as_of: dt.date
) -> tuple[dt.date, dt.date, str | None]:
    """The period and, when it is exactly one ISO week (Monday to Sunday), its
    name — so `--as-of` a Sunday reads as that week in the digest and subject."""
    if week and (since or until):
        raise UsageError("week_or_period")
    if week:
        from tracker.dates import parse_week

        start, end = parse_week(week)
    else:
        end = opened.date(until, option="--until") if until else as_of
        start = opened.date(since, option="--since") if since else end - dt.timedelta(days=6)
        if start > end:
            raise UsageError("period_backwards", start=start, end=end)
    if start.isoweekday() == 1 and (end - start).days == 6:
        iso = start.isocalendar()
        return start, end, f"{iso.year}-W{iso.week:02d}"
    return start, end, None
