"""The daily path of district staff (issue 12): goals named as people think of
them, completion, real terminals, and guard rails when logging."""

from __future__ import annotations

import json
import re

import pytest

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
