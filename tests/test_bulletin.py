"""The 督查通报 as people meet it, on the bundled plan with half a year of
realistic entries (tests/halfyear.py, made once): a 区长 reads what is late,
why and what happens next; staff forward it unchanged, by mail or on paper;
every figure in it is what `tracker status --format json` says that day; an
office gets a 督办通知单 per late item, one A4 page each, in print and Word."""

from __future__ import annotations

import email
import re
from email import policy

import pytest

from tests.conftest import pdf_pages, validator
from tests.halfyear import AS_OF
from tracker.engine.bulletin import escalation
from tracker.model import BulletinSettings, Condition, Escalation, State


@pytest.fixture(scope="module")
def documents(halfyear):
    """The bulletin and the status of the same day, as JSON."""
    summary = halfyear.json("summary", "--as-of", AS_OF)
    status = halfyear.json("status", "--as-of", AS_OF)
    validator("summary").validate(summary)
    validator("status").validate(status)
    return summary, status


@pytest.fixture(scope="module")
def text(halfyear) -> str:
    return halfyear("summary", "--as-of", AS_OF, code=0).stdout


def percent(fraction: float) -> str:
    return f"{fraction * 100:.0f}%"


# ── every figure is status's ─────────────────────────────────────────────────

SAME = ("state", "current", "target", "progress", "expected", "schedule_days", "days_left",
        "gap_to_schedule", "gap_to_target", "forecast", "last_entry", "deadline")  # fmt: skip


def test_every_figure_agrees_with_status_json_for_the_same_day(documents, text):
    summary, status = documents
    goals = {g["id"]: g for g in status["goals"]}
    assert summary["counts"] == status["counts"]
    for item in summary["attention"]:  # each late item is its status record, and more
        assert {k: item[k] for k in SAME} == {k: goals[item["id"]][k] for k in SAME}, item["id"]
        assert item["state"] in ("overdue", "off_track", "at_risk") or item["condition"] == "late"
    late_states = [g["state"] for g in goals.values() if g["state"] in ("overdue", "off_track")]
    assert len([a for a in summary["attention"] if a["state"] in ("overdue", "off_track")]) == len(
        late_states
    )
    # The overall situation: 完成率 is the mean progress (each capped at 100 %),
    # 按期报送率 the share of goals under way reported in time: status's figures.
    progress = [min(max(g["progress"], 0), 1) for g in goals.values()]
    overall = summary["overall"]
    assert overall["completion"] == pytest.approx(sum(progress) / len(progress), abs=1e-6)
    assert overall["done"] == status["counts"]["done"]
    under_way = [g for g in goals.values() if g["state"] != "done" and g["days_left"] >= 0]
    assert overall["reports_due"] == len(under_way)
    assert overall["reported"] == len([g for g in under_way if not g["stale"]])
    assert f"完成率{percent(overall['completion'])}" in text
    assert f"按期报送率{percent(overall['on_time'])}" in text
    # By area and by office, each goal where status puts it.
    for area in summary["areas"]:
        mine = [g for g in goals.values() if g["area"] == area["area"]]
        assert (area["held"], area["done"]) == (len(mine), sum(g["state"] == "done" for g in mine))
    assert {(u["office"], u["id"]) for u in summary["unreported"]} == {
        (o, g["id"]) for g in goals.values() if g["stale"] for o in (g["owner"], *g["co_owners"])
    }
    for office in summary["ranking"]["offices"]:
        mine = [g for g in goals.values() if office["name"] in (g["owner"], *g["co_owners"])]
        assert office["held"] == len(mine)
        assert office["completion"] == pytest.approx(
            sum(min(max(g["progress"], 0), 1) for g in mine) / len(mine), abs=1e-6
        )
    # The words carry the same numbers: each late item's gaps as status has them.
    for item in summary["attention"]:
        if item["gap_to_schedule"]:
            assert f"较序时进度差{item['gap_to_schedule']:,}" in text
        if item["gap_to_target"] and item["unit"] != "%":
            assert f"距年度目标差{item['gap_to_target']:,}" in text


# ── what a 区长 reads, and what staff forward ────────────────────────────────


