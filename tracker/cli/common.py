"""Shared option decorators, finding and opening the data folder for a command,
and the way out: warnings on stderr, a Report emitted to stdout or a file."""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.cli.help import completer, option
from tracker.cli.help import lang_option as lang_option  # every command takes --lang here
from tracker.cli.lang import setting, user_config
from tracker.problems import ExitCode, UsageError

if TYPE_CHECKING:
    from tracker.app.common import Answered, Opened
    from tracker.storage.datadir import DataDir
    from tracker.words import Phrase

# ── options every command spells the same way ────────────────────────────────


def data_option(f):
    return option("--data", "data_dir", metavar="DIR", default=None, help="help.opt.data")(f)


def as_of_option(f):
    return option("--as-of", "as_of", metavar="DATE", default=None, help="help.opt.as_of")(f)


def format_option(*choices: str, default: str = "table", help: str = "help.opt.format"):
    """--format, its help a catalogue key that names the default."""

    def decorator(f):
        return option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            help=help,
            help_args={"default": default},
        )(f)

    return decorator


def output_option(
    f=None, *, help: str = "help.opt.output", required: bool = False, folder: bool = False
):
    """--output FILE (-o); with `folder`, a folder is accepted too (a digest
    split into one file per office)."""

    def decorator(f):
        return option(
            "--output",
            "-o",
            "output",
            metavar="FILE",
            required=required,
            type=click.Path(dir_okay=folder),
            help=help,
        )(f)

    return decorator(f) if f is not None else decorator


def owner_option(*, help: str = "help.opt.owner", multiple: bool = False):
    """--owner OFFICE: an office by its name, completed from the plan's offices."""
    return option(
        "--owner",
        "owners" if multiple else "owner",
        metavar="OFFICE",
        multiple=multiple,
        shell_complete=completer("owner"),
        help=help,
    )


def area_option(f):
    return option(
        "--area",
        metavar="AREA",
        shell_complete=completer("area"),
        help="help.opt.area",
    )(f)


# ── the data folder ──────────────────────────────────────────────────────────


def find_data(data_dir: str | None) -> DataDir:
    """The data folder: the command's --data, else the group's, else SPEC's
    search, and last the config file's `data`."""
    from tracker.storage.datadir import find_data_dir

    ctx = click.get_current_context(silent=True)
    if data_dir is None and ctx is not None and ctx.find_root().obj:
        data_dir = ctx.find_root().obj.get("data_dir")
    configured = None
    if ctx is not None and setting("data"):
        configured = (setting("data"), str(user_config().path))
    return find_data_dir(data_dir, env=os.environ, cwd=Path.cwd(), configured=configured)


def open_data(data_dir: str | None, *, with_log: bool = True, warn: bool = True) -> Opened:
    """Find and open the data folder for a command that writes (or starts a
    new plan from it): problems in goals.toml stop it; with `warn`, what the
    log could not count is said on stderr."""
    from tracker.app.common import open_folder

    opened = open_folder(find_data(data_dir), with_log=with_log)
    if warn:
        say_warnings(opened.warnings)
    return opened


def say_warnings(warnings: tuple[Phrase, ...]) -> None:
    """Warnings on stderr (never inside a document on stdout), in the user's
    language, user text in them made inert."""
    if not warnings:
        return
    from tracker.cli.lang import current_lang

    lang = current_lang()
    for warning in warnings:
        line = warning.text(lang)
        if not line.isprintable():  # a goal's name from the log may hold anything
            # Imported only then: every `status` after the plan's end warns.
            from tracker.render.text import inert

            line = inert(line)
        click.echo(line, err=True)


def reply(answer: Answered, fmt: str, *, output: str | None = None, **how) -> None:
    """A read's answer: its warnings on stderr, then its report (`emit`, and
    `how` it takes)."""
    say_warnings(answer.warnings)
    emit(answer.report, fmt, output=output, **how)


# ── output ───────────────────────────────────────────────────────────────────


