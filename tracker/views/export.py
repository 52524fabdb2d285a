"""`tracker export` and `tracker sql` as Reports: what an export wrote (and
its manifest, `export.json`), and a query's answer as a table, CSV or JSON."""

from __future__ import annotations

import datetime as dt

from tracker.views.model import Cell, Column, Table
from tracker.views.report import Report
from tracker.words import say

EXPORT_SCHEMA = "tracker.export/2"  # 2: verdicts, evidence, next steps, both figures


def export_report(folder: str, written, left_out, *, as_of: dt.date, lang: str) -> Report:
    """`written`: one record per district exported (city.export.Exported);
    `left_out`: the districts left out, with their problems."""

    def body() -> dict:
        return {
            "folder": folder,
            "format": "parquet",
            "tables": {
                "entries": "entries/district=*/part-0.parquet",
                "states": "states/district=*/part-0.parquet",
            },  # fmt: skip
            "districts": [
                {
                    "district": w.district,
                    "plan": w.plan,
                    "commit": w.commit,
                    "entries": w.entries,
                    "states": w.states,
                    "as_of": w.as_of.isoformat(),
                }
                for w in written
            ],  # fmt: skip
            "left_out": [
                {"district": d.spec.id, "problems": [p.to_dict(lang) for p in d.problems]}
                for d in left_out
            ],
        }

    def lines() -> tuple[str, ...]:
        out = [
            say(
                "export.wrote",
                lang,
                district=w.district,
                entries=f"{w.entries:,}",
                states=f"{w.states:,}",
            )  # fmt: skip
            for w in written
        ]
        out += [say("export.left_out", lang, district=d.spec.id) for d in left_out]
        out.append(say("export.where", lang, folder=folder))
        return tuple(out)

    return Report(EXPORT_SCHEMA, as_of, body, text=lines)


def sql_report(folder: str, answer, *, lang: str) -> Report:
    """A query's answer: its columns and rows as DuckDB gave them (values made
    plain: ISO dates, numbers, text)."""

    def body() -> dict:
        return {
            "export": folder,
            "columns": list(answer.columns),
            "rows": [dict(zip(answer.columns, row)) for row in answer.rows],
        }

    def records() -> list[dict]:
        return body()["rows"]

    def tables() -> tuple[Table, ...]:
        # Column names are the query's own (user text), shown as typed.
        columns = tuple(
            Column(f"c{i}", name, align="right" if _numeric(answer, i) else "left")
            for i, name in enumerate(answer.columns)
        )
        rows = tuple(tuple(Cell(_text(v)) for v in row) for row in answer.rows)
        footer = (say("sql.rows", lang, count=len(answer.rows)),)
        return (Table(columns, rows, footer_lines=footer, empty_text=say("sql.no_rows", lang)),)

    return Report(
        "tracker.sql/1", None, body, tables=tables, rows=records, fieldnames=tuple(answer.columns)
    )


def _numeric(answer, index: int) -> bool:
    values = [row[index] for row in answer.rows if row[index] is not None]
    return bool(values) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in values
    )


def _text(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, list | dict):
        import json

        return json.dumps(value, ensure_ascii=False)
    return str(value)
