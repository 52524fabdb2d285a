"""The whole log read from scratch, with no cache: the reference every answer
of the log cache must equal (the cache's invariant), and random logs to put
to it."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import strategies as st

from tests.conftest import REPO
from tracker.engine.status import all_figures
from tracker.ledger import fits, names_not_in_plan, repeats, retracted_ids, start_value, step
from tracker.ledger.counting import decisions_of
from tracker.loader import load_plan
from tracker.model import ABOUT_OPS, Entry, Op, entry_to_record, mark_record
from tracker.numbers import plain_number
from tracker.storage.datadir import DataDir
from tracker.storage.journal import read_log
from tracker.storage.logcache.ids import id_hash
from tracker.views.common import entry_change

TINY = 1e-4


class WholeLog:
    """Each question the log cache answers, answered from every line of the
    log read at once (read_log) and the ledger, the plainest way."""

    def __init__(self, data: Path):
        self.plan, _ = load_plan(DataDir(data))
        self.lines, self.read_problems = read_log(data / "progress", display=str)
        self.gone = retracted_ids(self.lines)
        _, hidden = repeats((e.origin, e.id, e.op in ABOUT_OPS) for e in self.lines)
        self.hidden = set(hidden)

    def figures(self):
        return all_figures(self.plan, self.lines)

    def decisions(self):
        return decisions_of(self.plan, self.lines, self.gone)

    def awaiting(self):
        return {goal: f.awaiting for goal, f in self.figures().items() if f.verified is not None}

    def problems(self):
        return self.read_problems

    def unknown(self):
        return names_not_in_plan(self.plan, self.lines)

    def plain_floats(self):
        return not any(e.value and -TINY < e.value < TINY for e in self.lines)

    def entries(self, *, goal=None, since=None, until=None):
        period = since is not None or until is not None
        return [
            e
            for e in self.lines
            if (goal is None or e.goal == goal) and (not period or _within(e.date, since, until))
        ]

    def retractions(self):
        return [e for e in self.lines if e.op is Op.RETRACT]

    def shadowed(self):
        return self.hidden

    def find(self, ids):
        return [e for e in self.lines if e.id in ids]

    def count(self, goal, *, before):
        return sum(
            1
            for e in self.lines
            if e.goal == goal and e.op not in ABOUT_OPS and e.date and e.date < before
        )

    def hashes_held(self, ordered):
        held = {id_hash(e.id) for e in self.lines}
        return {h for h in ordered if h in held}

    def records(self, *, goal=None, since=None, until=None):
        """record_groups' records, flattened: dated ones in Entry.sort_key order
        (ties in log order) after the undated (retractions) in (recorded_at, id)
        order, marked retracted or not."""
        marks = {e.about: e.id for e in self.retractions() if e.about}
        return [mark_record(entry_to_record(e), marks) for e in self._listed(goal, since, until)]

    def _listed(self, goal, since, until) -> list[Entry]:
        """The lines `entries` lists, in its order: the undated (retractions,
        with no period asked for) by (recorded_at, id), then the dated ones."""
        period = since is not None or until is not None
        chosen = [
            e
            for e in self.lines
            if (goal is None or e.goal == goal)
            and (e.date is not None or not period)
            and (not period or _within(e.date, since, until))
        ]
        undated = sorted((e for e in chosen if e.date is None), key=lambda e: (e.recorded_at, e.id))
        dated = sorted((e for e in chosen if e.date is not None), key=Entry.sort_key.fget)
        return undated + dated

    def listed_lines(self, *, goal=None, since=None, until=None):
        """listed_lines' lines, each as its fields, in the order listed: the
        lines records() lists, in its order."""
        return [
            (e.id, e.goal, e.date and e.date.toordinal(), e.op.value, e.value, list(e.items) or None,
             e.recorded_at, e.note, e.by, e.about, e.reason, e.batch, e.verdict, e.office,
             [list(f) for f in e.evidence] or None, e.next_step,
             e.next_by and e.next_by.toordinal(), e.origin.line)
            for e in self._listed(goal, since, until)
        ]  # fmt: skip

    def goal_lines(self, goal, *, since=None, until=None):
        """goal_lines' lines, flattened: (id, day, value, line, shadowed?)."""
        mine = [
            e
            for e in self.lines
            if e.goal == goal and e.op not in ABOUT_OPS and _within(e.date, since, until)
        ]
        mine.sort(key=Entry.sort_key.fget)
        return [
            (e.id, e.date.toordinal(), e.value, e.origin.line, e.origin in self.hidden)
            for e in mine
        ]

    def history(self, goal_id: str, as_of: dt.date, lang: str) -> list[dict]:
        """`show`'s history: every entry of the goal dated up to as_of, sorted,
        the running value stepped from the goal's start."""
        goal = self.plan.goal(goal_id)
        mine = [
            e
            for e in self.lines
            if e.goal == goal.id and e.op not in ABOUT_OPS and e.date and e.date <= as_of
        ]
        mine.sort(key=Entry.sort_key.fget)
        value, done = start_value(goal), frozenset(goal.start_items)
        rows = []
        for e in mine:
            after = None
            if e.id not in self.gone and e.origin not in self.hidden and fits(goal, e):
                value, done = step(goal, value, done, e)
                after = value
            rows.append({"id": e.id, "date": e.date.isoformat(), "change": entry_change(e, lang, self.plan),
                         "value": plain_number(after), "note": e.note, "by": e.by,
                         "retracted": e.id in self.gone})  # fmt: skip
        return rows


