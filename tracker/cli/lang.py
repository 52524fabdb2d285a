"""Which language a command speaks, and the user's config it comes from in part:
`--lang` (the command's, then the group's), $TRACKER_LANG, the config file's
`lang`, then the locale ($LC_ALL, $LC_MESSAGES, $LANG); Chinese by default.

The config file is read once per run and kept on the root click context.
"""

from __future__ import annotations

import os

import click

from tracker.words import DEFAULT_LANG, LANGS

LANG_ENV = "TRACKER_LANG"
_FLAG_META = "tracker.lang_flag"


def lang_of(text: str | None) -> str | None:
    """'en', 'en_US.UTF-8', 'zh-CN' → a language tracker speaks; else None."""
    if not text:
        return None
    head = text.strip().lower()[:2]
    return head if head in LANGS else None


def locale_lang(env) -> str:
    """The first locale variable set decides, as POSIX orders them: English
    for en_*, Chinese for anything else (zh_*, C, POSIX…)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "en" if lang_of(value) == "en" else DEFAULT_LANG
    return DEFAULT_LANG


def resolve_lang(flag: str | None, *, env, config_lang: str | None, strict: bool) -> str:
    """The language, first match wins. With `strict`, a $TRACKER_LANG that names
    no language is an error; otherwise it is passed over (help, error messages)."""
    return lang_and_source(flag, env=env, config_lang=config_lang, strict=strict)[0]


def lang_and_source(
    flag: str | None, *, env, config_lang: str | None, strict: bool
) -> tuple[str, str]:
    """The language and what chose it: "flag", "env", "config", "locale" or "default"."""
    if flag:
        return flag, "flag"
    named = env.get(LANG_ENV)
    if named:
        lang = lang_of(named)
        if lang is not None:
            return lang, "env"
        if strict:
            from tracker.problems import ExitCode, TrackerError, problem

            raise TrackerError(
                problem(
                    LANG_ENV,
                    None,
                    "environment",
                    "bad_lang_env",
                    "one_of",
                    value=named,
                    choices=", ".join(LANGS),
                ),  # fmt: skip
                ExitCode.BAD_DATA,
            )
    if config_lang:
        return config_lang, "config"
    if any(env.get(name) for name in ("LC_ALL", "LC_MESSAGES", "LANG")):
        return locale_lang(env), "locale"
    return DEFAULT_LANG, "default"


# ── the user's config, read once per run ─────────────────────────────────────


def user_config(ctx: click.Context | None = None):
    """The user's config file as read (storage.config.UserConfig), once per run."""
    ctx = ctx or click.get_current_context()
    root = ctx.find_root()
    root.ensure_object(dict)
    if "config" not in root.obj:
        from tracker.storage.config import read_config

        root.obj["config"] = read_config(os.environ)
    return root.obj["config"]


def checked_config(ctx: click.Context | None = None):
    """The user's config, or exit 3 with its problems located."""
    config = user_config(ctx)
    if config.problems:
        from tracker.problems import ExitCode, TrackerError, problem

        note = problem(str(config.path), None, "config", "config_problems", "config_fix_or_move",
                       count=len(config.problems))  # fmt: skip
        raise TrackerError([*config.problems, note], ExitCode.BAD_DATA)
    return config


def setting(key: str) -> str | None:
    """A setting of the user's config file (`by`, `data`…), or None."""
    return checked_config().get(key)


# ── the --lang flag, on the group and on every command ───────────────────────


def flag_in(args) -> str | None:
    """The last `--lang X` / `--lang=X` among raw arguments: help is drawn while
    click is still parsing, before any option has a value."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found if found in LANGS else None


def note_flag(ctx: click.Context, args) -> None:
    flag = flag_in(args)
    if flag:
        ctx.meta[_FLAG_META] = flag


def gentle_lang(ctx: click.Context | None) -> str:
    """The language for help and for error messages: never fails, so a bad
    $TRACKER_LANG or config file can still be reported in words."""
    flag = None
    config_lang = None
    if ctx is not None:
        root = ctx.find_root()
        if root.obj and root.obj.get("lang"):
            return root.obj["lang"]
        flag = ctx.meta.get(_FLAG_META) or root.params.get("lang")
        try:
            config_lang = user_config(ctx).get("lang")
        except Exception:  # an unreadable config folder: speak without it
            config_lang = None
    return resolve_lang(flag, env=os.environ, config_lang=config_lang, strict=False)


def settle_lang(ctx: click.Context, param, value):
    """The callback of --lang (tracker.cli.help.lang_option): the language this
    run speaks, settled once and kept on the root context."""
    if ctx.parent is None:
        return value  # the group's flag: read by each command's own --lang
    root = ctx.find_root()
    flag = value or root.params.get("lang")
    # A bad config file must not keep `tracker config` from showing it.
    config = user_config(ctx) if getattr(ctx.command, "shows_config", False) else None
    config = config or checked_config(ctx)
    lang = resolve_lang(flag, env=os.environ, config_lang=config.get("lang"), strict=True)
    root.ensure_object(dict)
    root.obj["lang"] = lang
    return lang


def current_lang() -> str:
    """The language settled for this run (by the command's --lang)."""
    return gentle_lang(click.get_current_context(silent=True))
