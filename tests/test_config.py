"""The user's config file: where it is, what it sets (lang, by, data), how flags
and the environment override it, and that a bad one is a located problem."""

from __future__ import annotations

import json
import sys

import pytest

from tests.conftest import run_process, validator


def test_no_file_sets_nothing(run, own_settings):
    out = run("config", code=0).stdout
    assert f"配置文件：{own_settings}" in out and "文件尚不存在" in out
    document = run.json("config")
    assert not list(validator("config").iter_errors(document))
    assert document["exists"] is False and document["origin"] == "TRACKER_CONFIG"
    assert document["settings"] == {"lang": None, "by": None, "data": None}
    assert document["effective"]["lang"] == {"value": "zh", "from": "default"}
    assert document["effective"]["by"]["from"] == "login"


def test_set_and_unset_write_the_file_and_keep_the_rest(run, own_settings):
    own_settings.write_text("# 我的设置\nlang = 'zh'  # 中文\n", encoding="utf-8")
    out = run("config", "set", "by", "财政局张伟", code=0).stdout
    assert "已设置 by = 财政局张伟" in out
    run("config", "set", "lang", "en", code=0)
    text = own_settings.read_text(encoding="utf-8")
    assert text == '# 我的设置\nlang = "en"\nby = "财政局张伟"\n'
    document = run.json("config", "unset", "lang")
    assert not list(validator("config").iter_errors(document))
    assert document["changed"] == {"key": "lang", "value": None}
    assert document["settings"] == {"lang": None, "by": "财政局张伟", "data": None}
    assert own_settings.read_text(encoding="utf-8") == '# 我的设置\nby = "财政局张伟"\n'
    leftovers = [p.name for p in own_settings.parent.iterdir() if p.name != "config.toml"]
    assert leftovers == []  # written through a temporary file renamed over it


def test_a_name_with_quotes_round_trips(run, own_settings):
    run("config", "set", "by", 'a "quoted" \\ name\x7f', code=0)
    assert run.json("config")["settings"]["by"] == 'a "quoted" \\ name\x7f'


def test_set_refuses_what_it_cannot_store(run, own_settings):
    unknown = run("config", "set", "lnag", "en", "--lang", "en", code=2).stderr
    assert "unknown setting 'lnag' (did you mean 'lang'?)" in unknown
    assert "zh, en" in run("config", "set", "lang", "fr", code=2).stderr
    assert (
        "没有 goals.toml" in run("config", "set", "data", str(own_settings.parent), code=3).stderr
    )
    assert run("config", "set", "by", code=2).stderr.startswith("tracker: 用法：tracker config")
    assert not own_settings.exists()


def test_by_is_the_default_reporter_and_the_flag_overrides_it(run, own_settings):
    run("config", "set", "by", "财政局张伟", code=0)
    run("log", "jobs.training", "10", "--date", "2020-03-01", code=0)
    run("log", "jobs.training", "10", "--date", "2020-03-02", "--by", "李四", code=0)
    entries = run.json("entries")["entries"]
    assert [e["by"] for e in entries] == ["财政局张伟", "李四"]
    retracted = run.json("retract", entries[0]["id"], "--reason", "重复")
    assert retracted["entries"][0]["by"] == "财政局张伟"


def test_lang_from_the_file_and_overridden(run, own_settings):
    run("config", "set", "lang", "en", code=0)
    assert "as of 2020-06-30" in run("status", "--as-of", "2020-06-30", code=0).stdout
    assert (
        "截至 2020-06-30" in run("status", "--as-of", "2020-06-30", "--lang", "zh", code=0).stdout
    )
    by_env = run("status", "--as-of", "2020-06-30", env={"TRACKER_LANG": "zh"}, code=0).stdout
    assert "截至 2020-06-30" in by_env
    assert "Usage: " in run("status", "--help", code=0).stdout  # help too


