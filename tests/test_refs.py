"""Naming a goal the way people think of it: tracker.refs.resolve_goal as a table
(what was typed → which goal, or which goals make it ambiguous), and the same
names through the commands that take a goal."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from tests.conftest import make_goal, make_plan
from tracker.model import Entry, Goal, Op
from tracker.problems import ExitCode, TrackerError
from tracker.refs import resolve_entry, resolve_goal


def goal(goal_id: str, title: str, title_en: str) -> Goal:
    return make_goal(goal_id, title=title, title_en=title_en, area="livelihood",
                     owner="区人社局", source=title, target=100)  # fmt: skip


PLAN = make_plan(
    goal("jobs.training", "全年培训下岗失业人员3000人", "Train 3,000 laid-off people"),
    goal("jobs.placement", "其中1500人实现就业", "Place 1,500 of those trained in jobs"),
    goal("culture.24h-bookstores", "新增2个24小时书屋", "Open two 24-hour bookstores"),
    goal("culture.library", "建设社区图书馆", "Build a community library"),
    goal("jobs", "就业总体目标", "Jobs overall"),
)

RESOLVES = [
    ("jobs.training", "jobs.training"),  # the id itself
    ("JOBS.TRAINING", "jobs.training"),  # any case
    ("Jobs.Placement", "jobs.placement"),
    ("ｊｏｂｓ．ｔｒａｉｎｉｎｇ", "jobs.training"),  # full-width, as a Chinese IME types it
    ("jobs.tr", "jobs.training"),  # a unique start
    ("JOBS.PL", "jobs.placement"),
    ("culture.2", "culture.24h-bookstores"),
    ("jobs", "jobs"),  # an exact id wins over being the start of others
    ("1", "jobs.training"),  # the number `tracker goals` shows
    ("3", "culture.24h-bookstores"),
    ("#4", "culture.library"),
    ("５", "jobs"),  # a full-width digit
    ("书屋", "culture.24h-bookstores"),  # words of the Chinese title
    ("图书馆", "culture.library"),
    ("1500", "jobs.placement"),  # beyond the goal numbers: a title word
    ("下岗 3000", "jobs.training"),  # several words, all in one title
    ("bookstores", "culture.24h-bookstores"),  # the English title
    ("Community LIBRARY", "culture.library"),
    ("  书屋  ", "culture.24h-bookstores"),
]


@pytest.mark.parametrize("typed, goal_id", RESOLVES)
def test_a_reference_names_one_goal(typed, goal_id):
    assert resolve_goal(PLAN, typed).id == goal_id


AMBIGUOUS = [
    ("jobs.", {"jobs.training", "jobs.placement"}),  # a start shared by two ids
    ("CULTURE", {"culture.24h-bookstores", "culture.library"}),
    ("就业", {"jobs.placement", "jobs"}),  # a word in two titles
    ("Train", {"jobs.training", "jobs.placement"}),  # "trained" is in placement's title_en
]


@pytest.mark.parametrize("typed, candidates", AMBIGUOUS)
def test_an_ambiguous_reference_lists_every_candidate(typed, candidates):
    with pytest.raises(TrackerError) as caught:
        resolve_goal(PLAN, typed)
    assert caught.value.exit_code is ExitCode.USAGE
    for lang in ("zh", "en"):
        text = caught.value.problems[0].text(lang)
        for goal_id in candidates:
            assert goal_id in text
        others = {g.id for g in PLAN.goals} - candidates
        assert not any(f"{other} " in text or f"{other}（" in text for other in others), text
    en = caught.value.problems[0].text("en")
    zh = caught.value.problems[0].text("zh")
    some = PLAN.goal(sorted(candidates)[0])
    assert some.title_en in en and some.title in zh


UNKNOWN = ["nosuch", "99", "6", "", "   ", "书店", "jobs.training.x"]


@pytest.mark.parametrize("typed", UNKNOWN)
def test_a_reference_to_no_goal_is_bad_input(typed):
    with pytest.raises(TrackerError) as caught:
        resolve_goal(PLAN, typed)
    assert caught.value.exit_code is ExitCode.BAD_DATA
    assert caught.value.problems[0].code == "unknown-goal"


def test_a_near_miss_is_suggested():
    with pytest.raises(TrackerError) as caught:
        resolve_goal(PLAN, "jobs.trainnig")
    assert "jobs.training" in caught.value.problems[0].text("en")


def _entry(entry_id, day, value):
    return Entry(entry_id, "jobs.training", dt.date(2020, 5, day), Op.VALUE, "t", value=value)


def test_an_entry_prefix_naming_several_lists_goal_date_and_value():
    entries = [_entry("8ea3aaaa00000000", 1, 120), _entry("8ea3bbbb00000000", 2, 80)]
    assert resolve_entry(entries, "8ea3b").id == "8ea3bbbb00000000"
    with pytest.raises(TrackerError) as caught:
        resolve_entry(entries, "8ea3")
    text = caught.value.problems[0].text("zh")
    assert "jobs.training 2020-05-01 120" in text and "jobs.training 2020-05-02 80" in text


# ── through the commands: show, goals, log, entries ──────────────────────────


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
    lines = [
        json.loads(x)
        for x in (data / "progress" / "2020-05.jsonl").read_text(encoding="utf-8").splitlines()
    ]
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


@pytest.mark.parametrize(
    "short, full",
    [
        ("人社局", "区人力资源和社会保障局"),
        ("财政局", "区财政局"),
        ("住建局", "区住房和城乡建设局"),
    ],
)
def test_the_bundled_plans_offices_go_by_their_short_names(run, short, full):
    """The names 督查室 staff type every day name the office the plan lists."""

    def goals(owner):
        return [
            g["id"] for g in run.json("status", "--owner", owner, "--as-of", "2020-06-30")["goals"]
        ]

    assert goals(short) == goals(full) and goals(short)
