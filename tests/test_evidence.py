"""Evidence files (佐证材料) through the real command line, on real files:
attached to entries and kept once by hash, listed, shown and copied out,
checked again by `check` at the lines naming them, asked for by a goal's rule,
refused whole when they are not plain readable files within the plan's limit,
and taken from the folder beside an office's workbook."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tomllib
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import Run, log_records, plan_folder, symlink_or_skip, validator

pytestmark = pytest.mark.usefixtures("english")  # these tests assert English messages


@pytest.fixture
def run(tmp_path):
    """A data folder whose goals ask for evidence (tests/plans/evidence.toml):
    handover (milestone) and bases (checklist: 长石, 九塘) when done, trained
    (count) on every entry, placed (count, 50) when its target is met, visits
    (count) never. Files above 1 MB are refused."""
    return plan_folder(tmp_path, "evidence")


def a_file(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def logged(run, *args) -> str:
    """Log an entry (it must be written); its id."""
    return run.json("log", *args)["entries"][0]["id"]


def kept(run, content: bytes) -> Path:
    digest = hashlib.sha256(content).hexdigest()
    return run.root / "evidence" / digest[:2] / digest[2:4] / digest


def state_of(run) -> dict[str, bytes]:
    """Every file of the log and of evidence/, by path: what a refusal must leave alone."""
    found = {}
    for folder in ("progress", "evidence"):
        for path in sorted((run.root / folder).rglob("*")):
            if path.is_file() and ".cache" not in path.parts and path.name != ".lock":
                found[path.relative_to(run.root).as_posix()] = path.read_bytes()
    return found


def line_of(run, entry_id: str) -> str:
    """Where the log line with this id is, as `check` names it: file:line."""
    for path in sorted((run.root / "progress").glob("*.jsonl")):
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if json.loads(text).get("id") == entry_id:
                return f"{os.path.relpath(path)}:{number}"
    raise AssertionError(entry_id)


# ── attach, list, show, export ───────────────────────────────────────────────


def test_attached_files_are_kept_once_listed_shown_and_exported_under_their_names(run, tmp_path):
    files = tmp_path / "in"
    report = a_file(files, "报告.pdf", "第一版")
    trained = logged(run, "trained", "10", "--date", "2020-03-01", "--evidence", str(report))
    visits = logged(run, "visits", "3", "--date", "2020-03-02")
    later = [a_file(files, "x/报告.pdf", "第二版"), a_file(files, "nul.txt", "n"), report]
    attached = run.json("attach", visits[:6], *map(str, later), "--note", "走访记录")
    validator("attach").validate(attached)
    line = attached["entries"][0]
    assert (line["attaches"], line["goal"], line["note"]) == (visits, "visits", "走访记录")
    assert [f["name"] for f in line["evidence"]] == ["报告.pdf", "nul.txt", "报告.pdf"]
    # Kept once each by content, read-only, whatever names they came under.
    objects = sorted(p for p in (run.root / "evidence").rglob("*") if p.is_file())
    assert objects == sorted({kept(run, t.encode()) for t in ("第一版", "第二版", "n")})
    assert all(p.stat().st_mode & 0o222 == 0 for p in objects)  # never written again
    validator("entries").validate(run.json("entries"))

    listed = run.json("evidence", "list")
    validator("evidence-list").validate(listed)
    assert [(f["entry"], f["name"], f["attachment"]) for f in listed["files"]] == [
        (trained, "报告.pdf", None),
        (visits, "报告.pdf", line["id"]),
        (visits, "nul.txt", line["id"]),
        (visits, "报告.pdf", line["id"]),
    ]
    assert len(run.json("evidence", "list", "--goal", "trained")["files"]) == 1
    assert run.json("evidence", "list", "--entry", visits[:6])["filters"]["entry"] == visits
    csv = run("evidence", "list", "--format", "csv", code=0).stdout.splitlines()
    assert csv[0].startswith("entry,goal,date,name,size,sha256") and len(csv) == 5

    shown = run.json("evidence", "show", visits)
    validator("evidence-show").validate(shown)
    assert {f["condition"] for f in shown["files"]} == {"intact"}
    assert all((run.root / f["stored"]).is_file() for f in shown["files"])
    table = run("evidence", "show", visits, code=0).stdout
    assert "nul.txt" in table and "intact" in table

    out = tmp_path / "out"
    exported = run.json("evidence", "export", "--all", "--to", str(out))
    validator("evidence-export").validate(exported)
    copies = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    assert copies == {"报告.pdf": "第一版", "报告(2).pdf": "第二版", "_nul.txt": "n"}
    # Again into the same folder: what is there with the same bytes is the copy.
    run("evidence", "export", "--goal", "visits", "--to", str(out), code=0)
    assert sorted(p.name for p in out.iterdir()) == ["_nul.txt", "报告(2).pdf", "报告.pdf"]
    assert run("evidence", "export", "--to", str(out), code=2).stderr
    kept(run, b"n").unlink()  # a kept file lost: the others are copied, it is named
    result = run("evidence", "export", "--entry", visits, "--to", str(tmp_path / "o2"), code=3)
    assert "evidence file 'nul.txt'" in result.stderr and "missing" in result.stderr
    assert sorted(p.name for p in (tmp_path / "o2").iterdir()) == ["报告(2).pdf", "报告.pdf"]


def test_files_of_a_retracted_entry_are_listed_only_by_its_entry(run, tmp_path):
    report = a_file(tmp_path, "a.pdf", "a")
    wrong = logged(run, "trained", "10", "--date", "2020-03-01", "--evidence", str(report))
    run("retract", wrong, "--reason", "错了", "--yes", code=0)
    assert run.json("evidence", "list")["files"] == []
    [only] = run.json("evidence", "list", "--entry", wrong)["files"]
    assert only["retracted"] is True
    assert "(retracted)" in run("evidence", "show", wrong, code=0).stdout


# ── check: every kept file hashed again, at the lines naming it ──────────────


@pytest.mark.parametrize("fast", [False, True], ids=["hashed", "fast"])
def test_check_names_an_altered_or_missing_file_at_each_line_naming_it(run, tmp_path, fast):
    report = a_file(tmp_path, "报告.pdf", "original")
    entry = logged(run, "trained", "10", "--date", "2020-03-01", "--evidence", str(report))
    attachment = run.json("attach", entry, str(report))["entries"][0]["id"]
    check = ["check", "--fast"] if fast else ["check"]
    run(*check, code=0)
    stored = kept(run, b"original")
    places = [line_of(run, entry), line_of(run, attachment)]

    def reported(code: int) -> list[str]:
        return run(*check, code=code).stdout.splitlines()

    stored.chmod(0o644)
    stored.write_bytes(b"ORIGINAL")  # the same size, other bytes
    if fast:
        run(*check, code=0)  # presence and size only: it cannot see this
    else:
        found = run.json("check", code=3)["problems"]
        assert [f"{os.path.relpath(p['file'])}:{p['line']}" for p in found] == places
        assert {p["code"] for p in found} == {"evidence"}
        assert "'报告.pdf'" in found[0]["message"] and "altered" in found[0]["message"]
        assert f"tracker attach {entry} FILE" in found[0]["hint"]
    stored.write_bytes(b"longer than it was")
    assert ["altered" in line for line in reported(3)[:2]] == [True, True]
    stored.unlink()
    lines = reported(3)
    assert [line.split(": ")[0] for line in lines[:2]] == places
    assert all("missing from evidence/" in line for line in lines[:2])
    run("attach", entry, str(report), code=0)  # the original attached again mends it
    run(*check, code=0)


# ── refused whole: nothing kept, nothing written ─────────────────────────────


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "folder").mkdir()
    return tmp_path / "folder"


def _link(tmp_path: Path) -> Path:
    symlink_or_skip(tmp_path / "link.pdf", a_file(tmp_path, "real.pdf", "r"))
    return tmp_path / "link.pdf"


def _too_large(tmp_path: Path) -> Path:
    path = tmp_path / "big.pdf"
    with path.open("wb") as handle:
        handle.truncate(1024 * 1024 + 1)  # the plan's limit is 1 MB
    return path


def _pipe(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "pipe.pdf")
    return tmp_path / "pipe.pdf"


@pytest.mark.parametrize(
    "make, said",
    [
        (_folder, "is a folder"),
        (_link, "is a link"),
        (_too_large, "above the plan's limit of 1 MB"),
        (_pipe, "not a regular file"),
        (lambda tmp_path: tmp_path / "absent.pdf", "cannot read"),
    ],
    ids=["folder", "link", "too-large", "pipe", "absent"],
)
def test_a_file_that_is_not_plain_readable_and_small_enough_is_refused_whole(
    run, tmp_path, make, said
):
    entry = logged(run, "visits", "2", "--date", "2020-03-01")
    good = a_file(tmp_path, "good.pdf", "fine")
    before = state_of(run)
    bad = make(tmp_path)
    for args in (
        ["attach", entry, str(good), str(bad)],
        ["log", "visits", "1", "--date", "2020-03-01", "--evidence", str(good), "--evidence",
         str(bad)],
    ):  # fmt: skip
        result = run(*args, code=3)
        assert f"{bad}: " in result.stderr and said in result.stderr
        assert state_of(run) == before


def test_attaching_to_what_is_no_entry_that_counts_is_refused(run, tmp_path):
    report = a_file(tmp_path, "a.pdf", "a")
    retracted = logged(run, "visits", "2", "--date", "2020-03-01")
    run("retract", retracted, "--reason", "错了", "--yes", code=0)
    entry = logged(run, "visits", "3", "--date", "2020-03-01")
    attachment = run.json("attach", entry, str(report))["entries"][0]["id"]
    before = state_of(run)
    for named, said in (
        ("0123456789abcdef", "no entry"),
        (retracted, f"entry '{retracted}' is retracted"),
        (attachment, "attach to the entry itself"),
    ):
        assert said in run("attach", named, str(report), code=3).stderr
        assert state_of(run) == before


def test_a_dry_run_reads_the_files_and_keeps_nothing(run, tmp_path):
    report = a_file(tmp_path, "a.pdf", "a")
    entry = logged(run, "visits", "2", "--date", "2020-03-01")
    before = state_of(run)
    shown = run("attach", entry, str(report), "--dry-run", code=0).stdout
    assert "would attach 1 evidence file(s)" in shown and "a.pdf" in shown
    run("log", "trained", "3", "--date", "2020-03-01", "--evidence", str(report), "--dry-run",
        code=0)  # fmt: skip
    assert state_of(run) == before and not (run.root / "evidence").exists()


# ── a goal's evidence rule ───────────────────────────────────────────────────


@pytest.mark.parametrize(
    "before, entry, rule",
    [
        ([], ["handover", "--done"], "when it is done"),
        ([["bases", "--item", "长石"]], ["bases", "--item", "九塘"], "when it is done"),
        ([["placed", "30"]], ["placed", "20"], "when it is done"),
        ([["placed", "30"]], ["placed", "--total", "60"], "when it is done"),
        ([], ["trained", "5"], "every entry"),
    ],
    ids=["milestone", "last-item", "count-reaches", "total-reaches", "every"],
)
def test_an_entry_without_the_files_its_goal_asks_for_is_refused(
    run, tmp_path, before, entry, rule
):
    report = a_file(tmp_path, "验收报告.pdf", "ok")
    for earlier in before:
        run("log", *earlier, "--date", "2020-03-01", code=0)
    written = state_of(run)
    batch = json.dumps({"goal": entry[0], "date": "2020-03-02", **_fields(entry[1:])})
    for args, given in (((*entry, "--date", "2020-03-02"), None), (("--from-json", "-"), batch)):
        result = run("log", *args, input=given, code=3)
        assert f"goal {entry[0]} asks" in result.stderr and rule in result.stderr
        assert "--evidence FILE" in result.stderr
        assert state_of(run) == written
    run("log", *entry, "--date", "2020-03-02", "--evidence", str(report), code=0)


def _fields(flags: list[str]) -> dict:
    """A batch line's value fields for `log` flags."""
    if flags == ["--done"]:
        return {"done": True}
    if flags[0] == "--item":
        return {"items": [flags[1]]}
    if flags[0] == "--total":
        return {"value": float(flags[1]), "total": True}
    return {"value": float(flags[0])}