def _within(day, since, until) -> bool:
    if day is None:
        return since is None and until is None
    return (since is None or day >= since) and (until is None or day <= until)


# ── random logs ──────────────────────────────────────────────────────────────


def line(id, goal, date, **fields) -> str:
    record = {"id": id, "goal": goal, "date": date, "note": "", "by": "t"}
    record.update(fields)
    record.setdefault("recorded_at", f"{date}T08:00:00Z")
    return json.dumps(record, ensure_ascii=False) + "\n"


def write_lines(path: Path, *lines: str, mode: str = "a") -> None:
    with open(path, mode, encoding="utf-8") as handle:
        handle.write("".join(lines))


ENTRY_FIELDS = st.one_of(
    st.fixed_dictionaries({"value": st.sampled_from([1, 2, 0.5, -3, 40, 7.25, 1e6, 2e15, 5e-05])}),
    st.fixed_dictionaries({"value": st.sampled_from([100, 5.5]), "total": st.just(True)}),
    # Values a line's reader must refuse or read the long way, beside the plain ones.
    st.fixed_dictionaries(
        {"value": st.sampled_from([True, "3", None, 10**400, 2**1023, -(2**64) - 1, 1e308])}
    ),
    st.just({"done": True}),
    st.fixed_dictionaries({"items": st.sampled_from([["长石"], ["九塘", "不存在"], ["茅天新"]])}),
    st.just({}),  # a check-in
)
GOALS = st.sampled_from(
    ["jobs.training", "jobs.placement", "finance.general-spending-cut",
     "housing.three-supplies", "rural.eco-farm-bases", "no.such-goal"]
)  # fmt: skip
IDS = st.sampled_from([f"e{i}" for i in range(12)])
FILES = st.lists(
    st.builds(lambda n: {"sha256": f"{n:064x}", "size": n, "name": f"名单{n}.xlsx"},
              st.integers(1, 3)),
    min_size=1, max_size=2,
)  # fmt: skip
DAYS = st.sampled_from(["2019-12-30", "2020-01-05", "2020-03-05", "2020-03-05", "2021-02-01"])


