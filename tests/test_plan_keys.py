"""What real plans also say, key by key (the README's table of goal keys): money
in decimals, how a level is judged, co-responsible offices, cadences, dated
revisions, goals that cross the year, checklist items with deadlines of their
own, and starting a plan and next year's from this one's unfinished goals.
Through the real CLI, on tests/plans/office.toml, a plan written the way an
office writes one."""

from __future__ import annotations

import pytest

from tests.conftest import REPO, Run, goal_status, plan_folder, plan_text, validator

pytestmark = pytest.mark.usefixtures("english")  # these tests assert English messages
OFFICE = plan_text("office")


@pytest.fixture
def plan(tmp_path) -> Run:
    return plan_folder(tmp_path, "office")


def check_out(run: Run, old: str, new: str) -> str:
    path = run.root / "goals.toml"
    path.write_text(OFFICE.replace(old, new, 1), encoding="utf-8")
    return run("check", code=3).stdout


def test_the_plan_is_valid(plan):
    assert "no problems" in plan("check", code=0).stdout


# ── exact decimals ───────────────────────────────────────────────────────────


def test_money_takes_fractional_tranches_summed_exactly(plan):
    for value, day in (("0.35", "2020-03-01"), ("0.3", "2020-04-01"), ("0.25", "2020-05-01")):
        plan("log", "money", value, "--date", day, code=0)
    status = goal_status(plan, "money", "2020-05-31")
    assert status["current"] == 0.9 and status["target"] == 1.5  # not 0.8999999999999999
    digest = plan.json("summary", "--since", "2020-03-01", "--until", "2020-05-31")
    row = next(a for a in digest["activity"] if a["id"] == "money")
    assert (row["before"], row["after"], row["net_change"]) == (0, 0.9, 0.9)
    assert "0.9/1.5 亿元" in plan("status", "--as-of", "2020-05-31", "--lang", "zh").stdout
    refused = plan("log", "money", "0.125", "--date", "2020-05-02", code=3).stderr
    assert "money counts 亿元 with 2 decimal places: 0.125 has more" in refused


def test_whole_unit_goals_still_refuse_fractions(plan):
    assert (
        "counts whole 人: 1.5 is not whole"
        in plan("log", "revised", "1.5", "--date", "2020-03-01", code=3).stderr
    )
    out = check_out(plan, "target = 1000\n", "target = 1000.5\n")
    assert "target = 1000.5: this goal counts 人 with 0 decimal places" in out
    assert "add decimals = 2" in out


def test_counts_with_no_entries_are_zero_in_every_output(plan):
    plan("log", "money", "0.5", "--date", "2020-03-10", code=0)
    digest = plan.json("summary", "--since", "2020-03-09", "--until", "2020-03-15")
    row = next(a for a in digest["activity"] if a["id"] == "money")
    assert row["before"] == 0 and row["after"] == 0.5
    assert goal_status(plan, "revised", "2020-03-15")["current"] == 0


# ── how a level is judged ────────────────────────────────────────────────────


def test_a_year_long_cut_met_in_june_is_on_track_not_done(plan):
    plan("log", "cut.final", "12.5", "--date", "2020-06-15", code=0)
    june = goal_status(plan, "cut.final", "2020-06-30")
    assert (june["state"], june["target_reached"]) == ("on_track", True)
    # A June reading does not cover the end of the year: not done at the end,
    # and after it the goal awaits its final reading.
    end = goal_status(plan, "cut.final", "2020-12-31")
    assert (end["state"], end["awaiting_final_reading"]) == ("on_track", False)
    after = goal_status(plan, "cut.final", "2021-01-15")
    assert (after["state"], after["awaiting_final_reading"]) == ("overdue", True)
    plan("log", "cut.final", "8", "--date", "2020-12-01", code=0)
    assert goal_status(plan, "cut.final", "2020-12-31")["state"] == "off_track"
    assert goal_status(plan, "cut.final", "2021-01-01")["state"] == "overdue"