def test_data_from_the_file_comes_after_the_folder_you_stand_in(data, tmp_path, own_settings):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    missing = run_process(["status", "--format", "json"], cwd=elsewhere)
    assert missing.returncode == 3 and b"config set data" in missing.stderr
    own_settings.write_text(f"data = {json.dumps(str(data))}\n", encoding="utf-8")
    found = run_process(["status", "--format", "json"], cwd=elsewhere)
    assert found.returncode == 0, found.stderr
    # a folder holding goals.toml (here, or above) beats the config's default
    other = tmp_path / "other"
    other.mkdir()
    (other / "goals.toml").write_text((data / "goals.toml").read_text(encoding="utf-8"))
    broken = (other / "goals.toml").read_text(encoding="utf-8").replace("[plan]", "[plna]", 1)
    (other / "goals.toml").write_text(broken, encoding="utf-8")
    assert run_process(["status"], cwd=other).returncode == 3  # it used the folder's plan
    # and TRACKER_DATA beats both
    env_wins = run_process(["status"], cwd=other, env={"TRACKER_DATA": str(data)})
    assert env_wins.returncode == 0, env_wins.stderr
    shown = json.loads(run_process(["config", "--format", "json"], cwd=elsewhere).stdout)
    assert shown["effective"]["data"] == {"value": str(data), "from": "config"}


def test_the_data_folder_named_in_the_file_must_hold_a_plan(tmp_path, own_settings):
    own_settings.write_text(f"data = {json.dumps(str(tmp_path))}\n", encoding="utf-8")
    result = run_process(["status"], cwd=tmp_path, env={"TRACKER_LANG": "en"})
    assert result.returncode == 3
    assert f"(from {own_settings})" in result.stderr.decode("utf-8")


@pytest.mark.parametrize(
    "text, where, message",
    [
        ("lang = \n", ":1:8: TOML syntax", "TOML syntax"),
        ('lang = "fr"\n', ":1: unknown lang 'fr'", "one of zh, en"),
        ('by = "x"\nby2 = 3\n', ":2: unknown setting 'by2'", "did you mean 'by'?"),
        ("by = 3\n", ":1: 'by' must be text, not a number", 'by = "…"'),
        ('data = ""\n', ":1: 'data' is empty", "tracker config unset data"),
        # A Windows path in double quotes: \ starts an escape there.
        (
            'data = "D:\\工作\\目标"\n',
            ":1:13: TOML syntax",
            "single quotes: data = 'D:\\工作\\目标'",
        ),
        (
            'data = "D:\\temp\\new"\n',
            ":1: 'data' holds a tab or a line break",
            "single quotes: data = 'D:\\temp\\new'",
        ),
    ],
)
def test_a_bad_file_is_a_located_problem_never_a_traceback(own_settings, data, text, where,
                                                            message):  # fmt: skip
    own_settings.write_text(text, encoding="utf-8")
    for args in (["status"], ["config"]):
        result = run_process(["--data", str(data), "--lang", "en", *args])
        err = (result.stderr + result.stdout).decode("utf-8")
        assert result.returncode == 3, (args, err)
        assert f"{own_settings}{where}" in err and message in err, (args, err)
        assert "Traceback" not in err


def test_set_leaves_a_file_it_cannot_read_alone(run, own_settings):
    own_settings.write_text("lang = [\n", encoding="utf-8")
    result = run("config", "set", "by", "张伟", "--lang", "en", code=3)
    assert "TOML syntax" in result.stderr
    assert own_settings.read_text(encoding="utf-8") == "lang = [\n"
    # a bad value is no reason to refuse fixing it
    own_settings.write_text('lang = "fr"\n', encoding="utf-8")
    run("config", "set", "lang", "en", code=0)
    assert own_settings.read_text(encoding="utf-8") == 'lang = "en"\n'


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CONFIG_HOME is the Linux convention")
def test_without_tracker_config_it_is_in_the_platform_folder(run, own_settings, monkeypatch):
    monkeypatch.delenv("TRACKER_CONFIG")
    document = run.json("config")
    xdg = own_settings.parent / "xdg"
    assert document["path"] == str(xdg / "tracker" / "config.toml")
    assert document["origin"] == "platform"
    run("config", "set", "lang", "en", code=0)
    assert (xdg / "tracker" / "config.toml").read_text(encoding="utf-8") == 'lang = "en"\n'


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CONFIG_HOME is the Linux convention")
@pytest.mark.parametrize("xdg", [None, "", "relative/place", "/somewhere/conf"])
def test_the_platform_folder_is_where_platformdirs_puts_it(xdg, monkeypatch):
    """tracker says the Linux rule itself (platformdirs is slow to import); it
    must stay the folder platformdirs gives, whatever $XDG_CONFIG_HOME holds."""
    import os

    import platformdirs

    from tracker.storage.config import platform_config_folder

    if xdg is None:
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
    expected = platformdirs.user_config_path("tracker", appauthor=False, roaming=True)
    assert platform_config_folder(os.environ) == expected
