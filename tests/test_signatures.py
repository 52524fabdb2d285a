"""Who verified is proved, not typed (issue 23): `tracker check --signatures`
on real git history, with real SSH keys made by ssh-keygen and real signed
commits. Nothing cryptographic is written here: git signs and git checks."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import MINI, Repo, Run, validator
from tracker.model import (
    Commit,
    Entry,
    Office,
    Op,
    SignatureCheck,
    Source,
    VerdictAdded,
    line_record,
)
from tracker.rules.signatures import unproved
from tracker.storage.logline import dumps_line


def _git_version() -> tuple[int, int]:
    if not shutil.which("git"):
        return (0, 0)
    out = subprocess.run(["git", "version"], capture_output=True, text=True).stdout
    found = re.search(r"(\d+)\.(\d+)", out)
    return (int(found[1]), int(found[2])) if found else (0, 0)


pytestmark = [
    pytest.mark.skipif(
        not shutil.which("ssh-keygen") or _git_version() < (2, 34),
        reason="needs ssh-keygen and git 2.34 or newer (SSH signing)",
    ),
    pytest.mark.usefixtures("own_git"),
]

# mini.toml's plan with its offices named once: 区人社局 reports, 区督查室 and
# 区统计局 verify, each signed for by one principal of allowed_signers.
OFFICES = """
[plan.verification]
required = true
offices = ["区督查室", "区统计局"]

[[plan.offices]]
name = "区人社局"

[[plan.offices]]
name = "区督查室"
short = "督查室"
signers = ["duchashi@shifeng"]

[[plan.offices]]
name = "区统计局"
short = "统计局"
signers = ["tongji@shifeng"]
"""
PLAN = MINI.replace("\n[[plan.areas]]", OFFICES + "\n[[plan.areas]]", 1)
PRINCIPALS = {"duchashi": "duchashi@shifeng", "tongji": "tongji@shifeng"}  # not "stranger"
LOG = "progress/2020-03.jsonl"


class District(Repo):
    """A repository whose folder 石峰区/ is the data folder: the plan, an
    allowed_signers beside it, logs merged line by line."""

    def __init__(self, top: Path, keys: dict[str, Path]):
        super().__init__(top, keys)
        self.data = top / "石峰区"
        self.run = Run(self.data)

    def report(self, value: str, date: str = "2020-03-01") -> str:
        """An office's report, by the real CLI: its entry id."""
        written = self.run.json("log", "jobs.training", value, "--date", date, "--by", "人社局张伟")
        return written["entries"][0]["id"]

    def verdict(self, about: str, office: str, *, number: int = 1) -> int:
        """A verdict line on `about`, in the log's own format: its line number."""
        return self.line(Op.VERDICT, number, about, verdict="verified", office=office)

    def line(self, op: Op, number: int, about: str, **fields) -> int:
        """A line about line `about` (a verdict, a retraction), written by the
        log's own serialiser: its line number."""
        record = line_record(
            f"{number:016x}", "jobs.training", "2020-03-05", op.value, None, (), "",
            "督查室王芳", "2020-03-05T02:00:00Z", about, "", None, **fields,
        )  # fmt: skip
        path = self.data / LOG
        with path.open("ab") as log:
            log.write(dumps_line(record))
        return path.read_bytes().count(b"\n")

    def check(self, *args: str, code: int):
        return self.run("check", "--signatures", *args, code=code)

    def problems(self) -> list[dict]:
        document = self.run.json("check", "--signatures", code=3)
        assert not list(validator("check-signatures").iter_errors(document))
        return document["problems"]


@pytest.fixture
def district(tmp_path, keys, monkeypatch) -> District:
    """The repository with the plan and a first report, committed unsigned (an
    office's report needs no signature: only verdicts do). Messages name
    files from the data folder, as when staff run tracker there."""
    place = District(tmp_path / "repo", keys)
    (place.data / "progress").mkdir(parents=True)
    (place.data / "goals.toml").write_text(PLAN, encoding="utf-8")
    (place.data / ".gitattributes").write_text("progress/*.jsonl merge=union\n", encoding="utf-8")
    (place.data / ".gitignore").write_text("progress/.cache/\n", encoding="utf-8")
    allowed = "".join(
        f'{principal} namespaces="git" {(keys[name].with_suffix(".pub")).read_text()}'
        for name, principal in PRINCIPALS.items()
    )
    (place.data / "allowed_signers").write_text(allowed, encoding="utf-8")
    place.git("init", "-q", "-b", "main")
    place.report("100")
    place.commit("人社局上报")
    monkeypatch.chdir(place.data)
    return place


