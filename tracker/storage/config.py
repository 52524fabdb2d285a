"""The user's own settings — `lang`, `by`, `data` — in one small TOML file in the
platform's config folder (or where $TRACKER_CONFIG points): finding, reading
and rewriting it. Nothing else touches that file."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tracker.problems import Problem, problem, suggest_or
from tracker.words import LANGS, phrase

CONFIG_ENV = "TRACKER_CONFIG"
CONFIG_FILE = "config.toml"
# The keys a config file may set, in the order `tracker config` lists them.
CONFIG_KEYS = ("lang", "by", "data")


@dataclass(frozen=True)
class UserConfig:
    """The config file as read: where it is, why there, whether it exists, the
    settings it holds (only valid ones) and what is wrong with it."""

    path: Path
    origin: str  # "TRACKER_CONFIG" or "platform"
    exists: bool
    values: dict[str, str] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def get(self, key: str) -> str | None:
        return self.values.get(key)


def config_path(env) -> tuple[Path, str]:
    """$TRACKER_CONFIG, else `config.toml` in the platform's user config folder
    (~/.config/tracker on Linux, %APPDATA%\\tracker on Windows)."""
    explicit = env.get(CONFIG_ENV)
    if explicit:
        return Path(explicit).expanduser(), CONFIG_ENV
    return platform_config_folder(env) / CONFIG_FILE, "platform"


def platform_config_folder(env) -> Path:
    """The user's config folder for tracker. On Linux, the XDG rule platformdirs
    follows there ($XDG_CONFIG_HOME when it is an absolute path, else
    ~/.config), said here because importing platformdirs (tempfile, shutil,
    random) cost 6 ms of every command's start; elsewhere platformdirs says."""
    if sys.platform == "linux":
        base = env.get("XDG_CONFIG_HOME", "")
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.config")
        return Path(base) / "tracker"
    import platformdirs

    return platformdirs.user_config_path("tracker", appauthor=False, roaming=True)


def read_config(env) -> UserConfig:
    """The user's config; never raises for what the file holds. A missing file
    is no problem: it simply sets nothing."""
    path, origin = config_path(env)
    name = str(path)
    from tracker.storage.files import CONFIG_LIMIT, read_regular, reason

    try:
        raw_bytes = read_regular(path, limit=CONFIG_LIMIT)
    except FileNotFoundError:
        return UserConfig(path, origin, False)
    except OSError as exc:
        bad = problem(name, None, "unreadable", "cannot_read", "config_fix_or_move",
                      reason=reason(exc))  # fmt: skip
        return UserConfig(path, origin, True, problems=(bad,))
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw_bytes[: exc.start].count(b"\n") + 1
        return UserConfig(
            path,
            origin,
            True,
            problems=(problem(name, line, "encoding", "not_utf8", "save_as_utf8"),),
        )
    values, problems = parse_config(text, name)
    return UserConfig(path, origin, True, values, tuple(problems))


def parse_config(text: str, name: str) -> tuple[dict[str, str], list[Problem]]:
    """The valid settings of a config file's text, and a located problem for
    each thing wrong in it."""
    import tomllib

    from tracker.storage.planfile import _syntax_problem

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _syntax_problem(exc, name)
        lines = text.splitlines()
        if found.line and found.line <= len(lines):
            found = _windows_path_hint(found, lines[found.line - 1])
        return {}, [found]
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for key, value in data.items():
        line = _line_of(text, key)
        if key not in CONFIG_KEYS:
            fix = suggest_or(key, CONFIG_KEYS, "config_keys", keys=", ".join(CONFIG_KEYS))
            problems.append(problem(name, line, "unknown-key", "config_unknown_key", fix, key=key))
            continue
        found = check_value(key, value)
        if isinstance(found, Problem):
            problems.append(Problem(name, line, found.what, found.fix, found.code))
        else:
            values[key] = found
    return values, problems


