"""Every user-facing word is in the catalogue, in Chinese and in English: each
phrase has both, real Chinese, the same placeholders; and no command, view or
renderer prints words of its own."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from tests.conftest import REPO
from tracker.words import catalogue

TRACKER = REPO / "tracker"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LETTERS = re.compile(r"[A-Za-z]{2,}")

# Phrases that are the same in both languages on purpose: option names, TOML
# syntax and codes a user types or reads as they are.
# A phrase that is a value of each language's own (a goal's Chinese or English
# title), so its placeholders differ by design.
OWN_VALUE_PER_LANGUAGE = {"either_language"}
SAME_IN_BOTH = {
    "type_bool",  # true/false, as TOML spells them
    "trajectory_example",  # a line of TOML
    "op_value",  # VALUE, --total …: the command line's own names
    "op_total",
    "op_done",
    "op_items",
    "op_checkin",
    "html.lang",  # zh-CN / en: a language code, not a word
    "evidence.size_kb",  # KB, MB: units written the same in Chinese
    "evidence.size_mb",
}


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def words_outside_placeholders(text: str) -> str:
    return "".join(literal for literal, *_ in string.Formatter().parse(text))


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_phrase_has_both_languages_and_real_chinese(key):
    zh, en = catalogue()[key]
    assert zh.strip() and en.strip(), f"{key}: a language is missing"
    if key in OWN_VALUE_PER_LANGUAGE:
        assert (zh, en) == ("{zh}", "{en}"), key
        return
    assert placeholders(zh) == placeholders(en), f"{key}: placeholders differ"
    if key in SAME_IN_BOTH:
        return
    if LETTERS.search(words_outside_placeholders(en)):
        assert CJK.search(zh), f"{key}: the Chinese is not Chinese: {zh!r}"
        assert zh != en, f"{key}: not translated"


def test_the_same_in_both_list_names_real_phrases():
    assert SAME_IN_BOTH <= set(catalogue())


def test_the_catalogue_check_can_fail():
    """The rules above, on phrases that break them."""
    bad = {
        "a": ("logged {id}", "logged {id}"),
        "b": ("已记录 {id}", "logged {entry}"),
        "c": ("", "x"),
    }
    failures = []
    for key, (zh, en) in bad.items():
        if not zh.strip() or placeholders(zh) != placeholders(en):
            failures.append(key)
        elif LETTERS.search(words_outside_placeholders(en)) and not CJK.search(zh):
            failures.append(key)
    assert failures == ["a", "b", "c"]


# ── no words outside the catalogue ───────────────────────────────────────────

SCANNED = ("cli", "views", "render")
# Where text reaches the user as it is: these arguments (by position) of these
# calls, and these keywords of any call. Others are keys and style names.
SHOWN_ARGS = {
    "echo": (0,),
    "secho": (0,),
    "print": (0,),
    "write_text": (0,),
    "Column": (1,),
    "Cell": (0,),
    "Section": (0,),
    "Chart": (),
}
SHOWN_KEYWORDS = {"title", "empty_text", "header_lines", "footer_lines", "legend", "message"}
COMMANDS = {"command", "group", "cli_command"}
# Calls whose first string argument is a catalogue key.
KEYED = {"say", "words", "phrase", "UsageError"}


def literal_words(node: ast.AST) -> list[str]:
    """The letter-bearing text a literal (an f-string's literal parts, a tuple's
    items) holds."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if LETTERS.search(node.value) else []
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
        return [p for p in parts if LETTERS.search(p)]
    if isinstance(node, (ast.Tuple, ast.List)):
        return [text for item in node.elts for text in literal_words(item)]
    return []


def call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def stray_words(source: str, name: str) -> list[str]:
    """User-facing literals that bypass the catalogue: text given to something
    that prints it, an option's or command's help that is not a key, and keys
    the catalogue does not have."""
    known = catalogue()
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef):  # click would show the docstring as help
            for deco in node.decorator_list:
                if isinstance(deco, ast.Call) and call_name(deco) in COMMANDS:
                    if not any(k.arg == "help" for k in deco.keywords):
                        found.append(f"{name}:{node.lineno}: {node.name} has no help key")
        if not isinstance(node, ast.Call):
            continue
        called = call_name(node)
        shown = [node.args[i] for i in SHOWN_ARGS.get(called, ()) if i < len(node.args)]
        shown += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        for arg in shown:
            for text in literal_words(arg):
                found.append(f"{name}:{node.lineno}: {called}({text!r})")
        for keyword in node.keywords:
            if keyword.arg in ("help", "short_help", "epilog"):
                value = keyword.value
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    if value.value not in known:
                        found.append(f"{name}:{node.lineno}: help={value.value!r} is not a key")
                elif not isinstance(value, ast.Name):  # a decorator passing its own key on
                    found.append(f"{name}:{node.lineno}: help= is not a catalogue key")
        if called in KEYED and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if first.value not in known:
                    found.append(f"{name}:{node.lineno}: {called}({first.value!r}): no such key")
    return found


def scanned_files() -> list[Path]:
    return [p for folder in SCANNED for p in sorted((TRACKER / folder).rglob("*.py"))]


@pytest.mark.parametrize("path", scanned_files(), ids=lambda p: str(p.relative_to(TRACKER)))
def test_no_user_facing_literal_outside_the_catalogue(path):
    source = path.read_text(encoding="utf-8")
    assert stray_words(source, path.name) == []


def test_the_literal_scan_can_fail():
    source = """
import click
click.echo("Logged it")
click.option("--x", help="Say it in English.")
say("no.such.key", lang)
Column("id", f"owner of {x}")
Cell("(retracted)")
Cell("done", "dim")
Table(columns, rows, empty_text="(nothing to show)")
Cell(say("change.done", lang), "dim")

@click.command("x")
def x():
    "Do x."
"""
    found = stray_words(source, "x.py")
    assert len(found) == 8, found


def test_every_command_group_key_is_in_the_catalogue():
    from tracker.cli import COMMANDS

    assert {key for _, key in COMMANDS.values()} <= set(catalogue())


def test_catalogue_keys_named_by_pattern_exist():
    """Keys built at run time (states, conditions, kinds, update rhythms)."""
    from tracker.model import Condition, Kind, State, UpdateEvery

    for prefix, enum in (
        ("state", State),
        ("condition", Condition),
        ("kind", Kind),
        ("update", UpdateEvery),
    ):
        for member in enum:
            assert f"{prefix}.{member.value}" in catalogue()