def on_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def stdin_is_terminal() -> bool:
    """Whether a person can be asked (retract, a lower running total)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def rich_wanted() -> bool:
    """Colour and box lines only on a terminal, and never with NO_COLOR."""
    return on_terminal() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def write_text(text: str) -> None:
    """Plain text to stdout as UTF-8, whatever the locale (cron, Windows pipes)."""
    write_pieces((text,))


def write_pieces(pieces) -> None:
    """write_text for text made in pieces (bytes pieces are UTF-8 already),
    each written as it comes."""
    stream = sys.stdout
    if on_terminal() or not hasattr(stream, "buffer"):
        for piece in pieces:
            stream.write(piece.decode("utf-8") if isinstance(piece, bytes) else piece)
    else:
        stream.flush()
        for piece in pieces:
            if isinstance(piece, str):
                piece = piece.encode("utf-8", "backslashreplace")
            stream.buffer.write(piece)
            del piece  # not held while the next one is made
    stream.flush()


def pager_option(f):
    """--no-pager on reporting commands; read by `emit` from the context, so
    commands need not pass it along."""

    def remember(ctx, _param, value):
        if value:
            ctx.meta["tracker.no_pager"] = True
        return value

    return option(
        "--no-pager",
        is_flag=True,
        expose_value=False,
        callback=remember,
        help="help.opt.no_pager",
    )(f)


def report_options(
    *formats: str, default: str = "table", help: str = "help.opt.format", as_of: bool = True
):
    """The options a report command takes after its own, in this order:
    --as-of (unless `as_of` is False), --format (of `formats`), --output,
    --lang, --no-pager and --data — as sqlite-utils' output_options."""
    shared = [format_option(*formats, default=default, help=help), output_option, lang_option,
              pager_option, data_option]  # fmt: skip
    if as_of:
        shared.insert(0, as_of_option)

    def decorator(f):
        for add in reversed(shared):  # the first applied is the last listed
            f = add(f)
        return f

    return decorator


def terminal_size() -> os.terminal_size | None:
    """The real size of the terminal stdout is on (NO_COLOR and TERM only turn
    colour off), or None when stdout is not a terminal."""
    if not on_terminal():
        return None
    try:
        size = os.get_terminal_size(sys.stdout.fileno())
    except (AttributeError, ValueError, OSError):
        size = None
    if size is None or size.columns <= 0:  # a terminal that does not say
        columns = os.environ.get("COLUMNS", "")
        size = os.terminal_size(
            (int(columns) if columns.isdigit() else 80, size.lines if size else 0)
        )
    return size


def piped_to_person() -> int | None:
    """The width of the terminal the user sits at when stdout is a pipe read
    there (`tracker status | less`, `| grep 逾期`): stderr's terminal, else
    stdin's. None for a file (`> status.txt` keeps every column), or where no
    terminal is at hand (cron, a program reading the pipe)."""
    import stat

    try:
        if not stat.S_ISFIFO(os.fstat(sys.stdout.fileno()).st_mode):
            return None
    except (AttributeError, ValueError, OSError):
        return None
    for stream in (sys.stderr, sys.stdin):
        try:
            if stream.isatty():
                columns = os.get_terminal_size(stream.fileno()).columns
                return columns if columns > 0 else None
        except (AttributeError, ValueError, OSError):
            continue
    return None


def emit(
    report,
    fmt: str,
    *,
    output: str | None = None,
    digest: bool = False,
    headers: dict[str, str] | None = None,
) -> None:
    """Render `report` as `fmt` to stdout — fitted to the terminal's real width,
    coloured unless NO_COLOR/TERM=dumb, and through a pager when it is longer
    than the screen — or, with `output`, atomically to that file. Piped output
    is never paged; its tables take $COLUMNS if set, else the width of the
    terminal the user reads the pipe on (piped_to_person), else their natural width.
    A `digest` (the weekly summary, read in mail and files) off a terminal is
    laid out the same wherever it goes: indented JSON and natural width. A
    mail (`email`, with its `headers`) is written as it is, for sendmail."""
    from tracker.render.out import render

    if fmt == "xlsx" and output is None:
        raise UsageError("xlsx_needs_output", "xlsx_needs_output_fix")
    if fmt == "docx" and output is None:
        raise UsageError("docx_needs_output", "docx_needs_output_fix")
    if fmt == "email":
        text = render(report, fmt, headers=headers)
        if output is not None:
            write_atomic(Path(output), text)
        else:
            write_text(text)
        return
    size = terminal_size() if output is None else None
    if size is not None:
        width, indent = size.columns, 2
    elif digest:
        width, indent = None, 2
    else:
        # Compact JSON (C-speed, ~10x faster on a big log) for programs reading a
        # pipe; indented for people. Both are the same document.
        columns = os.environ.get("COLUMNS")
        width = int(columns) if columns and columns.isdigit() else piped_to_person()
        indent = None
    colour = size is not None and rich_wanted()
    if size is None:
        # Off a terminal nothing is paged or measured: the text is written as it
        # is made (a whole log's JSON never held at once).
        from tracker.render.out import render_pieces

        pieces = render_pieces(report, fmt, width=width, indent=indent)
        if output is not None:
            if fmt == "csv":
                # A CSV file is for people, whose Excel reads UTF-8 only after a BOM
                # (a Chinese Windows guesses GBK). On a pipe it is for programs: none.
                pieces = itertools.chain(("\ufeff",), pieces)
            write_atomic(Path(output), pieces)
        else:
            write_pieces(pieces)
        return
    text = render(report, fmt, width=width, indent=indent)
    pager = pager_command() if _longer_than(text, size) else None
    if pager is not None:
        if colour:
            text = render(report, fmt, rich=True, capture=True, width=width, indent=indent)
        if run_pager(pager, text):
            return
    if colour:
        text = render(report, fmt, rich=True, width=width, indent=indent)
        if text is None:
            return  # painted on the terminal
    write_text(text)


