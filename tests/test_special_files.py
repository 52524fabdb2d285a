"""Only regular files are read, and only so much of each: a FIFO, a device
(/dev/zero, /dev/urandom), a file beyond its bound or a loop of links, where
the config, goals.toml, a log file, a batch or a workbook should be, is exit 3
with a message naming it — never a hang, never exit 70. Real FIFOs, devices
and links; each command runs as a process with a timeout, so a hang fails."""

from __future__ import annotations

import os
import sys

import pytest

from tests.conftest import run_process

pytestmark = [
    pytest.mark.usefixtures("english"),
    pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX"),
]


def fifo(path):
    os.mkfifo(path)
    return path


def link(path, target):
    os.symlink(target, path)
    return path


# Each case: what stands where a file should, made in (tmp, data), and the
# command's arguments and environment. Every one must end quickly with exit 3.
CASES = {
    "config is a FIFO": lambda tmp, data: ([], {"TRACKER_CONFIG": str(fifo(tmp / "c.toml"))}),
    "config is /dev/zero": lambda tmp, data: ([], {"TRACKER_CONFIG": "/dev/zero"}),
    "config is /dev/urandom": lambda tmp, data: ([], {"TRACKER_CONFIG": "/dev/urandom"}),
    "config beyond its bound": lambda tmp, data: ([], {"TRACKER_CONFIG": str(sparse(tmp))}),
    "config's data loops": lambda tmp, data: (
        ["status"], {"TRACKER_CONFIG": str(loop_config(tmp)), "TRACKER_DATA": ""},
    ),
    "batch is a FIFO": lambda tmp, data: (["log", "--from-json", str(fifo(tmp / "b.jsonl"))], {}),
    "batch is /dev/zero": lambda tmp, data: (["log", "--from-json", "/dev/zero"], {}),
    "batch is /dev/urandom": lambda tmp, data: (["log", "--from-json", "/dev/urandom"], {}),
    "workbook is a FIFO": lambda tmp, data: (["log", "--from-xlsx", str(fifo(tmp / "f.xlsx"))], {}),
    "CSV is /dev/zero": lambda tmp, data: (["log", "--from-csv", "/dev/zero"], {}),
    "workbook is /dev/urandom": lambda tmp, data: (["log", "--from-xlsx", "/dev/urandom"], {}),
    "month file is a FIFO": lambda tmp, data: (
        ["log", "jobs.training", "5", "--date", str(month_fifo(data))], {},
    ),
}  # fmt: skip


def sparse(tmp):
    path = tmp / "big.toml"
    with open(path, "wb") as out:
        out.truncate(64 << 20)  # 64 MiB of nothing, on no disk
    return path


def loop_config(tmp):
    link(tmp / "a", tmp / "b")
    link(tmp / "b", tmp / "a")
    (tmp / "loop.toml").write_text(f'data = "{tmp / "a"}"\n', encoding="utf-8")
    return tmp / "loop.toml"


def month_fifo(data):
    fifo(data / "progress" / "2020-05.jsonl")
    return "2020-05-15"


@pytest.mark.parametrize("make", CASES.values(), ids=CASES.keys())
def test_a_special_file_is_refused_at_once(data, tmp_path, make):
    args, env = make(tmp_path, data)
    env = {"TRACKER_DATA": str(data), **env}
    if not env["TRACKER_DATA"]:
        del env["TRACKER_DATA"]
    result = run_process(args or ["status", "--as-of", "2020-06-30"], env=env, cwd=tmp_path,
                         timeout=30)  # fmt: skip
    err = result.stderr.decode("utf-8")
    assert result.returncode == 3, (result.returncode, err)
    assert "internal error" not in err and "Traceback" not in err


def test_setting_a_data_folder_that_loops_is_refused(tmp_path):
    link(tmp_path / "a", tmp_path / "b")
    link(tmp_path / "b", tmp_path / "a")
    result = run_process(["config", "set", "data", str(tmp_path / "a")], timeout=30)
    assert result.returncode == 3, result.stderr
    assert b"no goals.toml in" in result.stderr


def test_messages_say_what_stands_there(data, tmp_path):
    err = run_process(["status"], env={"TRACKER_CONFIG": "/dev/zero"}).stderr.decode()
    assert "/dev/zero: cannot read: not a regular file" in err
    err = run_process(["status"], env={"TRACKER_CONFIG": str(sparse(tmp_path))}).stderr.decode()
    assert "cannot read: larger than 1 MiB" in err
    batch = fifo(tmp_path / "b.jsonl")
    err = run_process(["log", "--from-json", str(batch)], env={"TRACKER_DATA": str(data)})
    assert "pipe the entries to --from-json -" in err.stderr.decode()
    month_fifo(data)
    check = run_process(["check"], env={"TRACKER_DATA": str(data)}, timeout=30)
    assert check.returncode == 3 and b"2020-05.jsonl" in check.stdout
