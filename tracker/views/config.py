"""`tracker config`: where the user's config file is, whether it exists, what it
sets, and which value of each setting is in effect and why."""

from __future__ import annotations

from tracker.problems import Problem
from tracker.views.model import Cell, Column, Table
from tracker.views.report import Report
from tracker.words import say

KEYS = ("lang", "by", "data")


def config_report(
    *,
    path: str,
    origin: str,
    exists: bool,
    settings: dict[str, str | None],
    effective: dict[str, tuple[str | None, str | None]],
    problems: list[Problem],
    changed: tuple[str, str | None] | None,
    lang: str,
) -> Report:
    """`effective` maps each key to (value in effect, where it came from: "flag",
    "env", "config", "locale", "default", "login" or None when nothing sets it)."""

    def body() -> dict:
        return {
            "path": path,
            "origin": origin,
            "exists": exists,
            "settings": {key: settings.get(key) for key in KEYS},
            "effective": {
                key: {"value": effective[key][0], "from": effective[key][1]} for key in KEYS
            },
            "changed": None if changed is None else {"key": changed[0], "value": changed[1]},
            "problems": [p.to_dict(lang) for p in problems],
        }

    def tables() -> tuple[Table, ...]:
        columns = (
            Column("key", say("config.key", lang)),
            Column("file", say("config.in_file", lang), shrink=True),
            Column("value", say("config.in_effect", lang), shrink=True),
            Column("from", say("config.from", lang)),
        )
        rows = []
        for key in KEYS:
            value, source = effective[key]
            rows.append(
                (
                    Cell(key),
                    Cell(settings.get(key) or "—", "" if settings.get(key) else "dim"),
                    Cell(value or "—"),
                    Cell(say(f"config.source.{source or 'unset'}", lang), "dim"),
                )
            )
        head = [say("config.path", lang, path=path)]
        if origin != "platform":
            head.append(say("config.path_from_env", lang))
        head.append(say("config.exists" if exists else "config.missing", lang))
        if changed is not None:
            key, value = changed
            done = say("config.set", lang, key=key, value=value) if value is not None else None
            head.append(done or say("config.unset", lang, key=key))
        footer = tuple(p.text(lang) for p in problems)
        if problems:
            footer += (say("check.problems", lang, count=len(problems)),)
        return (Table(columns, tuple(rows), header_lines=tuple(head), footer_lines=footer),)

    return Report("tracker.config/1", None, body, tables=tables)
