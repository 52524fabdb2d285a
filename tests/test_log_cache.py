"""The log cache (progress/.cache/) never answers otherwise than the whole log
read from scratch: its invariant, stated once in tracker/storage/logcache and
tested here as a property over every query it answers (the write path's
included) and over real commands with the cache and without it — then the
ways a log changes under a cache (appends in the same second, other
processes, merges that rewrite a file, racy rewrites, torn tails), the ways
a cache goes wrong (damaged, foreign, edited, cloned, another plan), and how
its lines are read (a column at a time, or line by line)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Run, run_process
from tests.wholelog import (
    GOALS,
    IDS,
    VERIFYING,
    WholeLog,
    bundled_plan_folder,
    line,
    log_files,
    log_line,
    plain_line,
    write_lines,
)
from tracker.jsontext import dumps
from tracker.loader import load_plan
from tracker.model import ABOUT_OPS, Entry, Op
from tracker.rules.entries import ListLog, check_log, write_problems
from tracker.storage.datadir import DataDir
from tracker.storage.journal import read_file
from tracker.storage.logcache import FORMAT
from tracker.storage.logcache import open_cache as open_state
from tracker.storage.logcache.disk import INDEX_FILE
from tracker.storage.logcache.freshness import token
from tracker.storage.logcache.layout import ABOUT_PART, compact
from tracker.storage.logcache.reading import _line_by_line, read_lines
from tracker.storage.logcache.trust import seal, unseal
from tracker.writes import standing

STATE = ("progress", ".cache", INDEX_FILE)
CACHE = STATE
TODAY = dt.date(2020, 12, 31)
DAYS_ASKED = (None, dt.date(2020, 1, 1), dt.date(2020, 3, 5), dt.date(2021, 1, 1))


# ── the invariant, over every query ──────────────────────────────────────────


def assert_state_matches_log(data):
    """Every answer of the cache, on the same questions, equals the whole log's."""
    whole = WholeLog(data)
    plan = whole.plan
    state = open_state(data / "progress", plan, str)
    # `tracker check` (alike, sharing_ids, retractions_and_targets, series, counting)
    assert check_log(plan, state, today=TODAY) == check_log(plan, ListLog(plan, whole.lines),
                                                            today=TODAY)  # fmt: skip
    got_figures, want_figures = state.figures(), whole.figures()
    for goal in plan.goals:
        want, got = want_figures[goal.id], got_figures[goal.id]
        assert (got.by_verified, got.awaiting) == (want.by_verified, want.awaiting), goal.id
        for one, other in ((got.reported, want.reported), (got.verified, want.verified)):
            assert (one is None) == (other is None), goal.id
            if one is not None:
                assert (one.days, one.values, one.items, one.entry_days) == (
                    other.days, other.values, other.items, other.entry_days,
                ), goal.id  # fmt: skip
    assert [(p.file, p.line, p.code) for p in state.problems()] == [
        (p.file, p.line, p.code) for p in whole.problems()
    ]
    assert state.unknown() == whole.unknown()
    got, want = state.decisions(), whole.decisions()
    assert (got.verified, got.returned, got.verdict_of) == (want.verified, want.returned,
                                                            want.verdict_of)  # fmt: skip
    # (a hint for the JSON writer: it may say no where only a cut-off line has a tiny value)
    assert whole.plain_floats() or not state.plain_floats()
    assert state.retractions() == whole.retractions()
    assert state.shadowed() == whole.shadowed()
    assert state.find({f"e{i}" for i in range(0, 12, 3)}) == whole.find(
        {f"e{i}" for i in range(0, 12, 3)}
    )
    hashes = sorted({h for e in whole.lines for h in [_hash(e.id)]} | {1, 2**63})
    assert state.hashes_held(hashes) == whole.hashes_held(hashes)
    for goal_id in (None, *(g.id for g in plan.goals[:6])):
        for since, until in ((None, None), (DAYS_ASKED[1], DAYS_ASKED[2]), (DAYS_ASKED[2], None)):
            asked = dict(goal=goal_id, since=since, until=until)
            assert state.entries(**asked) == whole.entries(**asked), asked
            marks = {e.about: e.id for e in whole.retractions() if e.about}
            records = [r for group in state.record_groups(**asked, marks=marks) for r in group]
            assert records == whole.records(**asked), asked
            listed = []
            for group in state.listed_lines(**asked):
                c = group.columns
                fields = (c.ids, c.goals, c.days, c.ops, c.values, c.items, c.recorded_ats,
                          c.notes, c.bys, c.abouts, c.reasons, c.batches, c.verdicts, c.offices,
                          c.evidence, c.next_steps, c.next_bys, c.lines)  # fmt: skip
                listed += [tuple(field[at] for field in fields) for at in group.order]
            assert listed == whole.listed_lines(**asked), asked
            if goal_id is not None:
                lines = []
                for group in state.goal_lines(goal_id, since=since, until=until):
                    c = group.columns
                    lines += [(i, d, v, n, at in group.repeats) for at, (i, d, v, n) in
                              enumerate(zip(c.ids, c.days, c.values, c.lines))]  # fmt: skip
                assert lines == whole.goal_lines(goal_id, since=since, until=until), asked
    for day in DAYS_ASKED[1:]:
        for goal in plan.goals:  # what `show` says of the entries before its latest rows
            assert state.count(goal.id, before=day) == whole.count(goal.id, before=day)
    return state


