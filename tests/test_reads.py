"""A read command's work is one call into tracker.app: options in as values, a
Report and its warnings out, with no terminal and no click; the CLI only says
the warnings and shows the report."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

DAMAGED = "{not json\n"
WARNING = "tracker: warning: 1 problem(s) in progress/"


@pytest.fixture
def damaged(data):
    """The bundled plan with one line of its log that cannot count."""
    (data / "progress" / "2020-03.jsonl").write_text(DAMAGED, encoding="utf-8")
    return data


def test_a_read_is_one_call_whose_warnings_are_values(damaged):
    code = """
import json, sys
from pathlib import Path
from tracker.app.status import status
from tracker.storage.datadir import DataDir

answer = status(DataDir(Path(sys.argv[1])), as_of="2020-06-30", owner="区财政局", lang="en")
print(json.dumps({
    "document": answer.report.document(),
    "warnings": [w.text("en") for w in answer.warnings],
    "ui": sorted(m for m in sys.modules if m.split(".")[0] in ("click", "rich", "jinja2")),
}, ensure_ascii=False))
"""
    out = subprocess.run([sys.executable, "-c", code, str(damaged)], capture_output=True,
                         check=True, text=True).stdout  # fmt: skip
    answer = json.loads(out)
    assert answer["ui"] == []
    assert [w[: len(WARNING)] for w in answer["warnings"]] == [WARNING]
    document = answer["document"]
    assert document["filters"]["owner"] == "区财政局" and document["goals"]
    assert all("区财政局" in (g["owner"], *g["co_owners"]) for g in document["goals"])


def test_the_cli_says_a_reads_warnings_on_stderr_only(damaged, run):
    result = run("status", "--format", "json", "--lang", "en", code=0)
    assert WARNING in result.stderr
    json.loads(result.stdout)  # the document alone


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--state", "bogus"],
        ["status", "--owner", "nobody"],
        ["alerts", "--owner", "nobody"],
        ["summary", "--owner", "nobody"],
        ["show", "nosuch"],
        ["entries", "--since", "bogus"],
    ],
)
def test_a_command_line_that_makes_no_sense_is_refused_before_the_log_is_read(damaged, run, args):
    result = run(*args, "--lang", "en")
    assert result.exit_code in (2, 3) and result.stderr
    assert WARNING not in result.stderr