def emit_written(report, fmt: str, written, *, lang: str) -> None:
    """emit() for what a write reports (`written`, its WriteResult). The entries
    are in the log by then: a failure to show them (stdout on a full disk, a
    closed console) is said on stderr and the exit stays 0, because an exit
    code saying otherwise would have a person or a script log them again."""
    if written.dry_run:
        emit(report, fmt)
        return
    try:
        emit(report, fmt)
    except BrokenPipeError:  # the reader left: quiet, as everywhere
        raise
    except (OSError, UnicodeError) as exc:
        ref = written.batch or ", ".join(e.id for e in written.new)
        detail = getattr(exc, "strerror", None) or exc
        from tracker.words import say

        click.echo(say("written_not_shown", lang, ref=ref, detail=detail), err=True)
        let_go_of_stdout()  # what could not be written is not tried again at exit


def let_go_of_stdout() -> None:
    """Point stdout at the null device: output still pending there (a reader
    that left, a full disk) is dropped instead of failing again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _longer_than(text: str, size: os.terminal_size) -> bool:
    """Whether `text` takes more rows than the screen has (lines wider than the
    screen count once per row they wrap onto)."""
    from tracker.render.text import cell_width

    if size.lines <= 0:
        return False
    rows, limit = 0, size.lines - 1  # the prompt's line stays on screen
    for line in text.splitlines():
        rows += max(1, -(-cell_width(line) // max(size.columns, 1)))
        if rows > limit:
            return True
    return False


NO_PAGER = ("", "0", "no", "off", "false", "never", "cat")


def pager_command() -> list[str] | None:
    """The pager to use: $TRACKER_PAGER (empty, `0`, `off`, `cat`… turn paging
    off), else $PAGER, else `less` — none at all when --no-pager was given, when
    the chosen program is not installed (a Windows desktop without less), or,
    for the default, on a TERM=dumb terminal less cannot drive."""
    import shutil

    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get("tracker.no_pager"):
        return None
    chosen = os.environ.get("TRACKER_PAGER")
    if chosen is None:
        chosen = os.environ.get("PAGER")
    if chosen is None:
        if os.environ.get("TERM") == "dumb":
            return None
        chosen = "less"
    if chosen.strip().lower() in NO_PAGER:
        return None
    try:
        argv = command_words(chosen)
    except ValueError:
        return None
    found = shutil.which(argv[0]) if argv else None
    return [found, *argv[1:]] if found else None


def command_words(text: str, *, windows: bool = os.name == "nt") -> list[str]:
    """A command line from an environment variable, split as its platform
    writes one: the POSIX shell's way, or Windows' — where \\ is an ordinary
    character and a path with spaces is quoted ("C:\\Program Files\\…\\less.exe"
    -R), the quotes then taken off."""
    import shlex

    if not windows:
        return shlex.split(text)
    return [
        word[1:-1] if len(word) > 1 and word[0] == word[-1] and word[0] in "\"'" else word
        for word in shlex.split(text, posix=False)
    ]


def run_pager(argv: list[str], text: str) -> bool:
    """Show `text` through the pager; False if it could not be started (then the
    caller prints it). Quitting the pager early is not an error."""
    import subprocess

    env = dict(os.environ)
    # less: quit at once if it fits, keep colour codes, leave the text on screen.
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    sys.stdout.flush()
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    try:
        proc.stdin.write(text.encode(encoding, "replace"))
        proc.stdin.close()
    except OSError:  # the reader quit before reading it all (BrokenPipeError)
        pass
    while True:
        try:
            proc.wait()
            return True
        except KeyboardInterrupt:  # Ctrl-C is the pager's to handle
            continue


def exit_with(code: ExitCode) -> None:
    ctx = click.get_current_context()
    ctx.exit(int(code))


def write_atomic(path: Path, data) -> None:
    """--output: written whole (text, bytes, or pieces of either), atomically,
    with the umask's permissions."""
    from tracker.storage.outfile import write_atomic as write_file

    write_file(path, data)
