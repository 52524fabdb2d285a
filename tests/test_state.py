"""The maintained state (progress/.cache/) never hides or invents an entry: it
gives the answers the whole log gives after appends in the same second, writes
by another process, merges that rewrite a file, a damaged, foreign or deleted
state, cut-off batches, repeated ids and retractions across files."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Run, run_process
from tracker.engine.status import all_series
from tracker.jsontext import dumps
from tracker.ledger import fits, names_not_in_plan, start_value, step
from tracker.loader import load_plan
from tracker.model import Op
from tracker.numbers import plain_number
from tracker.rules.entries import check_log, log_problems
from tracker.storage.datadir import DataDir
from tracker.storage.journal import read_file, read_log
from tracker.storage.logcache import FORMAT
from tracker.storage.logcache import open_cache as open_state
from tracker.storage.logcache.disk import INDEX_FILE
from tracker.storage.logcache.freshness import token
from tracker.storage.logcache.layout import compact
from tracker.storage.logcache.trust import seal, unseal
from tracker.views.common import entry_change

STATE = ("progress", ".cache", INDEX_FILE)


def line(id, goal, date, **fields):
    record = {"id": id, "goal": goal, "date": date, "note": "", "by": "t"}
    record.update(fields)
    record.setdefault("recorded_at", f"{date}T08:00:00Z")
    return json.dumps(record, ensure_ascii=False) + "\n"


def write_lines(path, *lines, mode="a"):
    with open(path, mode, encoding="utf-8") as handle:
        handle.write("".join(lines))


def whole_log(data):
    """What the whole log says, read from scratch: the reference every state must match."""
    plan, _ = load_plan(DataDir(data))
    entries, problems = read_log(data / "progress", display=str)
    series = all_series(plan, entries)
    return plan, series, problems, names_not_in_plan(plan, entries), entries


TODAY = dt.date(2020, 12, 31)


def assert_state_matches_log(data):
    plan, series, problems, unknown, entries = whole_log(data)
    state = open_state(data / "progress", plan, str)
    # `tracker check` from the state says exactly what it says of the whole log
    assert check_log(plan, state, today=TODAY) == (
        log_problems(plan, entries, today=TODAY),
        len(entries),
    )
    got_series, got_problems, got_unknown = state.series(), state.problems(), state.unknown()
    for goal in plan.goals:
        want, got = series[goal.id], got_series[goal.id]
        assert (got.days, got.values, got.items, got.entry_days) == (
            want.days,
            want.values,
            want.items,
            want.entry_days,
        ), goal.id
    assert [(p.file, p.line, p.code) for p in got_problems] == [
        (p.file, p.line, p.code) for p in problems
    ]
    assert got_unknown == unknown
    for day in (dt.date(2020, 1, 1), dt.date(2020, 3, 5), dt.date(2020, 4, 2), dt.date(2021, 1, 1)):
        for goal in plan.goals:  # what `show` says of the entries before its latest rows
            want = [e for e in entries if e.goal == goal.id and e.op.value != "retract"]
            assert state.count(goal.id, before=day) == len([e for e in want if e.date < day]), (
                goal.id,
                day,
            )
    return state


@pytest.fixture
def mixed(data):
    """A log over three months: increments and totals on one day, levels,
    a milestone, checklist items, a check-in, a retraction in a later file."""
    p = data / "progress"
    write_lines(
        p / "2020-03.jsonl",
        line("a1", "jobs.training", "2020-03-02", value=100),
        line("a2", "jobs.training", "2020-03-02", value=50, recorded_at="2020-03-02T09:00:00Z"),
        line(
            "a3",
            "jobs.training",
            "2020-03-02",
            value=400,
            total=True,
            recorded_at="2020-03-02T08:30:00Z",
        ),
        line("a4", "jobs.placement", "2020-03-05", value=120),
        line("a5", "finance.general-spending-cut", "2020-03-09", value=4.5),
        line("a6", "jobs.training", "2020-03-10", note="check-in only"),
    )
    write_lines(
        p / "2020-04.jsonl",
        line("b1", "rural.eco-farm-bases", "2020-04-01", items=["长石"]),
        line("b2", "jobs.training", "2020-04-02", value=30),
        line("b3", "finance.general-spending-cut", "2020-04-03", value=7.25),
    )
    write_lines(
        p / "2020-05.jsonl",
        line("c1", "housing.three-supplies", "2020-05-01", done=True),
        json.dumps({"id": "c2", "goal": "jobs.training", "date": "2020-05-02", "retracts": "b2",
                    "reason": "typo", "by": "t", "recorded_at": "2020-05-02T08:00:00Z"}) + "\n",
    )  # fmt: skip
    return data


def training(run, as_of="2020-12-31"):
    document = run.json("status", "--as-of", as_of)
    return next(g for g in document["goals"] if g["id"] == "jobs.training")["current"]


def test_the_state_sums_what_the_whole_log_sums(mixed):
    assert_state_matches_log(mixed)
    assert mixed.joinpath(*STATE).exists()
    assert_state_matches_log(mixed)  # and again, from the stored state


def test_an_entry_written_in_the_same_second_is_seen_by_every_command(run, mixed):
    assert training(run) == 450
    run("log", "jobs.training", "5", "--date", "2020-05-02", "--note", "same second", code=0)
    assert training(run) == 455
    shown = run.json("show", "jobs.training", "--as-of", "2020-12-31")
    assert shown["history"][-1]["note"] == "same second"
    listed = run.json("entries", "--goal", "jobs.training", "--since", "2020-05-01")
    assert [e.get("retracts") or e["note"] for e in listed["entries"]] == ["b2", "same second"]
    digest = run.json("summary", "--since", "2020-05-01", "--until", "2020-05-07")
    assert digest["activity"], digest
    assert_state_matches_log(mixed)


def test_a_line_appended_by_another_process_is_seen(run, mixed):
    assert training(run) == 450
    other = run_process(
        ["log", "jobs.training", "7", "--date", "2020-04-20"], env={"TRACKER_DATA": str(mixed)}
    )
    assert other.returncode == 0, other.stderr
    assert training(run) == 457
    # …and a line another program appended, stat unchanged but for the size.
    write_lines(
        mixed / "progress" / "2020-04.jsonl", line("x1", "jobs.training", "2020-04-21", value=3)
    )
    assert training(run) == 460
    assert_state_matches_log(mixed)


def test_a_merge_that_rewrites_earlier_bytes_rebuilds_that_file_alone(run, mixed):
    plan, *_ = whole_log(mixed)
    before = open_state(mixed / "progress", plan, str).files
    path = mixed / "progress" / "2020-03.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    merged = path.with_suffix(".merge")
    # The other clone's line lands in the middle, one of ours changed: what a merge writes.
    write_lines(
        merged, lines[0], line("m1", "jobs.training", "2020-03-03", value=9), *lines[1:], mode="w"
    )
    os.replace(merged, path)
    state = assert_state_matches_log(mixed)
    kept, was = state.files["2020-04.jsonl"], before["2020-04.jsonl"]
    kept.verified_ns = was.verified_ns
    assert kept == was  # the same record, parts and steps: not rebuilt
    assert state.files["2020-03.jsonl"].digest != before["2020-03.jsonl"].digest
    assert training(run) == 459


def test_a_rewrite_keeping_size_and_mtime_in_the_racy_window_is_seen(run, mixed):
    assert training(run) == 450  # state stored while the files are racy
    path = mixed / "progress" / "2020-04.jsonl"
    st = path.stat()
    path.write_text(
        path.read_text(encoding="utf-8").replace('"value": 30', '"value": 80'), encoding="utf-8"
    )
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    # b2 is retracted, so the total stays; the level rewrite below is seen.
    text = path.read_text(encoding="utf-8").replace('"value": 7.25', '"value": 7.75')
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    document = run.json("status", "--as-of", "2020-12-31")
    cut = next(g for g in document["goals"] if g["id"] == "finance.general-spending-cut")
    assert cut["current"] == 7.75
    assert_state_matches_log(mixed)


def resealed(edit):
    """A damage to the index's text made as tracker itself would seal it: what
    the index says is then judged, not only its seal."""

    def damage(path: Path) -> None:
        data = unseal(path.read_bytes())
        path.write_bytes(seal(edit(data.decode("utf-8")).encode("utf-8")))

    return damage


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s.write_text("not json", encoding="utf-8"),
        resealed(lambda t: t.replace('"files":{', '"files":{"2020-01.jsonl":1,')),
        resealed(lambda t: t.replace(f'"format":{FORMAT}', '"format":3')),
        resealed(lambda t: t.replace('"version":"', '"version":"0.0.0-')),
        lambda s: s.write_bytes(s.read_bytes().replace(b'"values":[450', b'"values":[999')),
        lambda s: s.unlink(),
        lambda s: shutil.rmtree(s.parent),
    ],
    ids=[
        "corrupt",
        "wrong-shape",
        "old-format",
        "other-version",
        "edited",
        "index-deleted",
        "state-deleted",
    ],
)
def test_a_damaged_foreign_or_deleted_state_is_rebuilt(run, mixed, damage):
    assert training(run) == 450
    damage(mixed.joinpath(*STATE))
    assert training(run) == 450
    assert_state_matches_log(mixed)


def test_damaged_parts_are_read_again_from_the_log(run, mixed):
    assert training(run) == 450
    for path in (mixed / "progress" / ".cache" / "parts").rglob("*"):
        if path.is_file():
            path.write_bytes(b"\x00garbage")
    shown = run.json("show", "jobs.training", "--as-of", "2020-12-31")
    assert [h["id"] for h in shown["history"]] == ["a1", "a3", "a2", "a6", "b2"]
    run("log", "jobs.training", "1", "--date", "2020-05-03", code=0)
    assert training(run) == 451
    assert_state_matches_log(mixed)


def damage_columns_under_valid_names(data: Path) -> None:
    """Cut every stored part's values column short and name the part anew, as
    damage its CRC-32 missed would leave it."""
    cache = data / "progress" / ".cache"
    index = json.loads(unseal((cache / INDEX_FILE).read_bytes()))
    for record in index["files"].values():
        for goal, named in record["parts"].items():
            if named is None:
                continue  # not stored: a question has not needed it yet
            path = next((cache / "parts").rglob(f"*.{named}.json"))
            head, *columns = path.read_bytes().split(b"\n")
            columns[3] = b"[]" if columns[3] != b"[]" else b"[1]"
            damaged = b"\n".join([head, *columns])
            record["parts"][goal] = token(damaged)
            path.with_name(path.name.replace(named, token(damaged))).write_bytes(damaged)
            path.unlink()
    (cache / INDEX_FILE).write_bytes(seal(json.dumps(index).encode("utf-8")))


@pytest.mark.parametrize("command", [["show", "jobs.training"], ["entries"]])
def test_a_column_that_passes_the_parts_check_but_does_not_read_is_read_again(run, mixed, command):
    """A part's columns are parsed only when asked for; one that turns out not
    to be a column of the part's length has its log file read again."""
    args = [*command, "--as-of", "2020-12-31", "--format", "json"]
    want = run(*args).stdout
    damage_columns_under_valid_names(mixed)
    assert run(*args).stdout == want
    assert_state_matches_log(mixed)


