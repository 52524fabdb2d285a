"""Batch input for `tracker log --from-json`: a JSON array or JSON Lines of
entries → Entries, every bad line a located problem. Reading only: the write
sequence (tracker.writes) runs the rules and writes all or nothing.

A batch is streamed, never held: `BatchInput` reads it record by record, from
the start, as often as the write sequence asks (a pipe is copied to a
temporary file first), so a million-entry batch costs the memory of a few
entries. Every read gives the same entries: an entry without an id gets one
derived from the batch's seed and its place in the input."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import count

from tracker.model import ABOUT_KEYS, Source
from tracker.problems import Problem, TrackerError, problem
from tracker.storage.logline import Unreadable, entry_from_record, parse_json

try:
    from orjson import JSONDecodeError as _FastError
    from orjson import loads as _fast_loads
except ImportError:  # pragma: no cover - a bare install reads through the stdlib decoder
    _fast_loads = None

_RECORDED_AT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")
CHUNK = 1 << 20
MAX_ELEMENT = 16 << 20  # an array element still unfinished this far on is reported as it is
_BOM = b"\xef\xbb\xbf"
# Line breaks str.splitlines() knows beside \n and \r\n (a batch's lines were
# always numbered by it): where a piece has one, it is split as text.
_ODD_BREAKS = (
    b"\x0b",
    b"\x0c",
    b"\x1c",
    b"\x1d",
    b"\x1e",
    b"\xc2\x85",
    b"\xe2\x80\xa8",
    b"\xe2\x80\xa9",
)


def _odd_breaks(piece: bytes) -> bool:
    """Whether a piece has a line break beside \n and \r\n. (Each `in` is a fast
    search; one pattern with alternatives read a MiB in 17 ms.)"""
    if b"\r" in piece and piece.count(b"\r") != piece.count(b"\r\n"):
        return True
    return any(mark in piece for mark in _ODD_BREAKS)


@dataclass(frozen=True)
class BatchDefaults:
    """What a batch entry takes from the command when it does not say."""

    recorded_at: str
    by: str
    today: str  # ISO date: the day of a line about a line (a retraction…) that names none
    new_id: Callable[[], str]
    parse_date: Callable[[str], object]  # a user-typed date → date; raises TrackerError
    plan_end: str | None = None  # ISO date: after it, a row without a date is refused
    # With a seed, an entry without an id gets one derived from the seed and the
    # entry's place in the input: the same on every read of a streamed batch.
    id_seed: bytes = b""


class BatchInput:
    """A batch's bytes, readable from the start as often as needed: a file as
    it is, a pipe (stdin) copied to a temporary file first."""

    def __init__(self, handle, name: str):
        self.name = name
        self.not_utf8: Problem | None = None  # set by a read that met bytes not UTF-8
        self._own = None
        self.piped = not _seekable(handle)
        if not self.piped:
            self._handle, self._start = handle, handle.tell()
        else:  # a pipe: copied once, to be read as often as a file
            from tracker.storage.journal import machine_errors, temp_folder

            with machine_errors(temp_folder()):
                self._own = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
                shutil.copyfileobj(handle, self._own, CHUNK)
            self._handle, self._start = self._own, 0

    def close(self) -> None:
        if self._own is not None:
            self._own.close()

    # -- entries ----------------------------------------------------------------

    def entries(self, defaults: BatchDefaults, *, batch: str | None = None):
        """Every record as an Entry, or the Problem that refuses it, in input
        order. `batch`: the id the entries carry when written."""
        dates: dict[str, object] = {}  # a batch names few distinct days: parse each once
        ids = _Ids(defaults)
        name = self.name
        new_source = partial(tuple.__new__, Source)  # Source(…) without its Python-level __new__
        for item in self.records():
            if item.__class__ is Problem:
                yield item
                continue
            line, record = item
            if self.piped and record.__class__ is dict and (lost := _lost_text(record)):
                yield problem(name, line, "encoding", "text_lost_in_pipe", "text_lost_in_pipe_fix",
                              field=lost)  # fmt: skip
                continue
            origin = new_source((name, line, None))
            yield _entry(record, origin, defaults, ids, batch, dates)

    @staticmethod
    def ordered(read_problems: list[Problem]) -> list[Problem]:
        """Reading problems in the order a whole-input read reports them: those
        of the JSON text first, then those of the entries' shape."""
        text = [p for p in read_problems if p.code == "not-json"]
        return text + [p for p in read_problems if p.code != "not-json"]

    # -- records -------------------------------------------------------------

    def records(self) -> Iterator[tuple[int, object] | Problem]:
        """(line, record) pairs, and the problems of the JSON text, in input
        order. Bytes that are not UTF-8 anywhere end the read and set
        `not_utf8`: the batch is then refused with that one problem."""
        self.not_utf8 = None
        if self._is_array():
            yield from self._array()
        else:
            yield from self._lines()

    def _pieces(self) -> Iterator[tuple[bytes, int]]:
        """The input in pieces that end at a newline (the last may not), each
        with the number of lines before it. A multi-byte character never spans
        two pieces."""
        handle = self._handle
        handle.seek(self._start)
        held: list[bytes] = []
        lines = 0
        first = True
        while chunk := handle.read(CHUNK):
            if first:
                chunk = chunk.removeprefix(_BOM) if len(chunk) >= 3 else chunk
                first = False
            cut = chunk.rfind(b"\n") + 1
            if not cut:
                held.append(chunk)
                continue
            piece = b"".join([*held, chunk[:cut]]) if held else chunk[:cut]
            held = [chunk[cut:]] if cut < len(chunk) else []
            yield piece, lines
            lines += piece.count(b"\n")
        if held:
            yield b"".join(held), lines

    def _is_array(self) -> bool:
        for piece, _ in self._pieces():
            text = piece.decode("utf-8", "replace").lstrip()
            if text:
                return text.startswith("[")
        return False

    def _refuse_encoding(self, piece: bytes, before: int, exc: UnicodeDecodeError) -> None:
        line = before + piece[: exc.start].count(b"\n") + 1
        self.not_utf8 = problem(self.name, line, "encoding", "not_utf8", "save_input_as_utf8")

    def _lines(self):
        """JSON Lines: one record per line, blank lines skipped. orjson reads
        a line when it can; whatever it refuses is read as before (as text, by
        parse_json), so every problem says the same."""
        name = self.name
        shift = 0  # lines the odd line breaks added before this piece
        for piece, before in self._pieces():
            if _fast_loads is None or _odd_breaks(piece):
                try:
                    text = piece.decode("utf-8")
                except UnicodeDecodeError as exc:
                    self._refuse_encoding(piece, before, exc)  # counted by \n, as ever
                    return
                lines = text.splitlines()
                for number, line in enumerate(lines, start=before + shift + 1):
                    if line.strip():
                        yield _json_line(line, name, number)
                shift += len(lines) - piece.count(b"\n") - (not piece.endswith(b"\n"))
                continue
            for number, raw in enumerate(piece.split(b"\n"), start=before + shift + 1):
                if not raw.strip():
                    continue
                try:
                    yield number, _fast_loads(raw)
                    continue
                except _FastError:
                    pass
                try:  # \r\n ends a line as \n does
                    line = (raw[:-1] if raw.endswith(b"\r") else raw).decode("utf-8")
                except UnicodeDecodeError as exc:
                    self._refuse_encoding(raw, number - shift - 1, exc)
                    return
                if line.strip():
                    yield _json_line(line, name, number)

    def _array(self):
        """The elements of one JSON array, each with its line; text after the
        array (a second document, a stray line) refuses the whole batch."""
        text = _Text(self)
        name = self.name
        pos = text.start_of_array()
        if pos is None:
            return
        while True:
            pos = text.skip(pos, " \t\r\n,")
            if pos is None:
                if text.failed:
                    return
                line = text.line_at(len(text.buf))
                yield problem(name, line, "not-json", "array_not_closed", "close_array")
                return
            if text.buf[pos] == "]":
                where = text.after_whitespace(pos + 1)
                if where is not None:
                    line = text.line_at(where)
                    yield problem(name, line, "not-json", "after_array", "one_document")
                    text.check_rest()
                return
            try:
                record, end = parse_json(text.buf, pos)
            except Unreadable as why:
                if len(text.buf) - pos < MAX_ELEMENT and text.more():
                    continue  # the element may just be cut where the text read ends
                if text.failed:
                    return
                yield problem(name, text.line_at(pos), "not-json", why.key, **why.args_)
                text.check_rest()
                return
            yield text.line_at(pos), record
            pos = text.compact(end)


