"""The tally of a session: what each set achieved, recorded as the set ends.

The engine says when a set ends and how long it ran; the tally turns that into the set's record,
in its step's unit, and says when a set, and with its last set a step, is done.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Sides
from .records import ALTERNATING_SIDES, Event, EventKind, SetRecord
from .timeline import Phase, PhaseKind, planned_amount


class Tally:
    """One record per work phase of a timeline: a set done again replaces the record it had."""

    def __init__(self, timeline: Sequence[Phase]) -> None:
        self.timeline = timeline
        self.by_phase: dict[int, SetRecord] = {}  # each work phase's record, by its index in the timeline

    @property
    def sets(self) -> tuple[SetRecord, ...]:
        """Every set recorded so far, in timeline order."""
        return tuple(self.by_phase[i] for i in sorted(self.by_phase))

    def record(
        self, index: int, achieved: float, skipped: bool, due: float, active: float = 0.0, partial: bool = False,
    ) -> list[Event]:  # fmt: skip
        """Record work phase `index`, ended at `due` with `achieved` done in `active` seconds (`partial`: as far as it
        went when the session was left, which ends no step); returns its events."""
        phase = self.timeline[index]
        step = phase.step
        planned, unit = planned_amount(step)
        if step.self_paced and not skipped and achieved == 0:
            achieved = planned  # "set done" pressed without counting: the whole set was done
        side = ALTERNATING_SIDES if step.sides is Sides.ALTERNATING else (phase.side.value if phase.side else None)
        work_done = round(phase.planned_seconds * min(achieved / planned, 1.0), 3)
        record = SetRecord(
            phase.step_index, step.exercise.id, step.exercise.name, phase.set_number, side,
            unit, float(planned), float(achieved), skipped, active, work_done, partial,
        )  # fmt: skip
        self.by_phase[index] = record
        events = [Event(EventKind.SET_DONE, due, index, record=record)]
        is_last_set = all(p.kind is not PhaseKind.WORK or p.step_index != phase.step_index
                          for p in self.timeline[index + 1 :])  # fmt: skip
        if is_last_set and not partial:
            events.append(Event(EventKind.STEP_DONE, due, index))
        return events
