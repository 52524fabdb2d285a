"""`tracker evidence list|show|export`: the evidence files (佐证材料) of
entries, found by goal or entry (tracker.ledger.evidence says which files are
an entry's), where each is kept and whether it is intact, and copies of them
for people. Only the log's lines naming files are read, and the lines they
are about."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tracker.app.common import Answer, entry_named, open_folder, open_log
from tracker.refs import resolve_goal

if TYPE_CHECKING:
    from tracker.ledger.evidence import Attached
    from tracker.problems import Problem
    from tracker.storage.datadir import DataDir
    from tracker.views.report import Report
    from tracker.words import Phrase


class Exported(NamedTuple):
    """The export's report, its warnings, and the files it could not copy."""

    report: Report
    warnings: tuple[Phrase, ...]
    problems: list[Problem]


def evidence_list(
    data: DataDir, *, goal: str | None = None, entry: str | None = None, lang: str
) -> Answer:
    """The files of every entry still counting (of `goal`, or of `entry`, as a
    person names them)."""
    from tracker.views.evidence import list_report

    opened = open_folder(data)
    log, warnings = open_log(opened)
    files, filters = _chosen(opened, log, goal=goal, entry=entry)
    return Answer(list_report(files, filters=filters, lang=lang), warnings)


def evidence_show(data: DataDir, *, entry: str, lang: str) -> Answer:
    """One entry's files, attached later ones too: where each is kept, and
    whether it is there and intact (hashed again)."""
    from tracker.storage import evidence
    from tracker.views.evidence import show_report

    opened = open_folder(data)
    log, warnings = open_log(opened)
    target = entry_named(log, entry)
    files = [a for a in _attached(log) if a.entry.id == target.id]
    root = opened.data.root
    kept = {
        a.evidence.sha256: (
            _shown(opened.data, evidence.object_path(root, a.evidence.sha256)),
            evidence.condition(root, a.evidence),
        )
        for a in files
    }
    gone = target.id in _retracted(log)
    report = show_report(opened.plan, target, files, kept, retracted=gone, lang=lang)
    return Answer(report, warnings)


def evidence_export(
    data: DataDir,
    *,
    to: str,
    goal: str | None = None,
    entry: str | None = None,
    lang: str,
) -> Exported:
    """Copies of the files of `goal`, of `entry`, or (neither) of every entry
    still counting, in folder `to`."""
    from tracker.storage import evidence
    from tracker.views.evidence import export_report

    opened = open_folder(data)
    log, warnings = open_log(opened)
    files, filters = _chosen(opened, log, goal=goal, entry=entry)
    folder = Path(to)
    written, problems = evidence.export(
        opened.data.root, [(a.evidence, a.entry.id) for a in files], folder,
        display=opened.data.display,
    )  # fmt: skip
    out = dict(written)
    copied = [(a, out[a.evidence]) for a in files if a.evidence in out]
    report = export_report(copied, folder=str(folder), filters=filters, lang=lang)
    return Exported(report, warnings, problems)


# ── which files ──────────────────────────────────────────────────────────────


def _chosen(opened, log, *, goal: str | None, entry: str | None) -> tuple[list[Attached], dict]:
    """The files asked for, and the filters as the report shows them: an
    entry's (retracted or not), a goal's or every entry's still counting."""
    files = _attached(log)
    goal_id = resolve_goal(opened.plan, goal).id if goal is not None else None
    entry_id = entry_named(log, entry).id if entry is not None else None
    if entry_id is not None:
        files = [a for a in files if a.entry.id == entry_id]
    else:
        files = [a for a in files if not a.retracted]
    if goal_id is not None:
        files = [a for a in files if a.entry.goal == goal_id]
    return files, {"goal": goal_id, "entry": entry_id}


def _attached(log) -> list[Attached]:
    """Every evidence file of the log that counts (ledger.evidence), in log order."""
    from tracker.ledger.evidence import attached
    from tracker.model import Op

    lines = log.evidence_lines()
    named = {e.id for e in lines} | {e.about for e in lines if e.op is Op.ATTACH and e.about}
    first: dict = {}
    for line in log.find(named) if named else ():
        first.setdefault(line.id, line)
    return attached(lines, entry_of=first.get, retracted=_retracted(log))


def _retracted(log) -> set[str]:
    from tracker.ledger import retracted_ids

    return retracted_ids(log.retractions())


def _shown(data, path: Path) -> str:
    """A kept file's place, relative to the data folder (evidence/ab/cd/…)."""
    return path.relative_to(data.root).as_posix()
