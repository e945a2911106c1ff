"""What the voice says: a phrase for each moment of a session worth saying, the same for every guide.

Phrases are built from the engine's events and the timeline alone, so the screen and the plain guide
say the same, and every phrase of a session is known before it starts (to be rendered ahead of need).
A moment with a phrase is spoken in place of its chime; the others keep their chimes.

The full voice says every moment a person with eyes closed needs: the side each rep of an alternating set is
on, when a rep's hold starts and ends, and a long hold's halfway and countdown. The brief voice leaves what
happens within a set to its chimes, for those who know the moves.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .beats import Pacing, Side
from .engine import Session, Status
from .model import Routine, Sides, Step
from .pain import WORST
from .records import Event, EventKind
from .spoken import number_words, speakable, spoken_about, spoken_count, spoken_duration
from .timeline import COUNTDOWN_SECONDS, Phase, PhaseKind, total_seconds

HALFWAY_SAID_FROM_S = 20  # a shorter hold's halfway is too near its start and its countdown to be worth a phrase
BREATHS_SAID = 2  # the first breaths of a step are said, to set the pace; the chimes carry on from there
MOVES_SAID_FROM_S = 3  # a rep's hold this long has its start and its end said (a shorter one is its knock)
# A phase's opening phrase ("Rest ten seconds. Next: bird dog.") is given this long before the countdown's
# words may cut it short; a shorter phase counts down with the ticks, which play over speech.
OPENING_ROOM_S = 4.0
SPEECH_MARGIN_S = 0.5  # a breath after an introduction before what comes next is said


def phrase_of(event: Event, timeline: Sequence[Phase], count_aloud: bool, brief: bool = False) -> str | None:
    """What the voice says for `event` (of a session on `timeline`), or None when it is left to its chime.

    `count_aloud`: the countdown's last seconds are said ("Three.") rather than ticked. `brief`: what happens
    within a set (sides, a rep's hold and its end, a rep's long hold counted) is left to the chimes.
    """
    phase = timeline[event.phase_index]
    kind = event.kind
    if kind is EventKind.PHASE_STARTED:
        return opening(timeline, event.phase_index)
    if kind is EventKind.SESSION_FINISHED:
        return well_done(timeline[-1].step_index + 1, total_seconds(timeline))
    within_rep = phase.kind is PhaseKind.WORK and not phase.counts_down  # a rep's hold counted, or its halfway
    if kind is EventKind.COUNTDOWN:
        counted = count_aloud and not (within_rep and brief) and _room_to_count(timeline, event.phase_index)
        return f"{number_words(event.value).capitalize()}." if counted else None
    if kind is EventKind.HALFWAY:
        said = not brief if within_rep else phase.step.dosage.work_seconds >= HALFWAY_SAID_FROM_S
        return "Halfway." if said else None
    if kind in (EventKind.BREATH_IN, EventKind.BREATH_OUT):
        first = phase.set_number == 1 and phase.side is not Side.RIGHT and event.value <= BREATHS_SAID
        return ("Breathe in." if kind is EventKind.BREATH_IN else "Breathe out.") if first else None
    if brief:
        return None
    if kind is EventKind.REP:
        return _side_change(phase.step, event.value)
    held = kind in (EventKind.REP_HOLD, EventKind.REP_RELEASE)  # only reps with a hold mark these
    if held and (phase.step.dosage.hold_per_rep or 0) >= MOVES_SAID_FROM_S:
        start, end = phase.step.exercise.moves
        return f"{speakable(start if kind is EventKind.REP_HOLD else end)}."
    return None


def _side_change(step: Step, value: int) -> str | None:
    """The side that comes, said as a rep of an alternating set starts (paced: rep `value`) or as the last is
    counted (by hand: rep `value` done); the first set's start said it first."""
    upcoming = value + 1 if step.self_paced else value
    if step.sides is not Sides.ALTERNATING or not 1 < upcoming <= step.reps_per_set:
        return None
    return f"{str(step.rep_of(upcoming).side).capitalize()}."


def moment_phrase(
    events: Sequence[Event], timeline: Sequence[Phase], count_aloud: bool, brief: bool = False,
    so_far: SoFar | None = None,
) -> str | None:  # fmt: skip
    """The one phrase for `events`: the phrases of their latest moment, in order, as one; None if it has none.

    Earlier moments in the same batch are already past (the caller woke late), so they go unsaid. The end
    counts what `so_far` says was done (the plan, without it).
    """
    if not events:
        return None
    latest = max(event.due for event in events)
    said = [
        so_far.closing(event.due) if so_far and event.kind is EventKind.SESSION_FINISHED
        else phrase_of(event, timeline, count_aloud, brief)
        for event in events if event.due == latest
    ]  # fmt: skip
    return " ".join(dict.fromkeys(phrase for phrase in said if phrase)) or None


