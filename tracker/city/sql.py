"""A query over an export with DuckDB, the embedded engine for one machine:
`entries` and `states` are views over the export's Parquet files (the
district read from each file's folder name, as Hive partitions are). DuckDB
is an optional extra (`pip install 'tracker[analytics]'`), imported only here."""

from __future__ import annotations

import datetime as dt
import decimal
from pathlib import Path
from typing import NamedTuple

from tracker.city.export import ENTRIES, STATES, need_extra
from tracker.problems import ExitCode, TrackerError, UsageError, problem


class Answer(NamedTuple):
    """A query's result: its column names and rows of plain values."""

    columns: tuple[str, ...]
    rows: list[tuple]


def views_sql(folder: Path) -> list[str]:
    """The statements that name the export's tables, for the tables it has."""
    out = []
    for name in (ENTRIES, STATES):
        files = folder / name
        if any(files.glob("district=*/*.parquet")):
            pattern = (files / "district=*" / "*.parquet").as_posix().replace("'", "''")
            out.append(
                f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{pattern}', "
                "hive_partitioning = true, hive_types = {'district': VARCHAR})"
            )
    return out


def run_query(folder: Path, query: str) -> Answer:
    duckdb = need_extra("duckdb", "sql.no_duckdb")
    views = views_sql(folder)
    if not views:
        raise TrackerError(
            problem(str(folder), None, "no-export", "sql.no_export", "sql.no_export_fix",
                    folder=str(folder)),
            ExitCode.BAD_DATA,
        )  # fmt: skip
    connection = duckdb.connect(":memory:")
    try:
        for statement in views:
            connection.execute(statement)
        try:
            cursor = connection.execute(query)
        except duckdb.Error as exc:
            raise UsageError("sql.failed", "sql.failed_fix", detail=str(exc).strip()) from None
        if cursor.description is None:  # a statement with no result (SET, CREATE …)
            return Answer((), [])
        columns = tuple(d[0] for d in cursor.description)
        rows = [tuple(plain(v) for v in row) for row in cursor.fetchall()]
    finally:
        connection.close()
    return Answer(columns, rows)


def plain(value):
    """A DuckDB value as JSON and tables show it: ISO dates, numbers, text."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None  # no output ever carries NaN or Infinity
    return value
