"""A routine unrolled into the phases a session runs through, and what happens inside each.

Everything here is a pure function of the routine and of time elapsed in a phase, so the engine,
the screens and the tests all read the same answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from .beats import COUNTDOWN_SECONDS, Cue, CueKind, Pacing, Side
from .model import Routine, Step

# The seconds left that a guide without a clock on screen says, once each (a screen-reader's milestones).
MILESTONE_SECONDS = (10, 5)


class PhaseKind(StrEnum):
    """What the person is doing in a phase."""

    GET_READY = "get_ready"
    WORK = "work"
    SWITCH = "switch"
    SET_REST = "set_rest"
    STEP_REST = "step_rest"


@dataclass(frozen=True)
class Phase:
    """One stretch of a session: a countdown, a set of work on one side, a switch or a rest."""

    kind: PhaseKind
    step_index: int
    step: Step
    set_number: int = 1  # counted from 1
    side: Side | None = None
    seconds: float | None = 0.0  # None: open-ended, the person says when (self-paced reps)
    counted_out: bool = True  # its last seconds are counted; not a rest that runs into a get-ready's own count

    @property
    def planned_seconds(self) -> float:
        """The phase's length in plans and time-left sums (an estimate when open-ended)."""
        return self.step.set_work_seconds if self.seconds is None else self.seconds

    @property
    def counts_down(self) -> bool:
        """Get-ready, switch, rest and hold phases: big digits count down and ±5 s applies.

        Breaths and reps are paced by their own cues, or counted by hand, instead.
        """
        return self.kind is not PhaseKind.WORK or self.step.dosage.pacing is Pacing.COUNTDOWN

    @property
    def paced(self) -> bool:
        """Work that moves to its own cues, breath by breath or rep by rep: breaths, or reps with a tempo."""
        return self.kind is PhaseKind.WORK and self.step.dosage.pacing is Pacing.CUES


def build_timeline(routine: Routine, get_ready: int, longer: Mapping[int, int] | None = None) -> tuple[Phase, ...]:
    """Every phase of `routine` in order, with `get_ready` seconds before each step, or the `longer` get-ready
    given for a step's index (its introduction takes longer to say)."""
    phases: list[Phase] = []
    last = len(routine.steps) - 1
    longer = longer or {}
    for index, step in enumerate(routine.steps):
        if get_ready:
            phases.append(Phase(PhaseKind.GET_READY, index, step, seconds=longer.get(index, get_ready)))
        for set_number in range(1, step.sets + 1):
            for side in step.side_order:
                if side is Side.RIGHT and step.switch:
                    phases.append(Phase(PhaseKind.SWITCH, index, step, set_number, side, step.switch))
                phases.append(Phase(PhaseKind.WORK, index, step, set_number, side, work_seconds(step)))
            if set_number < step.sets and step.rest_between_sets:
                phases.append(Phase(PhaseKind.SET_REST, index, step, set_number, seconds=step.rest_between_sets))
        if index < last and step.rest_after:  # a get-ready after it counts down into the work, once
            rest_seconds, counted_out = step.rest_after, not get_ready
            phases.append(Phase(PhaseKind.STEP_REST, index, step, step.sets, None, rest_seconds, counted_out))
    return tuple(phases)


def total_seconds(phases: Iterable[Phase]) -> float:
    """The planned length of `phases` together (self-paced work at its estimate)."""
    return sum(phase.planned_seconds for phase in phases)


def planned_active_seconds(phases: Iterable[Phase]) -> float:
    """The planned time of work among `phases`: what the work done in a session is weighed against."""
    return total_seconds(phase for phase in phases if phase.kind is PhaseKind.WORK)


def work_seconds(step: Step) -> float | None:
    """A work phase's fixed length, or None for self-paced reps."""
    return None if step.self_paced else step.set_work_seconds


def planned_amount(step: Step) -> tuple[int, str]:
    """What one work phase of `step` asks for, and its unit: (30, "seconds"), (10, "reps"); reps are per side."""
    return step.dosage.amount, step.dosage.unit


def cues(phase: Phase, length: float | None) -> list[Cue]:
    """Every cue of a phase `length` seconds long, in time order (ties keep a stable order)."""
    if length is None:
        return []
    found: list[Cue] = []
    if phase.counts_down and phase.counted_out:
        found += [Cue(length - n, CueKind.COUNTDOWN, n) for n in COUNTDOWN_SECONDS if length - n > 0]
    if phase.counts_down:
        found += [Cue(length - n, CueKind.SECONDS_LEFT, n) for n in MILESTONE_SECONDS if length - n > 0]
    if phase.kind is PhaseKind.WORK:
        found += phase.step.dosage.beats(phase.step, length)
    return sorted(found, key=lambda cue: cue.offset)
