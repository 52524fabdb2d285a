"""Figures the supervision office has checked (issue 23): a month of a plan
that requires verification, on a real git repository with real keys —
offices report (terminal and workbook, with evidence), 督查室 verifies some,
returns one, the office reports again, a milestone is closed (销号) — and
every figure, chase list and signature report is what the log supports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import REPO, Repo, Run, validator

pytestmark = [
    pytest.mark.skipif(not shutil.which("ssh-keygen"), reason="needs ssh-keygen"),
    pytest.mark.usefixtures("own_git"),
]

# The bundled plan, its reports verified by 区督查室 (who signs for it is
# named once), the verified figure deciding; the handover asks for proof.
VERIFIED = """
[plan.verification]
required = true
offices = ["区督查室"]
within_days = 10
decides = "verified"

[[plan.offices]]
name = "区督查室"
short = "督查室"
signers = ["duchashi@shifeng"]
"""
HANDOVER = 'id = "housing.three-supplies"\n'


class Month(Repo):
    """The district's repository: the data folder at its top, offices'
    commits unsigned, the supervision office's signed with its key."""

    def __init__(self, top: Path, keys: dict[str, Path]):
        super().__init__(top, keys)
        self.run = Run(top)

    def report(self, *args: str) -> str:
        """An office's report by the real CLI; its entry id."""
        return self.run.json("log", *args, "--by", "人社局张伟")["entries"][0]["id"]

    def figures(self, goal: str, day: str) -> dict:
        document = self.run.json("status", "--as-of", day)
        assert not list(validator("status").iter_errors(document))
        [found] = [g for g in document["goals"] if g["id"] == goal]
        return found


@pytest.fixture
def month(tmp_path, keys) -> Month:
    top = tmp_path / "石峰区"
    (top / "progress").mkdir(parents=True)
    plan = (
        (REPO / "goals.toml")
        .read_text("utf-8")
        .replace(HANDOVER, HANDOVER + 'evidence = "done"\n', 1)
    )
    (top / "goals.toml").write_text(plan + VERIFIED, encoding="utf-8")
    public = keys["duchashi"].with_suffix(".pub").read_text()
    (top / "allowed_signers").write_text(f'duchashi@shifeng namespaces="git" {public}', "utf-8")
    (top / ".gitignore").write_text("progress/.cache/\nevidence/\n", encoding="utf-8")
    place = Month(top, keys)
    place.git("init", "-q", "-b", "main")
    place.commit("计划")
    return place


def _form(run: Run, folder: Path) -> Path:
    """住建局's April form with the handover reported done and its proof in the
    folder named as the form, as the office sends it back."""
    form = folder / "住建局-4月.xlsx"
    run("template", "--owner", "住建局", "--as-of", "2020-04-28", "-o", str(form), code=0)
    book = openpyxl.load_workbook(form)
    sheet = book.active
    keys = [c.value for c in sheet[1]]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == HANDOVER[6:-2])
    for key, value in {"done": "是", "date": "2020-04-28", "evidence": "验收单.pdf"}.items():
        sheet.cell(row, keys.index(key) + 1).value = value
    book.save(form)
    (folder / "住建局-4月").mkdir()
    (folder / "住建局-4月" / "验收单.pdf").write_bytes(b"%PDF-1.4 handover signed")
    return form


