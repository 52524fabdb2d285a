"""A big `log --from-json` batch, streamed: read twice instead of held, and still
all or nothing with every check a single `log` gets — a bad entry at the very
end refuses it whole, duplicates and part-over-whole are found across the
batch and the log, a pipe reads like a file, a failure or a kill midway
leaves nothing that counts, and the state that absorbs it equals one built
from nothing."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import pytest

from tests.conftest import (
    KILLED,
    Run,
    ctrl_c_during_batch,
    posix_only,
    run_process,
    tracker_exe,
)
from tests.test_log_cache import assert_state_matches_log

COUNTS = ["jobs.training", "jobs.placement", "reform.transferred-enterprises"]


pytestmark = pytest.mark.usefixtures("english")  # these tests assert English messages


def batch_lines(n: int, *, start_day: int = 0, **fields) -> list[dict]:
    """n entries of value 1 over 290 days of 2020 and three count goals;
    placement only ever follows training, so no part exceeds its whole."""
    out = []
    for i in range(n):
        day = start_day + i * 290 // n
        month, dom = divmod(day, 25)
        goal = COUNTS[i % 3]
        record = {
            "goal": goal,
            "date": f"2020-{month + 1:02d}-{dom + 1:02d}",
            "value": 1,
            "note": f"第{i}批 " + "说明" * 20,
        }
        record.update(fields)
        out.append(record)
    return out


def as_jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def logged(data) -> list[dict]:
    found = []
    for path in sorted((data / "progress").glob("*.jsonl")):
        found += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return found


def current(run, goal: str) -> float:
    goals = run.json("status", "--as-of", "2020-12-31")["goals"]
    return next(g for g in goals if g["id"] == goal)["current"]


# A batch of this many entries (1.1 MiB) spans two reads of the input and 12 month files.
BIG = 5_500


@pytest.mark.parametrize("form", ["jsonl", "array"])
def test_a_bad_entry_at_the_very_end_refuses_a_big_batch_whole(run, data, tmp_path, form):
    run("log", "jobs.training", "5", "--date", "2020-01-02", code=0)
    before = {p.name: p.read_bytes() for p in (data / "progress").glob("*.jsonl")}
    records = batch_lines(BIG)
    records.append({"goal": "jobs.trainin", "date": "2020-11-01", "value": 1})
    path = tmp_path / f"batch.{form}"
    if form == "jsonl":
        path.write_text(as_jsonl(records), encoding="utf-8")
        last = BIG + 1
    else:
        path.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        text = path.read_text(encoding="utf-8")
        last = text[: text.rindex('"jobs.trainin"')].count("\n") + 1 - 1  # its opening brace
    result = run("log", "--from-json", str(path), code=3)
    assert re.search(rf"batch\.{form}:{last}: .*unknown goal 'jobs\.trainin'", result.stderr), (
        result.stderr
    )
    assert "nothing was written" in result.stderr
    assert {p.name: p.read_bytes() for p in (data / "progress").glob("*.jsonl")} == before


def test_a_big_batch_from_a_pipe_lands_whole_and_reads_back_the_same(data):
    records = batch_lines(BIG)
    del records[7]["note"]
    result = run_process(
        ["--data", str(data), "log", "--from-json", "-", "--format", "json"],
        input=as_jsonl(records).encode("utf-8"),
    )
    assert result.returncode == 0, result.stderr
    reported = json.loads(result.stdout)["entries"]
    lines = logged(data)
    commit = [x for x in lines if "commit" in x]
    written = [x for x in lines if "commit" not in x]
    assert len(reported) == len(written) == BIG and commit[0]["entries"] == BIG
    # The ids the batch made up (no entry brought one) are the same on every
    # read of the pipe's copy: what was reported is what was written.
    assert sorted(json.dumps(e, sort_keys=True) for e in reported) == sorted(
        json.dumps(e, sort_keys=True) for e in written
    )
    assert len({e["id"] for e in written}) == BIG
    run = Run(data)
    assert current(run, "jobs.training") == sum(r["goal"] == "jobs.training" for r in records)
    assert_state_matches_log(data)


def test_duplicate_ids_far_apart_in_a_batch_and_against_the_log(run, data, tmp_path):
    run("log", "--from-json", "-", input=json.dumps({"id": "abc123", "goal": "jobs.training",
                                                     "date": "2020-01-05", "value": 3}), code=0)  # fmt: skip
    records = batch_lines(BIG)
    records[10]["id"] = "twice-in-batch"
    records[BIG - 5]["id"] = "twice-in-batch"
    records[BIG // 2]["id"] = "abc123"
    path = tmp_path / "batch.jsonl"
    path.write_text(as_jsonl(records), encoding="utf-8")
    result = run("log", "--from-json", str(path), code=3)
    err = result.stderr
    assert re.search(rf"batch\.jsonl:{BIG - 4}: .*'twice-in-batch'.*batch\.jsonl:11", err), err
    assert re.search(rf"batch\.jsonl:{BIG // 2 + 1}: .*'abc123'.*2020-01\.jsonl:1", err), err
    assert "batch.jsonl: 2 bad entries: nothing was written" in err, err
    assert current(run, "jobs.training") == 3


def test_ids_that_spell_one_number_are_still_different_ids(run, data, tmp_path):
    """An id of 16 hex digits is hashed as the number it spells, so other
    spellings of that number ("0x…", "_" between digits) share its hash: a
    hit is checked against the real id, in the batch and against the log."""
    spellings = ["000000000000001f", "0x0000000000001f", "0000_00000000001f", "0000000000001F"]
    run("log", "--from-json", "-", input=json.dumps({"id": spellings[0], "goal": "jobs.training",
                                                     "date": "2020-01-05", "value": 3}), code=0)  # fmt: skip
    records = batch_lines(BIG)
    for i, spelled in enumerate(spellings[1:]):
        records[100 + i * 1000]["id"] = spelled
    path = tmp_path / "batch.jsonl"
    path.write_text(as_jsonl(records), encoding="utf-8")
    run("log", "--from-json", str(path), code=0)
    assert current(run, "jobs.training") == 3 + len(records[::3])
    assert_state_matches_log(data)
    assert run.json("check")["problems"] == []
    records = batch_lines(10)
    records[4]["id"] = spellings[2]  # now in the log: refused
    path.write_text(as_jsonl(records), encoding="utf-8")
    assert re.search(r"batch\.jsonl:5: .*'0000_00000000001f'.*already", run(
        "log", "--from-json", str(path), code=3).stderr)  # fmt: skip


def test_a_part_above_its_whole_across_the_batch_and_the_log(run, data, tmp_path):
    run("log", "jobs.training", "100", "--date", "2020-02-01", code=0)
    records = batch_lines(3000)  # placement follows training: fine on its own
    # … but these push placement past training on a day of their own (the entry
    # blamed is that day's latest: one of lines 3001-3003).
    records += [{"goal": "jobs.placement", "date": "2020-12-28", "value": 60}] * 3
    path = tmp_path / "batch.jsonl"
    path.write_text(as_jsonl(records), encoding="utf-8")
    result = run("log", "--from-json", str(path), code=3)
    assert re.search(r"batch\.jsonl:300[123]: .*jobs\.placement.*more than jobs\.training",
                     result.stderr), result.stderr  # fmt: skip
    assert current(run, "jobs.placement") == 0
    # Without them the batch lands, and the whole stays above its part.
    path.write_text(as_jsonl(records[:3000]), encoding="utf-8")
    run("log", "--from-json", str(path), code=0)
    assert current(run, "jobs.training") == 1100 and current(run, "jobs.placement") == 1000
    assert_state_matches_log(data)


def test_a_day_with_a_total_and_increments_and_retractions_in_one_batch(run, data, tmp_path):
    """Days whose entries' order matters are judged on their real entries."""
    run("log", "jobs.training", "500", "--date", "2020-03-01", code=0)
    first = logged(data)[0]["id"]
    records = batch_lines(2000)
    records += [
        {"id": "t1", "goal": "jobs.training", "date": "2020-03-02", "total": 900,
         "recorded_at": "2020-03-02T09:00:00Z"},
        {"id": "i1", "goal": "jobs.training", "date": "2020-03-02", "value": 40,
         "recorded_at": "2020-03-02T08:00:00Z"},  # before the total: overridden
        {"id": "i2", "goal": "jobs.training", "date": "2020-03-02", "value": 7,
         "recorded_at": "2020-03-02T10:00:00Z"},  # after it: counts
        {"id": "p1", "goal": "jobs.placement", "date": "2020-03-03", "value": 5},
        {"retracts": "p1", "reason": "typo"},
        {"retracts": first, "reason": "counted twice"},
    ]  # fmt: skip
    path = tmp_path / "batch.jsonl"
    path.write_text(as_jsonl(records), encoding="utf-8")
    said = run("log", "--from-json", str(path), "--format", "json", code=0)
    standing = {g["id"]: g["current"] for g in json.loads(said.stdout)["goals"]}
    # What the write says of each goal is what the log then holds.
    assert standing["jobs.training"] == current(run, "jobs.training")
    assert standing["jobs.placement"] == current(run, "jobs.placement")
    retractions = [x for x in logged(data) if "retracts" in x]
    assert {x["goal"] for x in retractions} == {"jobs.placement", "jobs.training"}
    assert_state_matches_log(data)
    # The same once more: every id is already in the log.
    assert "already in the log" in run("log", "--from-json", str(path), code=3).stderr


