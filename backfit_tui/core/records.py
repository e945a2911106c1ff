"""What a session produces: events as they happen, and the record of every set, for the screen,
the chimes and the history alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .beats import CueKind

ALTERNATING_SIDES = "both"  # the side of a set whose reps alternate left and right: its amounts are on each side


class EventKind(StrEnum):
    """Something that happened in a session, for the screen, the chimes and the history."""

    PHASE_STARTED = "phase_started"
    COUNTDOWN = CueKind.COUNTDOWN.value
    HALFWAY = CueKind.HALFWAY.value
    BREATH_IN = CueKind.BREATH_IN.value
    BREATH_OUT = CueKind.BREATH_OUT.value
    REP = CueKind.REP.value
    REP_HOLD = CueKind.REP_HOLD.value
    REP_RELEASE = CueKind.REP_RELEASE.value
    SECONDS_LEFT = CueKind.SECONDS_LEFT.value
    PHASE_ENDED = "phase_ended"
    RESUMED = "resumed"  # the lead-in after a pause is over: the frozen phase runs again
    SET_DONE = "set_done"
    SIDE_SWITCHED = "side_switched"
    STEP_DONE = "step_done"
    SESSION_FINISHED = "session_finished"


@dataclass(frozen=True)
class SetRecord:
    """One set (one side of it, with sides `each`) as planned and as done.

    A session keeps one record per set: a set done again after going back (`b`) replaces the record
    it had, skipped or not, in the session's record and in the history alike. A set under way when the
    session was left is kept as far as it went, `partial`: neither done nor skipped.
    """

    step_index: int
    exercise_id: str
    exercise_name: str
    set_number: int
    side: str | None  # "left", "right", ALTERNATING_SIDES or None
    unit: str  # "seconds", "breaths" or "reps"
    planned: float
    achieved: float
    skipped: bool
    active_seconds: float  # time spent in the set, pauses not counted
    work_done_seconds: float  # the set's planned active time, in the share of its amount achieved
    partial: bool = False  # under way when the session was left: `achieved` is as far as it went


@dataclass(frozen=True)
class Event:
    """An event due at `due` on the session's clock, in phase `phase_index` of the timeline."""

    kind: EventKind
    due: float
    phase_index: int
    value: int = 0  # countdown second, seconds left, breath or rep number
    record: SetRecord | None = None  # with SET_DONE


@dataclass(frozen=True)
class SessionRecord:
    """What was done in a session, set by set, ready for the history store."""

    routine_id: str
    routine_name: str
    sets: tuple[SetRecord, ...]
    finished: bool  # ran to the end, rather than left early
    # The time of work the routine plans, which the work done is weighed against; None in a session from the history
    # saved before it was kept.
    planned_active_seconds: float | None
