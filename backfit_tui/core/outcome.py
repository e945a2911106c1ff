"""What a session achieved, step by step: the same words for the summary on the screen and in plain text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby

from .formatting import counted, duration
from .model import Side
from .records import ALTERNATING_SIDES, SessionRecord, SetRecord

UNIT_WORDS = {"seconds": ("s", "s"), "breaths": ("breath", "breaths"), "reps": ("rep", "reps")}
SIDES = tuple(side.value for side in Side)
NOTHING_DONE = "Nothing was done this time."
COUNTING_SHARE = 0.5  # of its planned active time, for a session to count toward the weekly goal


class Ending(StrEnum):
    """How a session ended, as its summary's heading says it."""

    WELL_DONE = "well-done"  # ran to the end, with enough done to count toward the weekly goal
    FINISHED = "finished"  # ran to the end, but with most of it skipped
    LEFT_EARLY = "left-early"


def ending(record: SessionRecord) -> Ending:
    """Whether the session was done well, only run to its end, or left early."""
    if not record.finished:
        return Ending.LEFT_EARLY
    if sets_count_toward_goal(record.sets, record.planned_active_seconds, record.finished):
        return Ending.WELL_DONE
    return Ending.FINISHED


def heading(record: SessionRecord) -> str:
    """`Well done — Desk break finished`, `Desk break finished` or `Left early — Desk break`."""
    name = record.routine_name
    return {
        Ending.WELL_DONE: f"Well done — {name} finished",
        Ending.FINISHED: f"{name} finished",
        Ending.LEFT_EARLY: f"Left early — {name}",
    }[ending(record)]


def amounts(values: Sequence[float], unit: str) -> str:
    """Sets' amounts in their unit, alike ones counted: `30 s`, `3 × 30 s`, `30, 12 s`, `10 reps`, `3 × 10` (sets of
    reps, as training plans write them)."""
    if len(values) == 1:
        return amount(values[0], unit)
    if len(set(values)) == 1:
        each = f"{values[0]:g}" if unit == "reps" else amount(values[0], unit)
        return f"{len(values)} × {each}"
    return f"{', '.join(f'{v:g}' for v in values)} {UNIT_WORDS[unit][1]}"


@dataclass(frozen=True)
class StepOutcome:
    """One step's sets as planned and as done."""

    exercise_name: str
    sets: tuple[SetRecord, ...]

    @property
    def unit(self) -> str:
        return self.sets[0].unit

    @property
    def set_count(self) -> int:
        """How many of the step's sets were reached (a set worked on each side is one)."""
        return len({s.set_number for s in self.sets})

    @property
    def skipped(self) -> int:
        """How many sets were skipped, on one side or both."""
        return len({s.set_number for s in self.sets if s.skipped})

    @property
    def side_by_side(self) -> bool:
        """Whether each set is worked on the left, then on the right."""
        return any(s.side in SIDES for s in self.sets)

    @property
    def each_side(self) -> bool:
        """Whether the amounts are on each side: one side after the other, or alternating."""
        return self.side_by_side or self.sets[0].side == ALTERNATING_SIDES

    def planned(self) -> str:
        """`3 × 30 s`, `30 s each side`, `3 × 10 each side`, `2 × 10 breaths`."""
        planned = amounts([self.sets[0].planned] * self.set_count, self.unit)
        return f"{planned} each side" if self.each_side else planned

    def done(self) -> str:
        """What was done, in the form of the plan: `3 × 30 s`, `10, 8 reps each side`, `left 2 × 10; right 10, 8 reps`;
        "" when nothing was."""
        worked = [s for s in self.sets if s.achieved or not s.skipped]  # a set skipped at its start did nothing
        if not worked:
            return ""
        if not self.side_by_side:
            done = amounts([s.achieved for s in worked], self.unit)
            return f"{done} each side" if self.each_side else done
        on_side = {side: [s.achieved for s in worked if s.side == side] for side in SIDES}
        if on_side["left"] == on_side["right"]:
            return f"{amounts(on_side['left'], self.unit)} each side"
        return "; ".join(f"{side} {amounts(done, self.unit)}" for side, done in on_side.items() if done)

    def skipped_words(self) -> str:
        """`skipped` when every set was, `1 set skipped`, or "" when none was."""
        if not self.skipped:
            return ""
        return "skipped" if self.skipped == self.set_count else f"{counted(self.skipped, 'set')} skipped"


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
