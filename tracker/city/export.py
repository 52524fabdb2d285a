"""Data out for analysts: a district's log and its goals' weekly states as
Parquet files, partitioned by district the way Hive, Spark, Trino, ClickHouse
and DuckDB all read (`entries/district=ID/part-0.parquet`,
`states/district=ID/part-0.parquet`), and a manifest saying what each
district's files were made from (its plan, commit and date).

The entries are the log's lines exactly as `tracker entries` lists them
(every line, retractions marked); the states are what `tracker status` says
on each Sunday, from the engine. pyarrow is an optional extra
(`pip install 'tracker[analytics]'`), imported only here."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import NamedTuple

from tracker.model import Op, Plan, record_op
from tracker.problems import ExitCode, TrackerError, problem

ENTRIES, STATES = "entries", "states"
PART = "part-0.parquet"
EPOCH = dt.date(1970, 1, 1).toordinal()


class Exported(NamedTuple):
    """One district's export: how many lines and states were written, from what."""

    district: str
    plan: str
    commit: str | None
    entries: int
    states: int
    as_of: dt.date


def need_extra(module: str, missing: str):
    """A module of the analytics extra, or a message (the phrase `missing`)
    saying how to install it (exit 3: the environment)."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise TrackerError(
            problem("tracker", None, "missing-extra", missing, "export.install_extra"),
            ExitCode.BAD_DATA,
        ) from None


def need_pyarrow():
    need_extra("pyarrow.parquet", "export.no_pyarrow")
    return need_extra("pyarrow", "export.no_pyarrow")


def entry_schema(pa):
    return pa.schema(
        [
            ("plan", pa.string()),
            ("entry_id", pa.string()),
            ("goal", pa.string()),
            ("indicator", pa.string()),
            ("office", pa.string()),
            ("offices", pa.list_(pa.string())),
            ("date", pa.date32()),
            ("op", pa.string()),
            ("value", pa.float64()),
            ("items", pa.list_(pa.string())),
            ("note", pa.string()),
            ("by", pa.string()),
            ("recorded_at", pa.timestamp("us", tz="UTC")),
            ("retracts", pa.string()),
            ("reason", pa.string()),
            ("batch", pa.string()),
            ("retracted", pa.bool_()),
            ("retracted_by", pa.string()),
        ]
    )


def state_schema(pa):
    return pa.schema(
        [
            ("plan", pa.string()),
            ("date", pa.date32()),
            ("goal", pa.string()),
            ("indicator", pa.string()),
            ("office", pa.string()),
            ("offices", pa.list_(pa.string())),
            ("kind", pa.string()),
            ("state", pa.string()),
            ("current", pa.float64()),
            ("target", pa.float64()),
            ("unit", pa.string()),
            ("progress", pa.float64()),
            ("expected", pa.float64()),
            ("schedule_days", pa.int32()),
            ("days_left", pa.int32()),
            ("due_soon", pa.bool_()),
            ("stale", pa.bool_()),
            ("forecast_completion_date", pa.date32()),
            ("forecast_days_late", pa.int32()),
        ]
    )


def sundays(plan: Plan, as_of: dt.date) -> list[dt.date]:
    """The week-ending days (Sundays) from the plan's first week to as_of (or
    the plan's end), and as_of itself when it is not a Sunday."""
    last = min(as_of, plan.end)
    day = plan.start + dt.timedelta(days=(6 - plan.start.weekday()))
    days = []
    while day <= last:
        days.append(day)
        day += dt.timedelta(days=7)
    if last >= plan.start and (not days or days[-1] != last):
        days.append(last)
    return days


def export_district(
    folder: Path, district: str, data, plan: Plan, log, *, as_of: dt.date, commit: str | None
) -> Exported:
    """Write one district's entries and weekly states under `folder`, each file
    replaced atomically (an earlier export of the district is overwritten)."""
    pa = need_pyarrow()
    entries = _entry_table(pa, plan, log)
    states = _state_table(pa, plan, log.series(), as_of)
    for name, table in ((ENTRIES, entries), (STATES, states)):
        _write(pa, folder / name / f"district={district}" / PART, table)
    return Exported(district, plan.id, commit, entries.num_rows, states.num_rows, as_of)


