"""Shell completion: a script for bash, zsh, fish and PowerShell, and what each
offers through click's protocol (commands, options, goal ids with titles,
checklist items, states, areas, owners, entry ids to retract), and nothing,
without an error, outside a data folder."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SAME_START, needs_pty, run_process, tracker_exe, with_bundled_plan
from tracker.cli.completers import powershell_word


@pytest.mark.parametrize(
    "shell, marker",
    [
        ("bash", "complete -o nosort -F _tracker_completion tracker"),
        ("zsh", "#compdef tracker"),
        ("fish", "complete --no-files --command tracker"),
        ("powershell", "Register-ArgumentCompleter -Native -CommandName 'tracker', 'tracker.exe'"),
    ],
)
def test_completion_prints_a_script_for_each_shell(run, shell, marker):
    script = run("completion", shell, code=0).stdout
    assert marker in script and "_TRACKER_COMPLETE" in script


def complete(data, line: str, shell: str = "bash") -> list[str]:
    """What the shell would be offered for `line` (the word being completed is
    the last one; a trailing space starts a new one), via click's protocol."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    env = {
        "_TRACKER_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": line,
        "COMP_CWORD": str(cword),
        "TRACKER_DATA": str(data),
    }
    result = run_process([], env=env)
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    return result.stdout.decode("utf-8").splitlines()


def test_completion_offers_commands_goals_items_states_areas_owners(data):
    assert "plain,show" in complete(data, "tracker sh")
    assert "plain,completion" in complete(data, "tracker comp")
    assert complete(data, "tracker show jobs.") == [
        "plain,jobs.community-college",
        "plain,jobs.training",
        "plain,jobs.placement",
    ]
    assert complete(data, "tracker entries --goal culture.")[0] == "plain,culture.24h-bookstores"
    items = complete(data, "tracker log rural.eco-farm-bases --item ")
    assert items == ["plain,茅天新", "plain,长石", "plain,九塘"]
    assert "plain,off_track" in complete(data, "tracker status --state ")
    assert complete(data, "tracker status --state 落") == ["plain,落后"]  # as people type it
    assert "plain,livelihood" in complete(data, "tracker goals --area ")
    for command in ("status", "alerts", "summary", "template"):  # one --owner, one completion
        assert "plain,区人力资源和社会保障局" in complete(data, f"tracker {command} --owner ")
    # Offices by their short names too, the full name beside it where the shell shows one.
    assert complete(data, "tracker status --owner 人") == ["plain,人社局"]
    assert complete(data, "tracker alerts --owner 住", "zsh") == [
        "plain",
        "住建局",
        "区住房和城乡建设局",
    ]
    assert "plain,--no-pager" in complete(data, "tracker status --no")


def test_zsh_and_powershell_show_each_goal_with_its_title(data):
    zsh = complete(data, "tracker show jobs.tr", "zsh")
    assert zsh == ["plain", "jobs.training", "全年培训下岗失业人员3000人"]
    powershell = complete(data, "tracker log jobs.tr", "powershell")
    assert powershell == ["jobs.training\tjobs.training\t全年培训下岗失业人员3000人"]
    items = complete(data, "tracker log --note x rural.eco-farm-bases --item 长", "powershell")
    assert items == ["长石\t长石\t长石"]


def test_powershell_keeps_a_windows_path_whole_and_completes_the_venv_tracker(run, tmp_path):
    """PowerShell passes D:\\工作\\目标 as it is (\\ is no escape there): a folder
    whose name holds backslashes (and, quoted, a space) is the data folder
    the line names. The script fires for .venv\\Scripts\\tracker too, and asks
    the tracker typed on the line."""
    script = run("completion", "powershell", code=0).stdout
    assert r"'.venv\Scripts\tracker', '.venv\Scripts\tracker.exe'" in script
    assert "& $program" in script and "$commandAst.GetCommandName()" in script
    folder = tmp_path / "工作 2020\\目标"  # one name, as D:\\工作 2020\\目标 is on Windows
    with_bundled_plan(folder)
    for given in (str(folder).replace(" ", "` "), f"'{folder}'", f'"{folder}"', f"‘{folder}’"):
        line = rf".venv\Scripts\tracker --data {given} log jobs.tr"
        assert complete(tmp_path, line, "powershell")[0].startswith("jobs.training\t")


def test_completion_offers_entry_ids_to_retract(run, data):
    run("log", "--from-json", "-", input=json.dumps(SAME_START), code=0)
    offered = complete(data, "tracker retract 8ea3")
    assert offered == ["plain,8ea3bbbb00000002", "plain,8ea3aaaa00000001"]  # newest first
    zsh = complete(data, "tracker retract 8ea3b", "zsh")
    assert zsh[:2] == ["plain", "8ea3bbbb00000002"] and "jobs.placement 2020-05-02" in zsh[2]


def test_completion_without_a_data_folder_completes_nothing(tmp_path):
    for line in ("tracker show ", "tracker log x --item ", "tracker retract "):
        assert not any(complete(tmp_path, line)), line  # no candidates, no error


