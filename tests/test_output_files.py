"""Files written for people (`--output`): a place that cannot take one is exit 3
with a message naming it, a file another program holds open is waited for and
then named, nothing temporary stays behind, and one file or sheet per office
never collides with another's. Real files, mounts and processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import (
    MINI,
    Run,
    mount_or_skip,
    posix_only,
    tracker_exe,
    windows_only,
    write_plan,
)
from tracker.views.names import FILES, SHEETS, unique_names

pytestmark = pytest.mark.usefixtures("english")  # these tests assert English messages

DIGEST = ["summary", "--as-of", "2020-06-30", "--format", "html"]


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# ── places that cannot take a file ───────────────────────────────────────────


def under_a_file(tmp: Path) -> tuple[Path, str]:
    (tmp / "a-file").write_text("x", encoding="utf-8")
    return tmp / "a-file" / "digest.html", "part of the path is not a folder"


def dangling_link(tmp: Path) -> tuple[Path, str]:
    (tmp / "digest.html").symlink_to(tmp / "gone" / "digest.html")
    return tmp / "digest.html", "symbolic link to"


def link_loop(tmp: Path) -> tuple[Path, str]:
    (tmp / "one").symlink_to(tmp / "two")
    (tmp / "two").symlink_to(tmp / "one")
    return tmp / "one", "go round in a circle"


def under_proc(tmp: Path) -> tuple[Path, str]:
    return Path("/proc/digest.html"), "cannot write"


def read_only_fs(tmp: Path) -> tuple[Path, str]:
    point = tmp / "ro"
    point.mkdir()
    mount_or_skip("-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(point))
    return point / "digest.html", "read-only"


PLACES = [
    under_a_file,
    pytest.param(dangling_link, marks=posix_only),
    pytest.param(link_loop, marks=posix_only),
    pytest.param(under_proc, marks=pytest.mark.skipif(not Path("/proc").is_dir(), reason="/proc")),
    pytest.param(read_only_fs, marks=posix_only),
]


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("split", [False, True], ids=["file", "folder per office"])
def test_a_place_that_cannot_take_the_output_is_named(run, tmp_path, place, split):
    path, message = place(tmp_path)
    try:
        args = [*DIGEST, "--split-by", "owner"] if split else DIGEST
        result = run(*args, "--output", str(path), code=3)
        assert f"{path}: " in result.stderr and message in result.stderr, result.stderr
        assert "internal error" not in result.stderr
    finally:
        if place is read_only_fs:
            subprocess.run(["umount", str(path.parent)], check=False)


# ── a file another program holds ─────────────────────────────────────────────


@pytest.fixture
def busy_target(tmp_path):
    """digest.html made busy the way Linux can: another file mounted over it
    (renaming over a mount point is refused with EBUSY, as Windows refuses
    replacing a file Excel holds). Yields (target, release)."""
    target, other = tmp_path / "digest.html", tmp_path / "other"
    target.write_text("old\n", encoding="utf-8")
    other.write_text("other\n", encoding="utf-8")
    mount_or_skip("--bind", str(other), str(target))
    released = []

    def release():
        if not released:
            subprocess.run(["umount", str(target)], check=False)
            released.append(True)

    yield target, release
    release()


@posix_only
def test_a_file_held_for_a_moment_is_waited_for(data, busy_target):
    target, release = busy_target
    process = subprocess.Popen(
        [*tracker_exe(), *DIGEST, "--output", str(target)],
        env=dict(os.environ, TRACKER_DATA=str(data)),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    time.sleep(0.6)  # it has found the file busy at least once
    release()
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "<html" in target.read_text(encoding="utf-8")
    assert leftovers(target.parent) == []


@posix_only
def test_a_file_held_throughout_is_named_and_left_as_it_was(run, busy_target):
    target, _ = busy_target
    os.chmod(target.parent / "other", 0o444)  # a read-only target's mode goes to the temp file
    result = run(*DIGEST, "--output", str(target), code=3)
    assert f"{target}: another program holds this file open" in result.stderr
    assert "close it in Excel or WPS" in result.stderr
    assert target.read_text(encoding="utf-8") == "other\n"  # what is mounted there, untouched
    assert leftovers(target.parent) == []


HOLD = "import sys, time; f = open(sys.argv[1], 'rb'); print('held', flush=True); time.sleep(float(sys.argv[2]))"


def held_by_another_process(path: Path, seconds: float) -> subprocess.Popen:
    """A process that opens `path` as Excel does (no delete sharing on Windows)
    and keeps it open for `seconds`."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE
    )
    assert holder.stdout.readline().strip() == b"held"
    return holder


