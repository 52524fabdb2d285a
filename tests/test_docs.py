"""Help and README keep up with the code: every command has help and a README section."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, Run, with_bundled_plan
from tracker.cli import COMMANDS

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_and_a_readme_section(run, name):
    result = run(name, "--help", code=0)
    assert len(result.stdout.strip().splitlines()) > 3
    assert re.search(rf"^### `tracker {name}\b", README, re.MULTILINE), name
    if name in ("city", "evidence"):  # a command of commands, run bare: its help, no error
        bare = run(name, code=2)
        assert "-h, --help" in bare.stderr and "错误" not in bare.stderr


def test_readme_set_up_commands_are_what_ci_runs():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.DOTALL)
    test_command = next(b for b in blocks if "pytest" in b)
    assert test_command in ci
    # The first command shows something meaningful: the plan at mid-year, not
    # (years after it ended) every goal overdue.
    assert any(b.rstrip().endswith("tracker status --as-of 2020-06-30") for b in blocks)


def test_readme_windows_commands_are_what_the_windows_workflow_runs():
    """The README's Windows commands work as typed in Windows PowerShell 5.1 and
    cmd.exe (a line each, no &&, double quotes), and the Windows workflow runs
    exactly those lines there, in order, each checked for its exit code."""
    section = README.split("### Windows desktops", 1)[1]
    commands = re.search(r"```powershell\n(.*?)\n```", section, re.DOTALL).group(1).splitlines()
    assert commands[0] == "python -m venv .venv" and commands[-1].endswith("-m pytest")
    assert not [c for c in commands if "&&" in c or "'" in c or "/" in c.split(" ")[0]]
    workflow = (REPO / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    step = workflow.split("shell: powershell", 1)[1]
    ran = [line.strip() for line in step.splitlines()]
    check = "if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }"
    at = [ran.index(command) for command in commands]
    assert at == sorted(at) and all(ran[i + 1] == check for i in at)
    assert "windows-latest" in workflow and '["3.11", "3.13"]' in workflow
    assert "PYTHONUTF8" not in workflow and "chcp" not in workflow  # the default code page


def test_readme_daily_commands_run_as_typed_on_the_bundled_data(tmp_path, monkeypatch):
    """The 日常使用 section on a fresh set-up: activating the virtual environment
    puts `tracker` on the PATH, and every daily command runs in a copy of the
    repository's own data folder (the retraction and the attachment on an id
    the log just gave, as a person copies it from `tracker entries`)."""
    section = README.split("## 日常使用", 1)[1].split("\n## ", 1)[0]
    activate, daily = re.findall(r"```sh\n(.*?)\n```", section, re.DOTALL)
    activate = activate.split("#")[0].strip()
    assert activate == ". .venv/bin/activate"
    venv = Path(sys.executable).parent.parent
    if (venv / "bin" / "activate").exists():  # POSIX: the venv the tests run in
        others = [p for p in os.environ["PATH"].split(os.pathsep) if Path(p) != venv / "bin"]
        script = f"cd {shlex.quote(str(venv.parent))} && {activate} && command -v tracker"
        found = subprocess.run(["sh", "-c", script], capture_output=True, text=True,
                               env=dict(os.environ, PATH=os.pathsep.join(others)))  # fmt: skip
        assert found.stdout.strip() == str(venv / "bin" / "tracker"), found
    monkeypatch.chdir(with_bundled_plan(tmp_path / "石峰区"))  # standing in the data folder
    run = Run(Path.cwd())
    for line in daily.splitlines():
        args = shlex.split(line.split("  #", 1)[0])
        assert args[0] == "tracker", line
        if args[1] in ("retract", "attach"):
            args[2] = run.json("entries", "--goal", "jobs.training")["entries"][0]["id"][:8]
        if args[1] == "attach":  # the files as a person has them, beside the data
            for name in args[3:]:
                Path(name).write_bytes(name.encode())
        run(*args[1:], input="", env={"TRACKER_DATA": None}, code=0)  # found from here
