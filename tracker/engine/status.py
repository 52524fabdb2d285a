"""Each goal's status at as_of, by SPEC's rules: pure (plan, entries, as_of) → statuses."""

import datetime as dt
from typing import NamedTuple

from tracker.engine.forecast import forecast
from tracker.engine.trajectory import expected_on, progress_of, schedule_days
from tracker.kinds import UPDATE_PERIOD, Judgement, kind_of
from tracker.ledger import Series, build_series, effective_by_goal, retracted_ids, start_value
from tracker.ledger.counting import decisions_of
from tracker.ledger.steps import Figured
from tracker.ledger.verification import awaiting, required
from tracker.model import Decides, Entry, Figures, Goal, GoalStatus, Plan, State

DUE_SOON_DAYS = 14
EPSILON = 1e-9


def all_figures(
    plan: Plan, entries: list[Entry], only: set[str] | None = None
) -> dict[str, Figured]:
    """Every goal's value series from the entries that count (retractions and
    returned reports applied), by each figure it has: reported, and verified
    where its reports need verifying (ledger.verification). `only`: just these
    goals."""
    grouped, _ = effective_by_goal(plan, entries, only)
    checked = any(required(plan, g) for g in plan.goals if only is None or g.id in only)
    verified, waiting = {}, {}
    if checked:
        verified = effective_by_goal(plan, entries, only, verified=True)[0]
        waiting = awaiting(plan, grouped, decisions_of(plan, entries, retracted_ids(entries)))
    out = {}
    for goal in plan.goals:
        if only is not None and goal.id not in only:
            continue
        reported = build_series(goal, grouped[goal.id])
        if required(plan, goal):
            verified_series = build_series(goal, verified[goal.id])
            out[goal.id] = Figured.of(plan, goal, reported, verified_series, waiting[goal.id])
        else:
            out[goal.id] = Figured.unverified(reported)
    return out


def statuses_from_series(
    plan: Plan, series: dict[str, Series | Figured], *, as_of: dt.date
) -> list[GoalStatus]:
    return [goal_status(goal, series[goal.id], as_of=as_of) for goal in plan.goals]


def goal_status(goal: Goal, series: Series | Figured, *, as_of: dt.date) -> GoalStatus:
    """Only entries dated on or before as_of count, and the goal is judged as it
    was defined on as_of (revisions dated later do not apply yet). A goal whose
    reports are verified (a Figured) is judged on its deciding figure, shows
    both, and where its kind is closed by a verdict (销号) is done only once
    its verified figure is."""
    figured = series if isinstance(series, Figured) else Figured.unverified(series)
    series = figured.deciding_series
    goal = goal.as_of(as_of)
    current = _current(goal, series, as_of)
    progress = progress_of(goal, current)
    expected = expected_on(goal, as_of)
    judged = judge(goal, series, current, as_of)
    checked = _checked(goal, figured, judged, as_of) if figured.verified is not None else None
    if checked is not None:
        judged = checked.judged
    done = judged.done
    state = decide_state(
        goal, progress=progress, expected=expected, done=done, as_of=as_of,
        failed=judged.failed, waiting=judged.waiting,
    )  # fmt: skip
    last = figured.reported.last_entry_on_or_before(as_of)  # when its office last reported
    days_left = (goal.deadline - as_of).days
    items_now = series.items_on(as_of) | frozenset(goal.start_items)
    return GoalStatus(
        goal=goal,
        as_of=as_of,
        current=current,
        progress=progress,
        expected=expected,
        state=state,
        due_soon=not done and 0 <= days_left <= DUE_SOON_DAYS,
        stale=is_stale(goal, last, done=done, as_of=as_of),
        # nothing to judge yet, or no schedule to follow (a level against its
        # target): not days behind (nor ahead of) anything
        schedule_days=None
        if judged.waiting or not kind_of(goal).schedules(goal)
        else schedule_days(goal, progress, as_of),
        forecast=forecast(goal, series, as_of),
        days_left=days_left,
        last_entry=last,
        items_done=tuple(i for i in goal.items if i in items_now),
        target_reached=judged.reached,
        item_states=item_states(goal, items_now, as_of),
        awaiting_final=judged.awaiting_final,
        behind_since=None if done else kind_of(goal).behind_since(goal, series, current, as_of),
        **(checked.fields() if checked is not None else {}),
    )


