"""Output never fails on its encoding, and input never loses it unseen.
Redirected under a Windows code page (cp1252 on an English desktop, Task
Scheduler and CI runners; cp936 on a Chinese one) every command writes UTF-8;
on a console that is not UTF-8 what it cannot show is replaced; a write is
never reported as failed once it is in the log; a batch whose Chinese a pipe
turned into question marks is refused.

Simulated on Linux: PYTHONIOENCODING gives the real console script the stream
encoding Windows would give it when redirected, and on a pseudo-terminal that
of a legacy console; PowerShell 5.1's pipe is its two conversions, applied to
the bytes before they reach a real pipe."""

from __future__ import annotations

import json

import pytest

from tests.conftest import (
    in_pty,
    log_records,
    needs_pty,
    posix_only,
    run_process,
    with_bundled_plan,
)

AS_OF = ["--as-of", "2020-06-30"]


def redirected(args, data, code_page: str):
    """The console script with stdout and stderr redirected (pipes) in a stream
    encoding of `code_page`, as Windows sets it up."""
    return run_process(args, env={"TRACKER_DATA": str(data), "PYTHONIOENCODING": code_page})


COMMANDS = {
    "help": ["-h"],
    "version": ["--version"],
    "a command's help": ["summary", "-h"],
    "status": ["status", *AS_OF],
    "log": ["log", "jobs.training", "5", "--date", "2020-03-01", "--note", "社区学院"],
    "a usage error": ["status", "--state", "不存在"],
}


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_redirected_output_is_utf8_on_an_english_code_page(data, args):
    done = redirected(args, data, "cp1252")
    assert done.returncode in (0, 2), done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr and "内部错误".encode() not in done.stderr
    text = (done.stdout + done.stderr).decode("utf-8")  # UTF-8 through and through
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)  # Chinese, as written


@pytest.mark.parametrize("code_page", ["cp1252", "cp936"])
def test_files_written_one_per_office_are_all_reported(data, tmp_path, code_page):
    """The line per file written holds the office's Chinese name: every office
    gets its file and its line, then the template its confirmation."""
    folder = tmp_path / "各单位"
    done = redirected(["summary", *AS_OF, "--split-by", "owner", "--output", str(folder)],
                      data, code_page)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    lines = done.stdout.decode("utf-8").splitlines()
    assert len(lines) == len(list(folder.iterdir())) > 10
    book = tmp_path / "填报表.xlsx"
    done = redirected(["template", *AS_OF, "--output", str(book)], data, code_page)
    assert done.returncode == 0 and book.exists(), done.stderr.decode("utf-8", "replace")
    assert "填报表.xlsx" in done.stdout.decode("utf-8")


@needs_pty
@pytest.mark.parametrize("code_page", ["cp1252", "cp936"])
def test_a_legacy_console_shows_what_it_can_and_log_writes_once(data, code_page):
    """✔ ✖ ‼ are in neither code page (and Chinese not in cp1252): they are
    replaced, never raised; `log` writes its entry once and says so."""
    legacy = {"PYTHONIOENCODING": code_page}
    for args in (["status", *AS_OF, "--no-pager"], ["show", "jobs.training", *AS_OF, "--no-pager"]):
        code, shown = in_pty(args, data, env=legacy)
        assert code == 0, shown
        assert "?" in shown and "Error" not in shown  # what the code page lacks, replaced
    code, shown = in_pty(["log", "jobs.training", "5", "--date", "2020-03-01"], data, env=legacy)
    assert code == 0, shown
    assert len(log_records(data)) == 1


@posix_only  # /dev/full: a device that is always full
def test_a_write_whose_result_cannot_be_shown_still_succeeds(data):
    """stdout fails after the entry is in the log: exit 0, and stderr says it
    was written, so nobody logs it twice."""
    env = {"TRACKER_DATA": str(data), "TRACKER_LANG": "en"}
    with open("/dev/full", "wb") as full:
        for args in (["log", "jobs.training", "5", "--date", "2020-03-01"],
                     ["log", "--from-json", "-"]):  # fmt: skip
            batch = json.dumps({"goal": "jobs.training", "date": "2020-03-02", "value": 1})
            done = run_process(args, env=env, input=batch.encode(), stdout=full)
            assert done.returncode == 0, done.stderr
            assert b"written (" in done.stderr and b"do not log it again" in done.stderr
    assert len([r for r in log_records(data) if "goal" in r]) == 2


def powershell_51_pipe(text: bytes) -> bytes:
    """What Windows PowerShell 5.1 hands a program it pipes to: the producer's
    UTF-8 read as the console's code page (cp936), then written in ASCII, so
    every character beyond ASCII becomes ?."""
    return text.decode("cp936", "replace").encode("ascii", "replace")


def test_a_batch_whose_chinese_was_lost_in_a_pipe_is_refused(run, data, tmp_path):
    """`entries --format jsonl | tracker log --from-json -` in PowerShell 5.1:
    refused whole, naming the line and the way round (a file, or PowerShell
    set to UTF-8); the copy through files the README recommends is exact."""
    run("log", "jobs.training", "120", "--date", "2020-03-01", "--note", "社区学院第一期", code=0)
    run("log", "jobs.training", "5", "--date", "2020-03-02", "--by", "张伟", code=0)
    exported = tmp_path / "记录.jsonl"
    run("entries", "--format", "jsonl", "--output", str(exported), code=0)
    other = with_bundled_plan(tmp_path / "other")
    env = {"TRACKER_DATA": str(other), "TRACKER_LANG": "en"}
    lost = powershell_51_pipe(exported.read_bytes())
    done = run_process(["log", "--from-json", "-"], env=env, input=lost)
    assert done.returncode == 3, done.stderr
    err = done.stderr.decode("utf-8")
    assert "<stdin>:1: 'note' holds a run of question marks" in err
    assert "<stdin>:2: 'by' holds a run of question marks" in err
    assert "--from-json entries.jsonl" in err and "nothing was written" in err
    assert log_records(other) == []
    done = run_process(["log", "--from-json", str(exported)], env=env)
    assert done.returncode == 0, done.stderr
    assert [r["note"] for r in log_records(other) if "goal" in r] == ["社区学院第一期", ""]