def test_a_write_to_a_file_whose_part_does_not_read_reads_the_file_whole(run, mixed):
    """The absorb after a write reads the part it extends whole, at once: one
    that does not read has the file read again, and no line is taken twice."""
    run("status", "--as-of", "2020-12-31", code=0)
    damage_columns_under_valid_names(mixed)
    run("log", "jobs.placement", "1", "--date", "2020-03-20", code=0)
    assert_state_matches_log(mixed)
    shown = run.json("show", "jobs.placement", "--as-of", "2020-12-31")["history"]
    assert len(shown) == len({row["id"] for row in shown})


@pytest.mark.parametrize(
    "command", [["entries", "--format", "json"], ["check", "--format", "json"]]
)
def test_a_part_damaged_under_a_whole_log_pass_is_read_again(run, mixed, command):
    """A pass over every file's parts (a listing, check) that meets a damaged
    part reads the file again, and what it read is kept for the state."""
    want = run(*command).stdout
    for path in (mixed / "progress" / ".cache" / "parts").rglob("*.json"):
        path.write_bytes(b"\x00garbage")
    assert run(*command).stdout == want
    assert_state_matches_log(mixed)
    assert training(run) == 450


def test_retractions_repeated_ids_and_cut_off_batches_across_files(run, mixed):
    p = mixed / "progress"
    assert_state_matches_log(mixed)
    # A copy of an earlier line lands in a later file: only the first counts.
    write_lines(p / "2020-05.jsonl", line("a4", "jobs.placement", "2020-03-05", value=120))
    assert_state_matches_log(mixed)
    # The same id put into an earlier file: now that one is first.
    write_lines(
        p / "2020-02.jsonl", line("b3", "finance.general-spending-cut", "2020-02-03", value=1.0)
    )
    assert_state_matches_log(mixed)
    # A batch whose commit line never came does not count, then counts once committed.
    write_lines(
        p / "2020-06.jsonl", line("d1", "jobs.training", "2020-06-01", value=11, batch="B1")
    )
    assert_state_matches_log(mixed)
    assert training(run) == 450
    write_lines(p / "2020-06.jsonl", json.dumps({"commit": "B1", "entries": 1}) + "\n")
    state = assert_state_matches_log(mixed)
    assert state.series()["jobs.training"].values[-1] == 461
    # Retracting through tracker, then deleting the file that held the retraction.
    run("retract", "a1", "--reason", "twice", code=0)
    assert_state_matches_log(mixed)
    for path in p.glob("*.jsonl"):
        if "a1" in path.read_text(encoding="utf-8") and '"retracts"' in path.read_text(
            encoding="utf-8"
        ):
            text = "".join(
                x
                for x in path.read_text(encoding="utf-8").splitlines(keepends=True)
                if '"retracts": "a1"' not in x and '"retracts":"a1"' not in x
            )
            path.write_text(text, encoding="utf-8")
    assert_state_matches_log(mixed)
    (p / "2020-05.jsonl").unlink()
    assert_state_matches_log(mixed)