# What TOML's double quotes made of a Windows path's \t, \n … (D:\temp read as
# D:<tab>emp), back as typed.
_ESCAPED = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def _windows_path_hint(found: Problem, line: str) -> Problem:
    """A syntax error on a line whose double-quoted text holds a backslash is
    a Windows path (data = "D:\\工作\\目标": \\ starts an escape there): the
    hint is the line in single quotes, where \\ is itself."""

    match = re.match(r'\s*([A-Za-z_]+)\s*=\s*"(.*)"\s*(#.*)?$', line)
    if match is None or "\\" not in match.group(2) or "'" in match.group(2):
        return found
    fixed = f"{match.group(1)} = '{match.group(2)}'"
    return found._replace(fix=phrase("config_windows_path_fix", line=fixed))


def _control_in_path(key: str, value: str) -> Problem | None:
    """A path holding a tab or a line break was a Windows path in double quotes
    (\\t, \\n read as escapes): said, with the line as it should be written."""
    if not any(ch in _ESCAPED for ch in value):
        return None
    typed = "".join(_ESCAPED.get(ch, ch) for ch in value)
    fixed = f"{key} = '{typed}'"
    return problem("", None, "invalid", "config_control_in_path", "config_windows_path_fix",
                   key=key, line=fixed)  # fmt: skip


def check_value(key: str, value) -> str | Problem:
    """A setting's value, or the problem with it (located by the caller)."""
    if not isinstance(value, str):
        from tracker.storage.planfile import _type_name
        from tracker.words import phrase

        got = _type_name(value)
        return problem("", None, "type", "wrong_type", "config_quote_fix", key=key,
                       what=phrase("type_text"), got=got)  # fmt: skip
    if not value.strip():
        return problem("", None, "empty", "key_empty", "config_unset_fix", key=key)
    if key == "data" and (hidden := _control_in_path(key, value)) is not None:
        return hidden
    if key == "lang" and value not in LANGS:
        choices = ", ".join(LANGS)
        return problem("", None, "invalid", "unknown_choice", "one_of", key=key, value=value,
                       choices=choices)  # fmt: skip
    return value.strip() if key == "lang" else value


def _key_line(key: str) -> re.Pattern:
    """A TOML line setting `key` (bare or quoted)."""
    return re.compile(rf"^\s*(\"{re.escape(key)}\"|'{re.escape(key)}'|{re.escape(key)})\s*=")


def _line_of(text: str, key: str) -> int | None:
    pattern = _key_line(key)
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return None


# ── writing ──────────────────────────────────────────────────────────────────


def edited(text: str, key: str, value: str | None) -> str:
    """The file's text with `key` set to `value` (None: removed), every other
    line — comments included — left as it was."""
    lines = text.splitlines()
    pattern = _key_line(key)
    kept = [line for line in lines if not pattern.match(line)]
    if value is not None:
        from tracker.storage.scaffold import toml_value

        new = f"{key} = {toml_value(value)}"
        at = next((i for i, line in enumerate(lines) if pattern.match(line)), None)
        if at is None:
            kept.append(new)
        else:  # keep its place in the file
            before = sum(1 for line in lines[:at] if not pattern.match(line))
            kept.insert(before, new)
    return "\n".join(kept) + "\n" if kept else ""


def write_config(path: Path, text: str) -> None:
    """Replace the config file whole (a temporary file beside it, fsynced, then
    renamed), so a reader never sees half of it; its folder is made if needed."""
    from tracker.storage.journal import machine_errors
    from tracker.storage.outfile import write_atomic

    with machine_errors(path.parent):  # a read-only folder, a missing permission …
        path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text)


def change_setting(env, key: str, value: str | None) -> UserConfig:
    """Set `key` to `value` (None: remove it) in the user's config file, keeping
    every other line, and return the file as it now reads. A file that is not
    valid TOML is left alone: rewriting it could lose what the user meant."""
    from tracker.problems import ExitCode, TrackerError

    before = read_config(env)
    syntax = [p for p in before.problems if p.code in ("syntax", "encoding", "unreadable")]
    if syntax:
        raise TrackerError(syntax, ExitCode.BAD_DATA)
    text = before.path.read_text(encoding="utf-8") if before.exists else ""
    new_text = edited(text, key, value)
    _, problems = parse_config(new_text, str(before.path))
    if any(p.code == "syntax" for p in problems):  # never write a file we cannot read back
        raise TrackerError(problems, ExitCode.BAD_DATA)
    if new_text != text or not before.exists:
        write_config(before.path, new_text)
    return read_config(env)
