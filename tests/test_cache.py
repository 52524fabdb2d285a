"""The derived state never hides a fresh entry: after an append, a rewrite that
keeps size and mtime, a deleted file or state, and a damaged state.
tests/test_state.py covers the per-file state in depth."""

from __future__ import annotations

import json
import os
import time

import pytest

CACHE = ("progress", ".cache", "state.json")


def training(run, as_of="2020-12-31"):
    document = run.json("status", "--as-of", as_of)
    return next(g for g in document["goals"] if g["id"] == "jobs.training")["current"]


def settle(data):
    """Wait until every log file is older than the racy window (its ctime cannot
    be set back, so the test waits as a user's next command would)."""
    from tracker.storage.logcache.freshness import RACY_SECONDS

    files = [data / "goals.toml", *(data / "progress").glob("*.jsonl")]
    newest = max(max(p.stat().st_mtime, p.stat().st_ctime) for p in files)
    time.sleep(max(0.0, newest + RACY_SECONDS + 0.05 - time.time()))


@pytest.fixture
def cached(run, data):
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    run("log", "jobs.training", "200", "--date", "2020-04-01", code=0)
    settle(data)
    assert training(run) == 300
    assert data.joinpath(*CACHE).exists()
    return run


def test_cache_serves_the_same_answer_as_the_log(cached, data):
    with_cache = cached.json("status", "--as-of", "2020-06-30")
    data.joinpath(*CACHE).unlink()
    assert cached.json("status", "--as-of", "2020-06-30") == with_cache
    assert cached.json("alerts", "--as-of", "2020-06-30")["alerts"]


def test_an_append_is_seen_at_once(cached, data):
    cached("log", "jobs.training", "5", "--date", "2020-04-01", code=0)  # same file, same second
    assert training(cached) == 305
    settle(data)
    cached("log", "jobs.training", "7", "--date", "2020-05-01", code=0)  # a new month file
    assert training(cached) == 312


@pytest.mark.parametrize("verify", ["", "always"], ids=["stat", "content, as on Windows"])
def test_a_rewrite_keeping_size_and_mtime_is_seen(cached, data, monkeypatch, verify):
    """A copy over a month file (Explorer, robocopy, a backup restored) keeps
    its size and puts its modified time back. Here the change time tells; on
    Windows it cannot (st_ctime is the creation time before Python 3.12), so
    there every file is checked by its bytes — what TRACKER_VERIFY_LOG=always
    asks for everywhere, and how this simulates it."""
    monkeypatch.setenv("TRACKER_VERIFY_LOG", verify)
    path = data / "progress" / "2020-04.jsonl"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"value":200', '"value":900'), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert training(cached) == 1000


def test_a_file_replaced_by_a_merge_is_seen(cached, data):
    path = data / "progress" / "2020-03.jsonl"
    record = json.loads(path.read_text(encoding="utf-8"))
    other = dict(record, id="feedbeeffeedbeef", value=50)
    replacement = path.with_suffix(".new")
    replacement.write_text(json.dumps(record) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    os.replace(replacement, path)  # what git does when it checks out a merged file
    assert training(cached) == 350


def test_deleting_the_cache_or_a_log_file(cached, data):
    data.joinpath(*CACHE).unlink()
    assert training(cached) == 300
    (data / "progress" / "2020-04.jsonl").unlink()
    assert training(cached) == 100


def test_a_damaged_cache_is_ignored(cached, data):
    data.joinpath(*CACHE).write_text('{"key": {"format": 1}, "series": [', encoding="utf-8")
    assert training(cached) == 300
    data.joinpath(*CACHE).write_text("not json at all", encoding="utf-8")
    assert training(cached) == 300


def test_a_racy_state_is_verified_by_digest(run, data):
    """Stored right after a write, while the log file is racy: a same-size
    rewrite in the same timestamp tick is still seen (its digest differs)."""
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    assert training(run) == 100
    assert data.joinpath(*CACHE).exists()
    path = data / "progress" / "2020-03.jsonl"
    before = path.stat()
    path.write_text(
        path.read_text(encoding="utf-8").replace('"value":100', '"value":700'), encoding="utf-8"
    )
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert training(run) == 700


def test_editing_the_plan_is_seen(cached, data):
    cached("log", "rural.eco-farm-bases", "--item", "长石", "--date", "2020-05-01", code=0)
    settle(data)
    assert farms(cached) == 1  # and the cache now holds that series
    plan = data / "goals.toml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace('items = ["茅天新", "长石", "九塘"]', 'items = ["茅天新", "长石村", "九塘"]'),
        encoding="utf-8",
    )
    assert farms(cached) == 0  # the entry names an item the plan no longer has


def farms(run):
    document = run.json("status", "--as-of", "2020-12-31")
    return next(g for g in document["goals"] if g["id"] == "rural.eco-farm-bases")["current"]


def test_cache_is_ignored_by_git(cached, data):
    ignore = data / "progress" / ".cache" / ".gitignore"
    assert "*" in ignore.read_text(encoding="utf-8").splitlines()