def test_verdicts_signed_for_their_office_are_proved(district):
    """Each office's signer signs its verdicts (the office named by its full or
    short name); reports are committed unsigned; an unsigned verdict that was
    retracted counts for nothing, so it needs no proof."""
    first = district.report("20", "2020-03-02")
    district.commit("人社局上报")
    district.verdict(first, "区督查室", number=1)
    district.commit("督查室核实", key="duchashi")
    district.verdict(first, "统计局", number=2)
    district.commit("统计局核实", key="tongji")
    district.verdict(first, "区督查室", number=3)
    district.commit("未签名的核实")
    district.line(Op.RETRACT, 4, f"{3:016x}")  # as the ledger reads a verdict withdrawn
    district.commit("撤销未签名的核实")

    assert district.check("--lang", "en", code=0).stdout == (
        "OK: all 2 verdicts were committed signed by a signer of their office.\n"
    )
    document = district.run.json("check", "--signatures")
    assert not list(validator("check-signatures").iter_errors(document))
    assert document["ok"] and not document["problems"]
    signed = [(v["office"], v["signature"], v["signer"], v["proved"], v["retracted"])
              for v in document["verdicts"]]  # fmt: skip
    assert signed == [
        ("区督查室", "good", "duchashi@shifeng", True, False),
        ("统计局", "good", "tongji@shifeng", True, False),
        ("区督查室", "unsigned", None, False, True),
    ]


def _tampered(district: District) -> str:
    """HEAD replaced by a copy whose message was changed after it was signed
    (git's own objects, the signature kept): its short hash."""
    raw = subprocess.run(["git", "-C", str(district.top), "cat-file", "commit", "HEAD"],
                         capture_output=True, check=True).stdout  # fmt: skip
    altered = raw.replace("统计局核实".encode(), "统计局核实（改）".encode())
    forged = subprocess.run(
        ["git", "-C", str(district.top), "hash-object", "-t", "commit", "-w", "--stdin"],
        input=altered, capture_output=True, check=True,
    ).stdout.decode().strip()  # fmt: skip
    district.git("update-ref", "HEAD", forged)
    return district.git("rev-parse", "--short", "HEAD")


def _openpgp_signed(district: District, tmp_path: Path, monkeypatch, request) -> str:
    """Committed signed with an OpenPGP key whose user id is the 统计局 signer's
    principal, one the local keyring trusts fully (it made it): its short hash."""
    if not shutil.which("gpg"):
        pytest.skip("needs gpg")
    home = tmp_path / "gpg"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(home))
    request.addfinalizer(
        lambda: subprocess.run(
            ["gpgconf", "--kill", "all"], check=False, env=dict(os.environ, GNUPGHOME=str(home))
        )
    )
    subprocess.run(["gpg", "--batch", "--passphrase", "", "--quick-gen-key", PRINCIPALS["tongji"],
                    "ed25519", "sign"], check=True, capture_output=True)  # fmt: skip
    district.git("add", "-A")
    district.git("-c", f"user.signingkey={PRINCIPALS['tongji']}", "commit", "-S", "-qm", "核实")
    assert district.git("log", "-1", "--format=%G?%GS") == f"G{PRINCIPALS['tongji']}"
    return district.git("rev-parse", "--short", "HEAD")