def test_it_reads_as_a_bulletin_a_leader_can_act_on(text):
    lines = text.splitlines()
    assert lines[:3] == [
        "石峰区2020年工作目标督查通报",
        "石峰区人民政府督查室　2020年第27期　2020年6月30日",
        "本期：2020年6月24日至2020年6月30日",
    ]
    # The overall situation in one paragraph: done and 完成率, time elapsed,
    # goals per state and the change since the last bulletin.
    overall = lines[lines.index("一、总体情况") + 1]
    assert re.match(r"截至2020年6月30日，全区38项年度目标已完成3项，完成率\d+%，时间进度50%。"
                    r"其中逾期1项，落后\d项，.*；较上期，.*。按期报送率\d+%，\d项目标未按期报送。$",
                    overall)  # fmt: skip
    # Each late item: why it is late and what happens next, with its offices,
    # the leader in charge and the 督办 level reached.
    late = text[text.index("二、进度滞后事项") : text.index("三、未按期报送")]
    assert (
        "（一）5月1日前完成小区“三供一业”一窗改造【红灯·通报】\n"
        "    牵头单位：区住房和城乡建设局　分管领导：赵红\n"
        "    滞后情况：逾期61天（应于4月30日前完成）\n"
        "    完成情况：未完成\n"
        "    存在问题：供气资产评估未完成，与燃气公司的资产划转协议尚未签订；移交再次推迟（6月24日报送）\n"
        "    下步措施：7月底前完成供气移交（承诺7月31日前完成）\n"
    ) in late
    # A milestone late on its stage, months before its deadline.
    assert "节点“完成“三供一业”一窗改造”应于4月30日前完成，尚未完成，落后61天" in late
    # A level against its target, in percentage points; a revised target in force.
    assert "距年度目标差3.2个百分点" in late and "【黄灯·督办】" in late
    assert "950/2,500 人（目标于2020年5月20日调整）" in late
    assert "督办等级：滞后15天以内的提醒（蓝灯）" in late
    # Offices that did not report, by name; the ranking with its rule; revisions
    # with their document; what is asked, by when, of whom; 报送 and 抄送.
    unreported = text[text.index("三、未按期报送") : text.index("四、责任单位排名")]
    assert re.search(
        r"区应急管理局\s+启动九郎山人防、消防、安防体验式基地建设\s+尚无报送", unreported
    )
    ranking = text[text.index("四、责任单位排名") : text.index("五、目标调整")]
    assert re.search(
        r"\n\s+1\s+区网格化服务管理指挥中心\s+1\s+1\s+100%\s+无应报\s+100\.0\s+持平\s+绿灯", ranking
    )
    assert "红灯·通报" in ranking
    assert "几个单位共同承担的目标分别计入各单位，合计时只计一次" in ranking
    assert "石政发〔2020〕9号" in text[text.index("五、目标调整") :]
    closing = text[text.index("六、工作要求") : text.index("附：本期进展")]
    assert "于2020年7月7日前将整改措施和进展书面报送石峰区人民政府督查室" in closing
    assert "报送：区委、区政府主要领导\n抄送：" in closing


def test_an_offices_copy_has_its_own_items_revisions_and_place(halfyear):
    own = halfyear.json("summary", "--as-of", AS_OF, "--owner", "人社局")
    validator("summary").validate(own)
    assert [r["id"] for r in own["revisions"]] == ["jobs.training"]
    assert [o["name"] for o in own["ranking"]["offices"]] == ["区人力资源和社会保障局"]
    finance = halfyear.json("summary", "--as-of", AS_OF, "--owner", "区财政局")
    assert finance["revisions"] == []  # another office's revision is not its business
    assert {a["owner"] for a in finance["attention"]} == {"区财政局"}
    text = halfyear("summary", "--as-of", AS_OF, "--owner", "区财政局", code=0).stdout
    assert "目标调整" not in text and "全年培训下岗失业人员" not in text


# ── one vocabulary, no code in a leader's words ──────────────────────────────

CJK = r"[\u3400-\u9fff]"
ASCII_BESIDE_CJK = re.compile(rf"{CJK}[,;:()?!]|[,;:()?!]{CJK}")
NEVER = ("久未更新", "off_track", "at_risk", "pending", "overdue", "tracker ", "\\n", "None")


