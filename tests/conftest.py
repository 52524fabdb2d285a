"""Shared fixtures: a temp data folder holding the bundled plan, and a CLI runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SCHEMAS = REPO / "schemas"


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
def data(tmp_path) -> Path:
    """A data folder with the bundled goals.toml and an empty progress/."""
    root = tmp_path / "data"
    root.mkdir()
    shutil.copy(REPO / "goals.toml", root / "goals.toml")
    (root / "progress").mkdir()
    return root


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


@pytest.fixture
def run(data) -> Run:
    return Run(data)


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
    args, *, cwd=None, env=None, input=None, timeout=120
) -> subprocess.CompletedProcess:
    environment = dict(os.environ)
    environment.pop("NO_COLOR", None)
    environment.update(env or {})
    return subprocess.run(
        tracker_exe() + list(args),
        cwd=cwd,
        env=environment,
        input=input,
        capture_output=True,
        timeout=timeout,
    )