class _Text:
    """An array batch as text, read on as the parser needs it: the text held
    (`buf`, from some point of the input on) and the line of any place in it."""

    def __init__(self, source: BatchInput):
        self.source = source
        self.pieces = source._pieces()
        self.buf = ""
        self.base = 0  # lines before buf
        self.counted = (0, 0)  # (place in buf, newlines before it)
        self.failed = False

    def more(self) -> bool:
        for piece, before in self.pieces:
            try:
                self.buf += piece.decode("utf-8")
            except UnicodeDecodeError as exc:
                self.source._refuse_encoding(piece, before, exc)
                self.failed = True
                return False
            return True
        return False

    def check_rest(self) -> None:
        """The rest of the input is never parsed, but must still be UTF-8."""
        while self.more():
            self.buf = ""

    def line_at(self, pos: int) -> int:
        at, newlines = self.counted
        newlines += self.buf.count("\n", at, pos)
        self.counted = (pos, newlines)
        return self.base + newlines + 1

    def compact(self, pos: int) -> int:
        """Forget the text before `pos` once it is long; returns pos in the new buf."""
        if pos < CHUNK:
            return pos
        self.base = self.line_at(pos) - 1
        self.buf = self.buf[pos:]
        self.counted = (0, 0)
        return 0

    def skip(self, pos: int, chars: str) -> int | None:
        while True:
            buf = self.buf
            while pos < len(buf) and buf[pos] in chars:
                pos += 1
            if pos < len(buf):
                return pos
            if not self.more():
                return None

    def after_whitespace(self, pos: int) -> int | None:
        """The first place from `pos` on that str.strip() would keep, if any."""
        while True:
            rest = self.buf[pos:]
            kept = rest.lstrip()
            if kept:
                return pos + len(rest) - len(kept)
            pos = len(self.buf)
            if not self.more():
                return None

    def start_of_array(self) -> int | None:
        """Just after the opening bracket."""
        pos = self.after_whitespace(0)
        return None if pos is None else pos + 1