def test_judged_when_first_reached_stays_done(plan):
    plan("log", "cut.first", "12.5", "--date", "2020-06-15", code=0)
    plan("log", "cut.first", "8", "--date", "2020-09-01", code=0)
    assert goal_status(plan, "cut.first", "2020-06-30")["state"] == "done"
    assert goal_status(plan, "cut.first", "2020-10-31")["state"] == "done"


def test_a_level_that_must_hold_is_done_only_at_the_deadline(plan):
    plan("log", "hold", "96", "--date", "2020-03-01", code=0)
    plan("log", "hold", "97", "--date", "2020-06-01", code=0)
    june = goal_status(plan, "hold", "2020-06-30")
    assert (june["state"], june["target_reached"]) == ("on_track", True)
    assert goal_status(plan, "hold", "2020-12-31")["state"] == "done"
    plan("log", "hold", "94", "--date", "2020-09-01", code=0)
    assert goal_status(plan, "hold", "2020-09-30")["state"] == "off_track"  # it fell short once
    plan("log", "hold", "99", "--date", "2020-10-01", code=0)
    assert goal_status(plan, "hold", "2020-12-31")["state"] == "off_track"  # and can't be done now


# ── lead and co-responsible offices ──────────────────────────────────────────


def test_co_owners_count_everywhere_an_office_does(plan):
    shared = plan.json("status", "--owner", "区审计局", "--as-of", "2020-06-30")
    assert [g["id"] for g in shared["goals"]] == ["money"]
    assert shared["goals"][0]["co_owners"] == ["区审计局"]
    digest = plan.json("summary", "--as-of", "2020-06-30")
    offices = {o["office"]: o for o in digest["offices"]}
    assert (offices["区审计局"]["held"], offices["区审计局"]["leads"]) == (1, 0)
    assert (offices["区财政局"]["held"], offices["区财政局"]["leads"]) == (3, 3)
    own = plan.json("summary", "--owner", "区审计局", "--as-of", "2020-06-30")
    assert {o["office"] for o in own["offices"]} >= {"区审计局"}
    alerts = plan("alerts", "--as-of", "2020-12-01", "--owner", "区审计局", "--lang", "zh")
    assert "区财政局（牵头）、区审计局" in alerts.stdout
    out = check_out(plan, 'co_owners = ["区审计局"]', 'co_owners = ["区审计局", "区财政局"]')
    assert "office '区财政局' is listed twice (or is the lead owner)" in out


# ── offices named once ([[plan.offices]]) ─────────────────────────────────────

OFFICES = """
[[plan.offices]]
name = "区财政局"
short = "财政局"
leader = "李四"

[[plan.offices]]
name = "区审计局"
short = "审计局"
"""
LISTED = ["区财政局", "区卫健局", "区人社局", "区农业局", "区住建局"]


@pytest.fixture
def listed(tmp_path) -> Run:
    """office.toml with its offices listed, a goal naming its co-office by the short name."""
    run = plan_folder(tmp_path, "office")
    others = "".join(f'\n[[plan.offices]]\nname = "{o}"\n' for o in LISTED[1:])
    text = OFFICE.replace("\n[[plan.areas]]", OFFICES + others + "\n[[plan.areas]]", 1)
    (run.root / "goals.toml").write_text(text.replace('["区审计局"]', '["审计局"]'), "utf-8")
    return run


