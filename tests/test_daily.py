"""The daily path of district staff (issue 12): goals named as people think of
them, completion, real terminals, and guard rails when logging."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from tests.conftest import run_process, tracker_exe
from tracker.render.text import cell_width

# ── goals named the way people think of them ─────────────────────────────────


@pytest.mark.parametrize(
    "typed", ["culture.24h-bookstores", "CULTURE.24H-BOOKSTORES", "culture.24", "书屋", "35"]
)
def test_show_takes_a_goal_by_id_case_prefix_number_or_title(run, typed):
    document = run.json("show", typed, "--as-of", "2020-06-30")
    assert document["goal"]["id"] == "culture.24h-bookstores"


def test_goals_shows_the_number_that_names_a_goal(run):
    document = run.json("goals")
    numbers = [g["number"] for g in document["goals"]]
    assert numbers == list(range(1, len(numbers) + 1))
    by_number = {g["number"]: g["id"] for g in document["goals"]}
    assert by_number[35] == "culture.24h-bookstores"
    table = run("goals", code=0).stdout
    assert re.search(r"^\s*35\s+culture\.24h-bookstores\s", table, re.M)
    # An area filter keeps the plan's numbers, so a number means one goal everywhere.
    livelihood = run.json("goals", "--area", "livelihood")
    assert {g["number"]: g["id"] for g in livelihood["goals"]}[35] == "culture.24h-bookstores"


def test_log_and_entries_take_a_goal_by_title_words(run, data):
    run("log", "培训 3000", "120", "--date", "2020-05-01", code=0)
    run("log", "JOBS.PL", "40", "--date", "2020-05-02", code=0)
    lines = [json.loads(x) for x in (data / "progress" / "2020-05.jsonl").read_text().splitlines()]
    assert [(e["goal"], e["value"]) for e in lines if "value" in e] == [
        ("jobs.training", 120),
        ("jobs.placement", 40),
    ]
    shown = run.json("entries", "--goal", "jobs.pl")
    assert [e["goal"] for e in shown["entries"]] == ["jobs.placement"]


def test_an_ambiguous_goal_lists_the_candidates_and_writes_nothing(run, data):
    result = run("log", "压减", "8", "--date", "2020-05-01", code=2)
    for goal_id in (
        "finance.general-spending-cut",
        "finance.special-spending-cut",
        "finance.three-public-cut",
    ):
        assert goal_id in result.stderr
    assert "全年三公经费压减10%以上" in result.stderr or "three public" in result.stderr
    assert list((data / "progress").glob("*.jsonl")) == []
    assert "jobs.training" in run("show", "jobs", code=2).stderr


# ── a real terminal ──────────────────────────────────────────────────────────


def in_pty(args, data, *, columns=120, rows=40, answer=b"", env=None, timeout=60):
    """Run the console script on a pseudo-terminal of `columns` × `rows` (stdin,
    stdout and stderr all on it, as in a shell) and return what it showed."""
    import fcntl
    import pty
    import select
    import struct
    import termios
    import time

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    environment = dict(os.environ, TRACKER_DATA=str(data), NO_COLOR="1", TERM="dumb")
    environment.pop("COLUMNS", None)
    environment.pop("LINES", None)
    for name, value in (env or {}).items():
        if value is None:  # not set at all
            environment.pop(name, None)
        else:
            environment[name] = value
    proc = subprocess.Popen(
        tracker_exe() + list(args), stdin=slave, stdout=slave, stderr=slave, env=environment
    )
    os.close(slave)
    if answer:
        os.write(master, answer)
    chunks, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            if proc.poll() is not None:
                break
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other side closed: the program ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=10)
    os.close(master)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


# ── guard rails when logging ─────────────────────────────────────────────────


def test_log_after_the_plans_year_asks_for_a_date(run, data):
    result = run("log", "jobs.training", "120", code=2)
    assert "--date 2020-12-31" in result.stderr and "--date today" in result.stderr
    assert "2020-12-31" in run("log", "jobs.training", "120", "--lang", "en", code=2).stderr
    assert list((data / "progress").glob("*.jsonl")) == []
    run("log", "jobs.training", "120", "--date", "today", code=0)  # meant: today
    assert len(run.json("entries")["entries"]) == 1


@pytest.mark.parametrize(
    "args, why",
    [
        (["finance.general-spending-cut", "120"], "100%"),  # a level in % above 100
        (["jobs.training", "3001"], "3000"),  # an increment above the whole target
        (["jobs.training", "--total", "30001"], "10"),  # a total above 10× the target
    ],
)
def test_an_implausible_value_is_refused_unless_forced(run, data, args, why):
    result = run("log", *args, "--date", "2020-06-01", code=3)
    assert why in result.stderr and "--force" in result.stderr
    assert list((data / "progress").glob("*.jsonl")) == []
    run("log", *args, "--date", "2020-06-01", "--force", code=0)
    assert len(run.json("entries")["entries"]) == 1


def test_plausible_values_are_not_questioned(run):
    run("log", "finance.general-spending-cut", "99", "--date", "2020-06-01", code=0)
    run("log", "jobs.training", "3000", "--date", "2020-06-01", code=0)
    run("log", "jobs.training", "--total", "29999", "--date", "2020-06-02", code=0)


def test_a_batch_gets_the_same_guard_rail(run, data):
    batch = json.dumps([{"goal": "jobs.training", "date": "2020-05-01", "value": 12000}])
    result = run("log", "--from-json", "-", input=batch, code=3)
    assert "12000" in result.stderr and "--force" in result.stderr
    run("log", "--from-json", "-", "--force", input=batch, code=0)


def test_the_rule_judges_levels_by_ten_times_their_target():
    import datetime as dt

    from tests.test_refs import PLAN
    from tracker.model import Entry, Goal, Kind, Op, Plan
    from tracker.rules.entries import implausible_value

    level = Goal(
        "money.raised", "融资", "Funds raised", "economy", "区财政局", Kind.LEVEL,
        dt.date(2020, 12, 31), "", dt.date(2020, 1, 1), target=5, unit="亿元",
    )  # fmt: skip
    plan = Plan(**{**PLAN.__dict__, "goals": (level,)})

    def reading(value):
        return Entry("e", "money.raised", dt.date(2020, 5, 1), Op.VALUE, "t", value=value)

    assert implausible_value(plan, reading(50)) == []
    assert [p.code for p in implausible_value(plan, reading(51))] == ["implausible"]


SAME_START = [
    {"id": "8ea3aaaa00000001", "goal": "jobs.training", "date": "2020-05-01", "value": 120},
    {"id": "8ea3bbbb00000002", "goal": "jobs.placement", "date": "2020-05-02", "value": 40,
     "note": "社区学院第一期", "by": "人社局张伟"},
]  # fmt: skip


def test_a_retract_prefix_naming_several_entries_lists_them(run, data):
    run("log", "--from-json", "-", input=json.dumps(SAME_START), code=0)
    result = run("retract", "8ea3", "--reason", "录错", code=2)
    assert "jobs.training 2020-05-01 120" in result.stderr
    assert "jobs.placement 2020-05-02 40" in result.stderr
    assert len(run.json("entries")["entries"]) == 2  # nothing written


def test_retract_without_a_terminal_does_not_ask(run):
    run("log", "--from-json", "-", input=json.dumps(SAME_START), code=0)
    result = run("retract", "8ea3b", "--reason", "录错", code=0)
    assert "?" not in result.stderr and "8ea3bbbb00000002" in result.stdout
    assert run.json("entries")["entries"][1]["retracted_by"]


@needs_pty
@pytest.mark.parametrize("answer, written", [(b"n\n", False), (b"y\n", True)])
def test_retract_on_a_terminal_shows_the_entry_and_asks(run, data, answer, written):
    run("log", "--from-json", "-", input=json.dumps(SAME_START), code=0)
    code, shown = in_pty(["retract", "8ea3b", "--reason", "录错"], data, answer=answer)
    assert code == 0, shown
    for part in ("8ea3bbbb00000002", "jobs.placement", "其中1500人实现就业",
                 "2020-05-02", "+40", "社区学院第一期", "人社局张伟", "确定撤销？"):  # fmt: skip
        assert part in shown, (part, shown)
    entries = run.json("entries")["entries"]
    assert bool(entries[1]["retracted_by"]) is written


@needs_pty
def test_retract_yes_does_not_ask_on_a_terminal(run, data):
    run("log", "--from-json", "-", input=json.dumps(SAME_START), code=0)
    code, shown = in_pty(["retract", "8ea3b", "--reason", "录错", "--yes"], data)
    assert code == 0 and "确定撤销" not in shown
    assert run.json("entries")["entries"][1]["retracted_by"]


# ── terminals: real width, the title before the id, a pager ─────────────────

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
    for title in titles:
        (row,) = [r for r in rows if title[:10] in r]  # the title leads each row
        if columns == 120:
            assert title in row  # every title whole; the id was cut to make room
        assert re.search(r"(未完成|\d[\d,]*/[\d,]+|—/)", row) and re.search(
            "(落后|逾期|未到期)", row
        )
    if columns == 60:
        assert not any(goal_id in row for goal_id in ids for row in rows)  # the id went first


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


# ── completion ───────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "shell, marker",
    [
        ("bash", "complete -o nosort -F _tracker_completion tracker"),
        ("zsh", "#compdef tracker"),
        ("fish", "complete --no-files --command tracker"),
        ("powershell", "Register-ArgumentCompleter -Native -CommandName tracker"),
    ],
)
def test_completion_prints_a_script_for_each_shell(run, shell, marker):
    script = run("completion", shell, code=0).stdout
    assert marker in script and "_TRACKER_COMPLETE" in script


def complete(data, line: str, shell: str = "bash") -> list[str]:
    """What the shell would be offered for `line` (the word being completed is
    the last one; a trailing space starts a new one), via click's protocol."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    env = {
        "_TRACKER_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": line,
        "COMP_CWORD": str(cword),
        "TRACKER_DATA": str(data),
    }
    result = run_process([], env=env)
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    return result.stdout.decode("utf-8").splitlines()