@st.composite
def log_line(draw) -> str:
    batch = draw(st.sampled_from([None, None, "B1", "B2"]))
    about = draw(st.integers(0, 9))
    if about == 0:
        record = {"id": draw(IDS), "retracts": draw(IDS), "reason": "r", "by": "t",
                  "recorded_at": "2020-06-01T08:00:00Z"}  # fmt: skip
        if draw(st.booleans()):
            record["goal"] = draw(GOALS)
    elif about <= 3:  # a verdict: by the author or not, from a verifying office or not
        record = {"id": draw(st.sampled_from(["v1", "v2", "e1"])), "verifies": draw(st.sampled_from(["e0", "e1", "e2", "e9"])),
                  "by": draw(st.sampled_from("vvvt")),
                  "verdict": draw(st.sampled_from(["verified", "verified", "returned"])),
                  "office": draw(st.sampled_from(["区督查室", "区督查室", "区统计局"])),
                  "recorded_at": "2020-06-02T08:00:00Z"}  # fmt: skip
        if record["verdict"] == "returned":
            record["reason"] = "r"
    elif about == 4:  # files attached to a line
        record = {"id": draw(IDS), "attaches": draw(IDS), "goal": draw(GOALS), "note": "附件",
                  "evidence": draw(FILES), "by": "t", "recorded_at": "2020-06-03T08:00:00Z"}  # fmt: skip
    else:
        record = {"id": draw(IDS), "goal": draw(GOALS), "date": draw(DAYS), "note": "", "by": "t",
                  "recorded_at": f"2020-0{draw(st.integers(1, 3))}-01T08:00:00Z"}  # fmt: skip
        record.update(draw(ENTRY_FIELDS))
        if about == 5:  # files and a next step beside what it does
            record.update(evidence=draw(FILES), next_step="月底前完成", next_by="2020-03-31")
    if batch:
        record["batch"] = batch
    return json.dumps(record, ensure_ascii=False) + "\n"


@st.composite
def plain_line(draw) -> str:
    """A line of the shape nearly every line of a big log has (an increment or
    a reading, perhaps of a batch): the cache reads these a column at a time."""
    record = {"id": draw(IDS), "goal": draw(GOALS), "date": draw(DAYS),
              "value": draw(st.sampled_from([1, 3, 0, 2.5, -1, 12.25, 1e6])), "note": "",
              "by": "t", "recorded_at": f"2020-0{draw(st.integers(1, 3))}-01T08:00:00Z"}  # fmt: skip
    if draw(st.booleans()):
        record["batch"] = draw(st.sampled_from(["B1", "B2"]))
    return json.dumps(record, ensure_ascii=False) + "\n"


@st.composite
def odd_plain_line(draw) -> str:
    """A line of the common shape with one field that is not what a line may
    hold (a date that is null or a number, a note that is a number, an empty
    id, a list…): the per-line reader's problem, never a crash."""
    record = json.loads(draw(plain_line()))
    field = draw(st.sampled_from(sorted(record)))
    record[field] = draw(st.sampled_from([None, 5, 2.5, "", True, [1], {"a": 1}, "2020-3-05"]))
    return json.dumps(record, ensure_ascii=False) + "\n"


ODD_LINES = st.sampled_from(
    ['{"commit": "B1", "entries": 1}\n', "not json\n", "\n", '{"id": "torn", "goal": "jobs.tr']
)


def log_files(*, lines: int):
    """Up to four log files (three months, any may repeat), each of up to
    `lines` random lines: mostly of the common shape, with any other kind of
    line, commits, damage and lines of the common shape holding what they may
    not among them."""
    name = st.sampled_from(["2020-01", "2020-03", "2020-12"])
    one = st.one_of(plain_line(), plain_line(), log_line(), ODD_LINES, odd_plain_line())
    return st.lists(st.tuples(name, st.lists(one, max_size=lines)), min_size=1, max_size=4)


VERIFYING = st.sampled_from([None, "reported", "verified"])


@contextlib.contextmanager
def bundled_plan_folder(verifying: str | None = None):
    """A temporary data folder: the bundled plan and an empty progress/ (a
    hypothesis example gets its own, which pytest's tmp_path cannot give).
    `verifying`: the plan's reports need verifying by 区督查室, and this
    figure decides."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        shutil.copy(REPO / "goals.toml", data / "goals.toml")
        if verifying:
            with open(data / "goals.toml", "a", encoding="utf-8") as plan:
                plan.write(f'\n[plan.verification]\nrequired = true\noffices = ["区督查室"]\n'
                           f'decides = "{verifying}"\n')  # fmt: skip
        (data / "progress").mkdir()
        yield data