def test_an_office_is_named_by_either_name_and_shown_one_way(listed):
    assert "no problems" in listed("check", code=0).stdout
    status = listed.json("status", "--owner", "审计局", "--as-of", "2020-06-30")
    assert [(g["id"], g["co_owners"]) for g in status["goals"]] == [("money", ["区审计局"])]
    for command in ("alerts", "summary", "status"):
        listed(command, "--owner", "财政局", "--as-of", "2020-12-01", code=0)
    path = listed.root / "form.xlsx"
    listed("template", "--owner", "财政局", "--as-of", "2020-06-30", "-o", str(path), code=0)
    # show and alerts name a shared goal's offices alike, by their short names.
    shared = "财政局（牵头）、审计局"
    alerts = listed("alerts", "--as-of", "2020-12-01", "--owner", "审计局", "--lang", "zh")
    show = listed("show", "money", "--as-of", "2020-12-01", "--lang", "zh").stdout
    assert shared in alerts.stdout and f"责任单位：{shared} " in show
    assert "分管领导：李四" in show


@pytest.mark.parametrize(
    "old, new, said",
    [
        ('co_owners = ["审计局"]', 'co_owners = ["区审记局"]',
         "office '区审记局' is not in [[plan.offices]] (did you mean '区审计局'?)"),
        ('short = "审计局"', 'short = "财政局"', "office name '财政局' is used twice (already by 区财政局)"),
    ],
)  # fmt: skip
def test_check_refuses_an_office_not_listed_and_a_name_used_twice(listed, old, new, said):
    path = listed.root / "goals.toml"
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    assert said in listed("check", code=3).stdout


# ── cadences ─────────────────────────────────────────────────────────────────


def test_half_yearly_and_yearly_cadences(plan):
    assert goal_status(plan, "hold", "2020-07-01")["stale"] is False
    assert goal_status(plan, "hold", "2020-07-02")["stale"] is True
    assert goal_status(plan, "revised", "2020-12-31")["stale"] is False


# ── revisions with history ───────────────────────────────────────────────────


def test_a_revision_applies_from_its_date_and_shows_the_original(plan):
    plan("log", "revised", "600", "--date", "2020-06-01", code=0)
    before = goal_status(plan, "revised", "2020-06-30")
    assert (before["target"], before["revision"]) == (1000, None)
    after = goal_status(plan, "revised", "2020-07-01")
    assert after["target"] == 800 and after["progress"] == 0.75
    assert after["revision"] == {
        "date": "2020-07-01",
        "reason": "疫情影响",
        "document": "石政发〔2020〕12号",
        "original_target": 1000,
        "original_deadline": "2020-12-31",
    }
    definition = next(g for g in plan.json("goals")["goals"] if g["id"] == "revised")
    assert definition["revisions"][0]["target"] == 800
    line = "2020-07-01 调整：目标 1,000 → 800 人（疫情影响；石政发〔2020〕12号）"
    assert line in plan("show", "revised", "--as-of", "2020-07-01", "--lang", "zh").stdout
    assert "调整" not in plan("show", "revised", "--as-of", "2020-06-30", "--lang", "zh").stdout
    digest = plan.json("summary", "--as-of", "2020-07-05")
    validator("summary").validate(digest)
    assert digest["revisions"] == [
        {**after["revision"], "id": "revised", "title": "培训1000人", "target": 800,
         "deadline": "2020-12-31"}
    ]  # fmt: skip
    assert line in plan("summary", "--as-of", "2020-07-05", "--lang", "zh").stdout
    assert plan.json("summary", "--as-of", "2020-06-30")["revisions"] == []


