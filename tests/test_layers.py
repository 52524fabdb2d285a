"""The layers keep to their jobs: what each imports, and the bugs that came from
rules written twice (fixed once the rules had one home)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run_process
from tests.test_plan import MINI, write


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """These tests assert English messages: ask for English, as a user would."""
    monkeypatch.setenv("TRACKER_LANG", "en")


PACKAGE = REPO / "tracker"

# What each layer may not import (prefix match on the module name).
FORBIDDEN = {
    "engine": ("click", "rich", "jinja2", "filelock", "tracker.storage", "tracker.cli",
               "tracker.views", "tracker.render", "tracker.writes", "os", "pathlib", "io",
               "shutil", "tempfile", "subprocess"),
    "rules": ("click", "rich", "jinja2", "filelock", "tracker.storage", "tracker.cli",
              "tracker.views", "tracker.render", "os", "pathlib", "io", "shutil", "tempfile"),
    "views": ("click", "rich", "jinja2", "filelock", "tracker.storage", "tracker.cli",
              "tracker.render", "tracker.writes", "os", "pathlib", "io", "shutil", "tempfile",
              "subprocess"),
    "storage": ("click", "rich", "jinja2", "tracker.cli", "tracker.views", "tracker.render"),
    "render": ("click", "tracker.storage", "tracker.cli", "tracker.engine", "tracker.rules",
               "tracker.writes"),
    "app": ("click", "rich", "jinja2", "tracker.cli", "tracker.render"),
}  # fmt: skip


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def calls_open(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open"
        for node in ast.walk(tree)
    )


def layer_files():
    for layer in FORBIDDEN:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            yield pytest.param(layer, path, id=str(path.relative_to(PACKAGE)))


@pytest.mark.parametrize("layer, path", list(layer_files()))
def test_each_layer_imports_only_what_its_job_needs(layer, path):
    bad = sorted(
        name
        for name in imports_of(path)
        for banned in FORBIDDEN[layer]
        if name == banned or name.startswith(banned + ".")
    )
    assert not bad, f"{path.relative_to(REPO)} imports {bad}"
    if layer in ("engine", "rules", "views"):
        assert not calls_open(path), f"{path.relative_to(REPO)} opens a file"


def test_importing_the_pure_layers_loads_no_io_or_ui_library():
    """Like pipx's test_imports: what importing them really pulls in, transitively."""
    modules = [
        f"tracker.{layer}.{p.stem}"
        for layer in ("engine", "rules", "views")
        for p in sorted((PACKAGE / layer).glob("*.py"))
        if p.stem != "__init__"
    ]
    code = (
        "import sys, json\n"
        f"for m in {modules!r}: __import__(m)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                       check=True, text=True).stdout)  # fmt: skip
    for banned in ("click", "rich", "jinja2", "filelock", "tracker.storage", "tracker.cli",
                   "tracker.render"):  # fmt: skip
        assert not [m for m in loaded if m == banned or m.startswith(banned + ".")], banned


def test_only_storage_touches_data_files():
    """Reading and writing the data folder happens in tracker/storage/ (and the
    CLI's --output, which writes a report, not data)."""
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(("storage/", "words/")):  # the catalogue names files in messages
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ('"goals.toml"', '".jsonl"', "*.jsonl", "FileLock", "O_APPEND", " open("):
            assert needle not in text, f"{rel} mentions {needle}"


# ── bugs that came from blurred layers ───────────────────────────────────────


def test_debug_works_after_other_group_options(data):
    write(data, MINI.replace("target = 3000\n", "tagret = 3000\n"))
    late = run_process(["--data", str(data), "--debug", "status"])
    assert late.returncode == 3 and b"Traceback" in late.stderr
    plain = run_process(["--data", str(data), "status"])
    assert plain.returncode == 3 and b"Traceback" not in plain.stderr


def test_an_unknown_goal_is_bad_input_everywhere(run):
    for args in (["entries", "--goal", "nosuch"], ["show", "nosuch"], ["log", "nosuch", "1"]):
        result = run(*args, code=3)
        assert "unknown goal 'nosuch'" in result.stderr, args


def test_a_broken_goal_is_not_also_called_unknown_by_its_parts(data, run):
    write(data, MINI.replace("target = 3000\n", "tagret = 3000\n"))
    out = run("check", code=3).stdout
    assert "unknown key 'tagret'" in out
    assert "part_of unknown goal" not in out, out


def test_part_of_still_refuses_a_truly_unknown_goal(data, run):
    write(data, MINI.replace('part_of = "jobs.training"', 'part_of = "jobs.trainin"'))
    out = run("check", code=3).stdout
    assert "goals.toml:35: 'jobs.placement' is part_of unknown goal 'jobs.trainin'" in out, out
    assert "did you mean 'jobs.training'" in out


def test_a_batch_retraction_gets_every_check_retract_applies(run, data):
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    run("log", "jobs.placement", "80", "--date", "2020-03-02", code=0)
    training = run.json("entries", "--goal", "jobs.training")["entries"][0]["id"]
    # retract refuses this: the part (80) would exceed its whole (0) …
    refused = run("retract", training, "--reason", "typo", code=3).stderr
    assert "more than jobs.training" in refused
    # … and so does a batch, whether it names the right goal, a wrong one, or none.
    for goal in ("jobs.training", "jobs.placement", None):
        record = {"retracts": training, "reason": "typo"}
        if goal:
            record["goal"] = goal
        result = run("log", "--from-json", "-", input=json.dumps(record), code=3)
        assert "nothing was written" in result.stderr, (goal, result.stderr)
    status = run.json("status", "--as-of", "2020-03-31")
    assert next(g for g in status["goals"] if g["id"] == "jobs.training")["current"] == 100


def test_one_rule_one_message_in_check_and_log(run, data):
    """A future date, said by `log` when refusing and by `check` when found."""
    refused = run("log", "jobs.training", "5", "--date", "+3d", code=3).stderr
    run("log", "jobs.training", "5", "--date", "2020-03-01", code=0)
    path = next((data / "progress").glob("*.jsonl"))
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    record.update(id="f1", date="2999-01-01")
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    found = run("check", code=3).stdout
    for text in (refused, found):
        assert "is in the future (today is" in text, text
