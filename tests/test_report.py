"""The view contract: one Report type, render kept out of views, words kept in
the catalogue."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from tracker.views.report import Report

TRACKER = Path(__file__).resolve().parent.parent / "tracker"


def test_document_opens_with_schema_and_as_of_and_builds_only_what_is_asked():
    built = []

    def body():
        built.append("body")
        return {"goals": []}

    def tables():
        built.append("tables")
        return ()

    report = Report("tracker.status/1", dt.date(2020, 6, 30), body, tables=tables)
    assert list(report.document()) == ["schema", "as_of", "goals"]
    assert report.document()["as_of"] == "2020-06-30"
    assert built == ["body", "body"]
    with pytest.raises(LookupError):
        report.records()


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((TRACKER / "views").glob("*.py")), ids=lambda p: p.name)
def test_views_import_neither_render_nor_terminal_libraries(path):
    bad = {n for n in _imports(path) if n.split(".")[0] in ("click", "rich", "jinja2")}
    bad |= {n for n in _imports(path) if n.startswith("tracker.render")}
    assert not bad


def test_only_the_catalogue_chooses_words_by_language():
    branch = re.compile(r"lang\s*[!=]=\s*['\"]")
    found = [
        f"{path.relative_to(TRACKER).as_posix()}:{number}"
        for folder in ("views", "render")
        for path in sorted((TRACKER / folder).rglob("*"))
        if path.suffix in (".py", ".j2")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if branch.search(line)
    ]
    # title_of picks a data field (a title from goals.toml), not a word, and
    # chinese() says where numerals and dates follow the language (一、, 2020年6月30日).
    assert [where.split(":")[0] for where in found] == ["views/common.py"] * 2, found