def test_a_torn_tail_then_an_append(run, mixed):
    path = mixed / "progress" / "2020-04.jsonl"
    assert training(run) == 450
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"id": "torn", "goal": "jobs.tra')  # a writer killed mid-line
    assert_state_matches_log(mixed)
    run("log", "jobs.training", "2", "--date", "2020-04-22", code=0)
    assert training(run) == 452
    assert_state_matches_log(mixed)


def test_the_write_rules_see_the_whole_log_through_the_state(run, mixed):
    # part never above its whole: placement 120 of training 450 on 2020-03-05
    refused = run("log", "jobs.placement", "400", "--date", "2020-03-06")
    assert refused.exit_code == 3
    assert "jobs.training" in refused.stderr
    # a milestone already done, a checklist item already ticked
    assert run("log", "housing.three-supplies", "--done", "--date", "2020-05-03").exit_code == 3
    assert (
        run("log", "rural.eco-farm-bases", "--item", "长石", "--date", "2020-05-03").exit_code == 3
    )
    # retracting what is already retracted, and an id the log already has
    assert run("retract", "b2", "--reason", "again").exit_code == 3
    batch = line("a5", "jobs.training", "2020-05-03", value=1)
    assert run("log", "--from-json", "-", input=batch).exit_code == 3
    # a retraction that would put the part above its whole is refused too
    run("log", "jobs.placement", "100", "--date", "2020-03-06", code=0)  # 220 of 450
    assert run("retract", "a3", "--reason", "wrong total").exit_code == 3  # 220 of 150
    assert training(run) == 450
    assert_state_matches_log(mixed)