def test_every_form_of_the_digest_shows_a_revised_goal_against_its_revised_target(plan):
    """The digest is built once: its attention cards, progress table, chart,
    workbook and JSON all measure a revised goal by the target in force at the
    period's end (800), never by the one it replaced (1,000)."""
    import base64
    import email

    import openpyxl

    plan("log", "revised", "100", "--date", "2020-07-03", code=0)
    period = ("summary", "--as-of", "2020-07-05", "--lang", "en")
    document = plan.json(*period)
    assert next(a for a in document["attention"] if a["id"] == "revised")["target"] == 800
    assert document["revisions"][0]["target"] == 800
    mail = email.message_from_string(plan(*period, "--format", "email", "--to", "a@b.c").stdout)
    forms = {fmt: plan(*period, "--format", fmt, code=0).stdout for fmt in ("text", "md", "html")}
    for part in mail.walk():
        if not part.is_multipart():
            forms[part.get_content_type()] = base64.b64decode(part.get_payload()).decode()
    for fmt, text in forms.items():
        # Once in what needs attention and once in what changed this period.
        assert text.count("100/800 人") == 2, (fmt, text)
        assert "/1,000 人" not in text, fmt
    assert "target 800 人" in forms["html"]  # the chart's target line
    path = plan.root / "digest.xlsx"
    plan(*period, "--format", "xlsx", "--output", str(path), code=0)
    book = openpyxl.load_workbook(path)
    targets = {
        row[header.index("target")]
        for sheet in book.worksheets
        for header in [[cell.value for cell in sheet[1]]]
        if "target" in header
        for row in sheet.iter_rows(min_row=2, values_only=True)
        if "revised" in row
    }
    assert targets == {800}, targets


@pytest.mark.parametrize(
    "revision, message",
    [
        ('{date = 2021-01-05, target = 800, reason = "r"}', "comes after the deadline it changes"),
        (
            '{date = 2020-07-01, target = 800, reason = ""}',
            "eases the target or the deadline without a reason",
        ),
        ('{date = 2020-07-01, deadline = 2020-11-30, reason = "r", document = "d"}', None),
        ('{date = 2020-07-01, reason = "r"}', "changes neither target nor deadline"),
        # restating what is in force changes nothing either
        ('{date = 2020-07-01, target = 1000, reason = "r"}', "changes neither target nor"),
        ('{date = 2020-07-01, deadline = 2020-12-31, reason = "r"}', "changes neither target"),
        (
            '{date = 2020-07-01, deadline = 2020-06-01, reason = "r"}',
            "sets a deadline before itself",
        ),
    ],
)
def test_check_validates_revisions(plan, revision, message):
    old = 'revisions = [{date = 2020-07-01, target = 800, reason = "疫情影响", document = "石政发〔2020〕12号"}]'
    path = plan.root / "goals.toml"
    path.write_text(OFFICE.replace(old, f"revisions = [{revision}]"), encoding="utf-8")
    result = plan("check", code=3 if message else 0)
    if message:
        assert message in result.stdout and "goals.toml:" in result.stdout


# ── goals that cross the year ────────────────────────────────────────────────


def test_a_continuing_project_may_cross_the_year_only_when_it_says_so(plan):
    bridge = goal_status(plan, "bridge", "2020-06-30")
    assert (bridge["deadline"], bridge["state"]) == ("2021-06-30", "pending")
    out = check_out(plan, "multi_year = true\n", "")
    assert "deadline 2021-06-30 is outside the plan (2020-01-01..2020-12-31)" in out
    assert "start 2019-03-01 is outside the plan" in out


# ── checklist items with their own deadlines ─────────────────────────────────


def test_items_have_their_own_deadlines_and_states(plan):
    early = goal_status(plan, "bases", "2020-06-29")
    assert early["state"] == "pending"
    assert [(i["name"], i["deadline"], i["state"]) for i in early["items"]] == [
        ("甲", "2020-12-31", "pending"),
        ("乙", "2020-06-30", "pending"),
    ]
    late = goal_status(plan, "bases", "2020-07-01")
    assert late["state"] == "off_track" and late["expected"] == 0.5
    assert [i["state"] for i in late["items"]] == ["pending", "overdue"]
    plan("log", "bases", "--item", "乙", "--date", "2020-07-02", code=0)
    done = goal_status(plan, "bases", "2020-07-03")
    assert done["state"] == "pending" and [i["state"] for i in done["items"]] == ["pending", "done"]
    text = plan("show", "bases", "--as-of", "2020-07-01", "--lang", "zh").stdout
    assert "☐ 乙（2020-06-30，‼ 逾期）" in text
    show = plan.json("show", "bases", "--as-of", "2020-07-03")
    assert show["status"]["items"][1] == {"name": "乙", "deadline": "2020-06-30", "state": "done"}
    out = check_out(
        plan, '{name = "乙", deadline = 2020-06-30}', '{name = "乙", deadline = 2021-01-30}'
    )
    assert "item '乙' is due 2021-01-30, outside the goal's 2020-01-01..2020-12-31" in out


