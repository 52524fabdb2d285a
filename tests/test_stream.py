"""A whole log listed a group of files at a time (issue 15): the streamed output
of `tracker entries` is byte for byte what a whole-log read gives, in every
format, on a log with everything that can make ordering or encoding go wrong;
`--output` stays atomic; `show` keeps its table to the latest entries."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Run
from tests.wholelog import GOALS, WholeLog, bundled_plan_folder, log_files, write_lines
from tracker.jsontext import dumps, items_text, lines_text
from tracker.loader import load_plan
from tracker.model import (
    ABOUT_OPS,
    Entry,
    Evidence,
    IsoDays,
    Op,
    Source,
    Verdict,
    entry_to_record,
    mark_record,
)
from tracker.render.out import render, render_pieces
from tracker.storage.datadir import named_data_dir
from tracker.storage.journal import read_log
from tracker.storage.logcache.layout import compact
from tracker.storage.logcache.layout import compact_record as _line_record
from tracker.views.entries import entries_report
from tracker.views.model import Chunks

AS_OF = "2020-12-31"
TRICKY = 'a\x1b[31mred\x7f\x85\u2028\u2029\u202e\u200f 注\t"q"\\'


def line(**fields) -> str:
    record = {"by": "张三", "note": "", "recorded_at": "2020-06-01T08:00:00Z", **fields}
    return json.dumps(record, ensure_ascii=False)


def write(path: Path, *lines: str) -> None:
    path.write_text("".join(f"{text}\n" for text in lines), encoding="utf-8")


@pytest.fixture
def messy(data) -> Path:
    """Month files, one holding other months' lines too (edited by hand,
    overlapping the others' ranges), one of undated retractions only, batches committed and cut
    off, repeated ids (tied on date, time and id, in different files), notes
    with control characters and bidi marks, huge and tiny numbers."""
    progress = data / "progress"
    write(
        progress / "2020-03.jsonl",
        line(id="a1", goal="jobs.training", date="2020-03-02", value=120, note=TRICKY),
        line(id="a2", goal="jobs.training", date="2020-03-01", value=1e30, note="大"),
        line(id="a3", goal="finance.general-spending-cut", date="2020-03-05", value=8.5),
        line(id="a4", goal="finance.general-spending-cut", date="2020-03-06", value=1e-07),
        line(id="a5", goal="finance.general-spending-cut", date="2020-03-07", value=0.00001),
        line(id="dup", goal="jobs.training", date="2020-03-09", value=1, note="first"),
        line(id="a6", goal="newtown.road-network", date="2020-03-10", done=True),
        line(id="a7", goal="industry.projects-started", date="2020-03-11", items=["智能涂装"]),
        line(id="a8", goal="jobs.training", date="2020-03-12", value=3000, total=True),
        line(id="a9", goal="jobs.training", date="2020-03-13", note="只说明 \u202e"),
        line(id="r1", goal="jobs.training", date="2020-03-20", retracts="a1", reason="错\x9b"),
    )
    write(
        progress / "2020-05.jsonl",
        line(id="b1", goal="jobs.training", date="2020-05-02", value=2**70, batch="B1"),
        line(id="b2", goal="jobs.placement", date="2020-05-03", value=12.25, batch="B1"),
        line(id="c1", goal="jobs.training", date="2020-05-04", value=7, batch="CUT"),
        json.dumps({"commit": "B1", "entries": 2}),
        line(id="b3", goal="jobs.training", date="2020-05-31", value=5),
    )
    write(
        progress / "2020-04.jsonl",  # lines of March to May: edited by hand
        line(id="dup", goal="jobs.training", date="2020-03-09", value=2, note="second"),
        line(id="i1", goal="jobs.training", date="2020-04-15", value=4, note="=cmd"),
        line(id="i2", goal="jobs.training", date="2020-05-02", value=6, note="-5"),
        line(id="i3", goal="jobs.training", date="2020-03-01", value=9),
        line(id="i4", goal="jobs.training", date="2020-05-10", value=1, batch="CUT"),
    )
    write(
        progress / "2020-08.jsonl",
        line(id="d1", goal="jobs.training", date="2020-08-01", value=10),
        line(id="d1", goal="jobs.training", date="2020-08-01", value=10),  # a union merge
        line(id="d2", goal="jobs.training", date="2020-08-02", value=11),
    )
    write(
        progress / "2020-09.jsonl",  # undated retractions only
        line(id="u1", retracts="a2", reason="undated", recorded_at="2020-09-01T00:00:00Z"),
        line(id="u2", goal="jobs.training", retracts="d2", reason="再\u2028"),
        line(id="u3", retracts="c1", reason="cut", batch="CUT"),
    )
    return data


def whole_log_records(data: Path, **filters) -> tuple[list[dict], list[Entry]]:
    """The entries as a whole-log read (not the state) and the old sort give them."""
    entries, _ = read_log(data / "progress")
    goal, since, until = (filters.get(k) for k in ("goal", "since", "until"))
    kept = [
        e
        for e in entries
        if (goal is None or e.goal == goal)
        and (since is None or (e.date is not None and e.date >= since))
        and (until is None or (e.date is not None and e.date <= until))
    ]
    kept.sort(key=lambda e: (e.date or dt.date.min, e.recorded_at, e.id))
    retractions = [e for e in entries if e.op is Op.RETRACT]
    return [entry_to_record(e) for e in kept], retractions


def expected_report(data: Path, lang: str = "zh", **filters):
    records, retractions = whole_log_records(data, **filters)
    plan, _ = load_plan(named_data_dir(str(data), "--data"))
    shown = {"goal": filters.get("goal")}
    for key in ("since", "until"):
        shown[key] = filters[key].isoformat() if filters.get(key) else None
    return entries_report(
        plan,
        retractions,
        # One group: the whole log sorted at once.
        lambda marks: [
            [dict(r) if marks is None else mark_record(dict(r), marks) for r in records]
        ],
        as_of=dt.date.fromisoformat(AS_OF),
        filters=shown,
        lang=lang,
    )


def test_the_messy_log_has_what_it_should(messy, run):
    """The fixture really has several groups (and the hand-edited file joins
    March and May into one), undated lines, cut-off lines left out."""
    got = run.json("entries", "--as-of", AS_OF)["entries"]
    ids = [e["id"] for e in got]
    assert ids[:2] == ["u2", "u1"]  # undated first, by time recorded
    assert "c1" not in ids and "i4" not in ids and "u3" not in ids  # a cut-off batch
    assert ids.count("dup") == 2 and ids.count("d1") == 2
    dups = [e["note"] for e in got if e["id"] == "dup"]
    assert dups == ["first", "second"]  # tied: file order, as a whole-log sort has it
    assert {e["id"]: e["retracted_by"] for e in got}["a1"] == "r1"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_every_format_is_byte_identical_to_a_whole_log_read(messy, run, fmt):
    out = run("entries", "--as-of", AS_OF, "--format", fmt, code=0).stdout_bytes
    expected = render(expected_report(messy), fmt)
    assert out == expected.encode("utf-8")


def test_json_and_jsonl_match_the_old_document_exactly(messy, run):
    """Independently of the view: the document the old code built, dumped whole."""
    records, retractions = whole_log_records(messy)
    by = {e.about: e.id for e in retractions}
    marked = [dict(r, retracted=r["id"] in by, retracted_by=by.get(r["id"])) for r in records]
    filters = {"goal": None, "since": None, "until": None}
    document = {"schema": "tracker.entries/1", "as_of": AS_OF, "filters": filters}
    document["entries"] = marked
    got = run("entries", "--as-of", AS_OF, "--format", "json", code=0).stdout_bytes
    assert got == (dumps(document) + "\n").encode("utf-8")
    for raw in (b"\x1b", b"\x7f", b"\xc2\x85", b"\xc2\x9b", "\u2028".encode(), b"\t"):
        assert raw not in got  # no raw control characters in JSON
    assert b"1e-07" in got and b"1e-05" in got and b"1e+30" in got  # the stdlib's floats
    jsonl = run("entries", "--as-of", AS_OF, "--format", "jsonl", code=0).stdout_bytes
    assert jsonl == "".join(dumps(r) + "\n" for r in records).encode("utf-8")


@pytest.mark.parametrize("tiny", [1e-07, 0.00001, -2.5e-05])
def test_a_tiny_value_appended_later_is_written_as_the_stdlib_writes_it(data, run, tiny):
    """A log of plain numbers is written without searching its text for floats
    orjson writes otherwise; a value below 1e-4 appended to a file the state
    already holds turns that search back on (only such floats differ), and it
    stays on as more lines are appended."""
    month = data / "progress" / "2020-03.jsonl"
    write(month, line(id="p1", goal="finance.general-spending-cut", date="2020-03-01", value=8.5))
    first = run("entries", "--as-of", AS_OF, "--format", "json", code=0).stdout
    assert json.loads(first)["entries"][0]["value"] == 8.5
    values = [8.5]
    for number, value in enumerate([tiny, 9.25], start=2):
        with month.open("a", encoding="utf-8") as handle:
            handle.write(line(id=f"p{number}", goal="finance.general-spending-cut",
                              date=f"2020-03-0{number}", value=value) + "\n")  # fmt: skip
        values.append(value)
        got = run("entries", "--as-of", AS_OF, "--format", "json", code=0).stdout
        document = json.loads(got)
        assert [e["value"] for e in document["entries"]] == values
        assert got == dumps(document) + "\n"  # the stdlib's text: 1e-07, not 1e-7
        assert json.dumps(tiny) in got


def test_pretty_json_on_a_terminal_is_the_same_document(messy):
    """What a terminal gets (indented) is valid and the same document."""
    report = expected_report(messy)
    pretty = render(report, "json", indent=2)
    compact = render(report, "json")
    assert json.loads(pretty) == json.loads(compact)
    document = json.loads(compact)
    assert pretty == dumps(document, indent=2) + "\n"


def test_filtered_listing_matches_a_whole_log_read(messy, run):
    args = ["--goal", "jobs.training", "--since", "2020-03-05", "--until", "2020-05-31"]
    for fmt in ("json", "csv", "table"):
        got = run("entries", *args, "--as-of", AS_OF, "--format", fmt, code=0).stdout_bytes
        expected = expected_report(
            messy,
            goal="jobs.training",
            since=dt.date(2020, 3, 5),
            until=dt.date(2020, 5, 31),
        )
        assert got == render(expected, fmt).encode("utf-8")


def test_xlsx_has_the_same_rows(messy, run, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "out.xlsx"
    run("entries", "--as-of", AS_OF, "--format", "xlsx", "--output", str(target), code=0)
    expected = tmp_path / "expected.xlsx"
    expected.write_bytes(render(expected_report(messy), "xlsx"))
    rows = [list(r) for r in load_workbook(target).active.iter_rows(values_only=True)]
    want = [list(r) for r in load_workbook(expected).active.iter_rows(values_only=True)]
    assert rows == want and len(rows) > 20


def test_output_is_atomic_and_takes_the_umask(messy, run, tmp_path):
    modes = os.name == "posix"  # Windows has no mode bits beside read-only
    out = tmp_path / "log.json"
    old = os.umask(0o027)
    try:
        run("entries", "--as-of", AS_OF, "--format", "json", "-o", str(out), code=0)
    finally:
        os.umask(old)
    piped = run("entries", "--as-of", AS_OF, "--format", "json", code=0).stdout_bytes
    assert out.read_bytes() == piped
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 or not modes
    os.chmod(out, 0o600)  # an existing file keeps its mode
    csv_out = tmp_path / "log.csv"
    run("entries", "--as-of", AS_OF, "--format", "csv", "-o", str(csv_out), code=0)
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbfid,")  # a BOM for people's Excel
    run("entries", "--as-of", AS_OF, "--format", "jsonl", "-o", str(out), code=0)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 or not modes
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    missing = tmp_path / "no-such-folder" / "x.json"
    result = run("entries", "--format", "json", "-o", str(missing))
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert not missing.parent.exists()


def test_a_stream_that_fails_midway_leaves_no_file(tmp_path):
    from tracker.storage.outfile import write_atomic

    target = tmp_path / "keep.json"
    target.write_text("old", encoding="utf-8")

    def pieces():
        yield "new "
        raise KeyboardInterrupt  # Ctrl-C in the middle of a long listing

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, pieces())
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.json"]


# ── one record shape, and the JSON writer ────────────────────────────────────

texts = st.text(st.characters(codec="utf-8"), max_size=12)
values = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-(2**80), 2**80).map(float),
    st.sampled_from([1e-05, 1e-07, 0.1, 12.25, 2.0**53, 1e16]),
)


FILE = st.builds(Evidence, st.just("ab" * 32), st.integers(0, 10**9), texts.filter(bool))
EVIDENCE = st.lists(FILE, max_size=2).map(tuple)
SOME_EVIDENCE = st.lists(FILE, min_size=1, max_size=2).map(tuple)


@st.composite
def entries(draw):
    op = draw(st.sampled_from(list(Op)))
    about = op in ABOUT_OPS
    day = None if about and draw(st.booleans()) else dt.date(2020, 3, 4)
    return Entry(
        draw(texts.filter(bool)),
        draw(st.sampled_from(["", "jobs.training"])) if about else "jobs.training",
        day,
        op,
        draw(texts),
        value=draw(values) if op in (Op.VALUE, Op.TOTAL) else None,
        items=tuple(draw(st.lists(texts.filter(bool), min_size=1, max_size=3)))
        if op is Op.ITEMS
        else (),
        note=draw(texts),
        by=draw(texts),
        about=draw(texts.filter(bool)) if about else None,
        reason=draw(texts) if op in (Op.RETRACT, Op.VERDICT) else "",
        batch=draw(st.none() | texts.filter(bool)),
        verdict=draw(st.sampled_from([v.value for v in Verdict])) if op is Op.VERDICT else "",
        office=draw(texts) if op is Op.VERDICT else "",
        evidence=draw(SOME_EVIDENCE if op is Op.ATTACH else EVIDENCE),
        origin=Source("f", 1),
    )


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(entries())
def test_a_compact_entry_makes_the_same_record_as_its_entry(entry):
    """The state's records (from compact lists, through JSON as stored) are
    entry_to_record's, for every kind of entry."""
    stored = json.loads(json.dumps(compact(entry) + [entry.goal]))
    assert _line_record(stored, entry.goal, IsoDays()) == entry_to_record(entry)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entries(), min_size=1, max_size=6), st.integers(1, 3))
