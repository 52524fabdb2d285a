"""`tracker config`: show the user's config file, or set or unset one setting."""

from __future__ import annotations

import os

import click

from tracker.cli.common import emit, exit_with, format_option, lang_option
from tracker.cli.help import cli_command
from tracker.cli.lang import lang_and_source, resolve_lang, user_config
from tracker.problems import ExitCode, UsageError, suggest_or


@cli_command("config", help="help.config")
@click.argument("words", metavar="[set KEY VALUE | unset KEY]", nargs=-1)
@format_option("table", "json")
@lang_option
def command(words, fmt, lang):
    from tracker.storage.config import CONFIG_KEYS

    ctx = click.get_current_context()
    changed = None
    if words:
        action, *rest = words
        if action == "set" and len(rest) == 2:
            key, value = rest
            changed = (_key(key, CONFIG_KEYS), _value(key, value))
        elif action == "unset" and len(rest) == 1:
            changed = (_key(rest[0], CONFIG_KEYS), None)
        else:
            raise UsageError("config_usage", "config_usage_fix")
        from tracker.storage.config import change_setting

        config = change_setting(os.environ, *changed)
        ctx.find_root().obj["config"] = config
        if changed[0] == "lang":  # say it in the new language, unless a flag or $TRACKER_LANG rules
            lang = resolve_lang(_flag(ctx), env=os.environ, config_lang=config.get("lang"),
                                strict=False)  # fmt: skip
    else:
        config = user_config(ctx)
    emit(_report(config, changed, ctx, lang), fmt)
    if config.problems:
        exit_with(ExitCode.BAD_DATA)


# `tracker config` shows a broken config file instead of refusing to start.
command.shows_config = True


def _key(key: str, keys) -> str:
    if key not in keys:
        fix = suggest_or(key, keys, "config_keys", keys=", ".join(keys))
        raise UsageError("config_unknown_key", fix, key=key)
    return key


def _value(key: str, value: str) -> str:
    """A value as it will be stored: checked, and a data folder made absolute and
    required to hold goals.toml (a default that points nowhere helps no one)."""
    from tracker.problems import Problem, TrackerError
    from tracker.storage.config import check_value

    found = check_value(key, value)
    if isinstance(found, Problem):
        raise TrackerError(
            Problem("tracker config", None, found.what, found.fix, "usage"), ExitCode.USAGE
        )
    if key == "data":
        from pathlib import Path

        from tracker.storage.datadir import named_data_dir

        found = str(named_data_dir(os.path.abspath(Path(found).expanduser()), "config set").root)
    return found


def _report(config, changed, ctx, lang):
    from tracker.cli.log import login_name
    from tracker.storage.config import CONFIG_KEYS
    from tracker.views.config import config_report

    effective_lang = lang_and_source(_flag(ctx), env=os.environ, config_lang=config.get("lang"),
                                     strict=False)  # fmt: skip
    if config.get("by"):
        by = (config.get("by"), "config")
    else:
        by = (login_name(), "login")
    data = _data_in_effect(ctx, config)
    return config_report(
        path=str(config.path),
        origin=config.origin,
        exists=config.exists,
        settings={key: config.get(key) for key in CONFIG_KEYS},
        effective={"lang": effective_lang, "by": by, "data": data},
        problems=list(config.problems),
        changed=changed,
        lang=lang,
    )


def _flag(ctx) -> str | None:
    """The --lang typed on the command line (the command's, else the group's);
    the command's parameter otherwise holds the language already settled."""
    from click.core import ParameterSource

    if ctx.get_parameter_source("lang") is ParameterSource.COMMANDLINE:
        return ctx.params["lang"]
    return ctx.find_root().params.get("lang")


def _data_in_effect(ctx, config) -> tuple[str | None, str | None]:
    """The data folder a command run here would use, and why (SPEC's order)."""
    from pathlib import Path

    from tracker.problems import TrackerError
    from tracker.storage.datadir import find_data_dir

    group_data = (ctx.find_root().obj or {}).get("data_dir")
    if group_data:
        return group_data, "flag"
    if os.environ.get("TRACKER_DATA"):
        return os.environ["TRACKER_DATA"], "env"
    try:
        return str(find_data_dir(None, env={}, cwd=Path.cwd()).root), "ancestor"
    except TrackerError:
        pass
    return (config.get("data"), "config") if config.get("data") else (None, None)