def test_a_batch_asks_files_of_the_very_entry_that_meets_the_target(run):
    """Of two increments on one day, the first reaches placed's target of 50:
    it must carry the files, whatever the second carries."""
    run("log", "placed", "30", "--date", "2020-03-01", code=0)
    files = [{"sha256": "0" * 64, "size": 1, "name": "名单.xlsx"}]
    meets = {"goal": "placed", "date": "2020-03-02", "value": 20}
    after = {"goal": "placed", "date": "2020-03-02", "value": 5}
    batch = [meets, {**after, "evidence": files}]
    err = run("log", "--from-json", "-", input=json.dumps(batch), code=3).stderr
    assert err.startswith("<stdin>:1: goal placed asks for evidence files when it is done")
    run.log_batch([{**meets, "evidence": files}, after])


def test_entries_the_rule_passes_over_need_no_files(run):
    run("log", "trained", "--note", "开班动员", "--date", "2020-03-01", code=0)  # a note alone
    run("log", "placed", "30", "--date", "2020-03-01", code=0)  # short of the target
    run("log", "bases", "--item", "长石", "--date", "2020-03-01", code=0)  # not the last item
    run("log", "visits", "20", "--date", "2020-03-01", code=0)  # asks nothing
    run("check", code=0)


def test_check_names_an_entry_in_the_log_without_required_files_until_they_are_attached(
    run, tmp_path
):
    month = run.root / "progress" / "2020-04.jsonl"
    month.write_text(
        json.dumps({"id": "hand0001", "goal": "handover", "date": "2020-04-28", "done": True,
                    "note": "", "by": "x", "recorded_at": "2020-04-28T08:00:00Z"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    [found] = run.json("check", code=3)["problems"]
    assert (found["line"], found["code"]) == (1, "evidence-missing")
    assert "tracker attach hand0001 FILE" in found["hint"]
    run("attach", "hand0001", str(a_file(tmp_path, "移交协议.pdf", "p")), code=0)
    run("check", code=0)


# ── a workbook and the folder beside it ──────────────────────────────────────


def _filled(run, tmp_path: Path, cells: dict[str, object]) -> Path:
    """国资局's template, its handover row filled with `cells` (by column key)."""
    form = tmp_path / "国资局-6月.xlsx"
    run("template", "--owner", "区国资局", "--as-of", "2020-06-30", "--output", str(form),
        code=0)  # fmt: skip
    book = openpyxl.load_workbook(form)
    ws = book.active
    keys = [c.value for c in ws[1]]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "handover")
    for key, value in cells.items():
        ws.cell(row, keys.index(key) + 1).value = value
    book.save(form)
    return form


def test_a_workbook_takes_its_rows_files_from_the_folder_named_as_it(run, tmp_path):
    form = _filled(run, tmp_path, {"done": "是", "date": "2020-04-28",
                                   "evidence": "移交协议.pdf、照片/现场.jpg"})  # fmt: skip
    assert form.with_suffix("").name == "国资局-6月"
    before = state_of(run)
    err = run("log", "--from-xlsx", str(form), code=3).stderr
    assert "区国资局!Q5: evidence file '移交协议.pdf' not found: there is no folder" in err
    folder = form.with_suffix("")
    a_file(folder, "移交协议.pdf", "协议")
    a_file(tmp_path, "外面.pdf", "x")
    symlink_or_skip(folder / "照片", tmp_path, directory=True)  # a link out of the folder
    err = run("log", "--from-xlsx", str(form), code=3).stderr
    assert "!Q5: evidence file '照片/现场.jpg' is outside the folder" in err
    assert state_of(run) == before
    (folder / "照片").unlink()
    a_file(folder, "照片/现场.jpg", "jpg")
    run("log", "--from-xlsx", str(form), code=0)
    [entry] = [r for r in log_records(run.root) if r.get("goal") == "handover"]
    assert [f["name"] for f in entry["evidence"]] == ["移交协议.pdf", "现场.jpg"]
    assert kept(run, "协议".encode()).read_bytes() == "协议".encode()
    run("check", code=0)


def test_a_workbook_row_without_the_files_its_goal_asks_for_is_refused_at_its_cell(run, tmp_path):
    form = _filled(run, tmp_path, {"done": "是", "date": "2020-04-28"})
    err = run("log", "--from-xlsx", str(form), code=3).stderr
    assert "区国资局!Q5: goal handover asks for evidence files when it is done" in err
    assert not log_records(run.root)


# ── git ──────────────────────────────────────────────────────────────────────


def test_init_keeps_evidence_files_out_of_git_and_next_years_plan_asks_for_them_too(run, tmp_path):
    folder = tmp_path / "plan"
    Run(folder)("init", str(folder), "--year", "2021", code=0)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    ignored = subprocess.run(["git", "-C", str(folder), "check-ignore", "-q", "evidence/ab/cd/ab"])
    assert ignored.returncode == 0
    log = subprocess.run(["git", "-C", str(folder), "check-ignore", "-q", "progress/2021-01.jsonl"])
    assert log.returncode == 1  # the log itself is committed
    carried = tmp_path / "2021"
    run("init", str(carried), "--from", str(run.root), "--year", "2021", code=0)
    rules = {g["id"]: g for g in tomllib.loads((carried / "goals.toml").read_text("utf-8"))["goal"]}
    assert {k: g.get("evidence") for k, g in rules.items()} == {
        "handover": "done", "bases": "done", "trained": "every", "placed": "done", "visits": None,
    }  # fmt: skip
