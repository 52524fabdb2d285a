"""What a shell is offered as the words of a command line are completed: the
callbacks the commands' arguments use (goal ids with titles, checklist items,
states, areas, owners, entry ids), and click's completion protocol spoken for
PowerShell, which is not one of click's shells (`powershell_complete`).

What is offered comes from the plan and the log, written by others: an entry
id or an item name may read `$(rm -rf ~)`. Every shell inserts it as data —
bash through `printf %q` in its script (click's own inserts it raw), zsh's
compadd and fish quote by themselves, PowerShell gets it single-quoted — and
nothing holding a control character or a line break is offered at all.

The scripts `tracker completion SHELL` prints run `tracker` again with
`_TRACKER_COMPLETE=<shell>_complete` and the words on the line in environment
variables, and print what comes back.

A callback never raises: with no data folder, or a broken one, it completes
nothing. Everything heavy is imported inside the callbacks, and commands name
them through tracker.cli.help.completer, which imports this module only when a
shell asks. Nothing here imports the rest of tracker.cli, so the group, help and
the completion command can all import it without going round in a circle.
"""

from __future__ import annotations

import os
import re
import unicodedata

import click
from click.shell_completion import (
    BashComplete,
    CompletionItem,
    ShellComplete,
    add_completion_class,
)

# ── the callbacks ────────────────────────────────────────────────────────────


def _data_dir(ctx: click.Context):
    """The data folder the line names (the command's --data, else the group's),
    else SPEC's search; None when there is none."""
    from pathlib import Path

    from tracker.storage.datadir import find_data_dir

    explicit = None
    node = ctx
    while node is not None and explicit is None:
        explicit = node.params.get("data_dir")
        node = node.parent
    return find_data_dir(explicit, env=os.environ, cwd=Path.cwd())


def _plan(ctx: click.Context):
    from tracker.loader import load_plan

    plan, _ = load_plan(_data_dir(ctx))
    return plan


def _never_raises(complete):
    """Completion must not print a traceback into someone's shell."""

    def guarded(ctx, param, incomplete):
        try:
            offered = complete(ctx, param, incomplete or "")
        except Exception:
            return []
        kept = [item for item in offered if _one_line(item.value) == item.value]
        for item in kept:
            item.help = item.help and _one_line(item.help)
        return kept

    guarded.__name__ = complete.__name__
    guarded.__doc__ = complete.__doc__
    return guarded


def _one_line(text: str) -> str:
    """Text with its control characters and line breaks made spaces: a value
    holding one is not offered (no shell could insert it as typed, and it
    would break the line-based protocol); a description is shown with spaces."""
    return "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in str(text))


def _starting(incomplete: str, values) -> list:
    wanted = incomplete.casefold()
    return [
        v for v in values if str(v[0] if isinstance(v, tuple) else v).casefold().startswith(wanted)
    ]


@_never_raises
def complete_goal(ctx, param, incomplete):
    """Goal ids, each with its title; words of a title complete to its goal."""
    plan = _plan(ctx)
    pairs = [(g.id, g.title) for g in plan.goals]
    found = _starting(incomplete, pairs)
    if not found and incomplete:
        found = [(g.id, g.title) for g in plan.goals if incomplete in g.title + g.title_en]
    return [CompletionItem(goal_id, help=title) for goal_id, title in found]


@_never_raises
def complete_item(ctx, param, incomplete):
    """The checklist items of the goal already on the line."""
    from tracker.refs import resolve_goal

    goal_text = ctx.params.get("goal_id") or _goal_on_line(ctx)
    if not goal_text:
        return []
    goal = resolve_goal(_plan(ctx), goal_text)
    return [CompletionItem(item) for item in goal.items if item.startswith(incomplete)]


def _goal_on_line(ctx) -> str | None:
    """The goal argument when click could not parse the line (an option still
    waiting for its value, as `--item` is while its value is completed): parse
    the words the shell sent, dropping words from the end until it works."""
    from click.parser import split_arg_string

    words = split_arg_string(os.environ.get("COMP_WORDS", ""))
    if ctx.info_name not in words:
        return None
    rest = words[words.index(ctx.info_name) + 1 :]
    for end in range(len(rest), -1, -1):
        try:
            parsed = ctx.command.make_context(
                ctx.info_name, rest[:end], parent=ctx.parent, resilient_parsing=True
            )
        except Exception:
            continue
        if parsed.params.get("goal_id"):
            return parsed.params["goal_id"]
    return None


@_never_raises
def complete_state(ctx, param, incomplete):
    """States by SPEC's id and by the Chinese word people type (落后), each
    with the other beside it; --state takes either."""
    from tracker.model import State
    from tracker.views.phrases import state_name

    pairs = [(s.value, state_name(s, "zh")) for s in State]
    pairs += [(name, value) for value, name in pairs]
    return [CompletionItem(value, help=name) for value, name in _starting(incomplete, pairs)]


