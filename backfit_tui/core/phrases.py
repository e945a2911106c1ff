"""What the voice says: a phrase for each moment of a session worth saying, the same for every guide.

Phrases are built from the engine's events and the timeline alone, so the screen and the plain guide
say the same, and every phrase of a session is known before it starts (to be rendered ahead of need).
A moment with a phrase is spoken in place of its chime; the others keep their chimes.
"""

from __future__ import annotations

from collections.abc import Sequence

from .beats import Side
from .engine import Session, Status
from .model import Routine, Sides, Step
from .records import Event, EventKind
from .spoken import number_words, speakable, spoken_count, spoken_duration
from .timeline import COUNTDOWN_SECONDS, Phase, PhaseKind, total_seconds

HALFWAY_SAID_FROM_S = 20  # a shorter hold's halfway is too near its start and its countdown to be worth a phrase
BREATHS_SAID = 2  # the first breaths of a step are said, to set the pace; the chimes carry on from there
# A phase's opening phrase ("Rest ten seconds. Next: bird dog.") is given this long before the countdown's
# words may cut it short; a shorter phase counts down with the ticks, which play over speech.
OPENING_ROOM_S = 4.0


def phrase_of(event: Event, timeline: Sequence[Phase], count_aloud: bool) -> str | None:
    """What the voice says for `event` (of a session on `timeline`), or None when it is left to its chime.

    `count_aloud`: the countdown's last seconds are said ("Three.") rather than ticked.
    """
    phase = timeline[event.phase_index]
    kind = event.kind
    if kind is EventKind.PHASE_STARTED:
        return opening(timeline, event.phase_index)
    if kind is EventKind.COUNTDOWN:
        counted = count_aloud and _room_to_count(timeline, event.phase_index)
        return f"{number_words(event.value).capitalize()}." if counted else None
    if kind is EventKind.HALFWAY:
        return "Halfway." if phase.step.dosage.work_seconds >= HALFWAY_SAID_FROM_S else None
    if kind in (EventKind.BREATH_IN, EventKind.BREATH_OUT):
        first = phase.set_number == 1 and phase.side is not Side.RIGHT and event.value <= BREATHS_SAID
        return ("Breathe in." if kind is EventKind.BREATH_IN else "Breathe out.") if first else None
    if kind is EventKind.SESSION_FINISHED:
        return well_done(timeline)
    return None


def moment_phrase(events: Sequence[Event], timeline: Sequence[Phase], count_aloud: bool) -> str | None:
    """The one phrase for `events`: the phrases of their latest moment, in order, as one; None if it has none.

    Earlier moments in the same batch are already past (the caller woke late), so they go unsaid.
    """
    if not events:
        return None
    latest = max(event.due for event in events)
    said = [phrase_of(event, timeline, count_aloud) for event in events if event.due == latest]
    return " ".join(dict.fromkeys(phrase for phrase in said if phrase)) or None


def _room_to_count(timeline: Sequence[Phase], index: int) -> bool:
    """Whether phase `index`'s countdown may be said: its opening phrase, if any, has had OPENING_ROOM_S."""
    phase = timeline[index]
    return opening(timeline, index) is None or phase.planned_seconds - COUNTDOWN_SECONDS[0] >= OPENING_ROOM_S


def opening(timeline: Sequence[Phase], index: int) -> str | None:
    """What is said as phase `index` starts: the exercise while getting ready, a set's number, a side, a rest."""
    phase = timeline[index]
    before = timeline[index - 1] if index else None
    if phase.kind is PhaseKind.GET_READY:
        return introduction(phase.step)
    if phase.kind is PhaseKind.SWITCH:
        return f"Switch sides. {str(phase.side).capitalize()}."
    if phase.kind in (PhaseKind.SET_REST, PhaseKind.STEP_REST):
        rest = f"Rest {spoken_duration(phase.planned_seconds)}."
        following = timeline[index + 1] if index + 1 < len(timeline) else None
        name = speakable(following.step.exercise.name) if following and phase.kind is PhaseKind.STEP_REST else ""
        return f"{rest} Next: {name}." if name else rest
    said = []
    first_side = phase.side is not Side.RIGHT
    if phase.set_number == 1 and first_side and not (before and before.kind is PhaseKind.GET_READY):
        said.append(introduction(phase.step))  # no get-ready said what comes
    elif phase.step.sets > 1 and first_side:
        said.append(f"Set {number_words(phase.set_number)} of {number_words(phase.step.sets)}.")
    if phase.side is Side.LEFT:
        said.append("Left side.")
    elif phase.side is Side.RIGHT and not (before and before.kind is PhaseKind.SWITCH):
        said.append("Switch sides. Right.")  # no switching pause said it
    return " ".join(said) or None


def introduction(step: Step) -> str:
    """The exercise and what it asks: "Child's pose. Hold thirty seconds, three sets."."""
    what = step.dosage.said_amount().capitalize()
    extras = []
    if step.sides is not Sides.NONE:
        what += " on each side"
        if step.sides is Sides.ALTERNATING:
            extras.append("alternating")
    if step.dosage.said_pace():
        extras.append(step.dosage.said_pace())
    if step.self_paced:
        extras.append("at your own pace")
    if step.sets > 1:
        extras.append(spoken_count(step.sets, "set"))
    name = speakable(step.exercise.name)
    return (f"{name}. " if name else "") + ", ".join([what, *extras]) + "."


def well_done(timeline: Sequence[Phase]) -> str:
    """The end: "Well done. Four exercises, nine minutes." (the routine as planned)."""
    exercises = spoken_count(timeline[-1].step_index + 1, "exercise")
    planned = total_seconds(timeline)
    length = spoken_duration(planned) if planned < 60 else spoken_count(int(planned / 60 + 0.5), "minute")
    return f"Well done. {exercises.capitalize()}, {length}."


def break_call(routine_name: str) -> str:
    """What a due break says: `Time for a break. Desk break.`"""
    return f"Time for a break. {speakable(routine_name)}."


def session_phrases(routine: Routine, get_ready: int, count_aloud: bool) -> list[str]:
    """Every phrase a session of `routine` says when run straight through, once each, in the order first said.

    The session is run on a clock of its own that jumps to each wake-up, so this takes no real time.
    """
    now = [0.0]
    session = Session(routine, lambda: now[0], get_ready)
    phrases: dict[str, None] = {}
    events = session.start()
    while True:
        for due in sorted({event.due for event in events}):
            phrase = moment_phrase([event for event in events if event.due == due], session.timeline, count_aloud)
            if phrase:
                phrases[phrase] = None
        if session.status is Status.FINISHED:
            return list(phrases)
        if session.counts_reps:
            events = session.mark_done()
            continue
        now[0] = session.next_wakeup()
        events = session.update()
