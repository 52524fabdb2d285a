"""Help and README keep up with the code: every command has help and a README section."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO
from tracker.cli import COMMANDS

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_and_a_readme_section(run, name):
    result = run(name, "--help", code=0)
    assert len(result.stdout.strip().splitlines()) > 3
    assert re.search(rf"^### `tracker {name}\b", README, re.MULTILINE), name


def test_readme_set_up_commands_are_what_ci_runs():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.DOTALL)
    test_command = next(b for b in blocks if "pytest" in b)
    assert test_command in ci
    # The first command shows something meaningful: the plan at mid-year, not
    # (years after it ended) every goal overdue.
    assert any(b.rstrip().endswith("tracker status --as-of 2020-06-30") for b in blocks)