@pytest.mark.parametrize("form", ["text", "html", "mail", "notice"])
def test_no_id_code_or_command_and_full_width_punctuation(halfyear, form):
    plan = halfyear.json("goals")["goals"]
    if form == "mail":
        raw = halfyear("summary", "--as-of", AS_OF, "--format", "email", "--to", "a@example.org")
        message = email.message_from_bytes(raw.stdout_bytes, policy=policy.default)
        shown = next(message.iter_parts()).get_content()
    elif form == "notice":
        shown = halfyear("notice", "--as-of", AS_OF, "--format", "text", code=0).stdout
    else:
        shown = halfyear("summary", "--as-of", AS_OF, "--format", form, code=0).stdout
        if form == "html":  # the words on the page, not its markup
            shown = re.sub(r"<style>.*?</style>|<[^>]+>", " ", shown, flags=re.DOTALL)
    for goal in plan:
        assert not re.search(rf"(?<![\w.-]){re.escape(goal['id'])}(?![\w.-])", shown), goal["id"]
    for word in NEVER:
        assert word not in shown, word
    # The plan's own words keep their punctuation (the report's titles have
    # ASCII commas); every word tracker adds is full-width.
    for goal in plan:
        shown = shown.replace(goal["source"], "")
    for goal in plan:
        shown = shown.replace(goal["title"], "")
    assert not ASCII_BESIDE_CJK.findall(shown)


def test_the_workbook_is_the_bulletins_words_too(halfyear, tmp_path):
    """The bulletin as xlsx: one sheet per section under its own name, lights
    and states in words, a multi-line note on one line, and each late item's
    delay the days the bulletin and `show` say."""
    openpyxl = pytest.importorskip("openpyxl")
    halfyear("summary", "--as-of", AS_OF, "--format", "xlsx", "-o", str(tmp_path / "b.xlsx"),
             code=0)  # fmt: skip
    book = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert not [name for name in book.sheetnames if "~" in name]
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
             for c in row if isinstance(c, str)]  # fmt: skip
    assert not [c for c in cells if "\\n" in c or "\n" in c]
    assert not {"green", "yellow", "red", "blue", "off_track", "overdue"} & set(cells)
    sheet = list(book["进度滞后事项"].iter_rows(values_only=True))
    late = {row[2]: dict(zip(sheet[0], row)) for row in sheet[1:]}
    text = halfyear("summary", "--as-of", AS_OF, code=0).stdout
    for goal, row in late.items():
        days = row["落后天数"]
        if row["情况"] == "落后" and days:
            assert f"落后{days}天" in text
            assert f"落后{days}天" in halfyear("show", goal, "--as-of", AS_OF, code=0).stdout


@pytest.mark.parametrize(
    "condition, state, days, level",
    [
        (Condition.AT_RISK, State.AT_RISK, 3, Escalation.REMIND),
        (Condition.OFF_TRACK, State.OFF_TRACK, 14, Escalation.REMIND),
        (
            Condition.OFF_TRACK,
            State.OFF_TRACK,
            15,
            Escalation.SUPERVISE,
        ),  # the plan's supervise_after
        (Condition.OVERDUE, State.OVERDUE, 30, Escalation.CIRCULATE),  # its circulate_after
        (Condition.OFF_TRACK, State.OFF_TRACK, 0, Escalation.SUPERVISE),  # a level short, no days
        (Condition.LATE, State.ON_TRACK, 90, Escalation.REMIND),  # only forecast late
    ],
)
def test_the_level_reached_follows_the_plans_thresholds(condition, state, days, level):
    class Status:  # what escalation reads of a status
        pass

    status = Status()
    status.state = state
    settings = BulletinSettings(supervise_after=15, circulate_after=30)
    assert escalation(condition, status, days, settings) is level


def test_thresholds_and_masthead_come_from_the_plan(halfyear, tmp_path):
    from tests.conftest import Run

    root = tmp_path / "copy"
    root.mkdir()
    (root / "progress").symlink_to(halfyear.root / "progress")
    text = (halfyear.root / "goals.toml").read_text(encoding="utf-8")
    text = text.replace("supervise_after = 15", "supervise_after = 50").replace(
        "circulate_after = 30", "circulate_after = 100"
    )
    (root / "goals.toml").write_text(text, encoding="utf-8")
    copy = Run(root)
    levels = {a["id"]: a["escalation"] for a in copy.json("summary", "--as-of", AS_OF)["attention"]}
    assert levels["jobs.training"] == "remind" and levels["jobs.placement"] == "supervise"
    assert levels["housing.three-supplies"] == "supervise"
    bad = text.replace("circulate_after = 100", "circulate_after = 10")
    (root / "goals.toml").write_text(bad, encoding="utf-8")
    assert "circulate_after" in copy("check", code=3).stdout


# ── on a phone, on paper and by mail, in a real browser ──────────────────────

NO_ONE_CHARACTER_LINES = """
[...document.querySelectorAll('th, td.movement, td.light, .card h3, .pair')].filter(e => {
  const style = getComputedStyle(e);
  const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
  const chars = e.textContent.trim().length;
  return chars > 1 && e.getBoundingClientRect().height > line * 1.8
         && e.getBoundingClientRect().width < parseFloat(style.fontSize) * 1.6;
}).map(e => e.textContent.trim())
"""


