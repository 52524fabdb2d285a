"""What each kind of goal is, in one place per kind: what it takes in the plan,
which log lines fit it and what each does, how it progresses, what is
expected of it and how it is judged, whether it forecasts, the rules for its
values, its fill-in template row and the catalogue keys of its words.

One module per kind (count.py, level.py, milestone.py, checklist.py), each one
object of the common shape in base.py; KINDS is the registry every layer asks
(`kind_of(goal)`). A new kind is a module here, a line in KINDS, a member of
`model.Kind`, and its words in the catalogue (README, "A new kind of goal")."""

from __future__ import annotations

from tracker.kinds.base import UPDATE_PERIOD, Complaint, Effect, GoalKind, Judgement, PlanKey, Typed
from tracker.kinds.checklist import CHECKLIST
from tracker.kinds.count import COUNT
from tracker.kinds.level import LEVEL
from tracker.kinds.milestone import MILESTONE
from tracker.model import Goal, Kind, Op

KINDS: dict[Kind, GoalKind] = {k.kind: k for k in (COUNT, LEVEL, MILESTONE, CHECKLIST)}


def kind_of(goal: Goal) -> GoalKind:
    return KINDS[goal.kind]


# Which log lines each kind takes, and what each does (SPEC "Kinds"): the
# kinds' own tables, read as plain dicts where a line at a time is summed
# (tracker.ledger.steps), and which of them may not be negative.
EFFECTS: dict[Kind, dict[Op, Effect]] = {k: kind.effects for k, kind in KINDS.items()}
NEVER_NEGATIVE: dict[Kind, frozenset[Op]] = {k: kind.never_negative for k, kind in KINDS.items()}

__all__ = [
    "EFFECTS", "KINDS", "NEVER_NEGATIVE", "UPDATE_PERIOD", "Complaint",
    "Effect", "Judgement", "PlanKey", "Typed", "kind_of",
]  # fmt: skip