def _hash(entry_id: str) -> int:
    from tracker.storage.logcache.ids import id_hash

    return id_hash(entry_id)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=log_files(lines=8), commit=st.booleans(), at_once=st.booleans(), verifying=VERIFYING)
def test_every_answer_of_the_cache_is_the_whole_logs(files, commit, at_once, verifying):
    """Any log — repeated ids, retractions of anything, unknown goals, wrong kinds,
    negative or fractional counts, dates before the plan or in the future, parts
    above their wholes, committed and cut-off batches, damaged lines, across
    files, verdicts counting or not, either figure deciding — gets the same
    answer to every question from the cache, made at once or file by file as
    the log grows."""
    with bundled_plan_folder(verifying) as data:
        for name, lines in files:
            write_lines(data / "progress" / f"{name}.jsonl", *lines)
            if not at_once:
                assert_state_matches_log(data)  # the cache grows with each file
        if commit:
            write_lines(data / "progress" / "2020-12.jsonl", '{"commit": "B1", "entries": 1}\n')
        assert_state_matches_log(data)


NEW = st.lists(
    st.tuples(GOALS, st.sampled_from(["2020-01-05", "2020-03-05", "2020-03-06"]),
              st.sampled_from([{"value": 5}, {"value": 900}, {"value": 2, "total": True},
                               {"done": True}, {"items": ["长石"]}, {}])),
    min_size=1, max_size=3,
)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=log_files(lines=8), new=NEW, retract=st.one_of(st.none(), IDS), same_id=st.booleans())
def test_the_write_rules_judge_by_the_cache_as_by_the_whole_log(files, new, retract, same_id):
    """What the cache gives the write rules (write_context) stands in for the
    whole log: the same problems for any new entries, and the same standing
    of each goal they touch."""
    with bundled_plan_folder() as data:
        for name, lines in files:
            write_lines(data / "progress" / f"{name}.jsonl", *lines)
        whole = WholeLog(data)
        plan = whole.plan
        made = []
        for i, (goal, day, fields) in enumerate(new):
            op = Op.CHECKIN
            if "value" in fields:
                op = Op.TOTAL if fields.get("total") else Op.VALUE
            elif "done" in fields:
                op = Op.DONE
            elif "items" in fields:
                op = Op.ITEMS
            made.append(Entry("e1" if same_id and not i else f"new{i}", goal,
                              dt.date.fromisoformat(day), op, "2020-06-01T09:00:00Z",
                              fields.get("value"), tuple(fields.get("items", ()))))  # fmt: skip
        if retract is not None:
            made.append(Entry("newr", "", dt.date(2020, 6, 1), Op.RETRACT,
                              "2020-06-01T09:00:00Z", about=retract))  # fmt: skip
        context = open_state(data / "progress", plan, str).write_context(made)
        problems = write_problems(plan, context, made, today=TODAY, force=True)
        want = write_problems(plan, whole.lines, made, today=TODAY, force=True)
        assert [p.text("en") for p in problems] == [p.text("en") for p in want]
        if not problems:
            for goal in {e.goal for e in made if e.goal and plan.goal(e.goal)}:
                got = standing(plan, context + made, goal, TODAY)
                want = standing(plan, whole.lines + made, goal, TODAY)
                assert (got.current, got.state, got.items_done) == (
                    want.current, want.state, want.items_done,
                ), goal  # fmt: skip


