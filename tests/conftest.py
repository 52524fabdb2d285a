"""Shared fixtures: a temp data folder holding the bundled plan or one of the test
plans in tests/plans/, a CLI runner, English on request, the JSON schemas, and
goals and plans as values for the pure code's unit tests."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from tracker.cli import cli
from tracker.model import Goal, Kind, Plan

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SCHEMAS = REPO / "schemas"
PLANS = Path(__file__).resolve().parent / "plans"


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory, monkeypatch) -> Path:
    """Every test runs with no user config of its own (never the real one), no
    language asked for and no locale: tracker's defaults. Subprocesses inherit
    this environment. Tests that want a config write the file this names."""
    path = tmp_path_factory.mktemp("config") / "config.toml"
    monkeypatch.setenv("TRACKER_CONFIG", str(path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(path.parent / "xdg"))
    for name in ("TRACKER_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "TRACKER_DATA"):
        monkeypatch.delenv(name, raising=False)
    return path


@pytest.fixture
def english(monkeypatch):
    """For tests that assert English messages: ask for English, as a user would.
    A module takes it with `pytestmark = pytest.mark.usefixtures("english")`."""
    monkeypatch.setenv("TRACKER_LANG", "en")


def with_bundled_plan(root: Path) -> Path:
    """`root` made a data folder: the bundled goals.toml and an empty progress/."""
    (root / "progress").mkdir(parents=True)
    shutil.copy(REPO / "goals.toml", root / "goals.toml")
    return root


@pytest.fixture
def data(tmp_path) -> Path:
    """A data folder with the bundled goals.toml and an empty progress/."""
    return with_bundled_plan(tmp_path / "data")


def log_records(data: Path) -> list[dict]:
    """Every line of the log as stored, file by file (batch commit lines too)."""
    records = []
    for path in sorted((data / "progress").glob("*.jsonl")):
        text = path.read_text(encoding="utf-8")
        records += [json.loads(line) for line in text.splitlines() if line.strip()]
    return records


class Run:
    """Runs the real CLI in-process against one data folder."""

    def __init__(self, root: Path):
        self.root = root

    def __call__(self, *args, input=None, env=None, code=None):
        runner = CliRunner()
        environment = {"TRACKER_DATA": str(self.root), "NO_COLOR": None, "COLUMNS": None}
        environment.update(env or {})
        result = runner.invoke(
            cli, list(args), input=input, env=environment, catch_exceptions=False
        )
        if code is not None:
            assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
        return result

    def json(self, *args, code=0, **kw):
        result = self(*args, "--format", "json", code=code, **kw)
        return json.loads(result.stdout)

    def log_batch(self, entries: list[dict]):
        """`tracker log --from-json -` fed `entries` as JSON Lines; it must succeed."""
        lines = "\n".join(json.dumps(e, ensure_ascii=False) for e in entries)
        return self("log", "--from-json", "-", input=lines, code=0)


@pytest.fixture
def run(data) -> Run:
    return Run(data)


@pytest.fixture(scope="session")
def halfyear(tmp_path_factory) -> Run:
    """The bundled plan with half a year of realistic entries (tests/halfyear.py),
    made once for the session: only read, never written, by the tests sharing it."""
    from tests.halfyear import make_folder

    root = tmp_path_factory.mktemp("halfyear") / "shifeng"
    config = root.parent / "config.toml"
    run = Run(root)
    quiet = {"TRACKER_CONFIG": str(config), "TRACKER_LANG": None, "LANG": None, "LC_ALL": None}
    make_folder(root, lambda *args, input=None: run(*args, input=input, env=quiet, code=0))
    return run


# ── a real browser: the system Chromium, never a downloaded one ──────────────

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium driven by Playwright (`executable_path`: it downloads
    nothing), shared by the tests that look at pages as a person does."""
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    """Where tests that look at pages leave their screenshots and printed PDFs
    for a person to look at: $TRACKER_SHOTS, else a temporary folder."""
    folder = os.environ.get("TRACKER_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return Path(folder)
    return tmp_path_factory.mktemp("shots")


def pdf_pages(pdf: bytes) -> int:
    """How many pages a printed PDF has (pypdf)."""
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


# ── the test plans (tests/plans/) ────────────────────────────────────────────


def plan_text(name: str) -> str:
    """The goals.toml text of tests/plans/<name>.toml."""
    return (PLANS / f"{name}.toml").read_text(encoding="utf-8")


# mini.toml: two count goals, one part of the other, where plan problems are
# written in and found at their lines: [plan] 1, first [[goal]] 14, its target
# 21, second [[goal]] 26, its part_of 35.
MINI = plan_text("mini")


def write_plan(folder: Path, text: str) -> None:
    (folder / "goals.toml").write_text(text, encoding="utf-8")


def plan_folder(tmp_path: Path, name: str) -> Run:
    """The CLI on a new data folder holding tests/plans/<name>.toml and an empty
    progress/: hundred_days.toml (goals whose expected fractions are exact),
    office.toml (a plan written the way an office writes one), mini.toml."""
    root = tmp_path / name
    (root / "progress").mkdir(parents=True)
    write_plan(root, plan_text(name))
    return Run(root)


# ── JSON documents and their schemas ─────────────────────────────────────────


@cache
def validator(command: str) -> Draft202012Validator:
    """The schema of a command's JSON (schemas/<command>.schema.json), with the
    schemas it refers to."""
    resources = []
    for path in SCHEMAS.glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    registry = Registry().with_resources(resources)
    schema = json.loads((SCHEMAS / f"{command}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry)


def goal_status(run: Run, goal_id: str, as_of: str) -> dict:
    """One goal of `tracker status --as-of AS_OF` as JSON; the whole document is
    checked against its schema first."""
    document = run.json("status", "--as-of", as_of)
    validator("status").validate(document)
    return next(g for g in document["goals"] if g["id"] == goal_id)


# ── goals and plans as values, for the pure code ─────────────────────────────

START, END = dt.date(2020, 1, 1), dt.date(2020, 12, 31)


def make_goal(goal_id: str = "g", kind: Kind = Kind.COUNT, **fields) -> Goal:
    """A Goal of 2020 with every field a test does not name filled in: a target
    of 100 for counts and levels, four items for a checklist."""
    defaults = dict(
        id=goal_id, title="目标", title_en="goal", area="a", owner="办公室", kind=kind,
        deadline=END, source="原文", start=START,
        target=None if kind in (Kind.MILESTONE, Kind.CHECKLIST) else 100.0,
        items=("甲", "乙", "丙", "丁") if kind is Kind.CHECKLIST else (),
    )  # fmt: skip
    return Goal(**{**defaults, **fields})


def make_plan(*goals: Goal) -> Plan:
    """A 2020 plan in Asia/Shanghai holding `goals`."""
    return Plan(
        id="t", title="测试", title_en="Test", start=START, end=END,
        timezone="Asia/Shanghai", areas=(), goals=goals,
    )  # fmt: skip


def ctrl_c_during_batch(data: Path, written: bytes = b"") -> tuple[int, bytes]:
    """`tracker log --from-json -` on `data`, fed `written` and then left
    waiting on its pipe, sent Ctrl-C 1.5 s in: its exit code and stderr."""
    import signal
    import time

    process = subprocess.Popen(
        tracker_exe() + ["log", "--from-json", "-"],
        env=dict(os.environ, TRACKER_DATA=str(data)),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    if written:
        process.stdin.write(written)
        process.stdin.flush()
    time.sleep(1.5)  # it has started: blocked on stdin, or copying a pipe that never ends
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    return process.returncode, err


def tracker_exe() -> list[str]:
    """The installed console script beside this interpreter."""
    folder = Path(sys.executable).parent
    for name in ("tracker", "tracker.exe"):
        if (folder / name).exists():
            return [str(folder / name)]
    found = shutil.which("tracker")
    assert found, "the tracker console script is not installed"
    return [found]


def run_process(
    args, *, cwd=None, env=None, input=None, timeout=120, stdout=subprocess.PIPE
) -> subprocess.CompletedProcess:
    """The console script in a process of its own; stdout and stderr captured
    (or stdout sent where `stdout` says)."""
    environment = dict(os.environ)
    environment.pop("NO_COLOR", None)
    environment.update(env or {})
    return subprocess.run(
        tracker_exe() + list(args),
        cwd=cwd,
        env=environment,
        input=input,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=timeout,
    )


# ── a real terminal ──────────────────────────────────────────────────────────


def in_pty(args, data, *, columns=120, rows=40, answer=b"", env=None, timeout=60, shell=None):
    """Run the console script on a pseudo-terminal of `columns` × `rows` (stdin,
    stdout and stderr all on it, as in a shell) and return what it showed.
    `shell`: a command line run by sh instead (a pipe, as a user types one)."""
    import fcntl
    import pty
    import select
    import struct
    import termios
    import time

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    environment = dict(os.environ, TRACKER_DATA=str(data), NO_COLOR="1", TERM="dumb")
    environment.pop("COLUMNS", None)
    environment.pop("LINES", None)
    for name, value in (env or {}).items():
        if value is None:  # not set at all
            environment.pop(name, None)
        else:
            environment[name] = value
    argv = ["sh", "-c", shell] if shell else tracker_exe() + list(args)
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=environment)
    os.close(slave)
    if answer:
        os.write(master, answer)
    chunks, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            if proc.poll() is not None:
                break
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other side closed: the program ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=10)
    os.close(master)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
# What only a POSIX system has: signals (SIGINT sent to a process), resource
# limits and preexec_fn, uids, the umask and mode bits, /dev/full, env(1), a
# mount. Such tests are skipped on Windows; Windows-only tests stand beside
# them where Windows has a counterpart (a junction, a file held open).
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX only")
windows_only = pytest.mark.skipif(os.name != "nt", reason="Windows only")
# How a process ended by Popen.kill() exits: SIGKILL, or TerminateProcess's 1.
KILLED = -9 if os.name == "posix" else 1


def mount_or_skip(*args: str) -> None:
    """`mount ARGS`, or the test skipped where that is not allowed (not root,
    no mount(8), a container that refuses it, Windows)."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("needs root to mount a file system")
    result = subprocess.run(["mount", *args], capture_output=True)
    if result.returncode != 0:
        pytest.skip(f"mount failed here: {result.stderr.decode(errors='replace')}")


def symlink_or_skip(link: Path, target: Path, *, directory: bool = False) -> None:
    """`link` made a symbolic link to `target`, or the test skipped where the
    system refuses a user one (Windows without Developer Mode)."""
    try:
        link.symlink_to(target, target_is_directory=directory)
    except OSError as exc:
        pytest.skip(f"no symbolic links here: {exc}")


# Two entries whose ids start alike (8ea3…): a retract or a completion of "8ea3"
# could mean either.
SAME_START = [
    {"id": "8ea3aaaa00000001", "goal": "jobs.training", "date": "2020-05-01", "value": 120},
    {"id": "8ea3bbbb00000002", "goal": "jobs.placement", "date": "2020-05-02", "value": 40,
     "note": "社区学院第一期", "by": "人社局张伟"},
]  # fmt: skip


# ── git with real keys (verdicts proved by signed commits) ────────────────────


@pytest.fixture(scope="session")
def keys(tmp_path_factory) -> dict[str, Path]:
    """A private key (its .pub beside it) for each signer and a stranger, made once."""
    folder = tmp_path_factory.mktemp("keys")
    made = {}
    for name in ("duchashi", "tongji", "stranger"):
        made[name] = folder / name
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(made[name])],
            check=True, capture_output=True,
        )  # fmt: skip
    return made


@pytest.fixture
def own_git(monkeypatch, tmp_path):
    """git as if on a new machine: no global or system config of the user's,
    and a known author."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES"):
        monkeypatch.delenv(name, raising=False)
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "李明")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "liming@shifeng.example")


class Repo:
    """A git repository at `top`: its commits unsigned, or signed with one of
    `keys` (git's own SSH signing)."""

    def __init__(self, top: Path, keys: dict[str, Path]):
        self.top, self.keys = top, keys

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", "-C", str(self.top), *args], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def commit(self, message: str, *, key: str | None = None) -> str:
        """Everything committed, signed with `key` (None: unsigned); its short hash."""
        self.git("add", "-A")
        if key is None:
            self.git("commit", "-qm", message)
        else:
            self.git("-c", "gpg.format=ssh", "-c", f"user.signingkey={self.keys[key]}",
                     "commit", "-S", "-qm", message)  # fmt: skip
        return self.git("rev-parse", "--short", "HEAD")