@pytest.mark.parametrize(
    "how, code, said",
    [
        ("unsigned", "unsigned-verdict", "added this verdict unsigned"),
        ("stranger", "unknown-signer", "not an SSH key allowed_signers lists"),
        ("openpgp", "unknown-signer", "not an SSH key allowed_signers lists"),
        ("wrong office", "signer-not-for-office",
         "signed by duchashi@shifeng, who does not sign for 区统计局 "
         "(区统计局's signers: tongji@shifeng)"),
        ("tampered", "bad-signature", "bad signature"),
        ("removed later", "unsigned-verdict", "the line is no longer in the files"),
        ("not committed", "verdict-not-committed", "not committed to git yet"),
    ],
)  # fmt: skip
def test_a_verdict_its_commit_does_not_prove_is_reported_at_its_line(
    district, english, tmp_path, monkeypatch, request, how, code, said
):
    line = district.verdict(district.report("20", "2020-03-02"), "区统计局")
    short = None
    if how == "unsigned" or how == "removed later":
        short = district.commit("统计局核实")
    elif how in ("stranger", "wrong office"):
        short = district.commit("统计局核实", key="stranger" if how == "stranger" else "duchashi")
    elif how == "openpgp":
        short = _openpgp_signed(district, tmp_path, monkeypatch, request)
    elif how == "tampered":
        district.commit("统计局核实", key="tongji")
        short = _tampered(district)
    if how == "removed later":
        text = (district.data / LOG).read_text(encoding="utf-8").splitlines(keepends=True)
        (district.data / LOG).write_text("".join(text[: line - 1]), encoding="utf-8")
        district.commit("删去一行")

    out = district.check(code=3).stdout.splitlines()
    assert out[0].startswith(f"{LOG}:{line}: ") and said in out[0], out
    assert out[1:] == ["1 problem(s)."]
    if short is not None:
        assert f"commit {short} (李明, {dt.date.today().isoformat()}" in out[0]
    (problem,) = district.problems()
    assert (problem["code"], problem["file"], problem["line"]) == (code, LOG, line)


@pytest.mark.parametrize("key", [None, "duchashi", "tongji"])
def test_a_proved_verdict_is_withdrawn_only_as_it_was_given(district, english, key):
    """Retracting a proved verdict changes what counts (a 退回 undone puts the
    report back): the retraction must be signed by a signer of the verdict's
    office — here 统计局's; unsigned or by another office's signer, it is the
    problem, at its own line, with the way to answer it."""
    entry = district.report("20", "2020-03-02")
    district.verdict(entry, "区统计局", number=1)
    district.commit("统计局核实", key="tongji")
    line = district.line(Op.RETRACT, 2, f"{1:016x}")
    short = district.commit("撤回核实", key=key)

    document = district.run.json("check", "--signatures", code=0 if key == "tongji" else 3)
    assert not list(validator("check-signatures").iter_errors(document))
    [withdrawal] = document["withdrawals"]
    assert (withdrawal["withdraws"], withdrawal["line"]) == (f"{1:016x}", line)
    assert withdrawal["proved"] is (key == "tongji")
    assert document["verdicts"][0]["retracted"] and document["verdicts"][0]["proved"]
    if key == "tongji":
        return
    out = district.check(code=3).stdout.splitlines()
    assert out[0].startswith(f"{LOG}:{line}: commit {short} ") and out[1:] == ["1 problem(s)."]
    said = ("this withdrawal of a verdict unsigned" if key is None
            else "signed by duchashi@shifeng, who does not sign for 区统计局")  # fmt: skip
    assert said in out[0]
    hint = document["problems"][0]["hint"]
    assert ("cannot itself be retracted" if key is None else "tongji@shifeng") in hint


@pytest.mark.parametrize("how", ["untouched", "edited", "shadowed", "edited, not committed"])
def test_a_verified_report_is_the_line_that_was_verified(district, english, how):
    """A verdict vouches for its report as it stood when the verdict was
    committed: the report's line edited afterwards, or another line of its id
    put before it (the first line of an id counts), is found at the line that
    counts now, naming the verdict's commit."""
    entry = district.report("20", "2020-03-02")
    district.commit("人社局上报")
    district.verdict(entry, "区统计局")
    short = district.commit("统计局核实", key="tongji")
    log = district.data / LOG
    if how.startswith("edited"):
        log.write_text(log.read_text("utf-8").replace('"value":20,', '"value":2000,'), "utf-8")
        file, line = LOG, 2
    elif how == "shadowed":  # an earlier month's line with the same id counts first
        first = log.read_text("utf-8").splitlines()[1].replace('"value":20,', '"value":2000,')
        (district.data / "progress" / "2020-02.jsonl").write_text(first + "\n", "utf-8")
        file, line = "progress/2020-02.jsonl", 1
    if how in ("edited", "shadowed"):
        district.commit("改了一下")
    if how == "untouched":
        district.check(code=0)
        return
    (problem,) = district.problems()
    assert (problem["code"], problem["file"], problem["line"]) == (
        "verified-entry-changed", file, line)  # fmt: skip
    assert entry in problem["message"] and short in problem["message"]