COMMANDS = (
    ("status", "--as-of", "2020-06-30"),
    ("alerts", "--as-of", "2020-06-30"),
    ("show", "jobs.training", "--as-of", "2020-12-31"),
    ("show", "rural.eco-farm-bases", "--as-of", "2020-12-31"),
    ("entries", "--since", "2020-01-01"),
    ("summary", "--since", "2020-03-01", "--until", "2020-03-07"),
    ("check",),
)
PLAN_EDITS = (
    ("", ""),
    ("target = 3000\n", "target = 3000\nstart_value = 40\n"),
    (
        'items = ["茅天新", "长石", "九塘"]',
        'items = ["茅天新", "长石村", "九塘"]\nstart_items = ["茅天新"]',
    ),
    ('kind = "milestone"', 'kind = "milestone"\nupdate_every = "weekly"'),
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=log_files(lines=6), edit=st.sampled_from(PLAN_EDITS), warm=st.booleans())
def test_no_command_says_otherwise_with_the_cache_deleted(files, edit, warm):
    """Over random logs and plan edits made after the cache was kept, every
    reading command's output (JSON, and check's) is the same with the cache as
    with the cache deleted."""
    with bundled_plan_folder() as data:
        for name, lines in files:
            write_lines(data / "progress" / f"{name}.jsonl", *lines)
        run = Run(data)
        if warm:
            for command in COMMANDS:
                run(*command, "--format", "json")
        plan = data / "goals.toml"
        plan.write_text(plan.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
        kept = [run(*command, "--format", "json") for command in COMMANDS]
        for command, result in zip(COMMANDS, kept):
            shutil.rmtree(data / "progress" / ".cache", ignore_errors=True)
            again = run(*command, "--format", "json")
            assert (again.exit_code, again.stdout, again.stderr) == (
                result.exit_code, result.stdout, result.stderr,
            ), command  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(st.one_of(plain_line(), plain_line(), plain_line(), log_line(),
                                 st.just('{"commit": "B1", "entries": 1}\n')), max_size=14),
       first=st.integers(1, 4), tail=st.booleans())  # fmt: skip
def test_lines_read_a_column_at_a_time_are_the_lines_read_one_by_one(lines, first, tail):
    """A file's lines read together (the common shape checked a field at a time)
    give exactly the entries, problems and commits that reading each line
    with the per-line reader gives, in the same order."""
    data = "".join(lines).encode("utf-8")
    if tail:
        data += b'{"id": "x", "goal": "jobs.tr'  # a writer killed mid-line
    got, want = read_lines(data, "f.jsonl", first), _line_by_line(data, "f.jsonl", first)
    assert got.columns == want.columns
    assert [p.text("en") for p in got.problems] == [p.text("en") for p in want.problems]
    assert got.commits == want.commits


# ── what a log goes through under a cache ────────────────────────────────────


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
    plan = WholeLog(mixed).plan
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
        data = unseal(path.read_bytes()).decode("utf-8")
        assert edit(data) != data  # (the damage is really done)
        path.write_bytes(seal(edit(data).encode("utf-8")))

    return damage


def edited_in_place(path: Path) -> None:
    """A summed value changed in the index as it stands, its seal left as it was."""
    data = path.read_bytes()
    assert b'"values":[450' in data
    path.write_bytes(data.replace(b'"values":[450', b'"values":[999'))


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s.write_text("not json", encoding="utf-8"),
        resealed(lambda t: t.replace('"files":{', '"files":{"2020-01.jsonl":1,')),
        resealed(lambda t: t.replace(f'"format":{FORMAT}', '"format":3')),
        resealed(lambda t: t.replace('"version":"', '"version":"0.0.0-')),
        edited_in_place,
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


