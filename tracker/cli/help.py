"""Help in the user's language: commands and options carry catalogue keys
(tracker/words/cli.py) instead of text, and these click classes put them into
words when help is drawn — in the language `--lang`, $TRACKER_LANG, the config
file or the locale asks for."""

from __future__ import annotations

import copy
from contextlib import contextmanager

import click

from tracker.cli.lang import gentle_lang, note_flag, settle_lang
from tracker.words import LANGS, say

# click's own usage words, in the catalogue.
_METAVARS = {"[OPTIONS]": "help.options_metavar", "COMMAND [ARGS]...": "help.command_metavar"}


@contextmanager
def section(formatter: click.HelpFormatter, heading: str):
    """A help section under `heading` as the catalogue writes it (its own colon:
    '选项：', 'Options:'), where click would append an ASCII one."""
    formatter.write_paragraph()
    formatter.write(f"{'':>{formatter.current_indent}}{heading}\n")
    with formatter.indentation():
        yield


class TrackerOption(click.Option):
    """An option whose `help` is a catalogue key; `help_args` fill its placeholders."""

    def __init__(self, *args, help_args: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.help_args = help_args or {}

    def get_help_record(self, ctx):
        if not self.help:
            return super().get_help_record(ctx)
        worded = copy.copy(self)
        worded.help = say(self.help, gentle_lang(ctx), **self.help_args)
        record = click.Option.get_help_record(worded, ctx)
        if record is None or not self.required:
            return record
        # click writes "[required]" itself; say it in the user's language.
        return record[0], record[1].replace("[required]", say("help.required", gentle_lang(ctx)))


def option(*decls, **kwargs):
    """click.option with a catalogue key for its help."""
    kwargs.setdefault("cls", TrackerOption)
    return click.option(*decls, **kwargs)


def lang_option(f):
    """--lang zh|en, the same on the group and on every command. It lives here,
    beside `option`, rather than in lang.py: help needs lang to put itself into
    words, so lang must not need help back."""
    return option(
        "--lang",
        type=click.Choice(LANGS),
        default=None,
        callback=settle_lang,
        help="help.opt.lang",
    )(f)


class _Worded:
    """What commands and the group share: help, usage and section headings in words."""

    def parse_args(self, ctx, args):
        note_flag(ctx, args)
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as error:
            raise WordedUsageError(error) from None

    def format_help_text(self, ctx, formatter):
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(say(self.help, gentle_lang(ctx)))

    def get_short_help_str(self, limit: int = 45) -> str:
        key = self.short_help or self.help
        return say(key, gentle_lang(click.get_current_context(silent=True))) if key else ""

    def format_usage(self, ctx, formatter):
        pieces = self.collect_usage_pieces(ctx)
        prefix = say("help.usage", gentle_lang(ctx))
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)

    def collect_usage_pieces(self, ctx):
        lang = gentle_lang(ctx)
        pieces = super().collect_usage_pieces(ctx)
        return [say(_METAVARS[p], lang) if p in _METAVARS else p for p in pieces]

    def format_options(self, ctx, formatter):
        lang = gentle_lang(ctx)
        helper = self.get_help_option(ctx)
        records = []
        for param in self.get_params(ctx):
            if isinstance(param, click.Argument):
                continue
            if param is helper:
                records.append((", ".join(param.opts), say("help.opt.help", lang)))
                continue
            record = param.get_help_record(ctx)
            if record is not None:
                records.append(record)
        if records:
            with section(formatter, say("help.options", lang)):
                formatter.write_dl(records)


class TrackerCommand(_Worded, click.Command):
    """A command whose help is a catalogue key."""


class TrackerGroup(_Worded, click.Group):
    """The command group, its help and its command list in words."""

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as error:
            raise WordedUsageError(error) from None

    def format_options(self, ctx, formatter):
        _Worded.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)


class SubcommandGroup(TrackerGroup):
    """A command with subcommands (`tracker city`, `tracker evidence`): they
    are listed under a heading in words, each with its short help."""

    def format_commands(self, ctx, formatter):
        rows = [
            (name, self.commands[name].get_short_help_str()) for name in self.list_commands(ctx)
        ]
        with section(formatter, say("help.commands", gentle_lang(ctx))):
            formatter.write_dl(rows)


def cli_command(name: str, *, help: str, **kwargs):
    """click.command with a catalogue key for its help."""
    kwargs.setdefault("cls", TrackerCommand)
    return click.command(name, help=help, **kwargs)


# ── click's own usage errors, in words ───────────────────────────────────────


class WordedUsageError(click.UsageError):
    """A usage error click found while parsing (an unknown option, a missing
    argument, a value not among the choices), said in the user's language."""

    def __init__(self, error: click.UsageError):
        super().__init__(error.message, error.ctx)
        self.original = error

    def format_message(self) -> str:
        return usage_message(self.original, gentle_lang(self.ctx))

    def show(self, file=None) -> None:
        lang = gentle_lang(self.ctx)
        if isinstance(self.original, click.exceptions.NoArgsIsHelpError):
            click.echo(self.ctx.get_help(), err=True)  # a group run bare: its help, no error
            return
        if self.ctx is not None:
            try_help = say("help.try_help", lang, command=f"{self.ctx.command_path} -h")
            click.echo(f"{self.ctx.get_usage()}\n{try_help}\n", err=True)
        click.echo(say("help.error", lang, message=self.format_message()), err=True)


def usage_message(error: click.UsageError, lang: str) -> str:
    """What click found wrong, from the catalogue where click's error names its
    parts; otherwise click's own sentence."""
    param = getattr(error, "param", None)
    hint = param.get_error_hint(error.ctx) if param is not None and error.ctx else None
    if isinstance(error, click.NoSuchOption):
        close = ", ".join(error.possibilities or ())
        if close:
            return say("help.no_such_option_close", lang, name=error.option_name, close=close)
        return say("help.no_such_option", lang, name=error.option_name)
    if isinstance(error, click.MissingParameter) and hint:
        return say("help.missing", lang, name=hint)
    if isinstance(error, click.BadOptionUsage) and error.message.endswith("requires an argument."):
        return say("help.needs_value", lang, name=error.option_name)
    if isinstance(error, click.BadParameter) and hint:
        if isinstance(param.type, click.Choice):
            choices = ", ".join(str(c) for c in param.type.choices)
            return say("help.bad_choice", lang, name=hint, choices=choices)
        return say("help.bad_value", lang, name=hint, detail=error.message)
    if error.message.startswith("No such command"):
        return say("help.no_such_command", lang, name=error.message.split("'")[1])
    if error.message.startswith("Got unexpected extra argument"):
        extra = error.message.partition("(")[2].rstrip(")")
        return say("help.extra_arguments", lang, args=extra)
    return error.format_message()


def completer(name: str):
    """A shell_complete callback for `complete_<name>` that imports
    tracker.cli.completers only when a shell asks, not on every start."""

    def complete(ctx, param, incomplete):
        from tracker.cli import completers

        return getattr(completers, f"complete_{name}")(ctx, param, incomplete)

    return complete
