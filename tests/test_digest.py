"""The digest leaders read (`tracker summary`): it opens with what needs a
decision, most serious first; offices are accountable, the one most in need
first; each office can have a digest of its own; it mails as one MIME message
for sendmail -t; its page reads on a phone and on paper (in a real headless
Chromium); and once the plan's year is over every report says how to see it as
it stood."""

from __future__ import annotations

import email
import json
import re
from email import policy

import pytest

from tests.conftest import REPO, validator

MID_YEAR = "2020-06-30"

ENTRIES = [
    # jobs.training: behind the straight line by mid-year, and slow lately.
    {"goal": "jobs.training", "date": "2020-03-02", "value": 300, "by": "王芳"},
    {"goal": "jobs.training", "date": "2020-05-04", "value": 500, "by": "李强"},
    {"goal": "jobs.training", "date": "2020-06-20", "value": 200, "by": "李强"},
    {"goal": "jobs.placement", "date": "2020-05-05", "value": 120, "by": "李强"},
    # One reading of a level, two days before the digest: at risk.
    {"goal": "finance.general-spending-cut", "date": "2020-06-28", "value": 4.5, "by": "财政"},
    {"goal": "rural.eco-farm-bases", "date": "2020-06-26", "items": ["长石"], "by": "赵敏"},
    # Done before its deadline: never stale, never in need of attention.
    {"goal": "housing.three-supplies", "date": "2020-04-28", "done": True, "by": "住建"},
    # On the straight line (27% where 25% is due) but slow in the last 8 weeks.
    {"goal": "reform.transferred-enterprises", "date": "2020-01-03", "value": 2},
    {"goal": "reform.transferred-enterprises", "date": "2020-03-20", "value": 1},
]


@pytest.fixture
def logged(run):
    run.log_batch(ENTRIES)
    return run


# ── needs attention first ────────────────────────────────────────────────────


def test_attention_opens_the_digest_most_serious_first(logged):
    document = logged.json("summary", "--as-of", "2020-09-15")
    attention = document["attention"]
    conditions = [a["condition"] for a in attention]
    order = ["overdue", "off_track", "late", "at_risk"]
    assert conditions == sorted(conditions, key=order.index)
    # The overdue school opening is first: the header's overdue goal has a place.
    first = attention[0]
    assert (first["id"], first["condition"]) == ("education.xuefengling-school", "overdue")
    assert first["owner"] == "区教育局" and first["delay_days"] == 14
    # Within off track, the furthest behind first.
    off = [a for a in attention if a["condition"] == "off_track"]
    assert [a["delay_days"] for a in off] == sorted((a["delay_days"] for a in off), reverse=True)
    training = next(a for a in attention if a["id"] == "jobs.training")
    assert training["delay_days"] == -training["schedule_days"] > 0
    # The gaps are in the goal's own units, whole people rounded up: 1,000
    # logged where 258 of the year's 365 days ask for 2,120.5 (the schedule)
    # and the year's target is 3,000.
    assert (training["gap_to_schedule"], training["gap_to_target"]) == (1121, 2000)
    assert training["unit"] == "人"
    assert not list(validator("summary").iter_errors(document))


def test_forecast_late_and_at_risk_have_their_place(logged):
    document = logged.json("summary", "--as-of", "2020-03-31")
    by_id = {a["id"]: a for a in document["attention"]}
    late = by_id["reform.transferred-enterprises"]
    # 3 of 8 where 24.6% is due: on track, but 1 in the last 8 weeks lands in 2021.
    assert late["state"] == "on_track" and late["condition"] == "late"
    assert late["delay_days"] == late["forecast"]["days_late"] > 0
    mid = logged.json("summary", "--as-of", MID_YEAR)
    # A level is compared with its target, not a ramp: 4.5 % of a 10 % cut is off track.
    cut = next(a for a in mid["attention"] if a["id"] == "finance.general-spending-cut")
    assert cut["condition"] == "off_track" and cut["gap_to_target"] == pytest.approx(5.5)
    assert cut["gap_to_schedule"] is None and cut["escalation"] == "supervise"


