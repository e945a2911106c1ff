"""A routine unrolled into the phases a session runs through, and what happens inside each.

Everything here is a pure function of the routine and of time elapsed in a phase, so the engine,
the screens and the tests all read the same answers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .model import Breaths, Hold, Reps, Routine, Side, Sides, Step

COUNTDOWN_SECONDS = (3, 2, 1)
# The seconds left that a guide without a clock on screen says, once each (a screen-reader's milestones).
MILESTONE_SECONDS = (10, 5)
# A hold shorter than this gets no halfway cue: it would crowd the 3-2-1 countdown.
HALFWAY_MIN_SECONDS = 8.0


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

    @property
    def planned_seconds(self) -> float:
        """The phase's length in plans and time-left sums (an estimate when open-ended)."""
        return self.step.set_work_seconds if self.seconds is None else self.seconds

    @property
    def counts_down(self) -> bool:
        """Get-ready, switch, rest and hold phases: big digits count down and ±5 s applies.

        Breaths and reps are paced by their own cues instead.
        """
        return self.kind is not PhaseKind.WORK or isinstance(self.step.dosage, Hold)

    @property
    def paced(self) -> bool:
        """Work that moves to its own cues, breath by breath or rep by rep: breaths, or reps with a tempo."""
        dosage = self.step.dosage
        paced_reps = isinstance(dosage, Reps) and dosage.paced
        return self.kind is PhaseKind.WORK and (isinstance(dosage, Breaths) or paced_reps)


def build_timeline(routine: Routine, get_ready: int) -> tuple[Phase, ...]:
    """Every phase of `routine` in order, with `get_ready` seconds before each step."""
    phases: list[Phase] = []
    last = len(routine.steps) - 1
    for index, step in enumerate(routine.steps):
        if get_ready:
            phases.append(Phase(PhaseKind.GET_READY, index, step, seconds=get_ready))
        for set_number in range(1, step.sets + 1):
            for side in step.side_order:
                if side is Side.RIGHT and step.switch:
                    phases.append(Phase(PhaseKind.SWITCH, index, step, set_number, side, step.switch))
                phases.append(Phase(PhaseKind.WORK, index, step, set_number, side, work_seconds(step)))
            if set_number < step.sets and step.rest_between_sets:
                phases.append(Phase(PhaseKind.SET_REST, index, step, set_number, seconds=step.rest_between_sets))
        if index < last and step.rest_after:
            phases.append(Phase(PhaseKind.STEP_REST, index, step, step.sets, seconds=step.rest_after))
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


def reps_per_set(step: Step) -> int:
    """Reps in one work phase: both sides' when they alternate within the set."""
    assert isinstance(step.dosage, Reps)
    return step.dosage.count * (2 if step.sides is Sides.ALTERNATING else 1)


def reps_per_side(step: Step, reps: int) -> int:
    """Of `reps` done in a work phase, the reps as counted: on each side (whole pairs) when sides alternate."""
    return reps // 2 if step.sides is Sides.ALTERNATING else reps


def planned_amount(step: Step) -> tuple[int, str]:
    """What one work phase of `step` asks for, and its unit: (30, "seconds"), (10, "reps"); reps are per side."""
    dosage = step.dosage
    if isinstance(dosage, Hold):
        return dosage.seconds, "seconds"
    if isinstance(dosage, Breaths):
        return dosage.count, "breaths"
    return dosage.count, "reps"


class CueKind(StrEnum):
    """A moment inside a phase that the screen or a chime marks."""

    COUNTDOWN = "countdown"
    HALFWAY = "halfway"
    BREATH_IN = "breath_in"
    BREATH_OUT = "breath_out"
    REP = "rep"
    REP_HOLD = "rep_hold"
    SECONDS_LEFT = "seconds_left"  # a milestone: 10 or 5 seconds left


@dataclass(frozen=True)
class Cue:
    """A cue `offset` seconds into a phase; `value` is the countdown second, seconds left, breath or rep number."""

    offset: float
    kind: CueKind
    value: int = 0