def test_a_log_total_recorded_between_a_batch_s_increments(run, data, tmp_path):
    """The batch's increments of a day are summed for the rules only where that
    gives what they do one by one: a total the log recorded between them
    overrides the earlier ones, so the day is judged on its real entries."""
    run("log", "--from-json", "-", input=json.dumps({"goal": "jobs.training", "date": "2020-04-01",
        "total": 100, "recorded_at": "2020-04-01T09:00:00Z"}), code=0)  # fmt: skip
    records = [
        {"goal": "jobs.training", "date": "2020-04-01", "value": 50,
         "recorded_at": "2020-04-01T08:00:00Z"},  # before the log's total: overridden
        {"goal": "jobs.training", "date": "2020-04-01", "value": 5,
         "recorded_at": "2020-04-01T10:00:00Z"},  # after it: training is 105, not 155
        {"goal": "jobs.placement", "date": "2020-04-02", "value": 130},
    ]  # fmt: skip
    path = tmp_path / "batch.jsonl"
    path.write_text(as_jsonl(records), encoding="utf-8")
    err = run("log", "--from-json", str(path), code=3).stderr
    assert (
        "batch.jsonl:3: jobs.placement would be 130 on 2020-04-02, more than jobs.training (105)"
        in err
    ), err
    records[-1]["value"] = 100
    path.write_text(as_jsonl(records), encoding="utf-8")
    run("log", "--from-json", str(path), code=0)
    assert current(run, "jobs.training") == 105
    assert_state_matches_log(data)


