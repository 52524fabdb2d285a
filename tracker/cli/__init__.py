"""The `tracker` command group: lazy subcommands and the one place that exits."""

from __future__ import annotations

import errno
import os
import sys

import click

from tracker.cli.help import TrackerGroup, lang_option, option, section
from tracker.cli.lang import gentle_lang
from tracker.problems import ExitCode

# name → (module, catalogue key of its one-line help). Modules are imported only
# when their command runs, so `tracker status` pays for nothing it does not use.
COMMANDS = {
    "status": ("tracker.cli.status", "help.short.status"),
    "show": ("tracker.cli.show", "help.short.show"),
    "log": ("tracker.cli.log", "help.short.log"),
    "retract": ("tracker.cli.retract", "help.short.retract"),
    "verify": ("tracker.cli.verify", "help.short.verify"),
    "attach": ("tracker.cli.attach", "help.short.attach"),
    "entries": ("tracker.cli.entries", "help.short.entries"),
    "alerts": ("tracker.cli.alerts", "help.short.alerts"),
    "summary": ("tracker.cli.summary", "help.short.summary"),
    "notice": ("tracker.cli.notice", "help.short.notice"),
    "check": ("tracker.cli.check", "help.short.check"),
    "evidence": ("tracker.cli.evidence", "help.short.evidence"),
    "goals": ("tracker.cli.goals", "help.short.goals"),
    "config": ("tracker.cli.config", "help.short.config"),
    "template": ("tracker.cli.template", "help.short.template"),
    "init": ("tracker.cli.init", "help.short.init"),
    "completion": ("tracker.cli.completion", "help.short.completion"),
    "city": ("tracker.cli.city", "help.short.city"),
    "export": ("tracker.cli.export", "help.short.export"),
    "sql": ("tracker.cli.sql", "help.short.sql"),
}


class LazyGroup(TrackerGroup):
    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        import importlib

        module = importlib.import_module(COMMANDS[name][0])
        return module.command

    def format_commands(self, ctx, formatter):
        from tracker.words import say

        lang = gentle_lang(ctx)
        rows = [(name, say(COMMANDS[name][1], lang)) for name in self.list_commands(ctx)]
        with section(formatter, say("help.commands", lang)):
            formatter.write_dl(rows)

    def invoke(self, ctx):
        """The error boundary: problems become a message and an exit code, and
        a bug becomes one line (a traceback only with --debug), in the user's
        language."""
        from tracker.problems import TrackerError

        # Read only when something failed: the group's --debug (wherever it stood
        # among the group's options) is known once its callback has run.
        def debug() -> bool:
            return bool((ctx.obj or {}).get("debug"))

        try:
            return super().invoke(ctx)
        except TrackerError as error:
            ctx.exit(_report(error, debug(), gentle_lang(ctx)))
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            raise
        except KeyboardInterrupt:
            ctx.exit(ExitCode.INTERRUPTED)
        except OverflowError:
            # Only date arithmetic overflows here: a period reaching past year 9999.
            from tracker.problems import UsageError

            error = UsageError("dates_out_of_range", "date_range_fix")
            ctx.exit(_report(error, debug(), gentle_lang(ctx)))
        except Exception as exc:
            if _reader_left(exc):
                raise BrokenPipeError(errno.EPIPE, "the reader left") from None
            if debug():
                raise
            from tracker.words import say

            line = say("internal_error", gentle_lang(ctx), kind=type(exc).__name__, detail=exc)
            click.echo(line, err=True)
            ctx.exit(ExitCode.INTERNAL)


def _reader_left(exc: Exception) -> bool:
    """Whether a write failed because the reader of stdout left (`| head`):
    Windows says so with EINVAL from a write that names no file, not EPIPE."""
    return (
        os.name == "nt"
        and isinstance(exc, OSError)
        and exc.errno == errno.EINVAL
        and exc.filename is None
    )


def _version(ctx, param, value):
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    from tracker.words import say

    click.echo(say("help.version", gentle_lang(ctx), version=version("tracker")))
    ctx.exit()


@click.group(
    cls=LazyGroup, help="help.group", context_settings={"help_option_names": ["-h", "--help"]}
)
@option("--data", "data_dir", metavar="DIR", help="help.opt.group_data")
@option("--debug", is_flag=True, help="help.opt.debug")
@lang_option
@option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="help.opt.version",
)
@click.pass_context
def cli(ctx, data_dir, debug, lang):
    ctx.ensure_object(dict)
    ctx.obj["data_dir"] = data_dir
    ctx.obj["debug"] = debug


def main(argv=None) -> None:
    """Entry point of the console script and `python -m tracker`."""
    from tracker import collect_rarely

    collect_rarely()  # (already, where tracker is the program)
    _never_fail_on_encoding()
    if os.environ.get("_TRACKER_COMPLETE", "").startswith("powershell"):
        import tracker.cli.completers  # noqa: F401  (registers the PowerShell protocol)
    interrupted = _note_interrupts()
    try:
        cli.main(args=argv, prog_name="tracker")
    except BrokenPipeError:  # `tracker entries | head`: the reader left; not an error
        from tracker.cli.common import let_go_of_stdout

        let_go_of_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    except SystemExit as done:
        # click turns a Ctrl-C while it parses the line into "Aborted!" and exit 1;
        # 1 means a --fail-on condition held, so an interruption says 130.
        if interrupted and done.code == 1:
            sys.exit(ExitCode.INTERRUPTED)
        raise


def _never_fail_on_encoding() -> None:
    """Output never fails on a character the stream cannot encode. Off a
    terminal (a file, a pipe, Task Scheduler, a CI runner) stdout and stderr
    are UTF-8, whatever the code page: Windows would otherwise encode them in
    cp1252 or cp936, which hold no ✔ and little Chinese. On a terminal that is
    not UTF-8 (a legacy Windows console) what it cannot show is replaced."""
    import codecs
    import io

    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):  # none at all (pythonw), or a program's own
            continue
        try:
            terminal = stream.isatty()
            stream.flush()
            if not terminal:
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")
            elif codecs.lookup(stream.encoding).name != "utf-8":
                stream.reconfigure(errors="replace")
        except (OSError, ValueError):  # closed, or already written in another encoding
            continue


def _note_interrupts() -> list:
    """Ctrl-C still raises KeyboardInterrupt (so nothing half-done is kept), and
    is remembered, so the exit code says 130 wherever it was caught."""
    import signal

    seen: list = []

    def interrupt(signum, frame):
        seen.append(signum)
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGINT, interrupt)
    except ValueError:  # not the main thread (an embedding program): leave it
        pass
    return seen


def _report(error, debug: bool, lang: str) -> int:
    from tracker.render.text import inert

    if debug:
        import traceback

        traceback.print_exc()
    for problem in error.problems:
        click.echo(inert(problem.text(lang)), err=True)
    return error.exit_code