@_never_raises
def complete_area(ctx, param, incomplete):
    pairs = [(a.id, a.name) for a in _plan(ctx).areas]
    return [CompletionItem(value, help=name) for value, name in _starting(incomplete, pairs)]


@_never_raises
def complete_owner(ctx, param, incomplete):
    """Offices by full name and by short name (人社局), each with the other
    beside it; a plan without [[plan.offices]] offers the names its goals use."""
    plan = _plan(ctx)
    pairs = [(o.name, o.short) for o in plan.offices]
    pairs += [(o.short, o.name) for o in plan.offices if o.short]
    listed = {name for pair in pairs for name in pair}
    named = sorted({office for g in plan.goals for office in g.owners} - listed)
    pairs += [(office, "") for office in named]
    offered = [(value, other or None) for value, other in pairs if value.startswith(incomplete)]
    return [CompletionItem(value, help=other) for value, other in offered]


@_never_raises
def complete_verifier(ctx, param, incomplete):
    """The offices that verify some goal's reports, by full and short name."""
    from tracker.ledger.verification import verifiers

    plan = _plan(ctx)
    offices = sorted({o for g in plan.goals for o in verifiers(plan, g)})
    names = offices + [o.short for o in plan.offices if o.short and o.name in offices]
    return [CompletionItem(name) for name in names if name.startswith(incomplete)]


@_never_raises
def complete_unverified(ctx, param, incomplete):
    """The reports waiting for a verdict, oldest first, each with what it said."""
    from tracker.loader import open_log
    from tracker.refs import entry_line

    data = _data_dir(ctx)
    waiting = [e for entries in open_log(data, _plan(ctx)).awaiting().values() for e in entries]
    waiting.sort(key=lambda e: e.sort_key)
    described = [(e.id, entry_line(e).split(" ", 1)[1]) for e in waiting]
    return [CompletionItem(i, help=about) for i, about in described if i.startswith(incomplete)]


@_never_raises
def complete_entry(ctx, param, incomplete):
    """Entry ids, newest first, each with its goal, date and what it did."""
    from tracker.ledger import retracted_ids
    from tracker.model import ABOUT_OPS
    from tracker.refs import entry_line
    from tracker.storage.journal import read_log

    data = _data_dir(ctx)
    entries, _ = read_log(data.progress_dir, display=data.display)
    done = retracted_ids(entries)
    # What an ENTRY argument names: an entry that counts, not a line about one.
    live = [e for e in entries if e.op not in ABOUT_OPS and e.id not in done]
    live.sort(key=lambda e: e.sort_key, reverse=True)
    # An entry's own data (goal, date, change), shown beside its id by the shell.
    described = [(e.id, entry_line(e).split(" ", 1)[1]) for e in live]
    return [CompletionItem(i, help=about) for i, about in described if i.startswith(incomplete)]


# ── bash: click's script, with every answer inserted quoted ──────────────────

_SOURCE_BASH = """\
%(complete_func)s() {
    local IFS=$'\\n'
    local response type value word

    response=$(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD \\
        %(complete_var)s=bash_complete $1)

    # bash inserts a reply as it stands, and runs it with the line: each is
    # offered as it would have to be typed (printf %%q), never expanded here.
    while IFS=',' read -r type value; do
        if [[ $type == 'dir' ]]; then
            COMPREPLY=()
            compopt -o dirnames
        elif [[ $type == 'file' ]]; then
            COMPREPLY=()
            compopt -o default
        elif [[ $type == 'plain' ]]; then
            printf -v word '%%q' "$value"
            COMPREPLY+=("$word")
        fi
    done <<< "$response"

    return 0
}

%(complete_func)s_setup() {
    complete -o nosort -F %(complete_func)s %(prog_name)s
}

%(complete_func)s_setup;
"""


class InertBashComplete(BashComplete):
    """click's bash completion, its script quoting what it inserts."""

    source_template = _SOURCE_BASH


add_completion_class(InertBashComplete)


# ── PowerShell: click's protocol, spoken from Register-ArgumentCompleter ─────

