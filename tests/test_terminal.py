"""On a real terminal (a pseudo-terminal of a given size): tables fit its width
and keep each goal's title, long output goes through a pager and piped output
never does, colour unless NO_COLOR, and lines above a table wrap where Chinese
and English allow."""

from __future__ import annotations

import re
import sys

import pytest

from tests.conftest import in_pty, needs_pty, run_process
from tracker.render.text import cell_width

NO_PAGING = {"TRACKER_PAGER": "off"}


def goal_rows(shown: str) -> list[str]:
    return [line for line in shown.splitlines() if re.search("[‼✖▲●○✔] ", line)][1:]


@needs_pty
@pytest.mark.parametrize("columns", [120, 60])
def test_status_fits_the_real_terminal_width_and_keeps_titles(run, data, columns):
    titles = [g["title"] for g in run.json("goals")["goals"]]
    ids = [g["id"] for g in run.json("goals")["goals"]]
    # $COLUMNS (stale, or set for a pipe) does not override the terminal's real size.
    env = dict(NO_PAGING, COLUMNS="200")
    code, shown = in_pty(
        ["status", "--as-of", "2020-06-30"], data, columns=columns, rows=100, env=env
    )
    assert code == 0, shown
    assert "\x1b[" not in shown  # NO_COLOR and TERM=dumb: no colour, but the real width
    rows = goal_rows(shown)
    assert len(rows) == len(titles)
    for line in shown.splitlines():
        assert cell_width(line) <= columns, line  # nothing wraps
    for number, title in enumerate(titles, start=1):
        (row,) = [r for r in rows if title[:10] in r]  # the title leads each row
        assert re.match(rf"\s*{number}\s", row)  # the number that names the goal
        if columns == 120:
            # Every title whole, and what people need most beside it: the state
            # and the days left or overdue (the id and the bar made room).
            assert title in row and re.search(r"(落后|逾期|未到期)\s+\S+\s+(逾期)?\d+天$", row)
        assert re.search(r"(未完成|\d[\d,]*/[\d,]+|—/)", row) and re.search(
            "(落后|逾期|未到期)", row
        )
    assert not any(goal_id in row for goal_id in ids for row in rows)  # the id went first


@pytest.mark.parametrize("columns", [132, 136, 140])
def test_ids_are_cut_only_while_they_stay_apart(data, columns):
    """Four governance.* ids cut to one `governance.…` would name no goal: an
    id column is shown cut only where every cut id is still its own."""
    out = run_process(
        ["status", "--as-of", "2020-06-30"],
        env={"TRACKER_DATA": str(data), "COLUMNS": str(columns)},
    )
    rows = goal_rows(out.stdout.decode("utf-8"))
    shown = [row.split()[1] for row in rows if re.match(r"\s*\d+\s+[a-z]", row)]
    assert len(set(shown)) == len(shown) and (not shown or len(shown) == len(rows)), shown


@needs_pty
def test_a_table_piped_on_a_terminal_is_as_wide_as_that_terminal(data):
    """`tracker status | less`: the pipe is read on the user's terminal, so
    the table fits it; into a file (or with no terminal about) it keeps every column."""
    from tests.conftest import tracker_exe

    tracker = " ".join(tracker_exe())
    code, shown = in_pty(["status", "--as-of", "2020-06-30"], data, columns=100, rows=100,
                         shell=f"{tracker} status --as-of 2020-06-30 | cat")  # fmt: skip
    lines = shown.splitlines()
    assert code == 0 and any("全年培训下岗失业人员3000人" in line for line in lines)
    assert max(map(cell_width, lines)) <= 100
    unbounded = run_process(["status", "--as-of", "2020-06-30"], env={"TRACKER_DATA": str(data)})
    assert max(map(cell_width, unbounded.stdout.decode("utf-8").splitlines())) > 150


@needs_pty
def test_goals_and_alerts_keep_the_title_on_a_narrow_terminal(run, data):
    goals = run.json("goals")["goals"]
    code, shown = in_pty(["goals"], data, columns=60, rows=100, env=NO_PAGING)
    for goal in goals:
        assert re.search(rf"^\s*{goal['number']}\s+{re.escape(goal['title'][:8])}", shown, re.M)
    code, shown = in_pty(
        ["alerts", "--as-of", "2020-06-30"], data, columns=60, rows=100, env=NO_PAGING
    )
    assert code == 0 and "全年培训下岗失业人员3000人" in shown
    assert all(cell_width(line) <= 60 for line in shown.splitlines())