# ── starting a plan, and next year's ─────────────────────────────────────────


def test_init_writes_a_plan_folder_and_never_overwrites(tmp_path):
    folder = tmp_path / "new"
    document = Run(folder).json("init", str(folder), "--year", "2021")
    validator("init").validate(document)
    assert (folder / "progress" / "README.md").read_text(encoding="utf-8") == (
        REPO / "progress" / "README.md"
    ).read_text(encoding="utf-8")
    assert "progress/*.jsonl merge=union" in (folder / ".gitattributes").read_text(encoding="utf-8")
    assert "progress/.cache/" in (folder / ".gitignore").read_text(encoding="utf-8")
    assert "no problems" in Run(folder)("check", code=0).stdout
    (folder / "goals.toml").write_text("# mine\n", encoding="utf-8")
    refused = Run(folder)("init", str(folder), code=3)
    assert "already exists" in refused.stderr
    assert (folder / "goals.toml").read_text(encoding="utf-8") == "# mine\n"


def test_next_years_plan_carries_unfinished_goals_with_their_values(plan, tmp_path):
    plan("log", "revised", "600", "--date", "2020-06-01", code=0)
    plan("log", "money", "1.5", "--date", "2020-06-01", code=0)  # done: stays behind
    plan("log", "bases", "--item", "甲", "--date", "2020-06-01", code=0)
    plan("log", "cut.final", "7", "--date", "2020-12-01", code=0)
    new = tmp_path / "2021"
    document = plan.json("init", str(new), "--from", str(plan.root), "--year", "2021")
    assert "money" not in document["carried"] and "revised" in document["carried"]
    text = (new / "goals.toml").read_text(encoding="utf-8")
    assert 'carried_from = "t-2020:revised"' in text and 'id = "t-2021"' in text
    carried = Run(new)
    assert "no problems" in carried("check", code=0).stdout
    revised = goal_status(carried, "revised", "2021-03-31")
    assert (revised["current"], revised["target"], revised["deadline"]) == (600, 800, "2021-12-31")
    bases = goal_status(carried, "bases", "2021-03-31")
    assert bases["items_done"] == ["甲"]
    definition = {g["id"]: g for g in carried.json("goals")["goals"]}
    assert definition["cut.final"]["baseline"] == 7
    assert definition["bridge"]["deadline"] == "2021-06-30"  # a continuing goal keeps its date


# ── a level's forecast, and its target reached early ─────────────────────────


def test_a_forecast_beyond_the_calendar_is_no_forecast(plan):
    plan("log", "cut.final", "5", "--date", "2020-06-01", code=0)
    plan("log", "cut.final", "5.00001", "--date", "2020-06-25", code=0)
    status = goal_status(plan, "cut.final", "2020-06-30")
    assert status["forecast"] is None  # 5 → 5.00001 a day: the target lies past year 9999
    plan("show", "cut.final", "--as-of", "2020-06-30", code=0)
    plan("summary", "--as-of", "2020-06-30", code=0)


def test_a_target_reached_before_the_deadline_says_so(plan):
    plan("log", "cut.final", "12.5", "--date", "2020-06-15", code=0)
    shown = plan("show", "cut.final", "--as-of", "2020-06-30", code=0).stdout
    assert (
        "Target of 10 % reached on 2020-06-15; the reading at the deadline, 2020-12-31, decides."
        in shown
    )
    assert "None" not in shown
    table = plan("status", "--as-of", "2020-06-30", "--lang", "zh", code=0).stdout
    assert "已达标" in table