def test_every_state_in_the_header_has_a_place_in_the_body(logged):
    for as_of in ("2020-03-31", MID_YEAR, "2020-09-15", "2021-01-10"):
        document = logged.json("summary", "--as-of", as_of)
        counts = document["counts"]
        # Overdue, off-track and at-risk goals are each listed under attention …
        for state in ("overdue", "off_track", "at_risk"):
            listed = [a for a in document["attention"] if a["state"] == state]
            assert len(listed) == counts[state], (as_of, state)
        # … and every state is counted per office, adding up to the header.
        total = {
            key: sum(o[key] for o in document["offices"])
            for key in ("held", "done", "on_track", "pending", "behind", "overdue")
        }
        assert total == {
            "held": sum(counts.values()),
            "done": counts["done"],
            "on_track": counts["on_track"],  # not yet due is counted apart (未到期)
            "pending": counts["pending"],
            "behind": counts["at_risk"] + counts["off_track"],
            "overdue": counts["overdue"],
        }, as_of


def test_text_and_markdown_follow_the_shape_of_a_bulletin(logged):
    text = logged("summary", "--as-of", MID_YEAR, code=0).stdout
    sections = ["一、总体情况", "二、进度滞后事项", "三、未按期报送", "四、责任单位排名",
                "五、工作要求", "附：本期进展"]  # fmt: skip
    assert [text.index(f"\n{s}\n") for s in sections] == sorted(
        text.index(f"\n{s}\n") for s in sections
    )
    # Each late item: its title and level, its offices, how far behind against what.
    assert re.search(
        r"（[一二三四五六七八九十]+）全年培训下岗失业人员3000人【红灯·通报】\n"
        r"    牵头单位：区人力资源和社会保障局\n"
        r"    滞后情况：落后\d+天　差距：较序时进度差488人，距年度目标差2,000人\n"
        r"    完成情况：1,000/3,000 人　预测：按最近8周的速度",
        text,
    )
    md = logged("summary", "--as-of", MID_YEAR, "--format", "md", code=0).stdout
    assert (
        md.index("## 一、总体情况") < md.index("## 二、进度滞后事项") < md.index("## 附：本期进展")
    )
    english = logged("summary", "--as-of", MID_YEAR, "--lang", "en", code=0).stdout
    assert "2. Late items" in english and "488人 behind the schedule" not in english
    assert "488 人 behind the schedule, 2,000 人 short of the target" in english


def test_fresh_folder_after_the_plan_lists_its_overdue_goals(run):
    """No entries and the year over: each of the 38 overdue goals is listed, never
    '没有落后的目标' beside '逾期 38'."""
    document = run.json("summary", "--as-of", "2021-01-10")
    assert document["counts"]["overdue"] == 38 and len(document["attention"]) == 38
    html = run("summary", "--as-of", "2021-01-10", "--format", "html", code=0).stdout
    assert html.count('<table class="card light-') == 38


# ── offices ──────────────────────────────────────────────────────────────────


def test_offices_most_in_need_first_with_stale_folded_in(logged):
    document = logged.json("summary", "--as-of", MID_YEAR)
    offices = document["offices"]
    needs = [(-o["overdue"], -o["behind"], -o["worst_delay_days"], -o["stale"]) for o in offices]
    assert needs == sorted(needs)
    finance = next(o for o in offices if o["office"] == "区财政局")
    assert (finance["held"], finance["behind"], finance["stale"]) == (4, 1, 3)
    water = next(o for o in offices if o["office"] == "区水利局")
    assert water["stale"] == 2 and water["stale_goals"] == [
        "water.monitoring-platform",
        "water.sewer-separation",
    ]
    text = logged("summary", "--as-of", MID_YEAR, code=0).stdout
    assert re.search(
        r"\n区水利局\s+完善河湖水系可视化监管平台建设\s+尚无报送\s+每月\n"
        r"\s+湘天桥片区、田心片区、荷叶塘干渠上游水系雨污分流改造\s+尚无报送",
        text,
    )
    assert re.search(r"\n\s+合计\s+38\s+1\s+", text)  # the ranking's total row
    # Unreported goals are named, office by office, in the plan's digest and
    # in the office's own (for 催办); never a command to type.
    own = logged("summary", "--as-of", MID_YEAR, "--owner", "区水利局", code=0).stdout
    assert "\n三、未按期报送\n" in own and "完善河湖水系可视化监管平台建设" in own
    assert "tracker " not in text + own


def test_done_and_overdue_goals_are_not_stale(logged):
    statuses = {g["id"]: g for g in logged.json("status", "--as-of", "2020-09-15")["goals"]}
    assert statuses["housing.three-supplies"]["state"] == "done"
    assert statuses["education.xuefengling-school"]["state"] == "overdue"
    assert not statuses["housing.three-supplies"]["stale"]
    assert not statuses["education.xuefengling-school"]["stale"]
    assert statuses["water.sewer-separation"]["stale"]  # started, open, unreported
    alerts = logged.json("alerts", "--as-of", "2020-09-15")["alerts"]
    flagged = {(a["id"], a["condition"]) for a in alerts}
    assert ("education.xuefengling-school", "stale") not in flagged
    assert ("education.xuefengling-school", "overdue") in flagged


