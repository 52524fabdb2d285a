"""Files saved on Windows end their lines with CRLF (Notepad, an editor's
default, git with autocrlf and no .gitattributes): goals.toml, the log and the
config file are read with the right line numbers, and the log is appended to
without a line fusing with the last."""

from __future__ import annotations

import json

import pytest

from tests.conftest import MINI, goal_status

pytestmark = pytest.mark.usefixtures("english")  # these tests assert English messages


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def test_a_crlf_plan_is_located_by_its_lines(run, data):
    (data / "goals.toml").write_bytes(crlf(MINI))
    assert "no problems" in run("check", code=0).stdout
    (data / "goals.toml").write_bytes(crlf(MINI.replace("target = 3000\n", "tagret = 3000\n")))
    assert "goals.toml:21: unknown key 'tagret'" in run("check", code=3).stdout


def test_a_crlf_log_counts_is_located_and_appended_to(run, data):
    line = {"goal": "jobs.training", "date": "2020-03-01", "value": 10, "by": "x",
            "note": "社区", "recorded_at": "2020-03-01T00:00:00Z"}  # fmt: skip
    lines = [json.dumps(dict(line, id=f"e{n}"), ensure_ascii=False) for n in (1, 2)]
    month = data / "progress" / "2020-03.jsonl"
    month.write_bytes(crlf(f"{lines[0]}\n{lines[1]}\n{{torn\n"))
    assert goal_status(run, "jobs.training", "2020-03-31")["current"] == 20
    run("log", "jobs.training", "5", "--date", "2020-03-02", code=0)
    assert goal_status(run, "jobs.training", "2020-03-31")["current"] == 25
    check = run("check", code=3).stdout
    assert "2020-03.jsonl:3:" in check and "1 problem" in check, check
    appended = month.read_bytes().split(b"\n")[3]  # after the torn line, on its own
    assert json.loads(appended)["value"] == 5


def test_a_crlf_config_file_is_read(run, own_settings):
    own_settings.write_bytes(crlf('lang = "en"\nby = "财政局张伟"\n'))
    settings = run.json("config")["settings"]
    assert settings["lang"] == "en" and settings["by"] == "财政局张伟"