def test_json_written_in_pieces_is_the_stdlib_text(batch, cut):
    records = [entry_to_record(e) for e in batch]
    for indent in (None, 2):
        whole = dumps(records, indent=indent)
        inner = whole[1:-2] if indent else whole[1:-1]
        got = items_text(records, indent=indent, depth=1)
        assert (got.decode("utf-8") if isinstance(got, bytes) else got) == inner
    got = lines_text(records)
    assert (got.decode() if isinstance(got, bytes) else got) == "".join(
        dumps(r) + "\n" for r in records
    )
    document = {"schema": "s", "as_of": None, "filters": {"goal": "x"}}
    pieces = [records[i : i + cut] for i in range(0, len(records), cut)] + [[]]
    from tracker.views.report import Report

    report = Report(
        "s",
        None,
        lambda: {"filters": {"goal": "x"}, "entries": Chunks(lambda: [list(p) for p in pieces])},
    )
    for indent in (None, 2):
        joined = b"".join(
            p if isinstance(p, bytes) else p.encode("utf-8")
            for p in render_pieces(report, "json", indent=indent)
        )
        assert (
            joined.decode("utf-8") == dumps({**document, "entries": records}, indent=indent) + "\n"
        )


@pytest.mark.parametrize("odd", [1e-07, 1.5e-05, -2e-09, 0.00003])
@pytest.mark.parametrize("where", [0, 700, 1399])
def test_a_long_chunk_with_a_float_orjson_writes_otherwise_is_the_stdlib_text(odd, where):
    """A long chunk (searched for where a float could differ, not scanned
    byte by byte) still comes out as the stdlib writes it."""
    records = [{"id": f"{i:016x}", "date": "2020-03-01", "value": i} for i in range(1400)]
    records[where] = dict(records[where], value=odd)
    got = items_text(records)
    assert len(got) > 65536
    assert (got.decode("utf-8") if isinstance(got, bytes) else got) == dumps(records)[1:-1]


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entries(), max_size=6), st.integers(1, 3), st.integers(0, 2))
def test_a_long_list_anywhere_in_a_document_is_written_in_pieces(batch, cut, place):
    """`show` streams its history, which is not the document's last key: the
    text is the whole document's wherever the long list stands, empty or not."""
    from tracker.views.report import Report

    records = [entry_to_record(e) for e in batch]
    pieces = [records[i : i + cut] for i in range(0, len(records), cut)] + [[]]
    keys = [("goal", {"id": "x", "注": [1, 2.5]}), ("chart", [{"d": None}]), ("text", "注")]
    body = dict(keys[:place] + [("history", None)] + keys[place:])
    streamed = dict(body, history=Chunks(lambda: [list(p) for p in pieces]))
    report = Report("s", dt.date(2020, 1, 1), lambda: streamed)
    document = {"schema": "s", "as_of": "2020-01-01", **dict(body, history=records)}
    for indent in (None, 2):
        joined = b"".join(
            p if isinstance(p, bytes) else p.encode("utf-8")
            for p in render_pieces(report, "json", indent=indent)
        )
        assert joined.decode("utf-8") == dumps(document, indent=indent) + "\n"