def test_completion_offers_commands_goals_items_states_areas_owners(data):
    assert "plain,show" in complete(data, "tracker sh")
    assert "plain,completion" in complete(data, "tracker comp")
    assert complete(data, "tracker show jobs.") == [
        "plain,jobs.community-college",
        "plain,jobs.training",
        "plain,jobs.placement",
    ]
    assert complete(data, "tracker entries --goal culture.")[0] == "plain,culture.24h-bookstores"
    items = complete(data, "tracker log rural.eco-farm-bases --item ")
    assert items == ["plain,茅天新", "plain,长石", "plain,九塘"]
    assert "plain,off_track" in complete(data, "tracker status --state ")
    assert "plain,livelihood" in complete(data, "tracker goals --area ")
    for command in ("status", "alerts", "summary", "template"):  # one --owner, one completion
        assert "plain,区人力资源和社会保障局" in complete(data, f"tracker {command} --owner ")
    assert "plain,--no-pager" in complete(data, "tracker status --no")


def test_zsh_and_powershell_show_each_goal_with_its_title(data):
    zsh = complete(data, "tracker show jobs.tr", "zsh")
    assert zsh == ["plain", "jobs.training", "全年培训下岗失业人员3000人"]
    powershell = complete(data, "tracker log jobs.tr", "powershell")
    assert powershell == ["jobs.training\t全年培训下岗失业人员3000人"]
    items = complete(data, "tracker log --note x rural.eco-farm-bases --item 长", "powershell")
    assert items == ["长石"]


def test_completion_offers_entry_ids_to_retract(run, data):
    run("log", "--from-json", "-", input=json.dumps(SAME_START), code=0)
    offered = complete(data, "tracker retract 8ea3")
    assert offered == ["plain,8ea3bbbb00000002", "plain,8ea3aaaa00000001"]  # newest first
    zsh = complete(data, "tracker retract 8ea3b", "zsh")
    assert zsh[:2] == ["plain", "8ea3bbbb00000002"] and "jobs.placement 2020-05-02" in zsh[2]


def test_completion_without_a_data_folder_completes_nothing(tmp_path):
    for line in ("tracker show ", "tracker log x --item ", "tracker retract "):
        assert not any(complete(tmp_path, line)), line  # no candidates, no error
