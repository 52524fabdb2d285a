"""`tracker check --signatures`: every verdict line the log's git history added,
and every withdrawal of a proved verdict, with the commit that added it and
git's check of that commit's signature, judged by the signers goals.toml lists
for each office; a line in the files that no commit added is not committed
yet."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from tracker.app.check import CheckAnswer
from tracker.model import Commit, Entry, Op, Source, VerdictAdded
from tracker.problems import Problem

if TYPE_CHECKING:
    from tracker.storage.datadir import DataDir
    from tracker.storage.gitlog import AddedLine
    from tracker.views.signatures import Judged

_VERDICTS = frozenset({Op.VERDICT.value})
_ID = re.compile(rb'"id"\s*:\s*"([^"\\]*)"')  # a log line's own id (escapes aside)


def check_signatures(data: DataDir, *, lang: str) -> CheckAnswer:
    """Check that each verdict is proved by its commit's signature. What keeps
    the history from being read (no git, no repository, a shallow clone, no
    allowed_signers where there are verdicts to check) is the one problem."""
    from tracker.ledger import retracted_ids
    from tracker.loader import load, open_log
    from tracker.rules.signatures import unproved
    from tracker.storage import gitlog
    from tracker.storage.datadir import ALLOWED_SIGNERS, GOALS_FILE, PROGRESS_DIR
    from tracker.views.signatures import Judged

    loaded = load(data, with_log=False)
    plan = loaded.plan
    if plan is None:  # no offices, so no signers to judge by
        return _answer([], [], loaded.plan_problems, lang=lang)
    repo = gitlog.repository(data.root, display=data.display)
    if isinstance(repo, Problem):
        return _answer([], [], [repo], lang=lang)
    # Who may sign is read from these two: only as committed (and reviewed) do they prove.
    changed = gitlog.uncommitted(repo, [GOALS_FILE, ALLOWED_SIGNERS], display=data.display)
    if isinstance(changed, Problem):
        return _answer([], [], [changed], lang=lang)
    changed = [name for name in changed if (data.root / name).exists()]  # (missing: said below)
    if changed:
        return _answer([], [], [_not_committed(data, name) for name in changed], lang=lang)
    log = open_log(data, plan)
    # One walk of the history: the lines about lines, and the lines of the
    # reports a verdict in the log names (held to what was verified, below).
    verdicts_now = log.about_lines(_VERDICTS)
    named = {v.about.encode("utf-8", "surrogatepass") for v in verdicts_now if v.about}
    lines = gitlog.added_lines(repo, PROGRESS_DIR, keep=lambda text: _may_be_about(text, named),
                               display=data.display)  # fmt: skip
    if isinstance(lines, Problem):
        return _answer([], [], [lines], lang=lang)
    walked = [(line, entry) for line in lines if (entry := _entry(line, data)) is not None]
    found = [(line, e) for line, e in walked if e.op in (Op.VERDICT, Op.RETRACT)]
    shas = dict.fromkeys(line.commit for line, _ in found)
    commits = gitlog.commits(repo, shas, allowed_signers=data.allowed_signers,
                             display=data.display)  # fmt: skip
    if isinstance(commits, Problem):
        return _answer([], [], [commits], lang=lang)
    retractions = log.retractions()
    retracted = retracted_ids(retractions)
    verdicts = [(line, e) for line, e in found if e.op is Op.VERDICT]
    judged = [
        Judged(added, unproved(plan, added), added.verdict.id in retracted)
        for added in _placed(verdicts, commits, verdicts_now)
    ]
    # A proved verdict is withdrawn only as it was given: by a signer of its office.
    proved = {j.added.verdict.id: j.added.verdict.office for j in judged if j.problem is None}
    withdrawals = [(line, e) for line, e in found if e.op is Op.RETRACT and e.about in proved]
    withdrawn = [
        Judged(added, unproved(plan, added, proved[added.verdict.about]), False)
        for added in _placed(withdrawals, commits, [e for e in retractions if e.about in proved])
    ]
    problems = [j.problem for j in judged if j.problem is not None and not j.retracted]
    problems += [j.problem for j in withdrawn if j.problem is not None]
    standing = [j.added for j in judged if j.problem is None and not j.retracted]
    problems += _changed_after(repo, data, plan, log, standing, walked)
    return _answer(judged, withdrawn, problems, lang=lang)


def _changed_after(repo, data: DataDir, plan, log, proved: list, walked: list) -> list[Problem]:
    """Each proved verdict's report as it counts now, held to the lines that
    commits up to the verdict's own added (`walked`: the history's lines, as
    (AddedLine, Entry)); rules.signatures.changed_after says it."""
    from tracker.rules.signatures import changed_after
    from tracker.storage import gitlog

    # (a verdict gone from the files verifies nothing now: its report is not held to it)
    verdict_of = {a.verdict.about: a for a in proved if a.commit is not None and a.in_tree}
    if not verdict_of:
        return []
    counting: dict[str, Entry] = {}
    for entry in log.find(set(verdict_of)):  # in log order: the first line of an id counts
        counting.setdefault(entry.id, entry)
    added_by: dict[str, list[tuple[str, Entry]]] = {}
    for line, entry in walked:
        if entry.id in counting:
            added_by.setdefault(entry.id, []).append((line.commit, entry))
    histories: dict[str, frozenset[str]] = {}  # each verdict commit's, read once
    found = []
    for entry_id, report in counting.items():
        verdict = verdict_of[entry_id]
        sha = verdict.commit.sha
        if sha not in histories:
            history = gitlog.history_of(repo, sha, display=data.display)
            if isinstance(history, Problem):
                return [history]
            histories[sha] = history
        as_verified = any(
            entry == report and commit in histories[sha]
            for commit, entry in added_by.get(entry_id, ())
        )
        problem = changed_after(plan, verdict, report, as_verified)
        if problem is not None:
            found.append(problem)
    return found


def _not_committed(data: DataDir, name: str) -> Problem:
    from tracker.problems import problem

    return problem(data.display(data.root / name), None, "signers-not-committed",
                   "sig.signers_not_committed", "sig.signers_not_committed_fix")  # fmt: skip


def _answer(
    judged: list[Judged], withdrawn: list[Judged], problems: list[Problem], *, lang: str
) -> CheckAnswer:
    from tracker.views.signatures import signatures_report

    report = signatures_report(judged, withdrawn, problems, lang=lang)
    return CheckAnswer(report, (), len(problems))


def _may_be_about(text: bytes, named: set[bytes]) -> bool:
    """Whether a line may be a verdict or a retraction (it holds the key
    `verifies` or `retracts`), or a report a verdict names (its id is one of
    `named`), or an escape could spell either: the JSON parser sees these only."""
    if b"verifies" in text or b"retracts" in text or b"\\" in text:
        return True
    own = _ID.search(text)
    return own is not None and own.group(1) in named


def _entry(line: AddedLine, data: DataDir) -> Entry | None:
    """The entry an added line is, read as the log reads it, where it was
    added (None: not an entry, or not in a file the log is read from)."""
    from tracker.storage.logline import Unreadable, entry_from_record, parse_line
    from tracker.storage.months import MONTH_FILE

    path = PurePosixPath(line.path)  # under progress/: its month files alone are read
    if len(path.parts) != 2 or not MONTH_FILE.fullmatch(path.name):
        return None
    try:
        record = parse_line(line.text)
    except (UnicodeDecodeError, Unreadable):
        return None
    origin = Source(data.display(data.root / path), line.line)
    entry = entry_from_record(record, origin)
    return entry if isinstance(entry, Entry) else None


def _placed(
    found: list[tuple[AddedLine, Entry]], commits: dict[str, Commit], now: list[Entry]
) -> list[VerdictAdded]:
    """Each added verdict with its commit, at its line in the files now where
    the same line still is there (else where its commit put it); then each
    verdict now in the files that no commit added."""
    by_id: dict[str, list[Entry]] = {}
    for entry in now:
        by_id.setdefault(entry.id, []).append(entry)
    committed: set[Source] = set()
    placed = []
    for line, verdict in found:
        same = [e for e in by_id.get(verdict.id, ()) if e == verdict]
        # The same line twice (two merged copies): the one where the commit put
        # it, else one no other commit has been found to add.
        here = next((e for e in same if e.origin == verdict.origin), None)
        here = here or next((e for e in same if e.origin not in committed), None)
        here = here or next(iter(same), None)
        if here is not None:
            committed.add(here.origin)
        placed.append(
            VerdictAdded(verdict if here is None else here, commits[line.commit], here is not None)
        )
    placed += [VerdictAdded(e, None) for e in now if e.origin not in committed]
    return sorted(placed, key=lambda a: (not a.in_tree, a.verdict.origin.file,
                                         a.verdict.origin.line or 0))  # fmt: skip
