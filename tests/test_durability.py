"""Nothing logged is ever lost: odd text, concurrent writers, a killed writer, a git merge.
Real processes and real files throughout; no mocks."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import KILLED, REPO, Run, goal_status, with_bundled_plan

pytestmark = pytest.mark.usefixtures("english")  # these tests assert English messages


RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")

notes = st.text(max_size=40) | st.sampled_from(
    [
        "[bold red]警告[/]",
        "\x1b[31m红色\x1b[0m",
        "换行\n第二行",
        "引号\"'“”",
        "emoji 👩‍👩‍👧 ✔",
        "\u202e反转",
        "tab\there",
        "\x9b31m",
        "\\x1b 字面",
    ]
)


@pytest.fixture(scope="module")
def note_data():
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copy(REPO / "goals.toml", root / "goals.toml")
        yield Run(root)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=notes)
def test_any_note_round_trips_and_is_displayed_inert(note_data, note):
    run = note_data
    written = run.json("log", "newtown.road-network", "--date", "2020-06-01", "--note", note or "x")
    entry_id = written["entries"][0]["id"]
    listed = run.json("entries", "--goal", "newtown.road-network")["entries"]
    stored = next(e for e in listed if e["id"] == entry_id)
    assert stored["note"] == (note or "x")
    table = run("entries", "--goal", "newtown.road-network", code=0).stdout
    assert not RAW_CONTROL.search(table)
    raw_json = run("entries", "--format", "json", code=0).stdout
    assert not RAW_CONTROL.search(raw_json.replace("\n", ""))
    for path in (run.root / "progress").glob("*.jsonl"):
        assert not RAW_CONTROL.search(path.read_text(encoding="utf-8").replace("\n", ""))


def test_rich_terminal_shows_markup_and_escapes_literally():
    import io

    from rich.console import Console

    from tracker.render.table import Cell, Column, Table, render_rich

    table = Table((Column("note", "note"),), ((Cell("[bold]粗[/bold] \x1b[31mred"),),))
    buffer = io.StringIO()
    render_rich(
        table, Console(file=buffer, force_terminal=True, width=100, color_system="standard")
    )
    out = buffer.getvalue()
    assert "[bold]粗[/bold]" in out
    assert "\\x1b[31mred" in out and "\x1b[31mred" not in out


WORKER = """
import sys
from tracker.cli import cli

worker = sys.argv[1]
for j in range(int(sys.argv[2])):
    code = cli.main(args=["log", "jobs.training", "1", "--date", "2020-03-01",
                          "--note", f"w{worker}-{j}", "--by", f"w{worker}"],
                    standalone_mode=False)
    assert code in (None, 0), code