# ── show: the latest entries in the table, every one in JSON ─────────────────


def test_show_lists_the_latest_entries_and_says_how_to_see_the_rest(run, data):
    write(
        data / "progress" / "2020-03.jsonl",
        *(
            line(id=f"e{i:02d}", goal="jobs.training", date=f"2020-03-{i + 1:02d}", value=i)
            for i in range(25)
        ),
    )
    zh = run("show", "jobs.training", "--as-of", AS_OF, code=0).stdout
    assert (
        "下表只列最近 20 条；更早的还有 5 条，全部列出：tracker entries --goal jobs.training" in zh
    )
    assert "2020-03-05" not in zh and "2020-03-06" in zh and "2020-03-25" in zh
    en = run("show", "jobs.training", "--as-of", AS_OF, "--lang", "en", code=0).stdout
    assert "5 earlier ones are not shown. List them all: tracker entries --goal jobs.training" in en
    assert "300" in en  # the running value after the last entry: 0 + 1 + … + 24
    history = run.json("show", "jobs.training", "--as-of", AS_OF)["history"]
    assert len(history) == 25 and history[-1]["value"] == 300


@pytest.mark.parametrize("tiny", [1e-07, 0.00001, -2.5e-05])
def test_show_json_is_the_stdlib_text_with_whole_counts_and_tiny_readings(run, data, tiny):
    """A count's whole increments are written without searching their text for
    floats (they hold none); a level's tiny readings, in the same document,
    still come out as the stdlib writes them."""
    write(
        data / "progress" / "2020-03.jsonl",
        *(line(id=f"c{i}", goal="jobs.training", date="2020-03-02", value=2) for i in range(3)),
        *(
            line(
                id=f"r{i}",
                goal="finance.general-spending-cut",
                date=f"2020-03-0{i + 1}",
                value=value,
            )
            for i, value in enumerate([8.5, tiny, 12.25])
        ),  # fmt: skip
    )
    for goal, values in (("jobs.training", [2, 4, 6]), ("finance.general-spending-cut", None)):
        got = run("show", goal, "--as-of", AS_OF, "--format", "json", code=0).stdout
        document = json.loads(got)
        assert got == dumps(document) + "\n"
        if values:
            assert [row["value"] for row in document["history"]] == values
        else:
            assert json.dumps(tiny) in got and [r["value"] for r in document["history"]] == [
                8.5, tiny, 12.25,
            ]  # fmt: skip


