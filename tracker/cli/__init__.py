"""The `tracker` command group: lazy subcommands and the one place that exits."""

from __future__ import annotations

import os
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
    "completion": (
        "tracker.cli.completion",
        "A shell completion script (bash, zsh, fish, powershell).",
    ),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        import importlib

        module = importlib.import_module(COMMANDS[name][0])
        return module.command

    def format_commands(self, ctx, formatter):
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx):
        """The error boundary: problems become a message and an exit code, and
        a bug becomes one line (a traceback only with --debug)."""
        from tracker.problems import TrackerError

        # Read only when something failed: the group's --debug (wherever it stood
        # among the group's options) is known once its callback has run.
        def debug() -> bool:
            return bool((ctx.obj or {}).get("debug"))

        try:
            return super().invoke(ctx)
        except TrackerError as error:
            ctx.exit(_report(error, debug()))
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            raise
        except KeyboardInterrupt:
            ctx.exit(ExitCode.INTERRUPTED)
        except Exception as exc:
            if debug():
                raise
            from tracker.words import say

            click.echo(say("internal_error", "en", kind=type(exc).__name__, detail=exc), err=True)
            ctx.exit(ExitCode.INTERNAL)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data",
    "data_dir",
    metavar="DIR",
    help="Data folder holding goals.toml "
    "(default: $TRACKER_DATA, then the nearest parent folder with goals.toml).",
)
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
    """Entry point of the console script and `python -m tracker`."""
    import gc

    # A short-lived command that builds hundreds of thousands of small objects
    # from a big log and makes almost no reference cycles: the default GC
    # threshold rescans that heap thousands of times (measured: 35% of
    # `tracker entries` on 100k entries). Collect rarely instead.
    gc.set_threshold(50_000, 20, 20)
    if os.environ.get("_TRACKER_COMPLETE", "").startswith("powershell"):
        import tracker.cli.completion  # noqa: F401  (registers the PowerShell protocol)
    try:
        cli.main(args=argv, prog_name="tracker")
    except BrokenPipeError:  # `tracker entries | head`: the reader left; not an error
        _silence_stdout()
        sys.exit(0)


def _report(error, debug: bool) -> int:
    from tracker.render.text import inert

    if debug:
        import traceback

        traceback.print_exc()
    for problem in error.problems:
        click.echo(inert(problem.text("en")), err=True)
    return error.exit_code


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
