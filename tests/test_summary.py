"""`tracker summary`: periods, contents, formats, HTML safety, and cron's bare environment."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import posix_only, tracker_exe
from tests.test_contracts import validator

HOSTILE = '<script>alert("x")</script> <img src=x onerror=alert(1)> & {{ 7*7 }} \x1b[31m'


@pytest.fixture
def spring(run):
    """Entries in early 2020, and one hostile note."""
    entries = [
        {"goal": "jobs.training", "date": "2020-03-02", "value": 300, "by": "王芳", "note": "一期"},
        {"goal": "jobs.training", "date": "2020-03-04", "value": 200, "by": "李强"},
        {
            "goal": "jobs.placement",
            "date": "2020-03-05",
            "value": 120,
            "by": "李强",
            "note": HOSTILE,
        },
        {"goal": "rural.eco-farm-bases", "date": "2020-03-06", "items": ["长石"], "by": "赵敏"},
        {"goal": "finance.general-spending-cut", "date": "2020-03-03", "value": 1.5, "by": "财政"},
    ]
    run.log_batch(entries)
    return run


def test_week_with_entries(spring):
    document = spring.json("summary", "--week", "2020-W10")
    assert document["period"] == {"since": "2020-03-02", "until": "2020-03-08", "week": "2020-W10"}
    assert document["quiet"] is False
    activity = {a["id"]: a for a in document["activity"]}
    assert activity["jobs.training"]["net_change"] == 500
    assert activity["jobs.training"]["by"] == ["王芳", "李强"]
    assert activity["rural.eco-farm-bases"]["items_done"] == ["长石"]
    assert activity["finance.general-spending-cut"]["net_change"] == 1.5
    text = spring("summary", "--week", "2020-W10", code=0).stdout
    # The Chinese title leads each row; no id in words leaders read (the JSON keeps it).
    assert re.search(r"全年培训下岗失业人员3000人\s+\+500人\s+500/3,000 人\s+王芳、李强", text)
    assert "jobs.training" not in text
    assert not list(validator("summary").iter_errors(document))


def test_quiet_week_says_so(spring):
    document = spring.json("summary", "--since", "2020-05-11", "--until", "2020-05-17")
    assert document["quiet"] is True and document["activity"] == []
    assert "本期没有新的进展记录。" in spring("summary", "--as-of", "2020-05-17", code=0).stdout
    assert (
        "A quiet period: nothing was logged."
        in spring("summary", "--as-of", "2020-05-17", "--lang", "en", code=0).stdout
    )
    assert not list(validator("summary").iter_errors(document))


def test_week_in_which_a_goal_becomes_overdue(spring):
    # housing.three-supplies is due 2020-04-30: overdue from Friday 1 May, in 2020-W18.
    document = spring.json("summary", "--week", "2020-W18")
    change = next(c for c in document["state_changes"] if c["id"] == "housing.three-supplies")
    assert (change["from"], change["to"]) == ("pending", "overdue")
    assert document["counts_change"]["overdue"] == 1
    before = spring.json("summary", "--week", "2020-W17")
    assert "housing.three-supplies" in [g["id"] for g in before["due_soon"]]


def test_state_change_across_the_period_boundary(spring):
    # Before W13 training is behind; a big entry inside the week puts it on track.
    spring("log", "jobs.training", "400", "--date", "2020-03-25", code=0)
    document = spring.json("summary", "--week", "2020-W13")
    change = next(c for c in document["state_changes"] if c["id"] == "jobs.training")
    assert change["from"] in ("at_risk", "off_track") and change["to"] == "on_track"
    # The entry dated the day before the week is not in this week's activity.
    spring("log", "jobs.placement", "10", "--date", "2020-03-22", code=0)
    activity = spring.json("summary", "--week", "2020-W13")["activity"]
    assert "jobs.placement" not in [a["id"] for a in activity]


def test_off_track_goals_carry_schedule_and_forecast(spring):
    document = spring.json("summary", "--week", "2020-W12")
    placement = next(g for g in document["attention"] if g["id"] == "jobs.placement")
    # 120 of 1,500 on 2020-03-22 where 22% is due; 120 in the 8 weeks → far too slow.
    assert placement["condition"] == "off_track"
    assert placement["schedule_days"] < 0 and "比期限晚" in placement["forecast_text"]
    assert placement["delay_days"] == -placement["schedule_days"]
    english = spring.json("summary", "--week", "2020-W12", "--lang", "en")
    placement = next(g for g in english["attention"] if g["id"] == "jobs.placement")
    assert "days late" in placement["forecast_text"]


def test_markdown(spring):
    md = spring("summary", "--week", "2020-W10", "--format", "md", code=0).stdout
    assert md.startswith("# 石峰区2020年工作目标")
    assert "## 附：本期进展" in md and "| 全年培训下岗失业人员3000人 | +500人 |" in md
    assert "\\<script\\>" in md  # user text cannot become HTML in a wiki


def test_html_is_self_contained_and_escapes_hostile_notes(spring, tmp_path):
    out = tmp_path / "report.html"
    spring("summary", "--week", "2020-W10", "--format", "html", "--output", str(out), code=0)
    html = out.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in html
    assert "<script" not in html and "<img" not in html
    assert not re.search(r"<[^>]*onerror", html)
    assert "&lt;script&gt;" in html and "{{ 7*7 }}" in html
    assert "\x1b" not in html and "\\x1b[31m" in html
    assert not re.search(r"(src|href)=\"?(https?:|//)", html)  # nothing external
    assert "<svg" in html and "<polyline" in html  # charts for off-track goals
    assert not list(tmp_path.glob(".report.html.*"))  # no temp file left behind


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder XDG_CACHE_HOME names")
def test_a_kept_compiled_template_torn_or_not_kept_changes_nothing_on_the_page(spring, tmp_path):
    """The bulletin's template is compiled once and kept in the user's cache
    folder. A kept copy that is torn or garbage is compiled again and kept
    again; a cache folder that cannot be made only means compiling each time."""

    def page(cache):
        args = ("summary", "--week", "2020-W10", "--format", "html")
        return spring(*args, env={"XDG_CACHE_HOME": str(cache)}, code=0).stdout

    first = page(tmp_path / "cache")
    (kept,) = (tmp_path / "cache" / "tracker" / "templates").iterdir()
    assert page(tmp_path / "cache") == first
    whole = kept.read_bytes()
    for spoiled in (b"", b"not a template", whole[:8], whole[:20], whole[: len(whole) // 2]):
        kept.write_bytes(spoiled)
        assert page(tmp_path / "cache") == first
        assert kept.stat().st_size == len(whole)  # compiled again, kept again
    (tmp_path / "a-file").write_text("")
    assert page(tmp_path / "a-file") == first


@posix_only  # cron's hosts; env(1) from Git for Windows would not make a bare environment
@pytest.mark.skipif(shutil.which("env") is None, reason="needs env(1), as cron's hosts have")
def test_cron_bare_environment(spring, tmp_path):
    """env -i: no HOME, LANG, TERM or PATH; output is UTF-8 with no escape codes."""

    def summary_under_cron(*args: str) -> subprocess.CompletedProcess:
        command = ["env", "-i", *tracker_exe(), "--data", str(spring.root), "summary"]
        return subprocess.run(
            [*command, "--as-of", "2020-03-08", *args], capture_output=True, timeout=120
        )

    out = summary_under_cron()
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode("utf-8")
    assert "全年培训下岗失业人员3000人" in text and "\x1b" not in text
    target = tmp_path / "shared" / "weekly.md"
    target.parent.mkdir()
    out = summary_under_cron("--format", "md", "--output", str(target))
    assert out.returncode == 0 and out.stdout == b""
    assert target.read_text(encoding="utf-8").startswith("# 石峰区2020年工作目标")


@posix_only  # Windows refuses to replace a file a reader holds: tests/test_output_files.py
def test_output_replaces_the_file_atomically(spring, tmp_path):
    target = tmp_path / "weekly.txt"
    target.write_text("last week's report\n", encoding="utf-8")
    reader = open(target, encoding="utf-8")  # a reader that opened the old report
    spring("summary", "--as-of", "2020-03-08", "--output", str(target), code=0)
    assert reader.read() == "last week's report\n"  # it still sees the whole old file
    reader.close()
    assert "工作目标督查通报" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_period_options_are_checked(spring, monkeypatch):
    monkeypatch.setenv("TRACKER_LANG", "en")
    assert (
        "not both"
        in spring("summary", "--week", "2020-W10", "--since", "2020-03-01", code=2).stderr
    )
    assert "has no week 54" in spring("summary", "--week", "2020-W54", code=2).stderr
    assert (
        "starts"
        in spring("summary", "--since", "2020-03-10", "--until", "2020-03-01", code=2).stderr
    )
    # The 7 days ending a Sunday are that ISO week, and are named so.
    default = spring.json("summary", "--as-of", "2020-03-08")["period"]
    assert default == {"since": "2020-03-02", "until": "2020-03-08", "week": "2020-W10"}
    default = spring.json("summary", "--as-of", "2020-03-10")["period"]
    assert default == {"since": "2020-03-04", "until": "2020-03-10", "week": None}


def test_a_repeated_id_in_the_week_is_not_activity_when_its_first_line_came_before(run, data):
    """Only the first line with an id counts, wherever the first one is: the
    week reads only its own rows, and still knows a repeat for one."""

    def line(id, day, value, note, file="2020-03"):
        record = {"id": id, "goal": "jobs.training", "date": day, "value": value, "note": note,
                  "by": "t", "recorded_at": f"{day}T08:00:00Z"}  # fmt: skip
        with open(data / "progress" / f"{file}.jsonl", "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    line("a1", "2020-03-01", 100, "first")
    line("a1", "2020-03-05", 999, "dup")  # the same file, in the week
    line("b1", "2020-02-10", 5, "early", file="2020-02")
    line("b1", "2020-03-04", 5, "dup2")  # first in an earlier file
    line("a2", "2020-03-06", 7, "real")
    document = run.json("summary", "--week", "2020-W10")
    training = [a for a in document["activity"] if a["id"] == "jobs.training"]
    assert len(training) == 1 and training[0]["entries"] == 1, training
    assert training[0]["notes"] == ["real"]