def test_show_with_few_entries_has_no_such_line(run, data):
    write(
        data / "progress" / "2020-03.jsonl",
        *(line(id=f"e{i}", goal="jobs.training", date="2020-03-02", value=1) for i in range(20)),
    )
    out = run("show", "jobs.training", "--as-of", AS_OF, "--lang", "en", code=0).stdout
    assert "earlier" not in out and out.count("2020-03-02") == 20


def test_the_latest_rows_run_on_from_the_maintained_series(run, data):
    """The table's latest rows are computed from the day they begin, standing on
    the goal's series the day before: the same running values as the whole
    history in JSON, across files, several entries a day, a stated total, a
    retraction, a repeated id, a check-in and an entry that does not fit."""
    p = data / "progress"

    def on(i: int) -> str:  # entries 0–59 over 40 days, some days holding two
        n = i * 2 // 3
        return f"2020-0{3 + n // 20}-{1 + n % 20:02d}"

    rows = [line(id=f"t{i:02d}", goal="jobs.training", date=on(i), value=i + 1, note=f"n{i:02d}",
                 recorded_at=f"{on(i)}T08:{i:02d}:00Z") for i in range(60)]  # fmt: skip
    rows[50] = line(id="t50", goal="jobs.training", date=on(50), value=2000, total=True,
                    note="n50", recorded_at=f"{on(50)}T08:50:00Z")  # fmt: skip
    rows[52] = line(id="t52", goal="jobs.training", date=on(52), done=True, note="n52",
                    recorded_at=f"{on(52)}T08:52:00Z")  # does not fit a count  # fmt: skip
    rows[53] = line(id="t53", goal="jobs.training", date=on(53), note="n53",
                    recorded_at=f"{on(53)}T08:53:00Z")  # a check-in  # fmt: skip
    rows[55] = line(id="t03", goal="jobs.training", date=on(55), value=7, note="n55",
                    recorded_at=f"{on(55)}T08:55:00Z")  # an id the log already has  # fmt: skip
    retractions = [  # one among the latest rows, one before them
        line(id=rid, goal="jobs.training", date="2020-04-30", retracts=target, reason="x")
        for rid, target in (("r1", "t46"), ("r2", "t02"))
    ]
    write(p / "2020-03.jsonl", *rows[:30])
    write(p / "2020-04.jsonl", *rows[30:], *retractions)
    history = run.json("show", "jobs.training", "--as-of", AS_OF)["history"]
    status = run.json("status", "--as-of", AS_OF)
    current = next(g for g in status["goals"] if g["id"] == "jobs.training")["current"]
    assert [r["value"] for r in history if r["value"] is not None][-1] == current
    table = run("show", "jobs.training", "--as-of", AS_OF, "--lang", "en", code=0).stdout
    assert "40 earlier ones are not shown" in table
    shown = history[-20:]
    for row in shown:
        found = [t for t in table.splitlines() if f" {row['note']} " in f" {t} "]
        assert len(found) == 1, row
        value = "" if row["value"] is None else f"{row['value']:,}"
        assert value in found[0].split(row["note"])[0], (row, found[0])
    assert "n39" not in table and "n40" in table


