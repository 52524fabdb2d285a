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

from tracker.kinds import kind_of
from tracker.model import Op, Plan
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
            ("attaches", pa.string()),
            ("evidence", pa.list_(_file_type(pa))),
            ("verifies", pa.string()),
            ("verdict", pa.string()),
            ("verifying_office", pa.string()),
            ("verification", pa.string()),
            ("next_step", pa.string()),
            ("next_by", pa.date32()),
        ]
    )


def _file_type(pa):  # an evidence file, as tracker entries gives one
    return pa.struct([("sha256", pa.string()), ("size", pa.int64()), ("name", pa.string())])


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
            ("reported", pa.float64()),
            ("verified", pa.float64()),
            ("awaiting_close", pa.bool_()),
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
    states = _state_table(pa, plan, log.figures(), as_of)
    for name, table in ((ENTRIES, entries), (STATES, states)):
        _write(pa, folder / name / f"district={district}" / PART, table)
    return Exported(district, plan.id, commit, entries.num_rows, states.num_rows, as_of)


def _entry_table(pa, plan: Plan, log):
    """The log's lines as `tracker entries` lists them (retractions marked,
    each report's verification where reports are verified), read goal by goal
    straight from the log cache's columns (model.LineColumns: no object per
    line, each column handed to pyarrow whole), then the lines about lines
    (retractions, verdicts, attachments); each goal's indicator and offices
    looked up once per goal."""
    import pyarrow.compute as pc

    about = log.about_lines()
    retractions = [e for e in about if e.op is Op.RETRACT]
    goals = [g.id for g in plan.goals]
    named = goals + [ref for ref in log.unknown() if ": " not in ref]  # ("goal: item" is an item)
    parts = []
    for goal_id in named:
        for group in log.goal_lines(goal_id):
            parts.append(_line_columns(pa, goal_id, group.columns))
            del group
    parts.append(_about_columns(pa, about))
    table = pa.concat_tables(parts)
    del parts
    retracted = pa.array([e.about for e in retractions], pa.string())
    by_whom = pa.array([e.id for e in retractions], pa.string())
    which = pc.index_in(table["entry_id"], value_set=retracted)
    place = pc.index_in(table["goal"], value_set=pa.array(goals, pa.string()))
    per_goal = {
        "indicator": pa.array([g.indicator for g in plan.goals], pa.string()),
        "office": pa.array([g.owner for g in plan.goals], pa.string()),
        "offices": pa.array([list(g.owners) for g in plan.goals], pa.list_(pa.string())),
    }
    standing = log.verifications() if log.verified_anywhere() else {}
    reports = pc.index_in(table["entry_id"], value_set=pa.array(list(standing), pa.string()))
    columns = {
        **{name: table[name] for name in table.column_names},
        "plan": pa.array([plan.id] * table.num_rows, pa.string()),
        **{name: pc.take(values, place) for name, values in per_goal.items()},
        "retracted": pc.is_valid(which),
        "retracted_by": pc.take(by_whom, which),
        "verification": pc.take(pa.array(list(standing.values()), pa.string()), reports),
    }
    schema = entry_schema(pa)
    return pa.table([columns[name] for name in schema.names], schema=schema).sort_by(
        [("date", "ascending"), ("recorded_at", "ascending"), ("entry_id", "ascending")]
    )


def _line_columns(pa, goal_id: str, columns):
    """One group of a goal's lines as arrow columns."""
    count = len(columns)
    return pa.table(
        {
            "entry_id": pa.array(columns.ids, pa.string()),
            "goal": pa.array([goal_id] * count, pa.string()),
            "date": _dates(pa, columns.days),
            "op": pa.array(columns.ops, pa.string()),
            "value": pa.array(columns.values, pa.float64()),
            "items": pa.array(columns.items, pa.list_(pa.string())),
            "note": pa.array(columns.notes, pa.string()),
            "by": pa.array(columns.bys, pa.string()),
            "recorded_at": _times(pa, columns.recorded_ats),
            "retracts": pa.nulls(count, pa.string()),
            "reason": pa.nulls(count, pa.string()),
            "batch": pa.array(columns.batches, pa.string()),
            "attaches": pa.nulls(count, pa.string()),
            "evidence": pa.array(
                [files and [tuple(f) for f in files] for files in columns.evidence]
                if columns.evidence.count(None) != count
                else pa.nulls(count),
                pa.list_(_file_type(pa)),
            ),
            "verifies": pa.nulls(count, pa.string()),
            "verdict": pa.nulls(count, pa.string()),
            "verifying_office": pa.nulls(count, pa.string()),
            "next_step": pa.nulls(count, pa.string())
            if columns.next_steps.count("") == count
            else pa.array([step or None for step in columns.next_steps], pa.string()),
            "next_by": _dates(pa, columns.next_bys),
        }
    )


def _about_columns(pa, lines):
    """The lines about lines: retractions, verdicts and attachments, each
    naming the line it is about in the column its kind has."""

    def about(op: Op) -> list:
        return [e.about if e.op is op else None for e in lines]

    return pa.table(
        {
            "entry_id": pa.array([e.id for e in lines], pa.string()),
            "goal": pa.array([e.goal or None for e in lines], pa.string()),
            "date": pa.array([e.date for e in lines], pa.date32()),
            "op": pa.array([e.op._value_ for e in lines], pa.string()),
            "value": pa.nulls(len(lines), pa.float64()),
            "items": pa.nulls(len(lines), pa.list_(pa.string())),
            "note": pa.array([e.note for e in lines], pa.string()),
            "by": pa.array([e.by for e in lines], pa.string()),
            "recorded_at": _times(pa, [e.recorded_at for e in lines]),
            "retracts": pa.array(about(Op.RETRACT), pa.string()),
            "reason": pa.array([e.reason for e in lines], pa.string()),
            "batch": pa.array([e.batch for e in lines], pa.string()),
            "attaches": pa.array(about(Op.ATTACH), pa.string()),
            "evidence": pa.array(
                [[tuple(f) for f in e.evidence] or None for e in lines], pa.list_(_file_type(pa))
            ),
            "verifies": pa.array(about(Op.VERDICT), pa.string()),
            "verdict": pa.array([e.verdict or None for e in lines], pa.string()),
            "verifying_office": pa.array([e.office or None for e in lines], pa.string()),
            "next_step": pa.array([e.next_step or None for e in lines], pa.string()),
            "next_by": pa.array([e.next_by for e in lines], pa.date32()),
        }
    )


def _dates(pa, ordinals: list):
    """Dates held as ordinals (None kept) as date32."""
    import pyarrow.compute as pc

    days = pa.array(ordinals, pa.int32())
    return pc.subtract(days, pa.scalar(EPOCH, pa.int32())).cast(pa.date32())


def _times(pa, texts):
    """recorded_at (ISO text in UTC, "…Z") as a UTC timestamp."""
    return pa.array(texts, pa.string()).cast(pa.timestamp("us", tz="UTC"))


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
            rows["target"].append(
                kind_of(goal).full_target(goal) if goal.target is None else goal.target
            )
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
            rows["reported"].append(s.figures.reported if s.figures else None)
            rows["verified"].append(s.figures.verified if s.figures else None)
            rows["awaiting_close"].append(s.awaiting_close)
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