# ── per-office digests; status and alerts by office ──────────────────────────


def test_owner_digest_has_only_that_offices_goals(logged):
    document = logged.json("summary", "--as-of", MID_YEAR, "--owner", "区人力资源和社会保障局")
    assert document["office"] == "区人力资源和社会保障局"
    assert sum(document["counts"].values()) == 3
    assert {a["owner"] for a in document["attention"]} == {"区人力资源和社会保障局"}
    assert [o["office"] for o in document["offices"]] == ["区人力资源和社会保障局"]
    assert not list(validator("summary").iter_errors(document))
    head = logged("summary", "--as-of", MID_YEAR, "--owner", "区人力资源和社会保障局", code=0)
    assert head.stdout.startswith("石峰区2020年工作目标督查通报（区人力资源和社会保障局）\n")
    wrong = logged("summary", "--owner", "区水力局", code=2).stderr
    assert "区水力局" in wrong and "区水利局" in wrong  # did you mean


def test_split_by_owner_writes_one_file_per_office(logged, tmp_path):
    folder = tmp_path / "周报"
    result = logged(
        "summary", "--as-of", MID_YEAR, "--split-by", "owner", "--format", "html",
        "--output", str(folder), code=0,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    files = sorted(p.name for p in folder.iterdir())
    assert len(lines) == len(files) == 20  # the bundled plan's 20 offices
    assert not [name for name in files if name.startswith(".")]  # no temp file left
    assert "区水利局.html" in files and all(name.endswith(".html") for name in files)
    # Each line says what it wrote, the office most in need first.
    first = logged.json("summary", "--as-of", MID_YEAR)["offices"][0]
    path = folder / f"{first['office']}.html"
    assert lines[0] == f"已写入 {path}（{first['office']}，{first['held']} 项目标）"
    page = (folder / "区水利局.html").read_text(encoding="utf-8")
    assert "督查通报（区水利局）" in page and "湘天桥片区、田心片区" in page
    assert "全年培训下岗失业人员" not in page
    # Again, over the same folder: replaced whole, still one file per office.
    logged(
        "summary", "--as-of", MID_YEAR, "--split-by", "owner", "--format", "json",
        "--output", str(folder), code=0,
    )  # fmt: skip
    one = json.loads((folder / "区水利局.json").read_text(encoding="utf-8"))
    assert one["office"] == "区水利局" and not list(validator("summary").iter_errors(one))


def test_split_by_needs_a_folder_and_not_an_owner(logged, tmp_path):
    assert "--output" in logged("summary", "--split-by", "owner", code=2).stderr
    both = logged(
        "summary", "--split-by", "owner", "--owner", "区水利局", "--output", str(tmp_path),
        code=2,
    )  # fmt: skip
    assert "--owner" in both.stderr
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x", encoding="utf-8")
    logged("summary", "--split-by", "owner", "--output", str(a_file), code=2)
    assert a_file.read_text(encoding="utf-8") == "x"


def test_status_and_alerts_by_office(logged):
    md = logged("status", "--as-of", MID_YEAR, "--group-by", "owner", "--format", "md").stdout
    headings = re.findall(r"^## (.+)$", md, re.MULTILINE)
    neediest = logged.json("summary", "--as-of", MID_YEAR)["offices"][0]
    assert len(headings) == 20 and headings[0] == neediest["office"] == "区国有资产事务中心"
    goals = logged.json("status", "--as-of", MID_YEAR, "--group-by", "owner")["goals"]
    assert [g["owner"] for g in goals[:2]] == ["区国有资产事务中心"] * 2  # in the table's order
    only = logged.json("status", "--as-of", MID_YEAR, "--owner", "区水利局")["goals"]
    assert {g["owner"] for g in only} == {"区水利局"} and len(only) == 2
    alerts = logged.json("alerts", "--as-of", MID_YEAR, "--owner", "区财政局")["alerts"]
    assert alerts and {a["owner"] for a in alerts} == {"区财政局"}
    grouped = logged("alerts", "--as-of", MID_YEAR, "--group-by", "owner", code=0).stdout
    offices = re.findall(r"^\[(.+)\]$", grouped, re.MULTILINE)
    assert offices == headings  # the same order as status and the digest
    assert len(offices) == len(set(offices))  # each office once
    assert logged("alerts", "--owner", "区水力局", code=2)
    assert logged("alerts", "--owner", "区财政局", "--as-of", MID_YEAR, "--fail-on", "overdue")


# ── mail ─────────────────────────────────────────────────────────────────────


def test_email_is_a_complete_mime_message_for_sendmail(logged, tmp_path):
    raw = logged(
        "summary", "--week", "2020-W26", "--format", "email",
        "--to", "leaders@example.org", "--to", "王芳 <wang@example.org>",
    ).stdout_bytes  # fmt: skip
    raw.decode("ascii")  # headers encoded, bodies base64: any MTA passes it
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Subject"] == "石峰区2020年工作目标督查通报 2020年第26期"
    assert [a.addr_spec for a in message["To"].addresses] == [
        "leaders@example.org",
        "wang@example.org",
    ]
    assert message["To"].addresses[1].display_name == "王芳"
    assert message["Date"] and message["MIME-Version"] == "1.0"
    assert re.fullmatch(r"<[^@<>\s]+@tracker\.invalid>", message["Message-ID"])  # no From given
    assert message.get_content_type() == "multipart/alternative"
    plain, html = message.iter_parts()
    assert plain.get_content_type() == "text/plain" and html.get_content_type() == "text/html"
    assert plain.get_content_charset() == "utf-8"
    assert "二、进度滞后事项" in plain.get_content()
    assert "|" not in plain.get_content().split("\n")[0]
    assert re.search(r"<h2 style=\"[^\"]+\">二、进度滞后事项</h2>", html.get_content())
    # A subject of one's own, an office's digest, and a file.
    out = tmp_path / "weekly.eml"
    logged(
        "summary", "--week", "2020-W26", "--format", "email", "--to", "a@example.org",
        "--owner", "区水利局", "--subject", "水利局周报\nBcc: spy@example.org", "--output", str(out),
        code=0,
    )  # fmt: skip
    mailed = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert mailed["Subject"] == "水利局周报 Bcc: spy@example.org" and mailed["Bcc"] is None
    default = email.message_from_bytes(
        logged(
            "summary", "--week", "2020-W26", "--format", "email", "--to", "a@example.org",
            "--owner", "区水利局",
        ).stdout_bytes,
        policy=policy.default,
    )  # fmt: skip
    assert default["Subject"] == "石峰区2020年工作目标督查通报（区水利局） 2020年第26期"
    assert default["Message-ID"] != message["Message-ID"]


def test_email_needs_good_addresses(logged):
    assert "--to" in logged("summary", "--format", "email", code=2).stderr
    assert (
        "not-an-address"
        in logged(
            "summary", "--format", "email", "--to", "not-an-address", "--lang", "en", code=2
        ).stderr
    )


# ── a first run that explains itself ─────────────────────────────────────────


def test_after_the_plan_each_report_says_how_to_see_it_as_it_stood(run):
    hint = "tracker status --as-of 2020-12-31"
    status = run("status", "--as-of", "2021-03-01", code=0)
    assert "2020-12-31" in status.stderr and hint in status.stderr
    assert len(status.stderr.strip().splitlines()) == 1
    piped = run("status", "--as-of", "2021-03-01", "--format", "json", code=0)
    assert json.loads(piped.stdout)["schema"] == "tracker.status/3"  # stdout stays JSON
    assert hint in piped.stderr
    alerts = run("alerts", "--as-of", "2021-03-01", "--lang", "en", code=0)
    assert "this plan ended on 2020-12-31" in alerts.stderr
    assert "tracker alerts --as-of 2020-12-31" in alerts.stderr
    summary = run("summary", "--as-of", "2021-03-01", code=0).stdout
    # A leader is told in words, under the masthead: no command to type.
    assert "请以2020年12月31日为截止日期重新生成本通报" in summary.splitlines()[3]
    assert "tracker " not in summary
    assert run.json("summary", "--as-of", "2021-03-01")["plan_ended"] is True
    # Within the plan, nothing of the kind.
    assert run("status", "--as-of", "2020-12-31", code=0).stderr == ""
    assert run.json("summary", "--as-of", "2020-12-31")["plan_ended"] is False


def test_readme_starts_with_the_plan_as_it_stood_and_mails_with_sendmail():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = re.findall(r"```sh\n(.*?)\n```", readme, re.DOTALL)[0]
    assert setup.endswith("tracker status --as-of 2020-06-30")
    crontab = re.findall(r"```crontab\n(.*?)\n```", readme, re.DOTALL)[0]
    assert "--format email" in crontab and "sendmail -t" in crontab
    assert "| mail " not in crontab