def test_check_says_when_the_cache_was_not_made_here(run, mixed):
    """`check` reads every log file's bytes (no stat believed) and says when the
    cache it found was not this machine's for this log; the log is fine."""
    assert training(run) == 450
    edited_in_place(mixed.joinpath(*STATE))
    result = run("check", "--lang", "en")
    assert "was not made here from this log" in result.stderr
    assert "was not made here" not in run("check", "--lang", "en").stderr  # made anew


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=folder, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def test_a_cache_committed_by_mistake_is_not_believed_in_a_clone(run, mixed, tmp_path):
    """A cache that came with a clone — even one edited and sealed again with
    this very user's key — was made for another folder: the clone's figures
    are its log's."""
    assert training(run) == 450
    git(mixed, "init", "-q")
    git(mixed, "add", "-A")
    git(mixed, "add", "-f", "progress/.cache")
    git(mixed, "commit", "-q", "-m", "plan, log and (by mistake) the cache")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(mixed), str(clone))
    index = clone.joinpath(*STATE)
    assert index.exists()
    resealed(lambda t: t.replace('"values":[450', '"values":[999'))(index)
    assert "was not made here" in Run(clone)("check", "--lang", "en").stderr
    git(clone, "checkout", "-q", "--", "progress/.cache")  # the committed cache again
    resealed(lambda t: t.replace('"values":[450', '"values":[999'))(index)
    assert training(Run(clone)) == 450


def test_a_goal_that_starts_otherwise_is_summed_again(run, mixed):
    """A plan edit to how a goal starts (a carried count's start value) is seen
    at once by a warm cache."""

    def placement():
        document = run.json("status", "--as-of", "2020-12-31")
        return next(g for g in document["goals"] if g["id"] == "jobs.placement")["current"]

    assert placement() == 120
    plan = mixed / "goals.toml"
    text = plan.read_text(encoding="utf-8")
    at = text.index('id = "jobs.placement"')
    edited = text[:at] + text[at:].replace(
        "target = 1500\n", "target = 1500\nstart_value = 40\n", 1
    )
    plan.write_text(edited, encoding="utf-8")
    assert placement() == 160
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


def test_a_tiny_value_of_a_cut_off_batch_is_not_in_the_log_until_committed(data):
    """Whether a value JSON encoders write otherwise (below 1e-4) is in the log
    is asked of the lines as read: a cut-off batch's are not, until its commit
    line comes (read whole, and as the file grows)."""
    p = data / "progress"
    write_lines(p / "2020-01.jsonl", line("a1", "jobs.training", "2020-01-05", value=1),
                line("a2", "finance.general-spending-cut", "2020-01-05", value=5e-05,
                     batch="B1"))  # fmt: skip
    assert assert_state_matches_log(data).plain_floats()
    write_lines(p / "2020-01.jsonl", json.dumps({"commit": "B1", "entries": 1}) + "\n")
    assert not assert_state_matches_log(data).plain_floats()


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


def test_a_back_dated_increment_moves_the_later_days_the_write_rules_see(run, data):
    """The days a write's rules do not read line by line stand in as what they
    do, not as the value they came to: an increment dated before them still
    lifts them, so a part it would put above its whole on a later day is
    refused, and where the goal stands after a write counts every day."""
    run("log", "jobs.training", "100", "--date", "2020-01-01", code=0)
    run("log", "jobs.training", "10", "--date", "2020-03-01", code=0)
    run("log", "jobs.placement", "110", "--date", "2020-03-05", code=0)
    refused = run("log", "jobs.placement", "5", "--date", "2020-01-05", "--lang", "en")
    assert refused.exit_code == 3 and "jobs.training" in refused.stderr
    written = run("log", "jobs.training", "5", "--date", "2020-02-01", "--lang", "en", code=0)
    assert "115/3,000" in written.stdout
    assert training(run) == 115
    assert_state_matches_log(data)


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


# ── the cache's own files ────────────────────────────────────────────────────


def settle(data):
    """Wait until every log file is older than the racy window (its ctime cannot
    be set back, so the test waits as a user's next command would)."""
    from tracker.storage.logcache.freshness import RACY_SECONDS

    files = [data / "goals.toml", *(data / "progress").glob("*.jsonl")]
    newest = max(max(p.stat().st_mtime, p.stat().st_ctime) for p in files)
    time.sleep(max(0.0, newest + RACY_SECONDS + 0.05 - time.time()))


@pytest.fixture
def cached(run, data):
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    run("log", "jobs.training", "200", "--date", "2020-04-01", code=0)
    settle(data)
    assert training(run) == 300
    assert data.joinpath(*CACHE).exists()
    return run


def test_cache_serves_the_same_answer_as_the_log(cached, data):
    with_cache = cached.json("status", "--as-of", "2020-06-30")
    data.joinpath(*CACHE).unlink()
    assert cached.json("status", "--as-of", "2020-06-30") == with_cache
    assert cached.json("alerts", "--as-of", "2020-06-30")["alerts"]


