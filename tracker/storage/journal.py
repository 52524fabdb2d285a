"""progress/: read the JSON Lines log (tolerating torn lines), append under a lock.

One entry per line, one file per month (`2020-05.jsonl`). Lines are only ever
appended. A batch (`log --from-json`) marks its entries with a batch id and
ends with a commit line; entries of a batch without its commit line (a writer
killed mid-batch) do not count, so a batch lands whole or not at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import os
import stat
from array import array
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import NamedTuple

from tracker.ledger import committed
from tracker.model import Entry, Source, entry_to_record
from tracker.problems import ExitCode, Problem, TrackerError, problem
from tracker.storage.files import is_link
from tracker.storage.logline import Unreadable, dumps_line, entry_from_record, parse_line
from tracker.storage.months import MONTH_FILE, log_files, month_file, stray_logs
from tracker.words import phrase

LOCK_NAME = ".lock"
LOCK_TIMEOUT_SECONDS = 60


def stray_problems(progress_dir: Path, display=str) -> list[Problem]:
    """For `check`: each stray log file, what it is and how to bring its lines
    home (into the month file its name starts with, where it has one)."""
    found = []
    for path in stray_logs(progress_dir):
        month = MONTH_FILE.match(path.name[:7] + ".jsonl")
        fix = phrase("stray_log_fix", month=month.group(0)) if month else "stray_log_fix_any"
        found.append(problem(display(path), None, "not-a-month-file", "stray_log", fix))
    return found


# ── reading ──────────────────────────────────────────────────────────────────


def read_log(progress_dir: Path, display=str) -> tuple[list[Entry], list[Problem]]:
    """Every entry of every log file, in file then line order, and the problems
    found. A bad line is reported and skipped; it never hides the others."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    commits: set[str] = set()
    for path in log_files(progress_dir):
        name = display(path)
        read_file(path, name, entries, problems, commits)
    kept, cut = committed(entries, commits)
    return kept, problems + cut


def read_file(path: Path, name: str, entries: list, problems: list, commits: set) -> None:
    from tracker.storage.files import LOG_FILE_LIMIT, read_regular, reason

    try:
        data = read_regular(path, limit=LOG_FILE_LIMIT)
    except OSError as exc:  # unreadable (permissions, a FIFO): the other files still count
        problems.append(problem(name, None, "unreadable", "cannot_read", reason=reason(exc)))
        return
    parse_lines(data, name, 1, entries, problems, commits)


def parse_lines(
    data: bytes, name: str, first: int, entries: list, problems: list, commits: set
) -> None:
    """The lines of `data`, numbered from `first`: entries, problems and batch
    commits, each appended to its list. A last line without a newline may be torn."""
    last = data.count(b"\n") + 1  # the number of the last line, if it has no newline
    add_entry, add_commit = entries.append, commits.add
    new_source = partial(tuple.__new__, Source)  # Source(…) without its Python-level __new__
    # Line by line (each with its newline, which JSON reads as blank space): a
    # month of a big log is not held twice, as its bytes and as a list of lines.
    for index, raw in enumerate(io.BytesIO(data), start=1):
        if raw.isspace():
            continue
        number = first + index - 1
        try:
            record = parse_line(raw)
        except UnicodeDecodeError:
            problems.append(problem(name, number, "encoding", "line_not_utf8", "line_not_utf8_fix"))
            continue
        except Unreadable as why:
            if why.key == "not_json":
                # No newline after it: the writer may have died mid-line.
                fix = "torn_tail_fix" if index == last else "bad_line_fix"
                problems.append(problem(name, number, "torn-line", "line_not_json", fix))
            else:
                problems.append(
                    problem(name, number, "unreadable", why.key, "bad_line_fix", **why.args_)
                )
            continue
        if record.__class__ is dict and "commit" in record:
            if isinstance(record["commit"], str):
                add_commit(record["commit"])
            continue
        result = entry_from_record(record, new_source((name, number, None)))
        if result.__class__ is Problem:
            problems.append(result)
        else:
            add_entry(result)