# ── a long table written as it is made ───────────────────────────────────────

TEXTS = st.text(alphabet=st.sampled_from("ab 1,注意区财政局\x1b\u202e-"), max_size=14)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(st.lists(TEXTS, min_size=4, max_size=4), max_size=12),
    cut=st.integers(1, 5),
    width=st.one_of(st.none(), st.integers(8, 60)),
    header=st.lists(TEXTS, max_size=2),
)
def test_a_long_table_in_pieces_is_the_whole_tables_text(rows, cut, width, header):
    """plain_pieces over rows given a piece at a time (a whole log's listing)
    writes render_plain's text exactly: columns cut or dropped to fit, wide
    characters, escapes, header lines, the count in the footer, no rows."""
    from tracker.render.table import plain_pieces, render_plain
    from tracker.views.model import Cell, Column, Counted, Table

    columns = (
        Column("a", "编号"),
        Column("b", "说明", shrink=2, min_width=4),
        Column("c", "by", drop=1),
        Column("d", "值", align="right", drop=3),
    )
    cells = [tuple(Cell(t, "dim" if i else "") for i, t in enumerate(r)) for r in rows]
    # with empty pieces between (a group of a log may have no rows to show)
    pieces = [[]] + [cells[i : i + cut] for i in range(0, len(cells), cut)] + [[]]
    common = dict(
        header_lines=tuple(header),
        footer_lines=(Counted(lambda n: f"共 {n} 条"), "完"),
        empty_text="没有记录",
    )
    whole = render_plain(Table(columns, tuple(cells), **common), width=width)
    streamed = "".join(plain_pieces(Table(columns, Chunks(lambda: iter(pieces)), **common),
                                    width=width))  # fmt: skip
    assert streamed == whole
    assert f"共 {len(cells)} 条" in whole