def test_a_merge_is_judged_by_the_lines_it_brings_itself(district):
    """A merge that brings in a signed verdict from a branch is not reported
    (the branch's commit added it); a merge that adds a verdict of its own, as
    in resolving a conflict by hand, is."""
    entry = district.report("20", "2020-03-02")
    district.commit("人社局上报")
    district.git("checkout", "-qb", "verify")
    district.verdict(entry, "区督查室", number=1)
    district.commit("督查室核实", key="duchashi")
    district.git("checkout", "-q", "main")
    district.report("30", "2020-03-03")
    district.commit("人社局上报")
    district.git("merge", "-q", "--no-edit", "verify")
    district.check(code=0)

    district.git("checkout", "-qb", "more")
    district.report("40", "2020-03-04")
    district.commit("人社局上报")
    district.git("checkout", "-q", "main")
    district.report("50", "2020-03-04")
    district.commit("人社局上报")
    district.git("merge", "-q", "--no-commit", "more")
    line = district.verdict(entry, "区统计局", number=2)
    short = district.commit("合并时加了一条核实")
    assert len(district.git("log", "-1", "--format=%P").split()) == 2  # a merge
    (problem,) = district.problems()
    assert (problem["code"], problem["line"]) == ("unsigned-verdict", line)
    assert short in problem["message"]


@pytest.mark.parametrize(
    "case", ["not a repository", "shallow", "no allowed_signers", "signers not committed", "no git"]
)
def test_when_signatures_cannot_be_checked_it_says_why_in_one_problem(
    district, english, tmp_path, monkeypatch, case
):
    district.verdict(district.report("20", "2020-03-02"), "区督查室")
    district.commit("督查室核实", key="duchashi")
    run, env = district.run, None
    if case == "not a repository":
        shutil.rmtree(district.top / ".git")
        code, said = "not-a-repository", "not in a git repository"
    elif case == "shallow":
        clone = tmp_path / "clone"
        district.git("clone", "-q", "--depth", "1", f"file://{district.top}", str(clone))
        run = Run(clone / "石峰区")
        code, said = "shallow-history", "git fetch --unshallow"
    elif case == "no allowed_signers":
        (district.data / "allowed_signers").unlink()
        code, said = "no-allowed-signers", 'NAME namespaces="git" ssh-ed25519'
    elif case == "signers not committed":  # a key slipped into the list proves nothing
        with (district.data / "allowed_signers").open("a", encoding="utf-8") as signers:
            signers.write((district.keys["stranger"].with_suffix(".pub")).read_text())
        code, said = "signers-not-committed", "changes not committed"
    else:
        nothing = tmp_path / "empty"
        nothing.mkdir()
        env = {"PATH": str(nothing)}
        code, said = "no-git", "git is not installed"
    result = run("check", "--signatures", env=env, code=3)
    assert said in result.stdout and "Traceback" not in result.stdout + result.stderr
    document = run.json("check", "--signatures", env=env, code=3)
    assert not list(validator("check-signatures").iter_errors(document))
    assert [p["code"] for p in document["problems"]] == [code]


@pytest.mark.parametrize("check", list(SignatureCheck))
def test_each_signature_git_can_report_is_said_in_both_languages(check):
    """The rule alone (pure): only a good signature by a signer of the
    verdict's office proves it; any other says why, in either language."""
    from tests.conftest import make_goal, make_plan

    plan = make_plan(make_goal("g"))
    plan = type(plan)(**{**plan.__dict__, "offices": (Office("区统计局", signers=("tj",)),)})
    verdict = Entry("v", "g", dt.date(2020, 3, 5), Op.VERDICT, "t", about="e", verdict="verified",
                    office="区统计局", origin=Source(LOG, 4))  # fmt: skip
    commit = Commit("a" * 40, "aaaaaaa", "李明", dt.date(2020, 3, 5), check, "tj", "SHA256:k")
    found = unproved(plan, VerdictAdded(verdict, commit))
    if check is SignatureCheck.GOOD:
        assert found is None
        assert unproved(plan, VerdictAdded(verdict._replace(office="区督查室"), commit))
        return
    assert found.location == f"{LOG}:4"
    for lang in ("zh", "en"):
        assert "aaaaaaa" in found.message(lang) and found.hint(lang)
        assert "{" not in found.text(lang)