@dataclass
class SoFar:
    """What a session has done so far, as its closing words count it: the exercises with work done, and its time."""

    started: float | None = None
    steps_done: set[int] = field(default_factory=set)

    def note(self, events: Sequence[Event]) -> None:
        """Take in a batch of the session's events, in order."""
        for event in events:
            if self.started is None:
                self.started = event.due
            record = event.record
            if record is not None and not record.skipped and record.achieved > 0:
                self.steps_done.add(record.step_index)

    def closing(self, at: float) -> str:
        """The closing words for a session that ends at `at`."""
        return well_done(len(self.steps_done), at - (self.started if self.started is not None else at))


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
    if phase.step.sides is Sides.ALTERNATING:
        said.append("Start on the left.")  # as `Step.rep_of` does; each rep after says its side
    if phase.side is Side.LEFT:
        said.append("Left side.")
    elif phase.side is Side.RIGHT and not (before and before.kind is PhaseKind.SWITCH):
        said.append("Switch sides. Right.")  # no switching pause said it
    return " ".join(said) or None


def introduction(step: Step) -> str:
    """The exercise and what it asks: "Child's pose. Hold thirty seconds, three times."; "Leg elevation. Ten holds
    per leg, thirty seconds each, three sets."."""
    what = step.dosage.said_amount().capitalize()
    extras = []
    if step.sides is not Sides.NONE:  # a count is per side; a length of time is held on each
        each = step.dosage.pacing is Pacing.COUNTDOWN
        what += f" on each {step.exercise.side_word}" if each else f" per {step.exercise.side_word}"
        if step.sides is Sides.ALTERNATING:
            extras.append("alternating")
    if step.dosage.said_pace():
        extras.append(step.dosage.said_pace())
    if step.self_paced:
        extras.append("at your own pace")
    if step.sets > 1:  # a stretch is done again, not in sets
        extras.append(spoken_count(step.sets, "time" if step.exercise.category == "stretch" else "set"))
    name = speakable(step.exercise.name)
    return (f"{name}. " if name else "") + ", ".join([what, *extras]) + "."


def well_done(exercises: int, seconds: float) -> str:
    """The end, counting what was done: "Well done. Four exercises, three and a half minutes."."""
    if not exercises:
        return "Session over."
    return f"Well done. {spoken_count(exercises, 'exercise').capitalize()}, {spoken_about(seconds)}."


def fitted_get_ready(
    routine: Routine, get_ready: int, seconds_of: Callable[[str], float | None], count_aloud: bool
) -> dict[int, int]:
    """The get-ready each step needs, by index, where `get_ready` seconds are too short to say its introduction
    whole (`seconds_of` a phrase: how long it takes to say, None when unknown) and then count into work."""
    if not get_ready:
        return {}
    longer = {}
    for index, step in enumerate(routine.steps):
        said = seconds_of(introduction(step))
        if said is None:
            continue
        room = get_ready - COUNTDOWN_SECONDS[0] if count_aloud else get_ready
        if said + SPEECH_MARGIN_S > room:
            needed = math.ceil(said + SPEECH_MARGIN_S)
            longer[index] = max(needed + COUNTDOWN_SECONDS[0], COUNTDOWN_SECONDS[0] + math.ceil(OPENING_ROOM_S)) \
                if count_aloud else needed
    return longer


def pain_question() -> str:
    """What the voice asks after a session (and before it, when asked then too), as the screen's question."""
    return f"How is your back now? Zero is no pain, {number_words(WORST)} the worst."


def closing_phrases(pain_check: str) -> tuple[str, ...]:
    """What the voice may say after a session besides its own phrases: the question of the back, unless it is
    never asked (`pain_check = "off"`)."""
    return (pain_question(),) if pain_check != "off" else ()


def break_call(routine_name: str) -> str:
    """What a due break says: `Time for a break. Desk break.`"""
    return f"Time for a break. {speakable(routine_name)}."


def session_phrases(
    routine: Routine, get_ready: int, count_aloud: bool, brief: bool = False, longer: dict[int, int] | None = None
) -> list[str]:
    """Every phrase a session of `routine` says when run straight through, once each, in the order first said.

    The session is run on a clock of its own that jumps to each wake-up, so this takes no real time.
    """
    now = [0.0]
    session = Session(routine, lambda: now[0], get_ready, longer)
    phrases: dict[str, None] = {}
    events = session.start()
    while True:
        for due in sorted({event.due for event in events}):
            moment = [event for event in events if event.due == due]
            phrase = moment_phrase(moment, session.timeline, count_aloud, brief)
            if phrase:
                phrases[phrase] = None
        if session.status is Status.FINISHED:
            return list(phrases)
        if session.counts_reps:
            events = session.count_rep()
            continue
        now[0] = session.next_wakeup()
        events = session.update()
