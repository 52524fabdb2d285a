"""The `tracker` command group: lazy subcommands and the one place that exits."""

from __future__ import annotations

import sys

import click

from tracker.problems import ExitCode

# name → (module, help). Modules are imported only when their command runs, so
# `tracker status` pays for nothing it does not use.
COMMANDS = {
    "status": ("tracker.cli.status", "Where every goal stands."),
    "show": ("tracker.cli.show", "One goal: source, history, chart, forecast."),
    "log": ("tracker.cli.log", "Record progress on a goal."),
    "retract": ("tracker.cli.retract", "Correct a mistaken entry by appending a retraction."),
    "entries": ("tracker.cli.entries", "The log itself, filterable by goal and date."),
    "alerts": ("tracker.cli.alerts", "Overdue, due soon, off track, stale, forecast late."),
    "summary": ("tracker.cli.summary", "The weekly digest (text, Markdown, HTML, JSON)."),
    "check": ("tracker.cli.check", "Validate goals.toml and progress/."),
    "goals": ("tracker.cli.goals", "The plan's goal definitions."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return [name for name in COMMANDS if self._available(name)]

    def get_command(self, ctx, name):
        if name not in COMMANDS or not self._available(name):
            return None
        import importlib

        module = importlib.import_module(COMMANDS[name][0])
        return module.command

    def format_commands(self, ctx, formatter):
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    @staticmethod
    def _available(name):
        import importlib.util

        return importlib.util.find_spec(COMMANDS[name][0]) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data_dir", metavar="DIR", help="Data folder holding goals.toml "
              "(default: $TRACKER_DATA, then the nearest parent folder with goals.toml).")  # fmt: skip
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
@click.version_option(package_name="tracker")
@click.pass_context
def cli(ctx, data_dir, debug):
    """Track a local government's yearly commitments: goals.toml is the plan,
    progress/ is the log."""
    ctx.ensure_object(dict)
    ctx.obj["data_dir"] = data_dir
    ctx.obj["debug"] = debug


def main(argv=None) -> None:
    """Entry point: runs the group, turns errors into a message and an exit code."""
    from tracker.problems import TrackerError

    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        code = cli.main(args=argv, prog_name="tracker", standalone_mode=False)
    except TrackerError as error:
        code = _report(error, debug)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        code = ExitCode.USAGE
    except click.ClickException as error:
        error.show()
        code = error.exit_code
    except BrokenPipeError:
        _silence_stdout()
        code = ExitCode.OK
    except KeyboardInterrupt:
        code = 130
    except Exception:  # a bug in tracker: say so plainly, traceback on --debug
        if debug:
            raise
        exc_type, exc, _ = sys.exc_info()
        click.echo(f"tracker: internal error: {exc_type.__name__}: {exc}\n"
                   "Run again with --debug for a traceback, and report it.", err=True)  # fmt: skip
        code = ExitCode.INTERNAL
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    sys.exit(int(code or 0))


def _report(error, debug: bool) -> int:
    from tracker.render.text import inert

    if debug:
        import traceback

        traceback.print_exc()
    for problem in error.problems:
        click.echo(f"tracker: {inert(str(problem))}" if problem.file == "tracker"
                   else inert(str(problem)), err=True)  # fmt: skip
    return error.exit_code


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