@windows_only
@pytest.mark.parametrize("seconds, code", [(0.8, 0), (30, 3)])
def test_a_file_open_in_another_program_on_windows(run, tmp_path, seconds, code):
    target = tmp_path / "周报.html"
    target.write_text("old\n", encoding="utf-8")
    holder = held_by_another_process(target, seconds)
    try:
        result = run(*DIGEST, "--output", str(target), code=code)
    finally:
        holder.kill()
        holder.wait()
    if code:
        assert "another program holds this file open" in result.stderr
    else:
        assert "<html" in target.read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


@windows_only
def test_a_read_only_file_on_windows_is_named_and_no_temp_stays(run, tmp_path):
    target = tmp_path / "周报.html"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o444)  # the read-only attribute
    result = run(*DIGEST, "--output", str(target), code=3)
    assert f"{target}: this file is read-only" in result.stderr
    assert target.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


# ── one file or sheet per office ─────────────────────────────────────────────

NAMES = {
    "devices": (["CON", "nul.x", "Com1", "LPT¹"], FILES, ["CON_", "nul_.x", "Com1_", "LPT¹_"]),
    "characters Windows refuses": (['a<b>:"c"|?*', "x/y\\z", "铃\x07"], FILES,
                                   ["a_b___c____", "x_y_z", "铃_"]),
    "a dot or space at the end": (["区水利局", "区水利局.", " 区水利局 "], FILES,
                                  ["区水利局", "区水利局~2", "区水利局~3"]),
    "case": (["Team A", "team a", "TEAM A"], FILES, ["Team A", "team a~2", "TEAM A~3"]),
    "Unicode form": (["caf\u00e9", "cafe\u0301"], FILES, ["caf\u00e9", "cafe\u0301~2"]),
    "long names": (["某" * 90, "某" * 90], FILES, ["某" * 80, "某" * 78 + "~2"]),
    "nothing left": (["...", " "], FILES, ["_", "_~2"]),
    "sheets": (["a/b:c", "某某" * 20, "某某" * 20, "History", "'x'"], SHEETS,
               ["a_b_c", ("某某" * 20)[:31], ("某某" * 20)[:29] + "~2", "History_", "x"]),
}  # fmt: skip


@pytest.mark.parametrize("names, rules, want", NAMES.values(), ids=NAMES.keys())
def test_names_are_made_safe_and_unique(names, rules, want):
    assert unique_names(names, rules) == want


OFFICES = ["CON", "nul", "区水利局", "区水利局.", "Team A", "team a", "财政/审计", "LPT1"]


def plan_of_offices(tmp_path: Path) -> Run:
    """MINI with one more milestone for each of OFFICES."""
    root = tmp_path / "offices"
    (root / "progress").mkdir(parents=True)
    goals = "".join(
        f'\n[[goal]]\nid = "m{n}"\ntitle = "里程碑{n}"\ntitle_en = "milestone {n}"\n'
        f'area = "livelihood"\nowner = "{office}"\nkind = "milestone"\n'
        f'deadline = 2020-12-31\nsource = "原文"\n'
        for n, office in enumerate(OFFICES)
    )
    write_plan(root, MINI + goals)
    return Run(root)


def test_one_file_and_one_sheet_per_office_whatever_its_name(tmp_path):
    run = plan_of_offices(tmp_path)
    offices = len(OFFICES) + 1  # and MINI's own 区人社局
    folder = tmp_path / "digests"
    result = run(*DIGEST, "--split-by", "owner", "--output", str(folder), code=0)
    written = [p.name for p in folder.iterdir()]
    assert len(written) == offices == len(result.stdout.splitlines())
    assert len({name.casefold() for name in written}) == offices  # apart on Windows too
    for name in written:
        stem = name.split(".")[0].casefold()
        assert stem not in ("con", "nul", "lpt1") and "/" not in name
    from openpyxl import load_workbook

    book = tmp_path / "template.xlsx"
    run("template", "--as-of", "2020-06-30", "--output", str(book), code=0)
    sheets = load_workbook(book).sheetnames
    assert len({name.casefold() for name in sheets}) == offices