def parse_record(record, name: str, number: int, entries: list, problems: list, commits: set):
    """One line's parsed JSON, as parse_lines takes it: an entry, a problem or
    a batch's commit, appended to its list."""
    if record.__class__ is dict and "commit" in record:
        if isinstance(record["commit"], str):
            commits.add(record["commit"])
        return
    result = entry_from_record(record, Source(name, number))
    (problems if result.__class__ is Problem else entries).append(result)


# ── writing ──────────────────────────────────────────────────────────────────


def append(
    progress_dir: Path,
    prepare: Callable[[list[Entry]], tuple[list[Entry], list[Problem]]],
    *,
    batch: str | None = None,
    by: str = "",
    recorded_at: str = "",
    existing: Callable[[], list[Entry]],
    after: Callable[[], object],
) -> list[Entry]:
    """Under the log's lock: read what of the log the checks need (`existing`),
    let `prepare` validate and build the new entries against it, append them
    only if it found no problem, then run `after` (which brings the maintained
    state up to date). Returns what `existing` gave; raises TrackerError when
    `prepare` found problems."""
    from filelock import FileLock, Timeout

    with machine_errors(progress_dir):
        if progress_dir.exists() and not progress_dir.is_dir():
            raise TrackerError(
                problem(str(progress_dir), None, "not-a-folder", "progress_not_folder")
            )
        progress_dir.mkdir(parents=True, exist_ok=True)
        refuse_links([progress_dir, progress_dir / LOCK_NAME])
        lock = FileLock(str(progress_dir / LOCK_NAME), timeout=LOCK_TIMEOUT_SECONDS)
    try:
        with machine_errors(progress_dir / LOCK_NAME), lock:
            before = existing()
            new, problems = prepare(before)
            if problems:
                raise TrackerError(problems, ExitCode.BAD_DATA)
            if new:
                _write(progress_dir, new, batch, by, recorded_at)
                after()
            return before
    except Timeout:
        raise TrackerError(
            problem(
                str(progress_dir),
                None,
                "locked",
                "lock_held",
                "try_again",
                seconds=LOCK_TIMEOUT_SECONDS,
            ),
            ExitCode.BAD_DATA,
        ) from None


def _write(progress_dir: Path, entries, batch, by, recorded_at) -> None:
    """Append the entries (or lines Staged for them) to their month files,
    streamed: lines are gathered a few MiB at a time, every file is fsynced,
    and only then does a batch's commit line go in (the last line of the last
    month file the batch first reached). A failure midway cuts every file
    back to where it was, and so does a file replaced under the writer."""
    lines = entries.lines() if isinstance(entries, Staged) else _encoded(entries)
    out = _Appender()
    paths: dict[tuple[int, int], Path] = {}
    count = 0
    try:
        for month, line in lines:
            path = paths.get(month)
            if path is None:
                path = paths[month] = month_file(progress_dir, dt.date(*month, 1))
            out.add(path, line)
            count += 1
        out.finish()
        if batch and count:
            commit = {"commit": batch, "entries": count, "by": by, "recorded_at": recorded_at}
            out.add(out.last, dumps_line(commit))
            out.finish()
    except BaseException:
        out.undo()
        raise
    finally:
        out.close()


def _month(entry: Entry) -> tuple[int, int]:
    day = entry.date or dt.date.fromisoformat(entry.recorded_at[:10])
    return day.year, day.month


def _encoded(entries: Iterable[Entry]):
    for entry in entries:
        yield _month(entry), dumps_line(entry_to_record(entry))