def test_a_batch_into_a_log_that_grows_keeps_the_state_exact(run, data, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(as_jsonl(batch_lines(6000)), encoding="utf-8")
    run("log", "--from-json", str(path), code=0)
    path.write_text(as_jsonl(batch_lines(6000, start_day=10)), encoding="utf-8")
    run("log", "--from-json", str(path), code=0)  # every month file grows
    run("log", "jobs.training", "3", "--date", "2020-05-05", code=0)
    assert_state_matches_log(data)
    assert current(run, "jobs.training") == 4003


def test_crlf_and_blank_lines_number_problems_as_before(run, data):
    good = json.dumps({"goal": "jobs.training", "date": "2020-03-01", "value": 1})
    text = "\r\n".join([good, "", good, '{"goal": "jobs.training", "date":', good]) + "\r\n"
    result = run("log", "--from-json", "-", input=text, code=3)
    assert "<stdin>:4:" in result.stderr and "<stdin>:3:" not in result.stderr
    # A form feed is a line break to a batch (as str.splitlines() has it).
    result = run("log", "--from-json", "-", input=good + "\f" + "junk\n" + good, code=3)
    assert "<stdin>:2:" in result.stderr
    text = "\r\n".join([good, "", good]) + "\r\n"
    assert "logged 2 entries" in run("log", "--from-json", "-", input=text, code=0).stdout


def test_a_line_separator_in_a_note_numbers_the_lines_after_it_as_before(run, data, tmp_path):
    """A batch's lines were always numbered by str.splitlines(), which breaks at
    U+2028 too: that numbering holds for every later read of the input."""
    first = {"goal": "jobs.training", "date": "2020-03-01", "value": 1, "note": "甲\u2028乙"}
    records = batch_lines(BIG) + [{"goal": "nope", "date": "2020-11-01", "value": 1}]
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps(first, ensure_ascii=False) + "\n" + as_jsonl(records), "utf-8")
    err = run("log", "--from-json", str(path), code=3).stderr
    assert "batch.jsonl:1: not JSON" in err and "batch.jsonl:2: not JSON" in err, err
    assert f"batch.jsonl:{BIG + 3}: unknown goal 'nope'" in err, err


