"""A data folder a sync client shares between desktops (OneDrive, WPS cloud):
the conflict copies it makes when two desktops write one month are named by
every command and by `check`, and never counted beside the month file."""

from __future__ import annotations

import os

import pytest

from tests.conftest import goal_status

pytestmark = pytest.mark.usefixtures("english")  # these tests assert English messages

# What OneDrive, WPS cloud, Dropbox and Syncthing name a conflict copy, and a copy
# made by hand.
COPIES = {
    "2020-06-PCNAME.jsonl": "2020-06.jsonl",
    "2020-06 (1).jsonl": "2020-06.jsonl",
    "2020-06 (张伟's conflicted copy 2020-06-03).jsonl": "2020-06.jsonl",
    "2020-06.sync-conflict-20200603-101010-ABCDEFG.jsonl": "2020-06.jsonl",
    "copy.jsonl": None,
}
if os.path.normcase("A") != "a":  # where case tells names apart (not on Windows)
    COPIES["2020-06.JSONL"] = "2020-06.jsonl"


@pytest.fixture
def copied(run, data):
    """Two desktops logged June: the month file has one entry, each conflict
    copy that entry and the other desktop's."""
    run("log", "jobs.training", "100", "--date", "2020-06-01", code=0)
    month = data / "progress" / "2020-06.jsonl"
    mine = month.read_text(encoding="utf-8")
    run("log", "jobs.training", "7", "--date", "2020-06-02", code=0)
    theirs = month.read_text(encoding="utf-8")
    month.write_text(mine, encoding="utf-8")  # the sync client kept this desktop's
    for name in COPIES:
        (data / "progress" / name).write_text(theirs, encoding="utf-8")
    return run


def test_conflict_copies_are_named_and_never_counted(copied, data):
    result = copied("status", "--as-of", "2020-06-30", code=0)
    assert f"{len(COPIES)} file(s) in progress/ are not month files" in result.stderr
    assert all(name in result.stderr for name in COPIES)
    assert goal_status(copied, "jobs.training", "2020-06-30")["current"] == 100
    logged = copied("log", "jobs.training", "5", "--date", "2020-06-03", code=0)
    assert "are not month files" in logged.stderr and "2020-06-PCNAME.jsonl" in logged.stderr
    assert (data / "progress" / "2020-06-PCNAME.jsonl").read_text(encoding="utf-8").count("\n") == 2
    check = copied("check", code=3).stdout
    for name, month in COPIES.items():
        line = next(line for line in check.splitlines() if f"{name}: not a month file" in line)
        assert (f"copy the lines {month} lacks" if month else "the month file they belong") in line


def test_lines_brought_home_count_once(copied, data):
    """The fix check gives: the lines the month file lacks copied to its end and
    the copy deleted; the other desktop's entry then counts, once."""
    month = data / "progress" / "2020-06.jsonl"
    copy = data / "progress" / "2020-06-PCNAME.jsonl"
    have = set(month.read_text(encoding="utf-8").splitlines())
    lacking = [line for line in copy.read_text(encoding="utf-8").splitlines() if line not in have]
    with open(month, "a", encoding="utf-8") as handle:
        handle.write("".join(line + "\n" for line in lacking))
    for name in COPIES:
        (data / "progress" / name).unlink()
    assert "no problems" in copied("check", code=0).stdout
    assert goal_status(copied, "jobs.training", "2020-06-30")["current"] == 107
