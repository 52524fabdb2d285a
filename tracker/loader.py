"""Loading a data folder, as beancount's loader does: goals.toml read and checked
by every plan rule, the log read whole or through its cache — one call from a
folder to (plan, entries, problems)."""

from dataclasses import replace
from typing import NamedTuple

from tracker.model import Entry, Plan
from tracker.problems import Problem
from tracker.storage.datadir import DataDir


class Loaded(NamedTuple):  # (not a dataclass: defining one costs every command a millisecond)
    """A data folder as read: the plan (None when goals.toml cannot be read at
    all), the log's entries, and the problems of each, kept apart because a
    plan problem stops a command while a log problem only warns."""

    plan: Plan | None
    entries: list[Entry]
    plan_problems: list[Problem]
    log_problems: list[Problem]


def load_plan(data: DataDir) -> tuple[Plan | None, list[Problem]]:
    """goals.toml, typed and checked by every plan rule. Of goals that share an
    id only the first is kept (the rule reports the others)."""
    from tracker.rules.plan import plan_problems
    from tracker.storage.planfile import read_plan

    read = read_plan(data.goals_path, data.display(data.goals_path))
    plan, problems = read.plan, list(read.problems)
    if plan is not None:
        problems += plan_problems(plan, unbuilt=read.unbuilt)
        unique = {}
        for goal in plan.goals:
            unique.setdefault(goal.id, goal)
        if len(unique) < len(plan.goals):
            plan = replace(plan, goals=tuple(unique.values()))
    return plan, problems


def load(data: DataDir, *, with_log: bool = True) -> Loaded:
    plan, plan_problems = load_plan(data)
    entries: list[Entry] = []
    log_problems: list[Problem] = []
    if with_log:
        from tracker.storage.journal import read_log

        entries, log_problems = read_log(data.progress_dir, display=data.display)
    return Loaded(plan, entries, plan_problems, log_problems)


def open_log(data: DataDir, plan: Plan, *, verify: bool = False):
    """progress/ through its cache (tracker.storage.logcache): fresh, read only
    where a question needs it. `verify`: every log file checked by its bytes."""
    from tracker.storage.logcache import open_cache

    return open_cache(data.progress_dir, plan, data.display, verify=verify)