def test_bytes_not_utf8_at_the_end_are_the_one_problem(run, data, tmp_path):
    records = batch_lines(BIG)
    records[3]["goal"] = "nope"  # not reported: the input is not text at all
    path = tmp_path / "batch.jsonl"
    path.write_bytes(as_jsonl(records).encode("utf-8") + '{"note": "乱码"}\n'.encode("gbk"))
    result = run("log", "--from-json", str(path), code=3)
    assert f"batch.jsonl:{BIG + 1}: " in result.stderr and "UTF-8" in result.stderr
    assert "nope" not in result.stderr
    assert not list((data / "progress").glob("*.jsonl"))


@posix_only
def test_a_size_limit_midway_cuts_every_file_back(data):
    run = Run(data)
    for _ in range(2):  # a March file bigger than the batch, so its copy fits the limit
        run("log", "jobs.training", "1", "--date", "2020-03-01", "--note", "长" * 2000, code=0)
    march = data / "progress" / "2020-03.jsonl"
    before = march.read_bytes()
    records = [{"goal": "jobs.training", "date": "2020-02-01", "value": 1}] * 10
    records += [{"goal": "jobs.training", "date": "2020-03-02", "value": 1, "note": "x" * 200}] * 20
    limit = len(before) + 1000  # February fits; March does not

    def limited():
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        tracker_exe() + ["--data", str(data), "log", "--from-json", "-"],
        input=as_jsonl(records).encode(), capture_output=True, preexec_fn=limited, timeout=60,
    )  # fmt: skip
    assert result.returncode == 3, result.stderr
    assert b"over the size limit" in result.stderr and b"Traceback" not in result.stderr
    assert march.read_bytes() == before
    assert not (data / "progress" / "2020-02.jsonl").exists()
    assert "no problems" in run("check", code=0).stdout