def _seekable(handle) -> bool:
    try:
        return handle.seekable()
    except (AttributeError, ValueError, OSError):
        return False


def _json_line(line: str, name: str, number: int):
    try:
        return number, parse_json(line)
    except Unreadable as why:
        fix = "one_object_per_line" if why.key == "not_json" else None
        return problem(name, number, "not-json", why.key, fix, **why.args_)


def _lost_text(record: dict) -> str | None:
    """The field of a piped record whose text holds a run of question marks:
    what Windows PowerShell 5.1 makes of Chinese it pipes to a program (it
    re-encodes the text in ASCII), or None."""
    for field in ("note", "by", "reason"):
        value = record.get(field)
        if value.__class__ is str and "??" in value:
            return field
    items = record.get("items")
    if items.__class__ is list and any(i.__class__ is str and "??" in i for i in items):
        return "items"
    return None


def _entry(record, origin: Source, defaults: BatchDefaults, ids, batch, dates: dict):
    """One record → an Entry, or the Problem that refuses it. The record is the
    reader's own (freshly parsed), so it is completed in place."""
    if type(record) is not dict:
        return problem(origin.file, origin.line, "entry-shape", "entry_not_object")
    if "id" not in record:
        record["id"] = ids.next()
    recorded_at = record.get("recorded_at")
    if type(recorded_at) is not str or not _RECORDED_AT.match(recorded_at):
        # A copy of a log line (`entries --format jsonl`) keeps when it was first
        # recorded, so same-day corrections keep their order; anything else is now.
        record["recorded_at"] = defaults.recorded_at
    if "by" not in record:
        record["by"] = defaults.by
    if batch is not None:
        record["batch"] = batch
    else:
        record.pop("batch", None)
    total = record.get("total")
    if (
        total is not None  # nearly every record: no total (the test below is slower)
        and isinstance(total, int | float)
        and not isinstance(total, bool)
        and "value" not in record
    ):
        record["value"], record["total"] = total, True  # {"total": 1200} as a shorthand
    day = record.get("date")
    if isinstance(day, str):
        parsed = dates.get(day)
        if parsed is None:
            try:
                parsed = dates[day] = defaults.parse_date(day).isoformat()
            except TrackerError as error:
                parsed = dates[day] = error.problems[0]
        if isinstance(parsed, Problem):
            return parsed._replace(file=origin.file, line=origin.line)
        record["date"] = parsed
    elif "date" not in record and any(key in record for key in _ABOUT_KEYS):
        record["date"] = defaults.today
    return entry_from_record(record, origin)


_ABOUT_KEYS = tuple(ABOUT_KEYS.values())  # a line about a line: dated the day it is given


class _Ids:
    """Ids for the entries that bring none, in input order: with a seed, a
    64-bit number drawn from a generator seeded with the batch's 128 random
    bits, counted up by one for each entry (unique across clones as new_id's
    are — two batches share an id only if their ranges of 2**64 overlap — and
    the same on every read); without one, new_id's. Counted up, a batch's ids
    stand in order, so a batch given in date order is logged in the order a
    listing sorts by (date, time, id) and is never sorted again."""

    def __init__(self, defaults: BatchDefaults):
        if defaults.id_seed:
            import random

            numbers = count(random.Random(defaults.id_seed).getrandbits(64))
            self.next = lambda: f"{next(numbers) % 2**64:016x}"
        else:
            self.next = defaults.new_id