# Texts a column measured at once must still measure as each text alone:
# ideographs, full-width and narrow punctuation, a hexagram (U+4DC0, narrow
# amid wide ideographs), Hangul, a combining accent, a lone surrogate, the
# controls inert() escapes (a newline among them), trailing spaces of both
# widths, and a per-cent sign (the rows are printf-formatted).
COLUMN_TEXTS = st.text(
    alphabet=st.sampled_from("ab 1,%注意区财政局，。…䷀가\u0301\ud800\x1b\n\t\u202e\u3000-"),
    max_size=9,
)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(COLUMN_TEXTS, max_size=6), times=st.sampled_from([1, 400]),
       chars=st.sampled_from([None, 3]))  # fmt: skip
def test_a_column_measured_at_once_measures_as_each_text_alone(texts, times, chars):
    """A column made inert and measured at once (render.text.measured, a
    column of few texts each measured once) gives each text's inert() and
    cell_width(), as one text at a time would."""
    from tracker.render.text import cell_width, column_width, inert, measured

    column = texts * times
    shown = [inert(t[:chars]) for t in column]
    got, cells, cut = measured(column, chars)
    if cut is not None:
        got = [t[:cut] for t in got]
    assert got == shown
    assert (cells if cells is not None else list(map(len, got))) == list(map(cell_width, shown))
    assert column_width(column, chars) == max(map(cell_width, shown), default=0)