# ── what is offered is data, in every shell ──────────────────────────────────

# Text from the log and the plan that a shell would run if it inserted it raw:
# a command substitution, backquotes and a quote that closes the word.
HOSTILE = "$(touch P1)`touch P2`'; touch P3; '\u2019; touch P4; \u2018"
SETUP = {
    "bash": (["bash", "--norc", "--noprofile", "-i"],
             'eval "$(tracker completion bash)"; tracker() { printf "ARG<%s>\\n" "$@"; printf "%s-%s\\n" ARG END; }'),
    "zsh": (["zsh", "-f", "-i"],
            'autoload -U compinit; compinit -u; eval "$(tracker completion zsh)"; '
            'tracker() { printf "ARG<%s>\\n" "$@"; printf "%s-%s\\n" ARG END; }'),
    "fish": (["fish", "--no-config", "-i"],
             'tracker completion fish | source; function tracker; printf "ARG<%s>\\n" $argv; printf "%s-%s\\n" ARG END; end'),
}  # fmt: skip


def hostile_folder(data: Path, run) -> Path:
    """The bundled plan with a checklist item and an entry id carrying HOSTILE."""
    plan = data / "goals.toml"
    items = json.dumps([f"b1{HOSTILE}", "长石"], ensure_ascii=False)
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            'items = ["茅天新", "长石", "九塘"]', f"items = {items}"
        ),
        encoding="utf-8",
    )
    run.log_batch(
        [{"id": f"a1{HOSTILE}", "goal": "jobs.training", "date": "2020-05-01", "value": 1}]
    )
    return data  # fmt: skip


def in_shell(shell: str, data: Path, lines: list[str], cwd: Path) -> list[str]:
    """Each line typed into an interactive `shell` on a terminal, TAB pressed at
    its end, then Enter: the arguments `tracker` was run with for each (a shell
    function stands in for it; completion still runs the real one)."""
    import fcntl
    import pty
    import select
    import termios
    import time

    command, setup = SETUP[shell]
    master, slave = pty.openpty()

    def own_terminal():  # fish wants the terminal as its controlling one
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    path = f"{Path(tracker_exe()[0]).parent}{os.pathsep}{os.environ['PATH']}"
    env = dict(os.environ, TERM="xterm", TRACKER_DATA=str(data), PATH=path, HOME=str(cwd))
    proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
                            preexec_fn=own_terminal)  # fmt: skip
    os.close(slave)
    seen = bytearray()

    def read_until(done, timeout=30.0):
        deadline = time.monotonic() + timeout
        while not done() and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                try:
                    seen.extend(os.read(master, 65536))
                except OSError:
                    break

    try:
        os.write(master, setup.encode() + b"\r")
        for number, line in enumerate(lines, 1):
            os.write(master, line.encode())
            read_until(lambda: False, timeout=0.5)  # echoed as typed
            echoed = len(seen)
            os.write(master, b"\t")
            read_until(lambda at=echoed: len(seen) > at)  # the completion, inserted
            read_until(lambda: False, timeout=0.5)
            os.write(master, b"\r")
            read_until(lambda n=number: seen.count(b"ARG-END") >= n)  # (typed as ARG END)
        os.write(master, b"exit\r")
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    text = bytes(seen).decode("utf-8", "replace").replace("\r", "")
    return [part.split(">\n", 1)[0] for part in text.split("ARG<")[1:]]


@needs_pty
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completing_an_entry_id_or_item_inserts_data_never_a_command(run, data, tmp_path,
                                                                     shell):  # fmt: skip
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    hostile_folder(data, run)
    lines = ["tracker retract a1", "tracker log rural.eco-farm-bases --item b1"]
    args = in_shell(shell, data, lines, tmp_path)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("P")]  # nothing ran
    assert f"a1{HOSTILE}" in args and f"b1{HOSTILE}" in args, args


@pytest.mark.parametrize("value", [f"a1{HOSTILE}", "it's", "‘x’", "jobs.training", "长石"])
def test_powershell_reads_an_offered_word_back_as_itself(value):
    """PowerShell's single-quoted string: nothing inside expands, and each of
    its quote characters is written twice."""
    word = powershell_word(value)
    if word != value:
        inner = word[1:-1]
        assert word[0] == word[-1] == "'"
        unquoted = re.sub("(['\u2018\u2019\u201a\u201b])\\1", "", inner)
        assert not re.search("['\u2018\u2019\u201a\u201b]", unquoted)
        assert re.sub("(['\u2018\u2019\u201a\u201b])\\1", "\\1", inner) == value
    else:
        assert re.fullmatch(r"[\w.-]+", value)


def test_a_value_with_a_line_break_is_not_offered(run, data):
    run.log_batch([{"id": "c0ffee\nplain,x", "goal": "jobs.training", "date": "2020-05-01",
                    "value": 1}])  # fmt: skip
    assert not any(complete(data, "tracker retract c0ff"))