class Staged:
    """A batch's lines, encoded once as its entries are read and kept in a
    temporary file (never in memory) until the write appends them, with each
    line's month. A line may be replaced before the write (a retraction that
    learns its goal).

    Records are encoded CHUNK at a time (jsontext.lines_text: one orjson pass
    and one float/escape check per chunk, the same bytes as dumps_line's one
    line at a time): at 100k entries the staging took a third less."""

    CHUNK = 1024

    def __init__(self):
        import tempfile

        with machine_errors(temp_folder()):
            self._file = tempfile.TemporaryFile(buffering=1 << 20)  # noqa: SIM115 - close()
        self._months = array("I")
        self._replaced: dict[int, bytes] = {}
        self._pending: list[dict] = []

    def add(self, entry: Entry) -> None:
        year, month = _month(entry)
        self._pending.append(entry_to_record(entry))
        self._months.append(year * 12 + month - 1)
        if len(self._pending) >= self.CHUNK:
            self._flush()

    def _flush(self) -> None:
        from tracker.jsontext import lines_text

        if not self._pending:
            return
        text = lines_text(self._pending)
        self._pending = []
        try:
            self._file.write(text if text.__class__ is bytes else text.encode("utf-8"))
        except OSError:  # a full disk: said like every other write's
            with machine_errors(temp_folder()):
                raise

    def replace(self, index: int, entry: Entry) -> None:
        self._replaced[index] = dumps_line(entry_to_record(entry))

    def __len__(self) -> int:
        return len(self._months)

    def lines(self):
        self._flush()
        with machine_errors(temp_folder()):
            self._file.flush()
            self._file.seek(0)
        months, replaced = self._months, self._replaced
        for index, line in enumerate(self._file):
            code = months[index]
            yield (code // 12, code % 12 + 1), replaced.get(index, line)
        self._months = array("I")  # written: let go before the state reads them back

    def close(self) -> None:
        self._file.close()


class _Appender:
    """Whole lines appended to log files, a few MiB at a time, each file through
    one descriptor held from the first line to the last. A file replaced at its
    path meanwhile (a sync client, `git checkout`, an editor saving a copy)
    would take the lines with it, out of the log: so once everything is on disk
    each descriptor is compared with the file now at its path, and a write
    whose file is no longer there fails whole (Replaced)."""

    LIMIT = 8 << 20

    def __init__(self):
        self.pending: dict[Path, list[bytes]] = {}
        self.size = 0
        self.files: dict[Path, _Held] = {}
        self.last: Path | None = None  # the file most recently reached for the first time

    def add(self, path: Path, line: bytes) -> None:
        lines = self.pending.get(path)
        if lines is None:
            if path not in self.files:
                self._reach(path)
            lines = self.pending.setdefault(path, [])
        lines.append(line)
        self.size += len(line)
        if self.size > self.LIMIT:
            self.flush(sync=False)

    def _reach(self, path: Path) -> None:
        refuse_links([path])
        with machine_errors(path):
            if path.is_dir():  # said so here: Windows would say "permission denied"
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
            held = self.files[path] = _Held.open(path)
            if held.size and _byte_at(path, held.size - 1) != b"\n":
                # A writer killed mid-line left a fragment: end it so the next entry
                # starts on a line of its own instead of fusing with it.
                self.pending[path] = [b"\n"]
        self.last = path

    def flush(self, *, sync: bool) -> None:
        for path, lines in self.pending.items():
            with machine_errors(path):
                _append_lines(self.files[path].fd, b"".join(lines), sync=sync)
        self.pending.clear()
        self.size = 0

    def finish(self) -> None:
        """Everything written and on disk, in the files now at their paths."""
        synced = set(self.pending)
        self.flush(sync=True)
        for path, held in self.files.items():
            if path not in synced:
                with machine_errors(path):
                    os.fsync(held.fd)
        for folder in {p.parent for p, held in self.files.items() if held.created}:
            _fsync_dir(folder)
        for path, held in self.files.items():
            if not held.still_at(path):
                raise TrackerError(
                    problem(str(path), None, "replaced", "log_file_replaced",
                            "log_file_replaced_fix"),
                    ExitCode.BAD_DATA,
                )  # fmt: skip

    def undo(self) -> None:
        """Cut every file back to what it held before: no line of this write stays,
        in the file at its path or in one that was moved away from it. Through
        the descriptors, so a file that replaced one of them is never cut."""
        for path, held in self.files.items():
            with contextlib.suppress(OSError):
                os.ftruncate(held.fd, held.size)
                if held.created and held.still_at(path):
                    os.unlink(path)

    def close(self) -> None:
        for held in self.files.values():
            with contextlib.suppress(OSError):
                os.close(held.fd)
        self.files.clear()


def _byte_at(path: Path, offset: int) -> bytes:
    """One byte of a file (os.pread on the append descriptor would do, but
    Windows has no pread, and the descriptor is opened to write only)."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        return handle.read(1)


class _Held(NamedTuple):
    """A log file open for appending: its descriptor, its size before this
    write, whether this write created it, and which file it is."""

    fd: int
    size: int
    created: bool
    identity: tuple[int, int]

    @classmethod
    def open(cls, path: Path) -> _Held:
        try:
            fd, created = os.open(path, _APPEND_FLAGS | os.O_EXCL, 0o644), True
        except FileExistsError:
            fd, created = os.open(path, _APPEND_FLAGS & ~os.O_CREAT), False
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):  # a FIFO or a device where a month file belongs
            from tracker.storage.files import Refused

            os.close(fd)
            raise Refused("not_a_regular_file")
        return cls(fd, found.st_size, created, (found.st_dev, found.st_ino))

    def still_at(self, path: Path) -> bool:
        """Whether the file at `path` is still the one this descriptor writes."""
        try:
            found = os.lstat(path)
        except OSError:
            return False
        return (found.st_dev, found.st_ino) == self.identity


_APPEND_FLAGS = (
    os.O_RDWR  # read too: the last byte says whether a torn line needs ending
    | os.O_APPEND
    | os.O_CREAT
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO at a month file's name is refused, never waited on
)


def _append_lines(fd: int, payload: bytes, *, sync: bool = True) -> None:
    """Append whole lines (fsynced when asked). If the write fails midway (a
    full disk, a file size limit) the file is cut back to where it was: no
    half line stays."""
    size = os.fstat(fd).st_size
    view = memoryview(payload)
    try:
        while view:
            written = os.write(fd, view)
            view = view[written:]
        if sync:
            os.fsync(fd)
    except OSError:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, size)
        raise


def refuse_links(paths: Iterable[Path]) -> None:
    """Writes never leave the data folder: a log file or the lock that is a
    symbolic link, or a folder on the way that is a link or a junction, is
    refused, never written through."""
    found = [
        problem(str(p), None, "symlink", "refuse_symlink", "symlink_fix")
        for p in paths
        if is_link(p)
    ]
    if found:
        raise TrackerError(found, ExitCode.BAD_DATA)


def unsafe_paths(progress_dir: Path, display=str) -> list[Problem]:
    """For `tracker check`: links in progress/ that a write would refuse, log
    names that are not files, and files named like a log that are not month
    files."""
    if is_link(progress_dir):
        return [problem(display(progress_dir), None, "symlink", "refuse_symlink", "symlink_fix")]
    if not progress_dir.exists():
        return []
    if not progress_dir.is_dir():
        return [problem(display(progress_dir), None, "not-a-folder", "progress_not_folder")]
    found = []
    for path in sorted(progress_dir.iterdir()):
        name = display(path)
        if is_link(path) and (path.suffix == ".jsonl" or path.name in (LOCK_NAME, ".cache")):
            found.append(problem(name, None, "symlink", "refuse_symlink", "symlink_fix"))
        elif path.suffix == ".jsonl" and not path.is_file():
            found.append(problem(name, None, "not-a-file", "log_not_file", "log_not_file_fix"))
    return found + stray_problems(progress_dir, display)


def temp_folder() -> Path:
    """Where temporary files go (TMPDIR …), for a message when one cannot be written."""
    import tempfile

    return Path(tempfile.gettempdir())


_ERRNO_KEYS = {
    errno.ENOSPC: "disk_full",
    errno.EFBIG: "file_too_large",
    errno.EACCES: "permission_denied",
    errno.EPERM: "permission_denied",
    errno.EROFS: "read_only_fs",
    errno.EISDIR: "is_a_folder",
    errno.ENOTDIR: "not_a_folder_on_path",
    errno.EDQUOT: "disk_full",
    errno.ELOOP: "refuse_symlink",
}


@contextlib.contextmanager
def machine_errors(path: Path):
    """The machine's failures (disk full, permissions …) as a located problem
    saying what happened and what to do: exit 3, never a traceback."""
    try:
        yield
    except OSError as exc:
        from tracker.storage.files import reason

        key = _ERRNO_KEYS.get(exc.errno, "os_error")
        raise TrackerError(
            problem(str(path), None, "environment", key, key + "_fix", detail=reason(exc)),
            ExitCode.BAD_DATA,
        ) from None


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