class _Checked(NamedTuple):
    """What verification makes of a goal's standing (its reports verified)."""

    judged: Judgement  # 销号: not done until the verified figure is
    figures: Figures
    awaiting_close: bool
    unverified: tuple[Entry, ...]
    unverified_late: tuple[Entry, ...]

    def fields(self) -> dict:
        """Its part of the GoalStatus."""
        return {name: value for name, value in self._asdict().items() if name != "judged"}


def _checked(goal: Goal, figured: Figured, judged: Judgement, as_of: dt.date) -> _Checked:
    """Both figures on `as_of`; a kind closed by a verdict done only once its
    verified figure is (else reported done, awaiting close); the reports
    dated by then still waiting for a verdict, and those past the period."""
    reported, verified = figured.reported, figured.verified
    decides = Decides.VERIFIED if figured.by_verified else Decides.REPORTED
    figures = Figures(_current(goal, reported, as_of), _current(goal, verified, as_of), decides)
    closes = kind_of(goal).closed_by_verdict
    if judged.done and closes and not judge(goal, verified, figures.verified, as_of).done:
        judged = judged._replace(done=False)
    awaiting_close = (
        closes and not judged.done and judge(goal, reported, figures.reported, as_of).done
    )
    waiting = tuple(e for e in figured.awaiting if e.date <= as_of)
    late = tuple(e for e in waiting if (as_of - e.date).days > figured.within_days)
    return _Checked(judged, figures, awaiting_close, waiting, late)


def _current(goal: Goal, series: Series, as_of: dt.date) -> float | None:
    current = series.value_on(as_of)
    return start_value(goal) if current is None else current  # a level stays unread (None)


def judge(goal: Goal, series: Series, current, as_of: dt.date) -> Judgement:
    """Done, target reached but not yet done, failed for good, nothing to judge
    yet, awaiting a final reading — as the goal's kind judges it
    (tracker.kinds): counts, milestones and checklists are done when met; a
    level on its final reading, when first reached, or held throughout."""
    return kind_of(goal).judge(goal, series, current, as_of)


def item_states(goal: Goal, items_done: frozenset, as_of: dt.date) -> tuple:
    """Each item of a checklist whose items have deadlines of their own: done,
    overdue (its deadline passed), or pending."""
    if not goal.item_deadlines:
        return ()
    states = []
    for item in goal.items:
        if item in items_done:
            state = State.DONE
        elif as_of > goal.item_deadline(item):
            state = State.OVERDUE
        else:
            state = State.PENDING
        states.append((item, state))
    return tuple(states)


def decide_state(
    goal: Goal,
    *,
    progress: float,
    expected: float,
    done: bool,
    as_of: dt.date,
    failed: bool = False,
    waiting: bool = False,
) -> State:
    """SPEC's rules, first match wins. `failed`: a level that had to hold its
    target fell short, so it can no longer be done; `waiting`: its kind has
    nothing to judge yet (a level held throughout, with no reading)."""
    if done:
        return State.DONE
    if as_of > goal.deadline:
        return State.OVERDUE
    if failed:
        return State.OFF_TRACK
    if waiting:
        return State.PENDING
    behind = expected - progress
    if kind_of(goal).waits and as_of < goal.deadline and behind <= EPSILON:
        return State.PENDING  # a milestone or checklist not yet due
    if behind <= EPSILON:
        return State.ON_TRACK
    if behind <= goal.tolerance + EPSILON:
        return State.AT_RISK
    return State.OFF_TRACK


def is_stale(goal: Goal, last_entry: dt.date | None, *, done: bool, as_of: dt.date) -> bool:
    """No entry within update_every on a started goal that is neither done nor
    overdue (SPEC): an overdue goal already says more than "not reported", and
    flagging it twice buries the goals whose reports are really missing."""
    if done or as_of < goal.start or as_of > goal.deadline:
        return False
    since = last_entry if last_entry is not None and last_entry >= goal.start else goal.start
    return as_of > since + UPDATE_PERIOD[goal.update_every]


def state_counts(items: list[GoalStatus]) -> dict[str, int]:
    counts = {state.value: 0 for state in State}
    for status in items:
        counts[status.state.value] += 1
    return counts
