"""Shell completion: a script for bash, zsh, fish and PowerShell, and what each
offers through click's protocol (commands, options, goal ids with titles,
checklist items, states, areas, owners, entry ids to retract), and nothing,
without an error, outside a data folder."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAME_START, run_process, with_bundled_plan


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
    assert "plain,livelihood" in complete(data, "tracker goals --area ")
    assert "plain,区人力资源和社会保障局" in complete(data, "tracker status --owner ")
    assert "plain,--no-pager" in complete(data, "tracker status --no")


def test_zsh_and_powershell_show_each_goal_with_its_title(data):
    zsh = complete(data, "tracker show jobs.tr", "zsh")
    assert zsh == ["plain", "jobs.training", "全年培训下岗失业人员3000人"]
    powershell = complete(data, "tracker log jobs.tr", "powershell")
    assert powershell == ["jobs.training\t全年培训下岗失业人员3000人"]
    items = complete(data, "tracker log --note x rural.eco-farm-bases --item 长", "powershell")
    assert items == ["长石"]


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