def test_the_bulletin_on_a_phone_and_on_a4(browser, halfyear, tmp_path, shots):
    page_file = tmp_path / "通报.html"
    halfyear("summary", "--as-of", AS_OF, "--format", "html", "--output", str(page_file), code=0)
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.goto(page_file.as_uri())
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
    assert phone.evaluate(NO_ONE_CHARACTER_LINES) == []  # no header one character a line
    headers = phone.evaluate("[...document.querySelectorAll('th')].map(e => e.offsetHeight)")
    assert max(headers) < 2 * min(h for h in headers if h)  # every header on one line
    assert len(phone.query_selector_all("table.card")) == 7
    phone.screenshot(path=str(shots / "bulletin-phone.png"), full_page=True)
    phone.close()
    desk = browser.new_page(viewport={"width": 1000, "height": 900})
    desk.goto(page_file.as_uri())
    desk.screenshot(path=str(shots / "bulletin-desk.png"), full_page=True)
    pdf = desk.pdf(format="A4", print_background=True)
    desk.close()
    (shots / "bulletin.pdf").write_bytes(pdf)
    assert pdf_pages(pdf) <= 3


def test_each_notice_is_one_a4_page_in_print_and_in_word(browser, halfyear, tmp_path, shots):
    document = halfyear.json("notice", "--as-of", AS_OF)
    validator("notice").validate(document)
    count = len(document["notices"])
    assert count == 7 and document["notices"][0]["reply_by"] == "2020-07-07"
    page_file = tmp_path / "督办通知单.html"
    halfyear("notice", "--as-of", AS_OF, "--output", str(page_file), code=0)
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    page.goto(page_file.as_uri())
    pdf = page.pdf(format="A4", print_background=True)
    page.close()
    (shots / "notices.pdf").write_bytes(pdf)
    assert pdf_pages(pdf) == count
    # As Word, for offices that pass Word files: a page break between notices.
    docx_file = tmp_path / "督办通知单.docx"
    halfyear("notice", "--as-of", AS_OF, "--format", "docx", "--output", str(docx_file), code=0)
    from docx import Document

    paragraphs = [p.text for p in Document(str(docx_file)).paragraphs]
    assert paragraphs.count("督办通知单") == count
    assert "督办事项：5月1日前完成小区“三供一业”一窗改造" in paragraphs
    assert "整改时限：2020年7月7日前" in paragraphs
    breaks = docx_file.read_bytes()
    assert breaks.startswith(b"PK")  # a real .docx (a zip)
    assert "--output" in halfyear("notice", "--format", "docx", code=2).stderr


def test_the_mail_renders_as_the_page_does(browser, halfyear, tmp_path):
    raw = halfyear(
        "summary", "--as-of", AS_OF, "--format", "email", "--to", "区长 <leader@example.org>",
        "--from", "督查室 <duchashi@shifeng.example.org>",
    ).stdout_bytes  # fmt: skip
    raw.decode("ascii")  # headers encoded, bodies base64: any MTA passes it
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Message-ID"].endswith("@shifeng.example.org>")
    assert message["Date"] and message["Subject"] == "石峰区2020年工作目标督查通报 2020年第27期"
    plain, html = message.iter_parts()
    body = html.get_content()
    # Styles are on the elements (a client that drops <style> still shows it),
    # and the layout is tables.
    assert re.search(r'<table class="card light-red"[^>]*style="[^"]*border-left', body)
    assert re.search(r'<p class="issuer" style="[^"]*color: ?#c00000', body)
    assert '<div class="cards"' not in body and "display: grid" not in body
    assert "二、进度滞后事项" in plain.get_content()
    page_file = tmp_path / "mail.html"
    page_file.write_text(body, encoding="utf-8")
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.goto(page_file.as_uri())
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()


def test_the_city_bulletin_is_built_as_a_districts(halfyear, tmp_path):
    """The city's bulletin draws the district's page and pieces: a masthead,
    late items as cards with their levels, rankings with the rule."""
    from tests.conftest import REPO, Run

    city = Run(tmp_path)
    page = city(
        "city", "summary", "--city", str(REPO / "examples" / "city"), "--as-of", AS_OF,
        "--format", "html", code=0,
    ).stdout  # fmt: skip
    own = halfyear("summary", "--as-of", AS_OF, "--format", "html", code=0).stdout
    for piece in ('<p class="issuer"', '<table class="card light-', "排名规则", "督办等级"):
        assert piece in page and piece in own, piece