def test_the_first_bytes_read_as_wide_are_of_wide_characters_only():
    """The UTF-8 first bytes a column is measured by at once (E4-E9, EB, EC:
    U+4000-U+9FFF and U+B000-U+CFFF) begin only characters two cells wide,
    but the hexagrams (U+4DC0-U+4DFF, E4 B7), which the measure looks for."""
    from tracker.render.text import _HEXAGRAMS, _WIDE_FIRST_BYTES, char_width

    for first in _WIDE_FIRST_BYTES:
        start = (first - 0xE0) << 12
        for code in range(start, start + 0x1000):
            hexagram = chr(code).encode("utf-8").startswith(_HEXAGRAMS)
            assert (char_width(chr(code)) == 2) != hexagram, hex(code)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.lists(COLUMN_TEXTS, min_size=4, max_size=4), max_size=8),
    times=st.sampled_from([1, 1, 300]),
    cut=st.integers(1, 5),
    chars=st.sampled_from([None, 2]),
    width=st.one_of(st.none(), st.integers(8, 60)),
    shuffle=st.randoms(use_true_random=False),
)
def test_a_long_table_given_column_by_column_is_the_whole_tables_text(
    rows, times, cut, chars, width, shuffle
):
    """plain_pieces over pieces given column by column (TextColumns: a whole
    log's listing, measured and written a column at a time) writes
    render_plain's text of the same rows exactly: in each piece's order, the
    first column cut to its characters, wide and zero-width characters,
    escapes, columns cut or dropped to fit, long columns of few texts."""
    from tracker.render.table import plain_pieces, render_plain
    from tracker.views.model import Cell, Column, Counted, Table, TextColumns

    columns = (
        Column("a", "编号"),
        Column("b", "说明", shrink=2, min_width=4),
        Column("c", "by", drop=1),
        Column("d", "值", align="right", drop=3),
    )
    rows = rows * times
    styles = ("", "dim", "", "warn")
    pieces, shown = [[]], []
    for start in range(0, len(rows), max(1, len(rows) // cut)):
        mine = rows[start : start + max(1, len(rows) // cut)]
        read = list(range(len(mine)))  # the order the rows were read in: any
        shuffle.shuffle(read)
        texts = tuple([mine[at][i] for at in read] for i in range(4))
        order = sorted(range(len(read)), key=read.__getitem__)
        pieces.append(
            TextColumns(texts, styles, lambda order=order: order, (chars, None, None, None))
        )
        shown += [tuple(Cell(t[:chars] if i == 0 else t, styles[i]) for i, t in enumerate(r))
                  for r in mine]  # fmt: skip
    common = dict(footer_lines=(Counted(lambda n: f"共 {n} 条"),), empty_text="没有记录")
    whole = render_plain(Table(columns, tuple(shown), **common), width=width)
    streamed = "".join(plain_pieces(Table(columns, Chunks(lambda: iter(pieces)), **common),
                                    width=width))  # fmt: skip
    assert streamed == whole


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=log_files(lines=6), goal=GOALS.filter(lambda g: g != "no.such-goal"))
def test_a_log_grown_in_any_order_lists_as_a_whole_log_sort(files, goal):
    """Lines appended to files the state already holds — in date order or not,
    an id repeated, retractions dated or not — are listed by `entries` (as
    JSON, and as the table made a column at a time) and `show` in the order a
    sort of the whole log gives: the state keeps which files are still in
    that order and sorts only the others."""
    with bundled_plan_folder() as data:
        run = Run(data)
        for name, lines in files:
            write_lines(data / "progress" / f"{name}.jsonl", *lines)
            got = run.json("entries", "--as-of", AS_OF)["entries"]
            records, retractions = whole_log_records(data)
            marks = {e.about: e.id for e in retractions}
            assert got == [mark_record(r, marks) for r in records]
            table = run("entries", "--as-of", AS_OF, code=0).stdout_bytes  # a column at a time
            assert table == render(expected_report(data), "table").encode("utf-8")
        shown = run.json("show", goal, "--as-of", AS_OF)["history"]
        assert shown == WholeLog(data).history(goal, dt.date.fromisoformat(AS_OF), "zh")