"""


def test_concurrent_writers_lose_nothing(data):
    env = dict(os.environ, TRACKER_DATA=str(data))
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(i), "20"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for i in range(6)
    ]
    for proc in workers:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    raw = (data / "progress" / "2020-03.jsonl").read_text(encoding="utf-8").splitlines()
    notes_seen = sorted(json.loads(line)["note"] for line in raw)
    assert notes_seen == sorted(f"w{i}-{j}" for i in range(6) for j in range(20))
    assert len({json.loads(line)["id"] for line in raw}) == 120
    run = Run(data)
    assert run("check", code=0)
    training = goal_status(run, "jobs.training", "2020-03-31")
    assert training["current"] == 120


def _big_batch(path: Path, per_month: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for month in range(1, 13):
            for day in range(per_month):
                out.write(
                    json.dumps(
                        {
                            "goal": "jobs.training",
                            "date": f"2020-{month:02d}-{day % 28 + 1:02d}",
                            "value": 0,
                            "note": "批量" * 20,
                        }
                    )
                    + "\n"
                )


def test_writer_killed_mid_batch_loses_nothing_earlier(data, tmp_path):
    run = Run(data)
    run("log", "jobs.training", "100", "--date", "2020-01-05", code=0)
    run("log", "jobs.training", "50", "--date", "2020-06-05", code=0)
    sizes = {p.name: p.stat().st_size for p in (data / "progress").glob("*.jsonl")}
    killed = False
    for per_month in (4000, 16000):
        batch = tmp_path / f"batch{per_month}.jsonl"
        _big_batch(batch, per_month)
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tracker",
                "--data",
                str(data),
                "log",
                "--from-json",
                str(batch),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Kill as soon as the first month's file has grown: the batch is mid-write.
        while proc.poll() is None:
            grown = [
                p
                for p in (data / "progress").glob("*.jsonl")
                if p.stat().st_size != sizes.get(p.name, 0)
            ]
            if grown:
                proc.kill()
                break
            time.sleep(0.0005)
        proc.wait()
        if proc.returncode == KILLED:
            killed = True
            break
        assert proc.returncode == 0  # finished before the kill: try a bigger batch
        sizes = {p.name: p.stat().st_size for p in (data / "progress").glob("*.jsonl")}
    assert killed, "the writer always finished before it could be killed"
    # The earlier entries all count, and none of the cut-off batch does.
    training = goal_status(run, "jobs.training", "2020-12-31")
    assert training["current"] == 150
    result = run("check", code=3)
    assert re.search(
        r"progress[/\\]2020-\d\d\.jsonl:\d+: (batch \w+ was cut off|unreadable line)", result.stdout
    ), result.stdout
    # The next log succeeds, does not fuse with a torn line, and counts.
    run("log", "jobs.training", "7", "--date", "2020-12-20", code=0)
    training = goal_status(run, "jobs.training", "2020-12-31")
    assert training["current"] == 157


def test_a_log_file_replaced_under_the_writer_fails_whole(data, tmp_path):
    """A month file replaced while a batch is being appended (an editor saving
    a copy: the old file kept as a backup, a copy renamed over it) would take
    the lines already appended with it. The writer finds the file at its path
    is no longer the one it wrote, and fails with nothing written: not in the
    new file, not in the backup, not in the other months."""
    run = Run(data)
    run("log", "jobs.training", "100", "--date", "2020-01-05", code=0)
    first = data / "progress" / "2020-01.jsonl"
    backup, copy = first.with_name("2020-01.jsonl~"), first.with_name(".2020-01.jsonl.swp")
    for per_month in (6000, 16000):
        before = {p: p.read_bytes() for p in (data / "progress").glob("*.jsonl")}
        batch = tmp_path / f"batch{per_month}.jsonl"
        _big_batch(batch, per_month)
        proc = subprocess.Popen(
            [sys.executable, "-m", "tracker", "--data", str(data), "log", "--from-json",
             str(batch)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        replaced = False
        while proc.poll() is None:
            if first.stat().st_size != len(before[first]):  # the first lines are in
                copy.write_bytes(before[first])
                os.rename(first, backup)
                os.rename(copy, first)
                replaced = True
                break
            time.sleep(0.0005)
        _, err = proc.communicate(timeout=120)
        if replaced:
            break
        assert proc.returncode == 0  # finished before the first flush was seen: a bigger one
    assert replaced, "the writer always finished before its file could be replaced"
    assert proc.returncode == 3, err
    assert b"replaced this file while tracker wrote to it" in err and b"nothing was written" in err
    assert first.read_bytes() == backup.read_bytes() == before[first]
    after = {p: p.read_bytes() for p in (data / "progress").glob("*.jsonl")}
    assert after == before
    assert goal_status(run, "jobs.training", "2020-12-31")["current"] == 100


def _git(*args, cwd):
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
    )
    result = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "pull.rebase=false", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
    )
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_two_clones_merge_their_logs_without_conflict(tmp_path):
    origin, seed = tmp_path / "origin.git", tmp_path / "seed"
    _git("init", "--bare", str(origin), cwd=tmp_path)
    _git("clone", str(origin), str(seed), cwd=tmp_path)
    with_bundled_plan(seed)
    shutil.copy(REPO / ".gitattributes", seed / ".gitattributes")
    run_seed = Run(seed)
    run_seed("log", "jobs.training", "100", "--date", "2020-05-01", code=0)
    _git("add", "-A", cwd=seed)
    _git("commit", "-m", "plan", cwd=seed)
    _git("push", "origin", "HEAD:main", cwd=seed)
    a, b = tmp_path / "a", tmp_path / "b"
    _git("clone", str(origin), str(a), cwd=tmp_path)
    _git("clone", str(origin), str(b), cwd=tmp_path)
    for clone, values in ((a, ("10", "20")), (b, ("30", "40"))):
        for value in values:
            Run(clone)(
                "log",
                "jobs.training",
                value,
                "--date",
                "2020-05-02",
                "--note",
                f"from {clone.name}",
                code=0,
            )
        _git("add", "-A", cwd=clone)
        _git("commit", "-m", f"log {clone.name}", cwd=clone)
    _git("push", "origin", "HEAD:main", cwd=a)
    _git("pull", "origin", "main", cwd=b)  # a real merge of the same month's file
    text = (b / "progress" / "2020-05.jsonl").read_text(encoding="utf-8")
    assert "<<<<<<<" not in text
    run_b = Run(b)
    run_b("check", code=0)
    notes = sorted(e["note"] for e in run_b.json("entries")["entries"])
    assert notes == ["", "from a", "from a", "from b", "from b"]
    training = goal_status(run_b, "jobs.training", "2020-05-31")
    assert training["current"] == 200


def test_a_torn_last_line_never_fuses_with_the_next_entry(data):
    run = Run(data)
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    path = data / "progress" / "2020-03.jsonl"
    whole = path.read_bytes()
    # What a writer killed mid-line leaves: the start of a line and no newline.
    path.write_bytes(whole + b'{"id":"deadbeefdeadbeef","goal":"jobs.training","da')
    run("log", "jobs.training", "5", "--date", "2020-03-02", code=0)
    lines = path.read_bytes().split(b"\n")
    assert lines[0] + b"\n" == whole
    assert lines[1] == b'{"id":"deadbeefdeadbeef","goal":"jobs.training","da'
    assert json.loads(lines[2])["value"] == 5 and lines[3] == b""
    training = goal_status(run, "jobs.training", "2020-03-31")
    assert training["current"] == 105
    assert re.search(r"2020-03\.jsonl:2: unreadable line", run("check", code=3).stdout)
