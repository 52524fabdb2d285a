"""What tracker guarantees (the README's list, with test_durability.py): nothing
a file, a batch, a plan or the machine does gets an internal error or hides an
entry. Real files, real processes and real OS limits (ulimit, a read-only
mount, a full file system); no mocks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import (
    MINI,
    REPO,
    Run,
    ctrl_c_during_batch,
    goal_status,
    mount_or_skip,
    posix_only,
    symlink_or_skip,
    tracker_exe,
    windows_only,
    with_bundled_plan,
    write_plan,
)

pytestmark = pytest.mark.usefixtures("english")  # these tests assert English messages


GOOD = {
    "id": "good0001",
    "goal": "jobs.training",
    "date": "2020-03-01",
    "value": 100,
    "note": "",
    "by": "x",
    "recorded_at": "2020-03-01T00:00:00Z",
}


def good_line(**changes) -> str:
    return json.dumps(dict(GOOD, **changes), ensure_ascii=False)


def training(run: Run, as_of="2020-03-31"):
    return goal_status(run, "jobs.training", as_of)["current"]


def entries_file(data: Path) -> Path:
    return data / "progress" / "2020-03.jsonl"


# ── reading never fails as a whole ───────────────────────────────────────────

HOSTILE = {
    "beyond a float": good_line(id="h1").replace('"value": 100', '"value": 1e999'),
    "a 400-digit integer": good_line(id="h2").replace('"value": 100', '"value": ' + "9" * 400),
    "just beyond a float": good_line(id="h9").replace('"value": 100', f'"value": {2**1024 - 1}'),
    "true as a value": good_line(id="h10").replace('"value": 100', '"value": true'),
    "a 5000-digit integer": good_line(id="h3").replace('"value": 100', '"value": ' + "9" * 5000),
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "deep nesting in a field": good_line(id="h4").replace('"note": ""', '"note": ' + "[" * 50_000),
    "NaN": good_line(id="h5").replace('"value": 100', '"value": NaN'),
    "-Infinity": good_line(id="h6").replace('"value": 100', '"value": -Infinity'),
    "a lone surrogate": good_line(id="h7").replace('"note": ""', '"note": "\\ud800!"'),
    "a surrogate in a key": good_line(id="h8").replace('"note": ""', '"\\udfff": 1'),
    "a list": "[1, 2, 3]",
    "random bytes": "\x00\x01 \x7f ~~~",
}  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_line_is_one_located_problem(run, data, text):
    path = entries_file(data)
    path.write_text(good_line() + "\n" + text + "\n", encoding="utf-8")
    check = run("check", code=3)
    assert "2020-03.jsonl:2:" in check.stdout and "1 problem" in check.stdout, check.stdout
    json.loads(run("check", "--format", "json", code=3).stdout)
    assert training(run) == 100  # the good line still counts …
    run("log", "jobs.training", "5", "--date", "2020-03-02", code=0)  # … and log still appends
    assert training(run) == 105
    for args in (["entries", "--format", "json"], ["summary", "--as-of", "2020-03-31",
                 "--format", "html"], ["show", "jobs.training", "--as-of", "2020-03-31"]):  # fmt: skip
        run(*args, code=0)


def test_values_near_a_floats_limit_never_sum_to_infinity(run, data):
    """Two increments just below a float's limit would sum to infinity: a value
    beyond 10^15 is a located problem that does not count, so every output
    stays finite, and a warm command says what the first one said."""
    huge = 2**1023  # a finite float; twice it is not
    path = entries_file(data)
    path.write_text(
        "".join(good_line(id=f"x{i}", value=huge) + "\n" for i in range(2))
        + good_line(id="tiny", goal="finance.general-spending-cut", value=0.00001)
        + "\n",  # a float orjson writes otherwise: the stdlib writes the document
        encoding="utf-8",
    )
    first = run("status", "--as-of", "2020-03-31", "--format", "json", code=0).stdout
    again = run("status", "--as-of", "2020-03-31", "--format", "json", code=0).stdout
    assert first == again and "Infinity" not in first and "NaN" not in first
    assert training(run) == 0
    check = run("check", code=3).stdout
    for line in (1, 2):
        assert f"2020-03.jsonl:{line}: value 8.98847e+307 is beyond what tracker records" in check
    for args in (["show", "jobs.training"], ["summary"], ["alerts"], ["entries"]):
        out = run(*args, "--as-of", "2020-03-31", "--format", "json", code=0).stdout
        assert "Infinity" not in out and "NaN" not in out
        json.loads(out)
    refused = run("log", "jobs.training", str(10**16), "--force", code=3).stderr
    assert "value 1e+16 is beyond what tracker records (at most 1e+15 either way)" in refused


def test_a_line_in_gbk_is_an_encoding_problem(run, data):
    entries_file(data).write_bytes(
        (good_line() + "\n").encode() + (good_line(id="g2", note="中文") + "\n").encode("gbk")
    )
    out = run("check", code=3).stdout
    assert "2020-03.jsonl:2: this line is not UTF-8 (GBK, perhaps)" in out
    assert training(run) == 100


def test_text_from_the_log_never_breaks_output(run, data):
    """Control characters and bidi marks reach every output inert."""
    note = "\x1b[31m红\x9b\u202e\x00 <b>&"
    entries_file(data).write_text(good_line(note=note) + "\n", encoding="utf-8")
    for fmt in ("table", "json", "csv"):
        out = run("entries", "--format", fmt, code=0).stdout
        assert "\x1b" not in out and "\x9b" not in out and "\x00" not in out
    html = run("summary", "--as-of", "2020-03-05", "--format", "html", code=0).stdout
    assert "<b>&" not in html and "\x1b" not in html


# ── a batch is exactly one thing ─────────────────────────────────────────────

ENTRY = {"goal": "jobs.training", "date": "2020-03-01", "value": 10}
BATCHES = {
    "array then text": (json.dumps([ENTRY]) + "\ntrailing", 2),
    "two arrays": (json.dumps([ENTRY]) + "\n" + json.dumps([ENTRY]), 2),
    "array then an object": (json.dumps([ENTRY]) + "\n\n" + json.dumps(ENTRY), 3),
    "lines then an array": (json.dumps(ENTRY) + "\n" + json.dumps([ENTRY]), 2),
    "two objects on a line": (json.dumps(ENTRY) + json.dumps(ENTRY), 1),
    "NaN in a batch": (json.dumps(ENTRY).replace("10", "NaN"), 1),
    "deep nesting in a batch": ("[" * 100_000, 1),
}


@pytest.mark.parametrize("text, line", BATCHES.values(), ids=BATCHES.keys())
def test_a_batch_that_is_not_one_thing_is_refused_whole(run, data, text, line):
    result = run("log", "--from-json", "-", input=text, code=3)
    assert f"<stdin>:{line}:" in result.stderr, result.stderr
    assert "nothing was written" in result.stderr
    assert not list((data / "progress").glob("*.jsonl"))


def test_a_batch_saved_with_a_bom_is_read(run, data, tmp_path):
    batch = tmp_path / "batch.json"
    batch.write_bytes(b"\xef\xbb\xbf" + json.dumps([ENTRY]).encode())
    run("log", "--from-json", str(batch), code=0)
    assert training(run) == 10


# ── writes stay inside the data folder ───────────────────────────────────────


def test_a_log_file_linked_outside_is_refused_and_reported(run, data, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me\n", encoding="utf-8")
    symlink_or_skip(data / "progress" / "2020-03.jsonl", outside)
    result = run("log", "jobs.training", "5", "--date", "2020-03-02", code=3)
    assert "symbolic link" in result.stderr
    assert outside.read_text(encoding="utf-8") == "keep me\n"
    assert "2020-03.jsonl: this is a symbolic link" in run("check", code=3).stdout


def test_a_lock_linked_outside_is_never_written_through(run, data, tmp_path):
    outside = tmp_path / "precious"
    outside.write_text("data\n", encoding="utf-8")
    symlink_or_skip(data / "progress" / ".lock", outside)
    run("log", "jobs.training", "5", "--date", "2020-03-02", code=3)
    assert outside.read_text(encoding="utf-8") == "data\n"
    assert ".lock: this is a symbolic link" in run("check", code=3).stdout


def test_a_cache_linked_outside_is_neither_read_nor_written(run, data, tmp_path):
    outside = tmp_path / "cache-elsewhere"
    outside.mkdir()
    symlink_or_skip(data / "progress" / ".cache", outside, directory=True)
    entries_file(data).write_text(good_line() + "\n", encoding="utf-8")
    old = time.time() - 10  # old enough for the cache to be stored, were it allowed
    os.utime(entries_file(data), (old, old))
    assert training(run) == 100
    assert list(outside.iterdir()) == []


# ── the plan refuses what cannot be tracked ──────────────────────────────────

PLANS = {
    "NaN target": ("target = 3000\n", "target = nan\n", 21, "'target' must be a finite number"),
    "infinite target": ("target = 3000\n", "target = inf\n", 21, "'target' must be a finite"),
    "zero target": ("target = 3000\n", "target = 0\n", 21, "a count target must be above zero"),
    "negative target": ("target = 3000\n", "target = -5\n", 21, "a count target must be above"),
    "non-finite checkpoint": (
        "target = 3000\n",
        "target = 3000\ntrajectory = [{date = 2020-06-30, value = nan}]\n",
        22,
        "'trajectory' must be a finite number",
    ),
    "no such time zone": ('timezone = "Asia/Shanghai"', 'timezone = "Asia/Shangri-La"', 7,
                          "unknown time zone 'Asia/Shangri-La'"),
}  # fmt: skip


@pytest.mark.parametrize("old, new, line, message", PLANS.values(), ids=PLANS.keys())
def test_the_plan_refuses_what_cannot_be_tracked(run, data, old, new, line, message):
    write_plan(data, MINI.replace(old, new, 1))
    out = run("check", code=3).stdout
    assert f"goals.toml:{line}: {message}" in out, out
    assert "NaN" not in run("check", "--format", "json", code=3).stdout


def test_a_level_baseline_must_be_finite_and_not_negative(run, data):
    level = MINI.replace(
        'kind = "count"\ntarget = 3000\nunit = "人"',
        'kind = "level"\ntarget = 10\nunit = "%"\nbaseline = -1\ndirection = "at_least"',
        1,
    ).replace('part_of = "jobs.training"\n', "")
    write_plan(data, level)
    assert "goals.toml:23: 'baseline' must not be negative" in run("check", code=3).stdout


def test_goals_toml_saved_with_a_bom_is_read(run, data):
    (data / "goals.toml").write_bytes(b"\xef\xbb\xbf" + MINI.encode())
    assert "no problems" in run("check", code=0).stdout


def test_goals_toml_in_gbk_is_located(run, data):
    (data / "goals.toml").write_bytes(MINI.replace("测试计划", "测试计划").encode("gbk"))
    result = run("check", code=3)
    assert "goals.toml:3: not valid UTF-8 (save the file as UTF-8)" in result.stdout


# ── the machine's errors are messages ────────────────────────────────────────


def limited(limit_bytes: int):
    """A preexec_fn that sets the file size limit (ulimit -f)."""

    def apply():
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return apply


@posix_only
def test_file_too_large_is_a_message_and_the_log_stays_whole(data):
    path = entries_file(data)
    path.write_text(good_line() + "\n", encoding="utf-8")
    before = path.read_bytes()
    env = dict(os.environ, TRACKER_DATA=str(data))
    result = subprocess.run(
        tracker_exe() + ["log", "jobs.training", "5", "--date", "2020-03-02", "--note", "长" * 2000],
        env=env, capture_output=True, preexec_fn=limited(len(before) + 100), timeout=60,
    )  # fmt: skip
    assert result.returncode == 3, result.stderr
    assert b"over the size limit" in result.stderr and b"Traceback" not in result.stderr
    assert path.read_bytes() == before  # the failed append was cut back


@pytest.fixture
def small_fs(tmp_path):
    point = tmp_path / "small"
    point.mkdir()
    mount_or_skip("-t", "tmpfs", "-o", "size=64k", "tmpfs", str(point))
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_full_disk_is_a_message_and_earlier_entries_stay(small_fs):
    run = Run(with_bundled_plan(small_fs))
    run("log", "jobs.training", "7", "--date", "2020-03-01", code=0)
    with pytest.raises(OSError):  # fill the file system to the last block
        with open(small_fs / "filler", "wb") as handle:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
    result = run("log", "jobs.training", "5", "--date", "2020-03-02", "--note", "长" * 2000, code=3)
    assert "the disk is full" in result.stderr
    (small_fs / "filler").unlink()
    assert training(run) == 7
    assert "no problems" in run("check", code=0).stdout


def test_a_read_only_folder_is_a_message(data):
    entries_file(data).write_text(good_line() + "\n", encoding="utf-8")
    mount_or_skip("--bind", "-o", "ro", str(data), str(data))
    try:
        run = Run(data)
        result = run("log", "jobs.training", "5", "--date", "2020-03-02", code=3)
        assert "read-only" in result.stderr and "Traceback" not in result.stderr
        assert training(run) == 100  # reading a read-only folder works (no cache, no error)
    finally:
        subprocess.run(["umount", str(data)], check=False)


@posix_only
def test_permission_denied_is_a_message(data):
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to run as another user")
    entries_file(data).write_text(good_line() + "\n", encoding="utf-8")
    os.chmod(data / "progress", 0o755)
    os.chmod(entries_file(data), 0o644)
    for path in (data, data / "goals.toml"):
        os.chmod(path, os.stat(path).st_mode | 0o005)
    parent = data.parent
    while parent != parent.parent:  # let the other user reach the folder
        os.chmod(parent, os.stat(parent).st_mode | 0o001)
        parent = parent.parent
    result = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *tracker_exe(),
         "log", "jobs.training", "5", "--date", "2020-03-02"],
        env=dict(os.environ, TRACKER_DATA=str(data), HOME="/tmp",
                 TRACKER_CONFIG=str(Path("/tmp") / f"tracker-none-{os.getpid()}.toml")),
        capture_output=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 3, result.stderr
    assert b"permission denied" in result.stderr and b"Traceback" not in result.stderr


def test_folders_and_files_in_the_wrong_place(run, data, tmp_path):
    missing = tmp_path / "no-such-folder" / "digest.html"
    result = run("summary", "--as-of", "2020-03-31", "--format", "html", "--output",
                 str(missing), code=3)  # fmt: skip
    assert "No such file or directory" in result.stderr
    result = run("summary", "--as-of", "2020-03-31", "--output", str(tmp_path), code=3)
    assert f"{tmp_path}: a folder where a file should be" in result.stderr
    (data / "progress" / "2020-03.jsonl").mkdir()
    result = run("log", "jobs.training", "5", "--date", "2020-03-02", code=3)
    assert "a folder where a file should be" in result.stderr
    assert "2020-03.jsonl: this log name is not a file" in run("check", code=3).stdout
    (data / "progress" / "2020-03.jsonl").rmdir()
    shutil.rmtree(data / "progress")
    (data / "progress").write_text("oops", encoding="utf-8")
    result = run("log", "jobs.training", "5", "--date", "2020-03-02", code=3)
    assert "progress/ is not a folder" in result.stderr


@pytest.mark.parametrize(
    "args, code",
    [
        (["status", "--as-of", "+9999y"], 2),
        (["status", "--as-of", "-99999999d"], 2),
        (["log", "jobs.training", "1", "--date", "-99999999d"], 2),
        (["summary", "--week", "9999-W52"], 2),  # the period before it is fine; 14 days on is not
        (["summary", "--week", "0001-W01"], 2),
        (["summary", "--since", "9999-12-30", "--until", "9999-12-31"], 0),
        (["status", "--as-of", "0001-01-01"], 0),
    ],
)
def test_dates_beyond_the_calendar_are_usage_errors(run, args, code):
    result = run(*args, code=code)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    if code == 2:
        assert "beyond the calendar (years 1 to 9999)" in result.stderr


# ── signals and files for cron ───────────────────────────────────────────────


@posix_only
def test_ctrl_c_exits_130(data):
    code, err = ctrl_c_during_batch(data)  # started, blocked reading stdin
    assert code == 130, err
    assert b"Traceback" not in err


def test_a_closed_pipe_is_quiet(data):
    batch = [dict(ENTRY, date=f"2020-03-{d:02d}", value=1) for d in range(1, 29)] * 40
    Run(data)("log", "--from-json", "-", input=json.dumps(batch), code=0)
    tracker = subprocess.Popen(
        tracker_exe() + ["entries", "--format", "jsonl"], env=dict(os.environ, TRACKER_DATA=str(data)),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    tracker.stdout.readline()
    tracker.stdout.close()
    err = tracker.stderr.read()
    assert tracker.wait(timeout=30) == 0 and err == b"", err


@posix_only
def test_output_files_get_the_umask_and_keep_a_mode(run, data, tmp_path):
    old = os.umask(0o022)
    try:
        new = tmp_path / "digest.html"
        run("summary", "--as-of", "2020-03-31", "--format", "html", "--output", str(new), code=0)
        assert new.stat().st_mode & 0o777 == 0o644
        os.chmod(new, 0o640)
        run("summary", "--as-of", "2020-04-30", "--format", "html", "--output", str(new), code=0)
        assert new.stat().st_mode & 0o777 == 0o640
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left
    finally:
        os.umask(old)


# ── copies are exact ─────────────────────────────────────────────────────────


def test_a_copy_through_jsonl_reproduces_statuses_with_same_day_corrections(run, data, tmp_path):
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    # corrected downwards: said deliberately (a lower total is asked about, else refused)
    run("log", "jobs.training", "--total", "80", "--date", "2020-03-01", "--force", code=0)
    run("log", "jobs.training", "30", "--date", "2020-03-01", code=0)
    run("log", "jobs.placement", "40", "--date", "2020-03-02", code=0)
    wrong = run.json("log", "jobs.training", "7", "--date", "2020-03-03")["entries"][0]["id"]
    run("retract", wrong, "--reason", "typo", code=0)
    exported = run("entries", "--format", "jsonl", code=0).stdout
    other = tmp_path / "copy"
    other.mkdir()
    shutil.copy(data / "goals.toml", other / "goals.toml")
    copy = Run(other)
    copy("log", "--from-json", "-", input=exported, code=0)
    for as_of in ("2020-03-01", "2020-03-31"):
        assert (
            copy.json("status", "--as-of", as_of)["goals"]
            == run.json("status", "--as-of", as_of)["goals"]
        )
    assert training(copy) == 110


# ── plan edits never silently drop progress ──────────────────────────────────


def test_entries_for_a_renamed_goal_are_announced(run, data):
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    run("log", "rural.eco-farm-bases", "--item", "长石", "--date", "2020-03-01", code=0)
    text = (data / "goals.toml").read_text(encoding="utf-8")
    text = (
        text.replace('id = "jobs.training"', 'id = "jobs.trained"')
        .replace('part_of = "jobs.training"', 'part_of = "jobs.trained"')
        .replace('"长石"', '"长石乡"')
    )
    (data / "goals.toml").write_text(text, encoding="utf-8")
    for args in (["status"], ["alerts"], ["summary"]):
        result = run(*args, "--as-of", "2020-03-31", code=0)
        assert "2 names in progress/ are goals or items the plan no longer has" in result.stderr
        assert "jobs.training" in result.stderr and "tracker check" in result.stderr
    # … and the digest, which leaders read without a terminal, says so itself.
    digest = run.json("summary", "--as-of", "2020-03-31")
    assert digest["unknown_references"] == ["jobs.training", "rural.eco-farm-bases: 长石"]
    html = run("summary", "--as-of", "2020-03-31", "--format", "html", code=0).stdout
    assert "2 goals or items named in the log are no longer in the plan" in html


# ── the property: whatever the damage, nothing good is lost ──────────────────

damage = st.one_of(
    st.binary(max_size=60),
    st.sampled_from(list(HOSTILE.values())).map(str.encode),
    st.integers(min_value=1, max_value=120).map(lambda n: good_line(id="cut")[:n].encode()),
    st.integers(min_value=320, max_value=6000).map(  # beyond a float, or beyond int()
        lambda n: good_line(id="big").replace('"value": 100', '"value": ' + "7" * n).encode()
    ),
    st.sampled_from(["\\ud800", "\\udc00\\ud800", "\\u00", "\\x", "\\u12"]).map(
        lambda esc: good_line(id="esc").replace('"note": ""', f'"note": "{esc}"').encode()
    ),
    st.text(max_size=30).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(junk=damage, where=st.sampled_from(["between", "end", "torn-end", "plan"]))
def test_damage_never_crashes_and_never_hides_a_good_entry(data, junk, where):
    run = Run(data)
    path = entries_file(data)
    first, last = good_line(id="keep0001"), good_line(id="keep0002", value=20, date="2020-03-05")
    plan_text = (REPO / "goals.toml").read_bytes()
    if where == "plan":
        (data / "goals.toml").write_bytes(plan_text + b"\n" + junk)
        path.write_text(first + "\n" + last + "\n", encoding="utf-8")
    else:
        (data / "goals.toml").write_bytes(plan_text)
        tail = b"\n" if where != "torn-end" else b""
        middle = junk.replace(b"\n", b" ")
        body = (first + "\n").encode()
        body += (
            middle + b"\n" + (last + "\n").encode()
            if where == "between"
            else ((last + "\n").encode() + middle + tail)
        )
        path.write_bytes(body)
    cache = data / "progress" / ".cache"
    shutil.rmtree(cache, ignore_errors=True)
    for args in (["check"], ["status", "--as-of", "2020-03-31"], ["entries", "--format", "json"],
                 ["alerts", "--as-of", "2020-03-31"], ["summary", "--as-of", "2020-03-31",
                 "--format", "json"]):  # fmt: skip
        result = run(*args)
        assert result.exit_code in (0, 1, 2, 3), (args, result.exit_code, result.stderr)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    status = run("status", "--as-of", "2020-03-31", "--format", "json")
    if status.exit_code == 0:  # the plan still loads: both good entries count
        goals = json.loads(status.stdout)["goals"]
        assert next(g for g in goals if g["id"] == "jobs.training")["current"] == 120


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    junk=damage, at=st.integers(min_value=0, max_value=3), form=st.sampled_from(["array", "lines"])
)
def test_a_damaged_batch_is_all_or_nothing(data, junk, at, form):
    run = Run(data)
    for path in (data / "progress").glob("*.jsonl"):
        path.unlink()
    entries_file(data).write_text(good_line() + "\n", encoding="utf-8")
    batch = [json.dumps(dict(ENTRY, date=f"2020-03-0{d}", value=d)) for d in (2, 3, 4)]
    batch.insert(at, junk.decode("utf-8", "replace").replace("\n", " "))
    text = "[" + ",\n".join(batch) + "]" if form == "array" else "\n".join(batch)
    result = run("log", "--from-json", "-", input=text)
    assert result.exit_code in (0, 2, 3), (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    current = training(run)
    assert current == (109 if result.exit_code == 0 else 100) or (
        result.exit_code == 0 and current > 109  # the junk was itself a good entry
    ), (result.exit_code, current, result.stderr)


def link_folder(link: Path, target: Path, kind: str) -> None:
    """`link` made a symbolic link, or a Windows directory junction, to `target`."""
    if kind == "junction":  # mklink /J needs no privilege, unlike a symbolic link
        subprocess.run(["cmd", "/c", "mklink", "/J", str(link), str(target)],
                       check=True, capture_output=True)  # fmt: skip
    else:
        symlink_or_skip(link, target, directory=True)


@pytest.mark.parametrize("kind", ["symlink", pytest.param("junction", marks=windows_only)])
def test_progress_as_a_link_out_of_the_data_folder_is_refused(run, data, tmp_path, kind):
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(data / "progress")
    link_folder(data / "progress", outside, kind)
    result = run("log", "jobs.training", "5", "--date", "2020-03-02", code=3)
    assert "symbolic link" in result.stderr and list(outside.iterdir()) == []
    assert "progress: this is a symbolic link" in run("check", code=3).stdout


def test_a_config_file_that_cannot_be_written_is_a_message(run, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    env = {"TRACKER_CONFIG": str(blocker / "config.toml")}
    result = run("config", "set", "by", "张伟", env=env, code=3)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--as-of", "2020-06-30"],
        ["alerts", "--as-of", "2020-06-30"],
        ["show", "jobs.training", "--as-of", "2020-06-30"],
        ["entries"],
        ["summary", "--as-of", "2020-06-30"],
        ["goals"],
        ["check"],
    ],
)
def test_every_reporting_command_writes_its_output_file_whole(run, tmp_path, args):
    """SPEC: every reporting command takes --output FILE, written atomically."""
    path = tmp_path / "out.json"
    printed = run(*args, "--format", "json", code=0).stdout
    run(*args, "--format", "json", "--output", str(path), code=0)
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(printed)


@posix_only
@pytest.mark.parametrize("argv0", ["tracker", "-m"])
def test_ctrl_c_while_tracker_loads_leaves_quietly(argv0):
    """A Ctrl-C in the first few milliseconds, while the modules load, exits
    130 with nothing on stderr, not Python's traceback."""
    code = (
        f"import sys; sys.argv = [{argv0!r}]; import tracker, os, signal, time; "
        "os.kill(os.getpid(), signal.SIGINT); time.sleep(5)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (130, "")


@posix_only
def test_another_program_importing_tracker_keeps_its_ctrl_c():
    code = (
        "import sys; sys.argv = ['other']; import tracker, os, signal\n"
        "try:\n    os.kill(os.getpid(), signal.SIGINT)\nexcept KeyboardInterrupt:\n    print('mine')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "mine"