def _entry_table(pa, plan: Plan, log):
    marks = {e.retracts: e.id for e in log.retractions() if e.op is Op.RETRACT}
    columns: dict[str, list] = {name: [] for name in entry_schema(pa).names}
    goals = {g.id: g for g in plan.goals}
    for group in log.record_groups(marks=marks):
        goal_ids = [r.get("goal") for r in group]
        held = [goals.get(g) for g in goal_ids]
        columns["entry_id"] += [r["id"] for r in group]
        columns["goal"] += goal_ids
        columns["indicator"] += [g.indicator if g else None for g in held]
        columns["office"] += [g.owner if g else None for g in held]
        columns["offices"] += [list(g.owners) if g else None for g in held]
        columns["date"] += [r.get("date") for r in group]
        columns["op"] += [record_op(r)._value_ for r in group]
        columns["value"] += [r.get("value") for r in group]
        columns["items"] += [r.get("items") for r in group]
        columns["note"] += [r.get("note") for r in group]
        columns["by"] += [r.get("by") for r in group]
        columns["recorded_at"] += [r.get("recorded_at") for r in group]
        columns["retracts"] += [r.get("retracts") for r in group]
        columns["reason"] += [r.get("reason") for r in group]
        columns["batch"] += [r.get("batch") for r in group]
        columns["retracted"] += [r.get("retracted") for r in group]
        columns["retracted_by"] += [r.get("retracted_by") for r in group]
        del group, goal_ids, held
    count = len(columns["entry_id"])
    columns["plan"] = [plan.id] * count
    schema = entry_schema(pa)
    arrays = []
    for field in schema:
        values = columns.pop(field.name)
        if field.name == "date":
            array = pa.array(values, pa.string()).cast(pa.date32())
        elif field.name == "recorded_at":
            array = pa.array(values, pa.string()).cast(field.type)
        elif field.name == "value":
            array = pa.array([None if v is None else float(v) for v in values], pa.float64())
        else:
            array = pa.array(values, field.type)
        del values
        arrays.append(array)
    return pa.Table.from_arrays(arrays, schema=schema)


def _state_table(pa, plan: Plan, series, as_of: dt.date):
    from tracker.engine.status import statuses_from_series

    rows: dict[str, list] = {name: [] for name in state_schema(pa).names}
    for day in sundays(plan, as_of):
        for s in statuses_from_series(plan, series, as_of=day):
            goal, forecast = s.goal, s.forecast
            rows["plan"].append(plan.id)
            rows["date"].append(day.toordinal() - EPOCH)
            rows["goal"].append(goal.id)
            rows["indicator"].append(goal.indicator)
            rows["office"].append(goal.owner)
            rows["offices"].append(list(goal.owners))
            rows["kind"].append(goal.kind.value)
            rows["state"].append(s.state.value)
            rows["current"].append(s.current)
            rows["target"].append(goal.full_target if goal.target is None else goal.target)
            rows["unit"].append(goal.unit)
            rows["progress"].append(round(s.progress, 6))
            rows["expected"].append(round(s.expected, 6))
            rows["schedule_days"].append(s.schedule_days)
            rows["days_left"].append(s.days_left)
            rows["due_soon"].append(s.due_soon)
            rows["stale"].append(s.stale)
            rows["forecast_completion_date"].append(
                forecast.completion_date.toordinal() - EPOCH if forecast else None
            )
            rows["forecast_days_late"].append(forecast.days_late if forecast else None)
    schema = state_schema(pa)
    arrays = []
    for field in schema:
        if pa.types.is_date32(field.type):
            arrays.append(pa.array(rows[field.name], pa.int32()).cast(pa.date32()))
        else:
            arrays.append(pa.array(rows[field.name], field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _write(pa, path: Path, table) -> None:
    """A Parquet file written beside its place and renamed over it: a reader
    (a query running meanwhile) sees the old file or the new, never half."""
    import pyarrow.parquet as pq

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".part-", suffix=".tmp", dir=path.parent)
        os.close(handle)
        try:
            pq.write_table(table, temp, compression="zstd")
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise TrackerError(
            problem(str(path), None, "io", "export.cannot_write", "export.cannot_write_fix",
                    reason=exc.strerror or exc),
            ExitCode.BAD_DATA,
        ) from None  # fmt: skip


def export_city(root: Path, city, folder: Path, *, as_of: dt.date):
    """Every district of the city exported under `folder`: (what was written,
    the districts left out, each with the problem that kept it out)."""
    from tracker.city.districts import District, district_files, unique

    need_pyarrow()
    written, left_out = [], []
    for spec, twice in unique(city):
        files = District(spec, None, problems=(twice,)) if twice else None
        files = files or district_files(root, city, spec)
        if isinstance(files, District):
            left_out.append(files)
            continue
        written.append(
            export_district(
                folder, spec.id, files.data, files.plan, files.log, as_of=as_of, commit=files.commit
            )  # fmt: skip
        )
    return written, left_out