def test_a_month_reported_verified_returned_reported_again_and_closed(month, tmp_path):
    run = month.run
    assert "no problems" in run("check", "--lang", "en", code=0).stdout
    # ── offices report: at the terminal (with a file) and by workbook ─────────
    (tmp_path / "名册.xlsx").write_bytes(b"roster")
    first = month.report("jobs.training", "600", "--date", "2020-04-10",
                         "--evidence", str(tmp_path / "名册.xlsx"))  # fmt: skip
    second = month.report("jobs.training", "300", "--date", "2020-04-20")
    run("log", "--from-xlsx", str(_form(run, tmp_path)), code=0)
    [handover] = run.json("entries", "--goal", "housing.three-supplies")["entries"]
    month.commit("人社局、住建局上报")

    training = month.figures("jobs.training", "2020-04-30")
    assert training["verification"] == {
        "reported": 900, "verified": 0, "decides": "verified", "awaiting_close": False,
        "waiting": [first, second], "waiting_late": [first],  # 20 days, then 10
    }  # fmt: skip
    assert training["current"] == 0  # the verified figure decides
    closing = month.figures("housing.three-supplies", "2020-04-30")
    assert closing["state"] != "done" and closing["verification"]["awaiting_close"]
    table = run("status", "--as-of", "2020-04-30").stdout
    assert "已上报900" in table and "已报完成，待核实销号" in table

    # ── the supervision office: nobody verifies their own report ──────────────
    refused = run("verify", first, "--by", "人社局张伟", code=3)
    assert "人社局张伟" in refused.stderr and not run.json("entries", "--verdict", "verified")[
        "entries"]  # fmt: skip
    run("verify", first, handover["id"], "--by", "督查室王芳", code=0)
    run("verify", second, "--return", "--reason", "名册人数与上报不符", "--by", "督查室王芳",
        code=0)  # fmt: skip
    again = run("verify", first, "--by", "督查室王芳", code=3)
    assert "已有核实结论" in again.stderr
    month.commit("督查室核实", key="duchashi")

    # ── the office reports again; its report waits past the period ────────────
    third = month.report("jobs.training", "250", "--date", "2020-05-06")
    month.commit("人社局重新上报")
    training = month.figures("jobs.training", "2020-05-20")
    assert training["verification"] == {
        "reported": 850, "verified": 600, "decides": "verified", "awaiting_close": False,
        "waiting": [third], "waiting_late": [third],
    }  # fmt: skip
    assert training["current"] == 600
    assert month.figures("housing.three-supplies", "2020-05-20")["state"] == "done"  # 销号
    alerts = run.json("alerts", "--as-of", "2020-05-20", "--owner", "督查室",
                      "--fail-on", "unverified", code=1)  # fmt: skip
    assert not list(validator("alerts").iter_errors(alerts))
    assert [(a["condition"], a["id"]) for a in alerts["alerts"]] == [
        ("unverified", "jobs.training")
    ]
    digest = run.json("summary", "--as-of", "2020-05-20")
    assert not list(validator("summary").iter_errors(digest))
    assert [(w["id"], w["entry"], w["waiting_days"]) for w in digest["unverified"]] == [
        ("jobs.training", third, 14)
    ]
    [office] = [o for o in digest["offices"] if o["office"] == "区人力资源和社会保障局"]
    assert office["unverified"] == 1  # its report waiting, 14 days in
    page = run("summary", "--as-of", "2020-05-20", "--lang", "zh").stdout
    assert "逾期未核实" in page and "14天" in page
    assert "完成情况：1,000/3,000 人" not in page  # the card gives the verified figure …
    assert "（已上报850 人，1条待核实）" in page  # … and what was reported beside it
    stood = {e["id"]: e["verification"] for e in run.json("entries")["entries"]}
    assert [stood[i] for i in (first, second, third, handover["id"])] == [
        "verified",
        "returned",
        "waiting",
        "verified",
    ]
    [returned] = run.json("entries", "--verdict", "returned")["entries"]
    assert returned["id"] == second
    history = run.json("show", "jobs.training", "--as-of", "2020-05-20")["history"]
    assert [(h["value"], (h["verdict"] or {}).get("verdict")) for h in history] == [
        (600, "verified"),
        (None, "returned"),
        (850, "waiting"),
    ]
    assert (
        history[0]["verdict"]["by"] == "督查室王芳"
        and history[0]["verdict"]["office"] == "区督查室"
    )
    shown = run("show", "jobs.training", "--as-of", "2020-05-20", code=0).stdout
    assert "↩ 退回（督查室王芳" in shown and "）：名册人数与上报不符" in shown  # and why

    # ── who verified is proved by the signed commits, and evidence is intact ──
    assert "no problems" in run("check", "--lang", "en", code=0).stdout
    run("check", "--signatures", code=0)
    run("verify", third, "--by", "督查室王芳", code=0)
    month.commit("未签名的核实")  # typed by anyone with the folder: proves nothing
    [unsigned] = run.json("check", "--signatures", code=3)["problems"]
    assert unsigned["file"].endswith(".jsonl") and "unsigned" in unsigned["code"]
    assert month.figures("jobs.training", "2020-05-20")["verification"]["waiting"] == []
    entries = tmp_path / "记录.xlsx"
    run("entries", "--format", "xlsx", "-o", str(entries), code=0)
    sheet = openpyxl.load_workbook(entries).active
    column = [c.value for c in sheet[1]].index("核实情况")
    standing = {row[0]: row[column] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert [standing[i] for i in (first, second, third)] == ["已核实", "已退回", "已核实"]

    # ── next year's plan keeps who verifies and how; a closed milestone stays ─
    carried = run.json("init", str(tmp_path / "2021"), "--from", str(month.top), "--year", "2021")
    assert "jobs.training" in carried["carried"]
    assert "housing.three-supplies" not in carried["carried"]
    text = (tmp_path / "2021" / "goals.toml").read_text("utf-8")
    assert '[plan.verification]\nrequired = true\noffices = ["区督查室"]' in text
    assert 'short = "督查室"\nsigners = ["duchashi@shifeng"]' in text
    assert "no problems" in Run(tmp_path / "2021")("check", "--lang", "en", code=0).stdout


def test_the_export_carries_each_line_and_verdict_as_entries_lists_them(month, tmp_path):
    """Data out for analysts: every line `tracker entries` lists — reports with
    their files, next steps and standing, verdicts, attachments, a retracted
    verdict — is a row of the Parquet export with the same fields, and each
    goal's weekly state carries both figures."""
    pq = pytest.importorskip("pyarrow.parquet")
    run = month.run
    (tmp_path / "名册.xlsx").write_bytes(b"roster")
    (tmp_path / "照片.jpg").write_bytes(b"photo")
    first = month.report("jobs.training", "600", "--date", "2020-04-10",
                         "--evidence", str(tmp_path / "名册.xlsx"))  # fmt: skip
    second = month.report("jobs.training", "300", "--date", "2020-04-20",
                          "--next", "五月底前完成第二期培训", "--next-by", "2020-05-31")  # fmt: skip
    third = month.report("jobs.training", "100", "--date", "2020-04-25")
    run("verify", first, "--by", "督查室王芳", code=0)
    run("verify", second, "--return", "--reason", "名册人数与上报不符", "--by", "督查室王芳",
        code=0)  # fmt: skip
    run("attach", third, str(tmp_path / "照片.jpg"), "--by", "人社局张伟", code=0)
    wrong = run.json("verify", third, "--by", "督查室王芳")["entries"][0]["id"]
    run("retract", wrong, "--reason", "核错了", code=0)

    run("export", "--format", "parquet", str(tmp_path / "out"), "--as-of", "2020-04-30", code=0)
    (part,) = (tmp_path / "out" / "entries").iterdir()
    exported = {r["entry_id"]: r for r in pq.read_table(part / "part-0.parquet").to_pylist()}
    listed = run.json("entries")["entries"]
    assert set(exported) == {e["id"] for e in listed} and len(listed) == 8
    fields = ("goal", "retracts", "attaches", "verifies", "verdict", "verification", "reason",
              "next_step", "retracted", "retracted_by")  # fmt: skip
    for entry in listed:
        row = exported[entry["id"]]
        assert {f: row[f] or None for f in fields} == {f: entry.get(f) or None for f in fields}
        assert row["verifying_office"] == entry.get("office")
        assert row["evidence"] == entry.get("evidence")
        assert (row["next_by"] and row["next_by"].isoformat()) == entry.get("next_by")
    assert [exported[i]["verification"] for i in (first, second, third)] == [
        "verified", "returned", "waiting"]  # fmt: skip
    assert exported[second]["next_by"].isoformat() == "2020-05-31"

    (part,) = (tmp_path / "out" / "states").iterdir()
    states = pq.read_table(part / "part-0.parquet").to_pylist()
    [last] = [s for s in states if s["goal"] == "jobs.training" and str(s["date"]) == "2020-04-30"]
    own = month.figures("jobs.training", "2020-04-30")["verification"]
    assert (last["reported"], last["verified"]) == (own["reported"], own["verified"]) == (700, 600)
    assert last["current"] == 600 and last["awaiting_close"] is False


def test_the_answer_to_a_write_has_the_figures_status_then_shows(month):
    """`log`'s one-line answer (and its JSON) after a report, and after a batch
    that reports and verifies at once: the figures `status` shows that day."""
    run = month.run
    first = month.report("jobs.training", "600", "--date", "2020-04-10")
    today = run.json("log", "jobs.training", "300", "--date", "2020-04-20", "--by", "人社局张伟")
    day = today["as_of"]
    assert today["goals"][0]["verification"] == month.figures("jobs.training", day)[
        "verification"] and len(today["goals"][0]["verification"]["waiting"]) == 2  # fmt: skip
    batch = [
        {"goal": "jobs.training", "date": "2020-04-25", "value": 100, "by": "人社局张伟"},
        {"verifies": first, "verdict": "verified", "office": "区督查室", "by": "督查室王芳"},
    ]
    written = run.json("log", "--from-json", "-", input=json.dumps(batch, ensure_ascii=False))
    [goal] = written["goals"]
    assert goal["verification"] == month.figures("jobs.training", day)["verification"]
    assert (goal["verification"]["verified"], len(goal["verification"]["waiting"])) == (600, 2)


@pytest.mark.parametrize(
    "verdict, said",
    [
        ({"verdict": "returned"}, "退回须说明理由"),  # the CLI's rule, in a batch too
        ({"verdict": "verified", "note_only": True}, "只是一条说明"),
        ({"verdict": "verified", "office": None}, "须写明核实单位（office）"),
    ],
)
def test_a_batch_verdict_is_held_to_the_rules_verify_is(month, verdict, said):
    """A return with no reason, a verdict on a note, one naming no office:
    refused in a batch with the reason at its line and nothing written, as
    `verify` refuses the first two."""
    run = month.run
    if verdict.pop("note_only", False):
        about = run.json("log", "jobs.training", "--note", "培训班筹备中", "--date", "2020-04-10",
                         "--by", "人社局张伟")["entries"][0]["id"]  # fmt: skip
        assert said in run("verify", about, "--by", "督查室王芳", code=3).stderr
    else:
        about = month.report("jobs.training", "600", "--date", "2020-04-10")
    before = run.json("entries")["entries"]
    record = {"verifies": about, "office": "区督查室", "by": "督查室王芳", **verdict}
    record = {key: value for key, value in record.items() if value is not None}
    refused = run("log", "--from-json", "-", input=json.dumps([record], ensure_ascii=False),
                  code=3)  # fmt: skip
    assert refused.stderr.startswith("<stdin>:1: ") and said in refused.stderr
    assert run.json("entries")["entries"] == before


def test_a_report_without_the_proof_its_goal_asks_is_not_closed(month, tmp_path):
    """销号 waits for the evidence: a done report that carries none of the files
    its goal asks for (written before the rule came) is refused by verify with
    the way round — attach, then verify; returning it needs no files."""
    run = month.run
    line = {
        "id": "c10sed0000000001",
        "goal": "housing.three-supplies",
        "date": "2020-04-28",
        "done": True,
        "note": "",
        "by": "住建局李明",
        "recorded_at": "2020-04-28T01:00:00Z",
    }
    with (month.top / "progress" / "2020-04.jsonl").open("a", encoding="utf-8") as log:
        log.write(json.dumps(line, ensure_ascii=False) + "\n")
    refused = run("verify", line["id"], "--by", "督查室王芳", code=2)
    assert "佐证材料" in refused.stderr and f"tracker attach {line['id']}" in refused.stderr
    run("verify", line["id"], "--return", "--reason", "未附移交协议", "--by", "督查室王芳",
        "--dry-run", code=0)  # fmt: skip
    (tmp_path / "移交协议.pdf").write_bytes(b"%PDF-1.4 agreement")
    run("attach", line["id"], str(tmp_path / "移交协议.pdf"), "--by", "住建局李明", code=0)
    run("verify", line["id"], "--by", "督查室王芳", code=0)
    assert month.figures("housing.three-supplies", "2020-04-30")["state"] == "done"