def cues(phase: Phase, length: float | None) -> list[Cue]:
    """Every cue of a phase `length` seconds long, in time order (ties keep a stable order)."""
    if length is None:
        return []
    found: list[Cue] = []
    if phase.counts_down:
        found += [Cue(length - n, CueKind.COUNTDOWN, n) for n in COUNTDOWN_SECONDS if length - n > 0]
        found += [Cue(length - n, CueKind.SECONDS_LEFT, n) for n in MILESTONE_SECONDS if length - n > 0]
    dosage = phase.step.dosage
    if phase.kind is PhaseKind.WORK:
        if isinstance(dosage, Hold) and length >= HALFWAY_MIN_SECONDS:
            found.append(Cue(length / 2, CueKind.HALFWAY))
        elif isinstance(dosage, Breaths):
            for n in range(dosage.count):
                found.append(Cue(n * dosage.breath_seconds, CueKind.BREATH_IN, n + 1))
                found.append(Cue(n * dosage.breath_seconds + dosage.inhale, CueKind.BREATH_OUT, n + 1))
        elif isinstance(dosage, Reps) and dosage.paced:
            for n in range(reps_per_set(phase.step)):
                found.append(Cue(n * dosage.rep_seconds, CueKind.REP, n + 1))
                if dosage.hold_per_rep:
                    found.append(Cue(n * dosage.rep_seconds + dosage.seconds_per_rep, CueKind.REP_HOLD, n + 1))
    return sorted(found, key=lambda cue: cue.offset)


@dataclass(frozen=True)
class BreathPosition:
    """Where a breaths phase is: breath `number` of `count`, breathing in or out, and how far."""

    number: int
    count: int
    inhaling: bool
    fraction: float  # 0 → 1 through the current inhale or exhale


def breath_at(dosage: Breaths, elapsed: float) -> BreathPosition:
    """The breath under way `elapsed` seconds into a breaths phase."""
    index = min(int(elapsed // dosage.breath_seconds), dosage.count - 1)
    within = min(elapsed - index * dosage.breath_seconds, dosage.breath_seconds)
    if within < dosage.inhale:
        return BreathPosition(index + 1, dosage.count, True, within / dosage.inhale)
    return BreathPosition(index + 1, dosage.count, False, min((within - dosage.inhale) / dosage.exhale, 1.0))


@dataclass(frozen=True)
class Rep:
    """A rep as a person counts it: rep `number` of `count`, on its own side when sides alternate."""

    number: int
    count: int
    side: Side | None  # with sides that alternate within the set


def rep_of(step: Step, n: int) -> Rep:
    """The `n`th rep of a work phase (from 1, in the order done); sides that alternate start on the left."""
    assert isinstance(step.dosage, Reps)
    if step.sides is not Sides.ALTERNATING:
        return Rep(n, step.dosage.count, None)
    return Rep((n + 1) // 2, step.dosage.count, Side.LEFT if n % 2 else Side.RIGHT)


@dataclass(frozen=True)
class RepPosition(Rep):
    """Where a paced reps phase is: the rep under way, and its hold if any."""

    holding: bool
    hold_left: float  # seconds left in this rep's hold (0 when not holding)


def rep_at(step: Step, elapsed: float) -> RepPosition:
    """The rep under way `elapsed` seconds into a paced reps phase."""
    dosage = step.dosage
    assert isinstance(dosage, Reps) and dosage.seconds_per_rep is not None
    index = min(int(elapsed // dosage.rep_seconds), reps_per_set(step) - 1)
    within = elapsed - index * dosage.rep_seconds
    holding = bool(dosage.hold_per_rep) and within >= dosage.seconds_per_rep
    hold_left = max(dosage.rep_seconds - within, 0.0) if holding else 0.0
    rep = rep_of(step, index + 1)
    return RepPosition(rep.number, rep.count, rep.side, holding, hold_left)


def completed(count: int, elapsed: float, unit_seconds: float) -> int:
    """Whole units (breaths, reps) finished after `elapsed` seconds, at most `count`."""
    return min(count, math.floor(elapsed / unit_seconds + 1e-9))
