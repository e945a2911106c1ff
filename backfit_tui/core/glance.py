"""What a session looks like at a glance, from a mat two metres away: the phase's word and colour,
the big figure, and the exercise the person should be thinking about.

Pure: read from the engine's state, so a test can check a moment without drawing it, and the screen
only draws what this says.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from .beats import BreathPosition, RepPosition
from .engine import Session, Status
from .formatting import clock_face, literal
from .timeline import COUNTDOWN_SECONDS, Phase, PhaseKind
from .wording import HEADINGS, counting_keys, next_up, phase_cues, phase_heading


class Look(StrEnum):
    """The colour a moment is drawn in, named for what it asks of the person."""

    GET_READY = "get-ready"
    WORK = "work"
    REST = "rest"
    SWITCH = "switch"
    PAUSED = "paused"


LOOKS = {
    PhaseKind.GET_READY: Look.GET_READY,
    PhaseKind.WORK: Look.WORK,
    PhaseKind.SWITCH: Look.SWITCH,
    PhaseKind.SET_REST: Look.REST,
    PhaseKind.STEP_REST: Look.REST,
}

WORDS = {  # the phase's word, shown large: it carries the meaning without the colour
    PhaseKind.GET_READY: "GET READY",
    PhaseKind.WORK: "WORK",
    PhaseKind.SWITCH: "SWITCH SIDES",
    PhaseKind.SET_REST: "REST",
    PhaseKind.STEP_REST: "REST",
}


@dataclass(frozen=True)
class Glance:
    """One moment of a session, as the screen shows it."""

    look: Look
    word: str  # `WORK`, `BREATHE IN`, `REST`, `PAUSED`: large, in the phase's colour
    figure: str  # the largest thing on the screen: `0:27`, or the breath or rep under way, `3/10`
    final_seconds: bool  # the last three seconds of a countdown
    exercise: str  # this exercise during work; the next one while getting ready, resting or switching
    detail: str  # where that exercise stands and its dosage: `Set 2/3 · left · hold 30 s each side`
    cues: tuple[str, ...]  # that exercise's form cues
    then: str  # a line under the cues: what follows the work, how to count reps, or why time stands still
    pace: float | None  # how full the pacer is, 0 → 1, during paced breaths and reps; None otherwise


def glance(session: Session) -> Glance:
    """How the session looks now."""
    phase = session.phase
    focus = upcoming_work(session)
    step = focus.step
    position = _paced_position(session)
    word, pace = _word_and_pace(session, position)
    remaining = session.remaining()
    return Glance(
        look=_look(session),
        word=word,
        figure=_figure(session, position),
        final_seconds=remaining is not None and phase.counts_down and 0 < remaining <= COUNTDOWN_SECONDS[0],
        exercise=_exercise_line(session, literal(step.exercise.name)),
        detail=f"{phase_heading(focus)} · {literal(step.describe_set())}",
        cues=phase_cues(focus),
        then=_then(session, position),
        pace=pace,
    )


def _exercise_line(session: Session, name: str) -> str:
    """The exercise's name, said with the phase in words too (`Rest, then Bird dog`): the big word is drawn
    in blocks, which a screen reader or a copy of the screen cannot read."""
    kind = session.phase.kind
    if kind is PhaseKind.WORK:
        return name
    if kind is PhaseKind.GET_READY:
        return f"Get ready for {name}"
    return f"{HEADINGS[kind]}, then {name}"


def upcoming_work(session: Session) -> Phase:
    """The work phase the person should think about: the current one, or else the next (the last when none)."""
    for phase in session.timeline[session.index :]:
        if phase.kind is PhaseKind.WORK:
            return phase
    return session.phase


def _look(session: Session) -> Look:
    if session.status is Status.PAUSED:
        return Look.PAUSED
    if session.status is Status.RESUMING:
        return Look.GET_READY
    return LOOKS[session.phase.kind]


def _paced_position(session: Session) -> BreathPosition | RepPosition | None:
    """The breath or rep under way in a paced phase, worked out once a frame for the word, the figure and the
    line under the cues; None in any other phase."""
    phase = session.phase
    if not phase.paced:
        return None
    return phase.step.dosage.position(phase.step, session.elapsed())


def _word_and_pace(session: Session, position: BreathPosition | RepPosition | None) -> tuple[str, float | None]:
    phase = session.phase
    if session.status is Status.PAUSED:
        return "PAUSED", None
    if session.status is Status.RESUMING:
        return f"RESUMING IN {_lead_in_second(session)}", None
    word = WORDS[phase.kind] + (f" {phase.side.upper()}" if phase.kind is PhaseKind.WORK and phase.side else "")
    if position is None or session.status is not Status.RUNNING:
        return word, None
    if isinstance(position, BreathPosition):
        if position.inhaling:
            return "BREATHE IN", position.fraction
        return "BREATHE OUT", 1 - position.fraction
    side = f" {position.side.upper()}" if position.side else ""
    return f"{'HOLD' if position.holding else 'WORK'}{side}", position.fraction


def _then(session: Session, position: BreathPosition | RepPosition | None) -> str:
    """The line under the cues: `Next: rest 30 s`, how to count by hand, `hold 3 s`, `paused: space to resume`."""
    phase = session.phase
    if session.status is Status.PAUSED:
        return "paused: space to resume"
    if session.status is Status.RESUMING:
        return f"resuming in {_lead_in_second(session)}…"
    if phase.kind is not PhaseKind.WORK:
        return ""
    if session.counts_reps:
        return counting_keys()
    if isinstance(position, RepPosition) and position.holding:
        return f"hold {math.ceil(position.hold_left)} s"
    return next_up(session.next_phase)


def _lead_in_second(session: Session) -> int:
    """The whole second the lead-in after a pause shows: 3, 2, 1."""
    return max(1, round(session.resumes_in() + 0.499))


def _figure(session: Session, position: BreathPosition | RepPosition | None) -> str:
    """The time left in the phase, or the breath or rep under way (counted per side) when that is the measure."""
    if position is not None:
        return f"{position.number}/{position.count}"
    remaining = session.remaining()
    if remaining is None:  # reps counted by hand
        return f"{session.reps_done}/{session.phase.step.dosage.amount}"
    return clock_face(remaining)
