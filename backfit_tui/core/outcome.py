"""What a session achieved, step by step: the same reading for the summary and, later, the history."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from .formatting import counted, duration, plural
from .records import ALTERNATING_SIDES, SessionRecord, SetRecord

UNIT_WORDS = {"seconds": ("s", "s"), "breaths": ("breath", "breaths"), "reps": ("rep", "reps")}
SIDE_MARK = {"left": "L", "right": "R"}
NOTHING_DONE = "Nothing was done this time."
COUNTING_SHARE = 0.5  # of its planned active time, for a session to count toward the weekly goal


@dataclass(frozen=True)
class StepOutcome:
    """One step's sets as planned and as done."""

    exercise_name: str
    sets: tuple[SetRecord, ...]

    def unit(self, amounts: list[float]) -> str:
        """The unit after a row of amounts, singular only when every amount is one: `s`, `reps`, `1 1 breath`."""
        return plural(1 if all(a == 1 for a in amounts) else 2, *UNIT_WORDS[self.sets[0].unit])

    @property
    def skipped(self) -> int:
        return sum(1 for s in self.sets if s.skipped)

    @property
    def alternating(self) -> bool:
        return self.sets[0].side == ALTERNATING_SIDES

    def planned(self) -> str:
        """`3 × 30 s`, `2 × 10 reps each side` (one side after the other, or alternating)."""
        count = len({s.set_number for s in self.sets})
        sided = self.alternating or any(s.side in SIDE_MARK for s in self.sets)
        planned = self.sets[0].planned
        return f"{count} × {planned:g} {self.unit([planned])}" + (" each side" if sided else "")

    def done(self) -> str:
        """Each set's achievement in order, sides marked: `30 30 12 s`, `L10 R10 L10 R8 reps`, `10 8 reps each side`."""
        amounts = " ".join(f"{SIDE_MARK.get(s.side or '', '')}{s.achieved:g}" for s in self.sets)
        return f"{amounts} {self.unit([s.achieved for s in self.sets])}" + (" each side" if self.alternating else "")


def amount(value: float, unit: str) -> str:
    """An amount in its short unit: `30 s`, `1 rep`, `8 breaths`."""
    return counted(value, *UNIT_WORDS[unit])


def step_outcomes(record: SessionRecord) -> list[StepOutcome]:
    """The record's sets grouped by the step they belong to, in routine order."""
    return [
        StepOutcome(sets[0].exercise_name, sets)
        for sets in (tuple(group) for _, group in groupby(record.sets, key=lambda s: s.step_index))
    ]


def active_seconds(sets: Iterable[SetRecord]) -> float:
    """Time spent working: every set's time, skipped ones included, pauses, rests and get-ready not."""
    return sum(s.active_seconds for s in sets)


def done_and_skipped(sets: Sequence[SetRecord]) -> tuple[int, int]:
    """How many sets were done, and how many skipped."""
    skipped = sum(1 for s in sets if s.skipped)
    return len(sets) - skipped, skipped


def totals(sets: Sequence[SetRecord]) -> str:
    """`7 sets done, 1 skipped · active 4 min 10 s`, or that nothing was done."""
    if not sets:
        return NOTHING_DONE
    done, skipped = done_and_skipped(sets)
    return f"{counted(done, 'set')} done, {skipped} skipped · active {duration(active_seconds(sets))}"


def counts_toward_goal(work_done: float, planned_active: float | None, finished: bool, sets_done: int) -> bool:
    """Whether a session counts toward the weekly goal and the streak: at least half its planned active time done.

    A session saved before its planned active time was kept (None) counts if it ran to the end with a set done.
    """
    if planned_active is None:
        return finished and sets_done > 0
    return work_done >= planned_active * COUNTING_SHARE


def sets_count_toward_goal(sets: Sequence[SetRecord], planned_active: float | None, finished: bool) -> bool:
    """`counts_toward_goal` for a session given by its sets."""
    done, _ = done_and_skipped(sets)
    return counts_toward_goal(sum(s.work_done_seconds for s in sets), planned_active, finished, done)


def goal_note(record: SessionRecord) -> str:
    """Why the session does not count toward the weekly goal, or "" when it does (or nothing was done)."""
    if not record.sets or sets_count_toward_goal(record.sets, record.planned_active_seconds, record.finished):
        return ""
    planned = duration(record.planned_active_seconds)
    return (f"This session does not count toward the weekly goal: less than half of its planned active time"
            f" ({planned}) was done.")  # fmt: skip
