"""The language: --lang (the command's or the group's), then TRACKER_LANG, then
the config file, then the locale; Chinese by default. Help, errors, warnings,
check, headers, confirmations and units all follow it."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import run_process


def test_chinese_by_default_for_everything(run):
    assert "用法：cli [选项] 命令 [参数]..." in run("--help", code=0).stdout
    assert "命令：" in run("--help", code=0).stdout
    assert "记录目标 ID 的进展。" in run("log", "--help", code=0).stdout
    assert "未知目标“nosuch”（可写目标编号" in run("show", "nosuch", code=3).stderr
    assert "检查通过：38 项目标，0 条记录，没有问题。" in run("check", code=0).stdout


@pytest.mark.parametrize(
    "args, env",
    [
        (["--lang", "en"], {}),  # the group's flag
        ([], {"TRACKER_LANG": "en"}),
        ([], {"TRACKER_LANG": "en_US.UTF-8"}),
        ([], {"LANG": "en_US.UTF-8"}),
        ([], {"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}),  # LC_ALL beats LANG
        ([], {"LC_MESSAGES": "en_US.UTF-8"}),
    ],
)
def test_english_from_each_source(run, args, env):
    out = run(*args, "check", env=env, code=0).stdout
    assert out.startswith("OK: 38 goals, 0 entries, no problems."), out


@pytest.mark.parametrize(
    "env", [{"LANG": "zh_CN.UTF-8"}, {"LANG": "C.UTF-8"}, {"LANG": "fr_FR.UTF-8"}, {}]
)
def test_any_other_locale_is_chinese(run, env):
    assert run("check", env=env, code=0).stdout.startswith("检查通过")


def test_first_source_wins(run, own_settings):
    own_settings.write_text('lang = "en"\n', encoding="utf-8")
    assert run("check", code=0).stdout.startswith("OK")  # the config file …
    zh_locale = {"LANG": "zh_CN.UTF-8"}
    assert run("check", env=zh_locale, code=0).stdout.startswith("OK")  # … beats the locale
    by_env = run("check", env={"TRACKER_LANG": "zh"}, code=0).stdout
    assert by_env.startswith("检查通过")  # TRACKER_LANG beats the file
    by_flag = run("check", "--lang", "en", env={"TRACKER_LANG": "zh"}, code=0).stdout
    assert by_flag.startswith("OK")  # --lang beats TRACKER_LANG
    command_over_group = run("--lang", "zh", "check", "--lang", "en", code=0).stdout
    assert command_over_group.startswith("OK")  # the command's flag beats the group's


def test_a_bad_tracker_lang_is_named(run):
    result = run("status", env={"TRACKER_LANG": "fr"}, code=3)
    assert "TRACKER_LANG=“fr”" in result.stderr and "可选：zh, en" in result.stderr


def test_help_follows_the_language_wherever_the_flag_stands(run):
    for args in (
        ["--lang", "en", "status", "--help"],
        ["status", "--help", "--lang", "en"],
        ["status", "--lang=en", "--help"],
    ):
        out = run(*args, code=0).stdout
        assert out.startswith("Usage: cli status [OPTIONS]"), (args, out)  # CliRunner names it cli
        assert "Only goals of this owner (office name)." in out
    english = run("--help", env={"TRACKER_LANG": "en"}, code=0).stdout
    assert "Commands:" in english and "Where every goal stands." in english
    chinese = run("status", "--help", code=0).stdout
    assert "只看这一责任单位的目标" in chinese and "输出格式（默认：table）。" in chinese
    assert "显示本帮助并退出。" in chinese


def test_every_command_has_lang(run):
    from tracker.cli import COMMANDS

    for name in COMMANDS:
        assert "--lang [zh|en]" in run(name, "--help", code=0).stdout, name


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_help_shows_a_catalogue_key(run, lang):
    """Every option's help is said in words: `-o/--output` once printed its
    catalogue key (help.opt.output) in both languages."""
    from tracker.cli import COMMANDS

    for name in COMMANDS:
        out = run(name, "--help", "--lang", lang, code=0).stdout
        assert not re.search(r"\bhelp\.[a-z_.]+", out), (name, out)


def test_version_in_both_languages(run):
    assert run("--version", code=0).stdout.startswith("tracker，版本 ")
    assert run("--lang", "en", "--version", code=0).stdout.startswith("tracker, version ")


def test_problems_check_and_warnings_follow_the_language(run, data):
    (data / "progress" / "2020-01.jsonl").write_text('{"id": "x"\n', encoding="utf-8")
    zh = run("status", code=0).stderr
    assert zh.startswith("tracker：警告：progress/ 中有 1 处问题")
    en = run("status", "--lang", "en", code=0).stderr
    assert en.startswith("tracker: warning: 1 problem(s) in progress/")
    assert run("check", code=3).stdout.rstrip().endswith("共 1 处问题。")
    document = json.loads(run("check", "--format", "json", "--lang", "en", code=3).stdout)
    assert document["problems"][0]["code"] and "JSON" in document["problems"][0]["message"]


def test_english_shows_words_not_identifiers(run):
    status = run("status", "--as-of", "2020-06-30", "--lang", "en", code=0).stdout
    assert "✖ off track" in status and "off_track" not in status
    alerts = run("alerts", "--as-of", "2020-04-20", "--lang", "en", code=0).stdout
    assert "due soon" in alerts and "due_soon" not in alerts
    goals_en = run("goals", "--lang", "en", code=0).stdout
    assert "milestone" in goals_en and "3 items" in goals_en
    goals_zh = run("goals", code=0).stdout
    assert "里程碑" in goals_zh and "计数" in goals_zh and " items" not in goals_zh
    # JSON keeps SPEC's identifiers whatever the language
    document = run.json("status", "--as-of", "2020-06-30", "--lang", "en")
    assert "off_track" in {g["state"] for g in document["goals"]}


def test_the_log_and_its_confirmations_in_chinese(run):
    logged = run("log", "jobs.training", "120", "--date", "2020-03-01", code=0).stdout
    assert logged.startswith("已记录 jobs.training 2020-03-01 的进展（编号 ")
    assert "jobs.training：120/3,000 人（4%），" in logged
    dry = run("log", "jobs.training", "5", "--date", "2020-03-02", "--dry-run", code=0).stdout
    assert dry.startswith("试运行：") and "未写入任何内容" in dry
    entry = run.json("entries")["entries"][0]["id"]
    retracted = run("retract", entry[:8], "--reason", "录错了", code=0).stdout
    assert retracted.startswith(f"已撤销 {entry}（jobs.training，2020-03-01）")
    table = run("entries", code=0).stdout
    for word in ("编号", "日期", "目标", "数值", "说明", "记录人", "共 2 条记录", "已被 ", "撤销 "):
        assert word in table, word
    english = run("entries", "--lang", "en", code=0).stdout
    assert "2 entries" in english and "retracted by" in english
    show = run("show", "jobs.training", "--as-of", "2020-03-05", code=0).stdout
    assert "（已撤销）" in show and ". 计划进度   * 实际进度   # 两者重合" in show


def test_days_in_the_chinese_digest(run):
    run("log", "housing.three-supplies", "--note", "进行中", "--date", "2020-04-18", code=0)
    digest = run("summary", "--as-of", "2020-04-20", code=0).stdout
    assert "10天" in digest and "10d" not in digest
    assert "10d" in run("summary", "--as-of", "2020-04-20", "--lang", "en", code=0).stdout


def test_an_internal_error_line_and_a_usage_error_in_a_subprocess(data):
    result = run_process(["--data", str(data), "show", "nosuch"], env={"LANG": "en_US.UTF-8"})
    assert result.returncode == 3
    assert "unknown goal 'nosuch'" in result.stderr.decode("utf-8")


def test_clicks_own_usage_errors_in_both_languages(run):
    zh = run("status", "--formt", "json", code=2).stderr
    assert (
        "错误：没有选项 --formt；是不是 --format？" in zh and "运行“cli status -h”查看帮助。" in zh
    )
    assert "错误：缺少 'ENTRY'" in run("retract", code=2).stderr
    assert "可选：table, json, csv, md" in run("status", "--format", "xml", code=2).stderr
    assert "没有命令“nosuch”" in run("nosuch", code=2).stderr
    en = run("--lang", "en", "status", "--format", "xml", code=2).stderr
    assert "Error: invalid '--format'; one of table, json, csv, md" in en
    assert "Try 'cli status -h' for help." in en


def test_click_marks_a_required_option_in_the_users_language(run):
    assert "［必填］" in run("template", "--help", code=0).stdout
    assert "[required]" in run("template", "--help", "--lang", "en", code=0).stdout
