"""What a session achieved, step by step: the same words for the summary on the screen and in plain text."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .beats import Side
from .formatting import counted, duration
from .model import Routine, Sides, Step
from .records import SessionRecord, SetRecord
from .timeline import planned_amount

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
    reps, as training plans write them); seconds held are whole ones."""
    values = [shown(v, unit) for v in values]
    if len(values) == 1:
        return amount(values[0], unit)
    if len(set(values)) == 1:
        each = f"{values[0]:g}" if unit == "reps" else amount(values[0], unit)
        return f"{len(values)} × {each}"
    return f"{', '.join(f'{v:g}' for v in values)} {UNIT_WORDS[unit][1]}"


def shown(value: float, unit: str) -> float:
    """An amount as a summary shows it: seconds to the nearest whole one (a hold's tenths are noise), counts as
    they are."""
    return math.floor(value + 0.5) if unit == "seconds" else value


@dataclass(frozen=True)
class StepOutcome:
    """One step of a routine as planned, and the sets of it that were reached (none if it never was)."""

    step: Step
    sets: tuple[SetRecord, ...]

    @property
    def exercise_name(self) -> str:
        return self.step.exercise.name

    @property
    def unit(self) -> str:
        return planned_amount(self.step)[1]

    @property
    def set_count(self) -> int:
        """How many of the step's sets were reached (a set worked on each side is one)."""
        return len({s.set_number for s in self.sets})

    @property
    def skipped(self) -> int:
        """How many sets were skipped, on one side or both."""
        return len({s.set_number for s in self.sets if s.skipped})

    @property
    def done_sets(self) -> int:
        """How many sets were done on every side they are worked on, none of them skipped or left partway (a set
        left on its first side is not done)."""
        sides = [s.set_number for s in self.sets if not s.skipped and not s.partial]
        return sum(1 for n in set(sides) if sides.count(n) == len(self.step.side_order))

    @property
    def not_reached(self) -> int:
        """How many of the planned sets the session never came to, as it was left early."""
        return max(self.step.sets - self.set_count, 0)

    @property
    def side_by_side(self) -> bool:
        """Whether each set is worked on the left, then on the right."""
        return self.step.sides is Sides.EACH

    @property
    def each_side(self) -> bool:
        """Whether the amounts are on each side: one side after the other, or alternating."""
        return self.step.sides is not Sides.NONE

    def planned(self) -> str:
        """`3 × 30 s`, `30 s each side`, `3 × 10 each side`, `2 × 10 breaths`: every set the routine plans."""
        planned = amounts([planned_amount(self.step)[0]] * self.step.sets, self.unit)
        return f"{planned} each side" if self.each_side else planned

    def done(self) -> str:
        """What was done, in the form of the plan: `3 × 30 s`, `10, 8 reps each side`, `left 2 × 10; right 10, 8 reps`,
        and a set left partway after them, `30 s, 10 of 30 s (partial)`; "" when nothing was."""
        whole = self.whole_sets()
        partial = [self.partial_words(s) for s in self.sets if s.partial]
        return ("; " if self.side_by_side else ", ").join(filter(None, [whole, *partial]))

    def partial_words(self, record: SetRecord) -> str:
        """A set left partway: `10 of 30 s (partial)`, `4 of 10 reps each side (partial)`, `right 4 of 10 reps …`."""
        unit = self.unit
        side = f"{record.side} " if self.side_by_side and record.side in SIDES else ""
        sides = " each side" if self.each_side and not self.side_by_side else ""
        return f"{side}{shown(record.achieved, unit):g} of {amount(shown(record.planned, unit), unit)}{sides} (partial)"

    def whole_sets(self) -> str:
        """What the sets that ran their course did (done, or skipped after a start), in the form of the plan."""
        # A set skipped at its start did nothing.
        worked = [s for s in self.sets if not s.partial and (s.achieved or not s.skipped)]
        if not worked:
            return ""
        if not self.side_by_side:
            done = amounts([s.achieved for s in worked], self.unit)
            return f"{done} each side" if self.each_side else done
        on_side = {side: [s.achieved for s in worked if s.side == side] for side in SIDES}
        if on_side["left"] == on_side["right"]:
            return f"{amounts(on_side['left'], self.unit)} each side"
        return "; ".join(f"{side} {amounts(done, self.unit)}" for side, done in on_side.items() if done)

    def missed_words(self) -> str:
        """What of the plan was not done: `skipped`, `not reached`, `1 set skipped, 2 sets not reached`, or ""."""
        if not self.set_count:
            return "not reached"
        if self.skipped == self.step.sets:
            return "skipped"
        missed = [(self.skipped, "skipped"), (self.not_reached, "not reached")]
        return ", ".join(f"{counted(count, 'set')} {what}" for count, what in missed if count)


def amount(value: float, unit: str) -> str:
    """An amount in its short unit: `30 s`, `1 rep`, `8 breaths`."""
    return counted(value, *UNIT_WORDS[unit])


def step_outcomes(routine: Routine, record: SessionRecord) -> list[StepOutcome]:
    """Every step of `routine`, in order, with the sets of it the session's record holds: the whole plan against
    what was done, steps never reached included."""
    by_step: dict[int, list[SetRecord]] = {}
    for s in record.sets:
        by_step.setdefault(s.step_index, []).append(s)
    return [StepOutcome(step, tuple(by_step.get(index, ()))) for index, step in enumerate(routine.steps)]


def active_seconds(sets: Iterable[SetRecord]) -> float:
    """Time spent working: every set's time, skipped ones included, pauses, rests and get-ready not."""
    return sum(s.active_seconds for s in sets)


def done_and_skipped(sets: Sequence[SetRecord]) -> tuple[int, int]:
    """How many sets were done, and how many skipped, a set worked on each side counted once (as on the summary):
    skipped when a side of it was; a set left partway is neither (`partial_sets`)."""
    skipped = {(s.step_index, s.set_number) for s in sets if s.skipped}
    worked = {(s.step_index, s.set_number) for s in sets}
    return len(worked - skipped - partial_sets(sets)), len(skipped)


def partial_sets(sets: Iterable[SetRecord]) -> set[tuple[int, int]]:
    """The sets left partway, as (step index, set number): at most the one under way when the session was left."""
    return {(s.step_index, s.set_number) for s in sets if s.partial}


def totals(outcomes: Sequence[StepOutcome]) -> str:
    """`8 sets done · active 4 min 10 s`, `7 sets done, 1 skipped · …`, `3 of 8 sets done, 1 partial · …` when left
    early (a set worked on each side is one set; one left partway is partial), or that nothing was done."""
    sets = [s for outcome in outcomes for s in outcome.sets]
    if not sets:
        return NOTHING_DONE
    done = sum(o.done_sets for o in outcomes)
    skipped = sum(o.skipped for o in outcomes)
    planned = sum(o.step.sets for o in outcomes)
    if done + skipped < planned:
        words = f"{done} of {counted(planned, 'set')} done"
    else:
        words = f"{counted(done, 'set')} done"
    if skipped:
        words += f", {skipped} skipped"
    if partial := len(partial_sets(sets)):
        words += f", {partial} partial"
    return f"{words} · active {duration(active_seconds(sets))}"


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