def test_an_append_is_seen_at_once(cached, data):
    cached("log", "jobs.training", "5", "--date", "2020-04-01", code=0)  # same file, same second
    assert training(cached) == 305
    settle(data)
    cached("log", "jobs.training", "7", "--date", "2020-05-01", code=0)  # a new month file
    assert training(cached) == 312


@pytest.mark.parametrize("verify", ["", "always"], ids=["stat", "content, as on Windows"])
def test_a_rewrite_keeping_size_and_mtime_is_seen(cached, data, monkeypatch, verify):
    """A copy over a month file (Explorer, robocopy, a backup restored) keeps
    its size and puts its modified time back. Here the change time tells; on
    Windows it cannot (st_ctime is the creation time before Python 3.12), so
    there every file is checked by its bytes — what TRACKER_VERIFY_LOG=always
    asks for everywhere, and how this simulates it."""
    monkeypatch.setenv("TRACKER_VERIFY_LOG", verify)
    path = data / "progress" / "2020-04.jsonl"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"value":200', '"value":900'), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert training(cached) == 1000


def test_a_file_replaced_by_a_merge_is_seen(cached, data):
    path = data / "progress" / "2020-03.jsonl"
    record = json.loads(path.read_text(encoding="utf-8"))
    other = dict(record, id="feedbeeffeedbeef", value=50)
    replacement = path.with_suffix(".new")
    replacement.write_text(json.dumps(record) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    os.replace(replacement, path)  # what git does when it checks out a merged file
    assert training(cached) == 350


def test_deleting_the_cache_or_a_log_file(cached, data):
    data.joinpath(*CACHE).unlink()
    assert training(cached) == 300
    (data / "progress" / "2020-04.jsonl").unlink()
    assert training(cached) == 100


def test_a_damaged_cache_is_ignored(cached, data):
    data.joinpath(*CACHE).write_text('{"key": {"format": 1}, "series": [', encoding="utf-8")
    assert training(cached) == 300
    data.joinpath(*CACHE).write_text("not json at all", encoding="utf-8")
    assert training(cached) == 300


def test_a_racy_state_is_verified_by_digest(run, data):
    """Stored right after a write, while the log file is racy: a same-size
    rewrite in the same timestamp tick is still seen (its digest differs)."""
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    assert training(run) == 100
    assert data.joinpath(*CACHE).exists()
    path = data / "progress" / "2020-03.jsonl"
    before = path.stat()
    path.write_text(
        path.read_text(encoding="utf-8").replace('"value":100', '"value":700'), encoding="utf-8"
    )
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert training(run) == 700


def test_editing_the_plan_is_seen(cached, data):
    cached("log", "rural.eco-farm-bases", "--item", "长石", "--date", "2020-05-01", code=0)
    settle(data)
    assert farms(cached) == 1  # and the cache now holds that series
    plan = data / "goals.toml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace('items = ["茅天新", "长石", "九塘"]', 'items = ["茅天新", "长石村", "九塘"]'),
        encoding="utf-8",
    )
    assert farms(cached) == 0  # the entry names an item the plan no longer has


def farms(run):
    document = run.json("status", "--as-of", "2020-12-31")
    return next(g for g in document["goals"] if g["id"] == "rural.eco-farm-bases")["current"]


def test_cache_is_ignored_by_git(cached, data):
    ignore = data / "progress" / ".cache" / ".gitignore"
    assert "*" in ignore.read_text(encoding="utf-8").splitlines()


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
        about = e.op in ABOUT_OPS
        goal = ABOUT_PART if about else e.goal
        parts.setdefault(goal, []).append(compact(e) + ([e.goal] if about else []))
    return {
        "dates": [min(k[0] for k in keys), max(k[0] for k in keys)] if keys else None,
        "order": (False if keys != sorted(keys) else list(keys[-1])) if keys else None,
        "tiny": list(dict.fromkeys(e.batch for e in entries if e.value and -1e-4 < e.value < 1e-4)),
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
        want = WholeLog(data).history(goal, dt.date.fromisoformat(as_of), lang)
        assert dumps(document["history"]) == dumps(want)  # ints as ints, floats as floats
        assert result.stdout == dumps(document) + "\n"
        table = run("show", goal, "--as-of", as_of, "--lang", lang, code=0).stdout
        for row in want[-20:]:  # the table's rows are the same rows
            assert row["id"][:8] in table