@pytest.fixture
def pager(tmp_path) -> dict:
    """A stand-in pager that marks what went through it."""
    script = tmp_path / "pager.py"
    script.write_text("import sys\nsys.stdout.write('PAGED\\n' + sys.stdin.read())\n")
    return {"TRACKER_PAGER": f"{sys.executable} {script}"}


@needs_pty
def test_long_output_on_a_terminal_is_paged(data, pager):
    args = ["status", "--as-of", "2020-06-30"]
    code, paged = in_pty(args, data, columns=120, rows=20, env=pager)
    assert code == 0 and paged.startswith("PAGED") and "全年培训下岗失业人员3000人" in paged
    code, plain = in_pty([*args, "--no-pager"], data, columns=120, rows=20, env=pager)
    assert code == 0 and "PAGED" not in plain and "全年培训下岗失业人员3000人" in plain
    code, fits = in_pty(args, data, columns=120, rows=100, env=pager)
    assert "PAGED" not in fits  # it fits the screen
    code, off = in_pty(args, data, columns=120, rows=20, env={"TRACKER_PAGER": ""})
    assert "PAGED" not in off and "全年培训下岗失业人员3000人" in off
    colour = {**pager, "NO_COLOR": None, "TERM": "xterm-256color"}
    code, coloured = in_pty(args, data, columns=120, rows=20, env=colour)
    assert coloured.startswith("PAGED") and "\x1b[" in coloured  # colours kept for less -R
    missing = {"TRACKER_PAGER": "/no/such/pager"}  # e.g. Windows without less
    code, fallback = in_pty(args, data, columns=120, rows=20, env=missing)
    assert code == 0 and "全年培训下岗失业人员3000人" in fallback


PAGERS = {
    "a quoted Windows path": ('"C:\\Program Files\\Git\\usr\\bin\\less.exe" -R', True,
                              ["C:\\Program Files\\Git\\usr\\bin\\less.exe", "-R"]),
    "a bare Windows path": ("C:\\tools\\more.com", True, ["C:\\tools\\more.com"]),
    "POSIX quoting": ("'/opt/my pager/less' -R", False, ["/opt/my pager/less", "-R"]),
}  # fmt: skip


@pytest.mark.parametrize("text, windows, argv", PAGERS.values(), ids=PAGERS.keys())
def test_a_pager_command_is_split_as_its_platform_writes_it(text, windows, argv):
    """$TRACKER_PAGER on Windows: \\ is part of the path, and the quotes around a
    path with spaces are not part of the program's name (simulated here by
    asking for Windows' splitting)."""
    from tracker.cli.common import command_words

    assert command_words(text, windows=windows) == argv


def test_piped_output_is_never_paged(data, pager):
    result = run_process(
        ["status", "--as-of", "2020-06-30"], env={**pager, "TRACKER_DATA": str(data)}
    )
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0 and "PAGED" not in out and "全年培训下岗失业人员3000人" in out


@pytest.mark.parametrize("width", [20, 40, 61])
def test_lines_above_a_table_wrap_at_spaces_or_anywhere_in_chinese(width):
    from tracker.render.text import wrap

    for text in (
        "‼ 逾期 1  ✖ 落后 8  ▲ 有风险 0  ● 正常 0  ○ 未到期 29  ✔ 已完成 0",
        "来源: 力争全年培训下岗失业人员3000人,其中1500人实现就业。" * 2,
        "  note    " + "word " * 30,
    ):
        lines = wrap(text, width)
        assert all(cell_width(line) <= width for line in lines), lines
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
        assert all(line.startswith(text[: len(text) - len(text.lstrip())]) for line in lines)


@needs_pty
def test_terminal_gets_colour_unless_no_color(data):
    colour = {"TERM": "xterm-256color", "NO_COLOR": None}
    args = ["status", "--as-of", "2020-06-30"]
    code, coloured = in_pty(args, data, columns=120, rows=100, env=colour)
    assert "\x1b[" in coloured and "全年培训下岗失业人员3000人" in coloured
    code, plain = in_pty(args, data, columns=120, rows=100, env={**colour, "NO_COLOR": "1"})
    assert "\x1b[" not in plain and "全年培训下岗失业人员3000人" in plain
