"""Names in one normal form: an item or an office typed decomposed (NFD) or as
a CJK compatibility ideograph — as some editors and input methods write them —
is the plan's name, on every path a name enters (`log --item`, a batch, a
workbook cell, `--owner`), and the line written carries the plan's spelling;
a plan naming one item in two forms names it twice and is refused."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MINI, log_records
from tracker.model import Source
from tracker.storage.logline import entry_from_record
from tracker.storage.planfile import parse_plan

pytestmark = pytest.mark.usefixtures("english")

GOAL = "rural.eco-farm-bases"
BUNDLED_ITEMS = 'items = ["茅天新", "长石", "九塘"]'
# (the plan's spelling, the same name as typed in another form)
FORMS = {
    "compatibility ideograph": ("長樂村", "長\uf914村"),  # U+F914 is 樂 as a compatibility form
    "decomposed accent": ("Café", "Cafe\u0301"),
}


@pytest.fixture
def named(data):
    """The bundled plan with the eco-farm checklist's items spelt in NFC."""
    path = data / "goals.toml"
    names = ", ".join(json.dumps(plan, ensure_ascii=False) for plan, _ in FORMS.values())
    path.write_text(path.read_text(encoding="utf-8").replace(BUNDLED_ITEMS, f"items = [{names}]"),
                    encoding="utf-8")  # fmt: skip
    return data


def done_items(run) -> list[str]:
    status = run.json("status", "--as-of", "2020-06-30")
    return next(g for g in status["goals"] if g["id"] == GOAL)["current"]


@pytest.mark.parametrize("path", ["log", "batch", "csv"])
@pytest.mark.parametrize("plan_form, typed", FORMS.values(), ids=FORMS.keys())
def test_an_item_typed_in_another_form_is_the_plans_item(run, named, tmp_path, path, plan_form,
                                                         typed):  # fmt: skip
    if path == "log":
        run("log", GOAL, "--item", typed, "--date", "2020-06-01", code=0)
    elif path == "batch":
        run.log_batch([{"goal": GOAL, "date": "2020-06-01", "items": [typed]}])
    else:
        form = tmp_path / "form.csv"
        form.write_text(f"编号,完成的分项,日期\n{GOAL},{typed},2020-06-01\n", encoding="utf-8")
        run("log", "--from-csv", str(form), code=0)
    written = [r for r in log_records(named) if "items" in r]
    assert written[0]["items"] == [plan_form]  # what a reader greps for
    assert done_items(run) == 1
    again = run("log", GOAL, "--item", plan_form, "--date", "2020-06-02", code=3).stderr
    assert "already" in again  # the same item, not a second one


@pytest.mark.parametrize("plan_form, typed", FORMS.values(), ids=FORMS.keys())
def test_a_line_written_in_another_form_counts_for_the_plans_item(run, named, plan_form, typed):
    line = {"id": "a1", "goal": GOAL, "date": "2020-06-01", "items": [typed],
            "recorded_at": "2020-06-01T00:00:00Z"}  # fmt: skip
    (named / "progress" / "2020-06.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert done_items(run) == 1 and "no problems" in run("check", code=0).stdout


@pytest.mark.parametrize("plan_form, typed", FORMS.values(), ids=FORMS.keys())
def test_a_checklist_naming_one_item_in_two_forms_is_refused(run, data, plan_form, typed):
    path = data / "goals.toml"
    two = json.dumps([plan_form, typed], ensure_ascii=False)
    path.write_text(path.read_text(encoding="utf-8").replace(BUNDLED_ITEMS, f"items = {two}"),
                    encoding="utf-8")  # fmt: skip
    assert f"item '{plan_form}' is listed twice" in run("check", code=3).stdout


def test_an_office_typed_in_another_form_is_the_plans_office(run, data):
    path = data / "goals.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("区财政局", "区樂业局"),
                    encoding="utf-8")  # fmt: skip
    typed = "区\uf914业局"  # 樂 as a compatibility ideograph
    goals = run.json("status", "--owner", typed, "--as-of", "2020-06-30")["goals"]
    assert goals and all("区樂业局" in [g["owner"], *g["co_owners"]] for g in goals)
    alerts = run.json("alerts", "--owner", typed, "--as-of", "2020-06-30")["alerts"]
    assert alerts and all("区樂业局" in a["owner"] for a in alerts)


# Every name, in any form canonically equivalent to the plan's, reads as the
# plan's: goals.toml and a log line meet in one normal form.
NAMES = st.text(st.characters(exclude_categories=["Cc", "Cs"]), min_size=1, max_size=8).filter(
    str.strip
)


@given(NAMES, st.sampled_from(["NFC", "NFD"]), st.sampled_from(["NFC", "NFD"]))
def test_the_plan_and_a_log_line_read_a_name_in_one_form(name, plan_form, line_form):
    item = unicodedata.normalize(plan_form, name)
    plan_text = MINI.replace(
        'kind = "count"\ntarget = 3000\nunit = "人"',
        f'kind = "checklist"\nitems = [{json.dumps(item, ensure_ascii=False)}]', 1,
    )  # fmt: skip
    plan = parse_plan(plan_text, "goals.toml").plan
    record = {"id": "x", "goal": "jobs.training", "date": "2020-06-01",
              "items": [unicodedata.normalize(line_form, name)], "recorded_at": "2020-06-01"}  # fmt: skip
    entry = entry_from_record(record, Source("f", 1))
    assert entry.items == plan.goals[0].items