def test_a_big_change_finds_an_id_repeated_across_files_and_forgets_it(run, data):
    """Thousands of new lines at once (a batch, a fresh clone) are looked at for
    repeated ids across all files in one pass: a repeat among them is found,
    and one that is gone is forgotten, as a whole-log read says."""
    p = data / "progress"
    first = [line(f"a{i}", "jobs.training", "2020-01-05", value=1) for i in range(3000)]
    second = [line(f"b{i}", "jobs.training", "2020-02-05", value=1) for i in range(3000)]
    write_lines(p / "2020-01.jsonl", *first)
    write_lines(p / "2020-02.jsonl", *second, line("a7", "jobs.training", "2020-02-06", value=5))
    assert_state_matches_log(data)
    assert "2020-02.jsonl:3001:" in run("check", code=3).stdout  # the id a7 again
    assert training(run, "2020-02-28") == 6000  # the repeated line does not count
    write_lines(p / "2020-02.jsonl", *second, line("b7000", "jobs.training", "2020-02-06", value=5),
                mode="w")  # fmt: skip
    assert_state_matches_log(data)
    run("check", code=0)
    assert training(run, "2020-02-28") == 6005


def test_editing_the_plan_rebuilds_the_state(run, mixed):
    assert training(run) == 450
    plan = mixed / "goals.toml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            'items = ["茅天新", "长石", "九塘"]', 'items = ["茅天新", "长石村", "九塘"]'
        ),
        encoding="utf-8",
    )
    state = assert_state_matches_log(mixed)
    assert "rural.eco-farm-bases: 长石" in state.unknown()


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
DAYS = st.sampled_from(["2019-12-30", "2020-01-05", "2020-03-05", "2020-03-05", "2021-02-01"])