_SOURCE_POWERSHELL = """\
# tracker completion for PowerShell. Load it in your profile:
#   tracker completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName %(command_names)s -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    # Asked of the tracker typed on the line (.venv\\Scripts\\tracker as well as tracker).
    $program = $commandAst.GetCommandName()
    if (-not $program) { $program = '%(prog_name)s' }
    $line = $commandAst.Extent.Text
    $upTo = $cursorPosition - $commandAst.Extent.StartOffset
    if ($upTo -ge 0 -and $upTo -lt $line.Length) { $line = $line.Substring(0, $upTo) }
    if ($wordToComplete -eq '' -and -not $line.EndsWith(' ')) { $line += ' ' }
    $env:COMP_WORDS = $line
    $env:%(complete_var)s = 'powershell_complete'
    try {
        $answers = & $program 2>$null
    } finally {
        Remove-Item Env:%(complete_var)s, Env:COMP_WORDS -ErrorAction SilentlyContinue
    }
    foreach ($answer in $answers) {
        $text, $value, $help = $answer -split "`t", 3
        [System.Management.Automation.CompletionResult]::new(
            $text, $value, 'ParameterValue', $help)
    }
}
"""


class PowerShellComplete(ShellComplete):
    """COMP_WORDS is the line up to the cursor; a trailing space starts a new word.
    Answers are `text<TAB>value<TAB>description` lines, the text being the value
    as PowerShell must read it (powershell_word)."""

    name = "powershell"
    source_template = _SOURCE_POWERSHELL

    def source_vars(self) -> dict:
        names = ", ".join(_quoted(name) for name in _program_names(self.prog_name))
        return {**super().source_vars(), "command_names": names}

    def get_completion_args(self) -> tuple[list[str], str]:
        line = os.environ.get("COMP_WORDS", "")
        words, open_word = powershell_words(line)
        if not open_word:
            return words[1:], ""
        return words[1:-1], words[-1]

    def format_completion(self, item: CompletionItem) -> str:
        help_text = " ".join((item.help or "").split()) or item.value
        return f"{powershell_word(item.value)}\t{item.value}\t{help_text}"


_PLAIN_WORD = re.compile(r"[\w.-]+")
_POWERSHELL_QUOTES = re.compile("['\u2018\u2019\u201a\u201b]")  # all close a '…' string


def powershell_word(value: str) -> str:
    """A value as PowerShell reads it back as itself: plain words as they are,
    anything else a single-quoted string (no expansion inside), each quote
    PowerShell takes for one doubled."""
    if _PLAIN_WORD.fullmatch(value):
        return value
    return "'" + _POWERSHELL_QUOTES.sub(lambda quote: quote.group() * 2, value) + "'"


add_completion_class(PowerShellComplete)


def _program_names(prog_name: str) -> list[str]:
    """The names PowerShell may see tracker typed as: on the PATH, and the
    launcher in a project's virtual environment as the README types it — and
    the one this script was made by, wherever it is. PowerShell 5.1 looks a
    native completer up by the command exactly as typed."""
    import sys

    names = [prog_name, rf".venv\Scripts\{prog_name}", rf".\.venv\Scripts\{prog_name}"]
    launcher = sys.argv[0] if sys.argv else ""
    if os.path.splitext(os.path.basename(launcher))[0].lower() == prog_name:
        names.append(os.path.splitext(os.path.abspath(launcher))[0])
    return list(dict.fromkeys(form for name in names for form in (name, name + ".exe")))


def _quoted(text: str) -> str:
    """A PowerShell string literal: single quotes, a quote inside doubled."""
    return "'" + text.replace("'", "''") + "'"


# The characters PowerShell takes for a single and for a double quote.
_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"
_DOUBLE_QUOTES = '"\u201c\u201d\u201e'


def powershell_words(line: str) -> tuple[list[str], bool]:
    """The words of a PowerShell command line as PowerShell passes them to a
    program, and whether the last one is still being typed. '…' is literal (a
    quote doubled inside it is one), "…" and bare words take ` as their
    escape, and \\ is an ordinary character, so a Windows path (D:\\工作\\目标)
    stays whole; click's own splitting is POSIX's, where \\ escapes."""
    words: list[str] = []
    word: list[str] = []
    closing, started, index = "", False, 0  # closing: the quotes that end the open string
    while index < len(line):
        ch = line[index]
        if closing == _SINGLE_QUOTES or (closing and ch != "`"):
            if ch not in closing:
                word.append(ch)
            elif line[index + 1 : index + 2] and line[index + 1] in closing:  # doubled: one
                word.append(ch)
                index += 1
            else:
                closing = ""
        elif ch == "`" and index + 1 < len(line):
            word.append(line[index + 1])
            started = True
            index += 1
        elif ch in _SINGLE_QUOTES or ch in _DOUBLE_QUOTES:
            closing = _SINGLE_QUOTES if ch in _SINGLE_QUOTES else _DOUBLE_QUOTES
            started = True
        elif ch.isspace():
            if started:
                words.append("".join(word))
                word, started = [], False
        else:
            word.append(ch)
            started = True
        index += 1
    if started:
        words.append("".join(word))
    return words, started
