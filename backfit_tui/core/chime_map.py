"""Which chime marks which moment of a session: one mapping, for the screen and the plain guide.

A moment (one due time) may bring several events: a set ends, the switch begins and its countdown
starts together. The moment gets one chime, the most telling of them, so sounds never pile up.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from .records import Event, EventKind
from .timeline import Phase, PhaseKind


class Chime(StrEnum):
    """Every chime, most telling first; the value names the bundled file and the setting."""

    COMPLETE = "complete"
    SWITCH = "switch"
    WORK_START = "work_start"
    WORK_END = "work_end"
    REST_END = "rest_end"
    COUNTDOWN = "countdown"
    REP = "rep"
    BREATH_IN = "breath_in"
    BREATH_OUT = "breath_out"


PRIORITY = list(Chime)
ONE_TO_ONE = {  # events whose chime does not depend on the phase
    EventKind.COUNTDOWN: Chime.COUNTDOWN,
    EventKind.REP: Chime.REP,
    EventKind.BREATH_IN: Chime.BREATH_IN,
    EventKind.BREATH_OUT: Chime.BREATH_OUT,
}
RESTS = (PhaseKind.SET_REST, PhaseKind.STEP_REST)


def chime_of(event: Event, phase: Phase) -> Chime | None:
    """The chime `event` asks for by itself (in `phase`, the phase it belongs to), if any."""
    kind = event.kind
    if kind is EventKind.SESSION_FINISHED:
        return Chime.COMPLETE
    if kind is EventKind.SIDE_SWITCHED:
        return Chime.SWITCH
    if kind in (EventKind.PHASE_STARTED, EventKind.RESUMED) and phase.kind is PhaseKind.WORK:
        return Chime.WORK_START
    if kind is EventKind.PHASE_ENDED:
        return Chime.WORK_END if phase.kind is PhaseKind.WORK else Chime.REST_END if phase.kind in RESTS else None
    return ONE_TO_ONE.get(kind)


def chime_for(events: Sequence[Event], timeline: Sequence[Phase]) -> Chime | None:
    """The one chime to play now for `events`: the most telling of the latest moment that has one.

    Earlier moments in the same batch are already past (the caller woke late), so they stay quiet.
    """
    by_moment: dict[float, list[Chime]] = {}
    for event in events:
        chime = chime_of(event, timeline[event.phase_index])
        if chime is not None:
            by_moment.setdefault(event.due, []).append(chime)
    if not by_moment:
        return None
    return min(by_moment[max(by_moment)], key=PRIORITY.index)