@st.composite
def log_line(draw):
    batch = draw(st.sampled_from([None, None, "B1", "B2"]))
    if draw(st.integers(0, 6)) == 0:
        record = {"id": draw(IDS), "retracts": draw(IDS), "reason": "r", "by": "t",
                  "recorded_at": "2020-06-01T08:00:00Z"}  # fmt: skip
        if draw(st.booleans()):
            record["goal"] = draw(GOALS)
    else:
        record = {"id": draw(IDS), "goal": draw(GOALS), "date": draw(DAYS), "note": "", "by": "t",
                  "recorded_at": f"2020-0{draw(st.integers(1, 3))}-01T08:00:00Z"}  # fmt: skip
        record.update(draw(ENTRY_FIELDS))
    if batch:
        record["batch"] = batch
    return json.dumps(record, ensure_ascii=False) + "\n"


@contextlib.contextmanager
def bundled_plan_folder():
    """A temporary data folder: the bundled plan and an empty progress/ (a
    hypothesis example gets its own, which pytest's tmp_path cannot give)."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        shutil.copy(Path(__file__).parent.parent / "goals.toml", data / "goals.toml")
        (data / "progress").mkdir()
        yield data


def log_files(*, lines: int):
    """Up to four log files (three months, any may repeat), each of up to
    `lines` random lines."""
    name = st.sampled_from(["2020-01", "2020-03", "2020-12"])
    return st.lists(st.tuples(name, st.lists(log_line(), max_size=lines)), min_size=1, max_size=4)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    files=log_files(lines=8),
    commit=st.booleans(),
)
def test_check_from_the_state_says_what_the_whole_log_says(files, commit):
    """Any log — repeated ids, retractions of anything, unknown goals, wrong kinds,
    negative or fractional counts, dates before the plan or in the future, parts
    above their wholes, committed and cut-off batches, across files — is judged
    the same from the maintained state, built at once or file by file."""
    with bundled_plan_folder() as data:
        for name, lines in files:
            write_lines(data / "progress" / f"{name}.jsonl", *lines)
            assert_state_matches_log(data)  # the state grows with each file
        if commit:
            write_lines(data / "progress" / "2020-12.jsonl", '{"commit": "B1", "entries": 1}\n')
        assert_state_matches_log(data)


def file_facts(path: Path) -> dict:
    """What a log file's record says of its lines, worked out one line at a
    time from the file as read_log reads it: the reference for the state,
    which takes them a column at a time."""
    entries: list = []
    read_file(path, path.name, entries, [], set())
    dated = [e for e in entries if e.date is not None]
    keys = [(e.date.toordinal(), e.recorded_at, e.id) for e in dated]
    batches: dict = {}
    for e in entries:
        if e.batch:
            batches.setdefault(e.batch, [0, e.origin.line])[0] += 1
    parts: dict = {}
    for e in entries:
        goal = "\x00retractions" if e.op is Op.RETRACT else e.goal
        parts.setdefault(goal, []).append(compact(e) + ([e.goal] if e.op is Op.RETRACT else []))
    return {
        "dates": [min(k[0] for k in keys), max(k[0] for k in keys)] if keys else None,
        "order": (False if keys != sorted(keys) else list(keys[-1])) if keys else None,
        "tiny": any(e.value and -1e-4 < e.value < 1e-4 for e in entries),
        "batches": batches,
        "parts": {goal: [list(c) for c in zip(*lines)] for goal, lines in parts.items()},
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=log_files(lines=10), at_once=st.booleans())
def test_each_file_record_says_what_its_lines_say(files, at_once):
    """A file's record and parts, made a column at a time from its lines (at
    once, or as the file grows), hold what looking at each line gives: its
    date range, whether its dated lines stand in order, tiny values, each
    batch's count and first line, and each goal's compact lines."""
    with bundled_plan_folder() as data:
        progress = data / "progress"
        plan, _ = load_plan(DataDir(data))
        for name, lines in files:
            write_lines(progress / f"{name}.jsonl", *lines)
            if not at_once:
                open_state(progress, plan, str)
        state = open_state(progress, plan, str)
        for name, record in state.files.items():
            want = file_facts(progress / name)
            got = {key: getattr(record, key) for key in ("dates", "order", "tiny", "batches")}
            got["parts"] = {goal: [list(c) for c in state._part(name, goal)]
                            for goal in record.parts}  # fmt: skip
            assert got == want, name


def whole_history(data, goal_id: str, as_of: dt.date, lang: str) -> list[dict]:
    """`show`'s history as it was made before it was streamed: from the whole
    log, every entry of the goal dated up to as_of sorted at once, the running
    value stepped from the goal's start."""
    plan, _ = load_plan(DataDir(data))
    goal = plan.goal(goal_id)
    entries, _ = read_log(data / "progress", display=str)
    gone = {e.retracts for e in entries if e.op is Op.RETRACT and e.retracts}
    seen: set[str] = set()
    mine = []
    for e in entries:  # only the first line of an id counts
        if e.op is Op.RETRACT:
            continue
        repeat = e.id in seen
        seen.add(e.id)
        if e.goal == goal.id and e.date is not None and e.date <= as_of:
            mine.append((e, repeat))
    mine.sort(key=lambda pair: pair[0].sort_key)
    value, done = start_value(goal), frozenset(goal.start_items)
    rows = []
    for e, repeat in mine:
        after = None
        if e.id not in gone and not repeat and fits(goal, e):
            value, done = step(goal, value, done, e)
            after = value
        rows.append({"id": e.id, "date": e.date.isoformat(), "change": entry_change(e, lang),
                     "value": plain_number(after), "note": e.note, "by": e.by,
                     "retracted": e.id in gone})  # fmt: skip
    return rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    files=log_files(lines=10),
    commit=st.booleans(),
    goal=GOALS.filter(lambda g: g != "no.such-goal"),
    as_of=st.sampled_from(["2020-01-05", "2020-12-31", "2021-03-01"]),
    lang=st.sampled_from(["zh", "en"]),
)
def test_show_streams_the_history_the_whole_log_gives(files, commit, goal, as_of, lang):
    """`show --format json` writes its history a group of files at a time from
    the goal's parts: every row and value is what sorting the whole log at once
    gave — across files whose dates overlap, with retractions, repeated ids,
    cut-off batches, check-ins, totals, levels, checklists and entries after
    --as-of — and the text is the whole document's, byte for byte."""
    with bundled_plan_folder() as data:
        for name, lines in files:
            write_lines(data / "progress" / f"{name}.jsonl", *lines)
        if commit:
            write_lines(data / "progress" / "2020-12.jsonl", '{"commit": "B1", "entries": 1}\n')
        run = Run(data)
        result = run("show", goal, "--as-of", as_of, "--lang", lang, "--format", "json", code=0)
        document = json.loads(result.stdout)
        want = whole_history(data, goal, dt.date.fromisoformat(as_of), lang)
        assert dumps(document["history"]) == dumps(want)  # ints as ints, floats as floats
        assert result.stdout == dumps(document) + "\n"
        table = run("show", goal, "--as-of", as_of, "--lang", lang, code=0).stdout
        for row in want[-20:]:  # the table's rows are the same rows
            assert row["id"][:8] in table