def test_a_writer_killed_mid_batch_from_a_pipe_leaves_nothing_that_counts(data):
    run = Run(data)
    run("log", "jobs.training", "100", "--date", "2020-01-05", code=0)
    sizes = {p.name: p.stat().st_size for p in (data / "progress").glob("*.jsonl")}
    payload = as_jsonl(batch_lines(60_000)).encode("utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--data", str(data), "log", "--from-json", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    proc.stdin.write(payload)
    proc.stdin.close()
    killed = False
    while proc.poll() is None:  # kill as soon as a month file has grown: mid-write
        if any(
            p.stat().st_size != sizes.get(p.name, 0) for p in (data / "progress").glob("*.jsonl")
        ):
            proc.kill()
            killed = True
            break
        time.sleep(0.0005)
    proc.wait()
    if not killed or proc.returncode != KILLED:
        pytest.skip("the writer finished before it could be killed")
    assert current(run, "jobs.training") == 100
    assert re.search(r"batch \w+ was cut off", run("check", code=3).stdout)
    assert_state_matches_log(data)
    run("log", "jobs.training", "7", "--date", "2020-12-20", code=0)
    assert current(run, "jobs.training") == 107


def test_a_dry_run_of_a_big_batch_writes_nothing_and_says_where_goals_would_stand(run, data):
    result = run("log", "--from-json", "-", "--dry-run", input=as_jsonl(batch_lines(3000)))
    assert result.exit_code == 0, result.stderr
    assert "jobs.training: 1,000" in result.stdout, result.stdout
    assert not list((data / "progress").glob("*.jsonl"))


def test_the_streamed_path_reports_as_the_whole_batch_did(run, data):
    """Every kind of problem at once, in line order, each as before."""
    lines = [
        json.dumps({"goal": "jobs.training", "date": "2020-03-01", "value": 2.5}),
        json.dumps({"goal": "jobs.training", "date": "2030-03-01", "value": 1}),
        json.dumps({"goal": "jobs.training", "date": "2020-03-01", "value": 999999}),
        json.dumps({"id": "same", "goal": "jobs.training", "date": "2020-03-01", "value": 1}),
        json.dumps({"id": "same", "goal": "jobs.training", "date": "2020-03-01", "value": 1}),
        json.dumps({"retracts": "nothing-like-it"}),
        json.dumps({"goal": "housing.three-supplies", "date": "2020-03-01", "value": 1}),
    ]
    err = run("log", "--from-json", "-", input="\n".join(lines), code=3).stderr
    found = [int(m) for m in re.findall(r"^<stdin>:(\d+):", err, flags=re.M)]
    assert found == sorted(found) and set(found) == {1, 2, 3, 5, 6, 7}, err
    assert "copy" in err.lower() or "same" in err  # line 5 repeats line 4 exactly


@posix_only
def test_ctrl_c_while_a_pipe_is_copied_exits_130(data):
    # it is copying the pipe, which never ends
    code, err = ctrl_c_during_batch(data, as_jsonl(batch_lines(100)).encode())
    assert code == 130, err
    assert b"Traceback" not in err
    assert not list((data / "progress").glob("*.jsonl"))


def test_a_batch_s_lines_are_the_stdlib_s_text_across_its_encoding_chunks(run, data, tmp_path):
    """A batch's lines are encoded many at a time; each is still exactly the
    text one line's encoding gives (the stdlib's: 1e-07 and 0.00001 as it
    writes them, DEL, C1 and U+2028 escaped), whatever chunk it falls in."""
    from tracker.jsontext import dumps

    run("log", "--from-json", "-", input=json.dumps({"id": "old1", "goal": "jobs.training",
                                                     "date": "2020-01-05", "value": 3}), code=0)  # fmt: skip
    records = batch_lines(2_500)
    odd = 'a\x1b[31m\x7f\x85\u2028\u2029\u202e 注\t"q"\\'
    readings = [1e-07, 0.00001, 1.5e-05, 12.25, 3e-08, 99.5, 0.1]
    for i in (0, 1023, 1024, 1025, 2047, 2048, 2499):
        records[i]["note"] = odd + str(i)
    for n, i in enumerate(range(4, 2_500, 354)):  # placements, so no part passes its whole
        records[i] = {"goal": "finance.general-spending-cut", "date": "2020-03-05",
                      "value": readings[n % len(readings)], "note": odd}  # fmt: skip
    records[1500] = {"retracts": "old1", "reason": "错\x9b" + odd}  # learns its goal
    records[1600] = {"id": "mine", "goal": "jobs.placement", "date": "2020-06-01", "value": 1}
    records[1700] = {"goal": "jobs.placement", "retracts": "mine", "reason": "\u2028"}
    path = tmp_path / "batch.jsonl"
    # \\u escapes in the input: a raw U+2028 would end a JSON Lines line there.
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run("log", "--from-json", str(path), code=0)
    lines = []
    for month in sorted((data / "progress").glob("*.jsonl")):
        lines += month.read_bytes().splitlines(keepends=True)
    assert len(lines) == 2 + len(records) + 1  # each batch ends with its commit line
    for raw in lines:
        assert raw == (dumps(json.loads(raw)) + "\n").encode("utf-8")
    text = b"".join(lines).decode("utf-8")
    assert "1e-07" in text and "1e-05" in text and "\\u2028" in text and "\\u007f" in text
    written = [json.loads(raw) for raw in lines]
    assert next(r for r in written if r.get("retracts") == "old1")["goal"] == "jobs.training"
    assert_state_matches_log(data)
