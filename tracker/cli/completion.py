"""`tracker completion SHELL`: a shell completion script for bash, zsh, fish or
PowerShell. The callbacks the scripts end up calling are in completers.py."""

from __future__ import annotations

import click

from tracker.cli import completers  # noqa: F401  (registers the PowerShell protocol)
from tracker.cli.help import cli_command, lang_option

SHELLS = ("bash", "zsh", "fish", "powershell")


@cli_command("completion", help="help.completion")
@click.argument("shell", type=click.Choice(SHELLS))
@lang_option
@click.pass_context
def command(ctx, shell, lang):
    from click.shell_completion import get_completion_class

    # The group this command runs under, found from the context rather than
    # imported: the group loads this module by name, so importing it back would
    # make a circle.
    group = ctx.find_root().command
    script = get_completion_class(shell)(group, {}, "tracker", "_TRACKER_COMPLETE").source()
    click.echo(script, nl=not script.endswith("\n"))
