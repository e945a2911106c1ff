"""What a session says: the words for its phases and its moments, for every guide.

The session screen and the plain guide both word a session from here, and so can a spoken voice:
pure functions from a phase or an event to plain text, with no markup and no
layout. Text from a routine file goes through `literal`, so it is always shown as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from .beats import Pacing, Rep
from .engine import Session
from .formatting import clock_face, literal
from .model import Routine
from .records import Event, EventKind
from .timeline import Phase, PhaseKind

# Each caution the articles give, in our words: 002 and 000 (a professional first, with a back problem),
# 000 and 003 (stop with pain; severe or lasting pain), 004 (never to extremes; drink water), 000 (rest days to
# recover, said of a strengthening workout: 001's daily bridges and the desk breaks need none).
SAFETY_NOTE = (
    "With a back problem already, see a health professional before you start. Move only within a range that "
    "feels comfortable and never push to extremes. Stop if anything hurts, and see someone about back pain that "
    "is severe or lasts. Leave rest days between strength sessions, and drink water as you exercise."
)
# The same cautions in a line, for the help screen (about as long as the note once was).
SAFETY_LINE = (
    "With a back problem, see a health professional first. Stop if anything hurts; get severe or lasting pain seen. "
    "Never go to extremes; rest days between strength sessions; drink water."
)

HEADINGS = {  # every phase but the work itself, by what it is called
    PhaseKind.GET_READY: "Get ready",
    PhaseKind.SWITCH: "Switch sides",
    PhaseKind.SET_REST: "Rest",
    PhaseKind.STEP_REST: "Rest",
}


def phase_heading(phase: Phase) -> str:
    """Where in the routine a phase is: `Set 2/3 · left`, `Get ready`, `Rest`."""
    if phase.kind is not PhaseKind.WORK:
        return HEADINGS[phase.kind]
    return _set_of(phase.set_number, phase.step.sets).capitalize() + (f" · {phase.side}" if phase.side else "")


def phase_announcement(phase: Phase, following: Phase | None = None) -> str:
    """What a phase asks of the person, as one line: `Rest 0:30 before set 2/3`, `Plank: hold 30 s (set 1/3)`,
    `Plank: hold 30 s`; a rest between steps names the exercise `following` it: `Rest 0:30, then Bridge`."""
    step = phase.step
    name = literal(step.exercise.name)
    if phase.kind is not PhaseKind.WORK:
        heading, length = HEADINGS[phase.kind], clock_face(phase.planned_seconds)
        if phase.kind is PhaseKind.GET_READY:
            return f"{heading}: {name} ({length}) — {phase_cues(phase)[0]}"
        if phase.kind is PhaseKind.SWITCH:
            return f"{heading} ({length})"
        if phase.kind is PhaseKind.SET_REST:
            return f"{heading} {length} before {_set_of(phase.set_number + 1, step.sets)}"
        then = f", then {literal(following.step.exercise.name)}" if following is not None else ""
        return f"{heading} {length}{then}"
    where = ", ".join(filter(None, (_set_of(phase.set_number, step.sets) if step.sets > 1 else "", phase.side)))
    self_paced = f" — {counting_keys(typed=True)}" if step.self_paced else ""
    return f"{name}: {literal(step.describe_set())}{f' ({where})' if where else ''}{self_paced}"


REP_KEY = "Enter"  # while reps are counted by hand: one rep
DONE_KEY = "d"  # the set is done: what was counted, or the whole set when nothing was


def counting_keys(typed: bool = False) -> str:
    """How reps counted by hand are counted, in every guide: `Enter per rep, d when the set is done`.

    A guide that reads whole lines (`typed`) asks for Enter after the d.
    """
    done = f"{DONE_KEY} then {REP_KEY}" if typed else DONE_KEY
    return f"{REP_KEY} per rep, {done} when the set is done"


def _set_of(number: int, sets: int) -> str:
    """`set 2/3`."""
    return f"set {number}/{sets}"


def phase_cues(phase: Phase) -> tuple[str, ...]:
    """The form cues a phase shows: while getting ready only the first, to be read at a glance."""
    cues = phase.step.form_cues
    return tuple(literal(cue) for cue in (cues[:1] if phase.kind is PhaseKind.GET_READY else cues))


def next_up(following: Phase | None) -> str:
    """A preview of the phase that comes next: `Next: Plank — set 2/3`, `Next: rest 30 s`, `Next: the end`."""
    if following is None:
        return "Next: the end"
    name = literal(following.step.exercise.name)
    if following.kind is PhaseKind.WORK:
        return f"Next: {name} — {phase_heading(following).lower()}"
    if following.kind is PhaseKind.GET_READY:
        return f"Next: {name}"
    return f"Next: {HEADINGS[following.kind].lower()} {following.seconds:g} s"


def event_words(event: Event, phase: Phase, following: Phase | None = None) -> str:
    """What an event says (`phase` is the one it happened in, `following` the one after it), or "" for an event
    that goes unsaid.

    Each second of a countdown goes unsaid: a line a second is noise to a screen reader, so the seconds
    left are said at milestones instead (`10 seconds left`), and the chimes tick the last three. The end
    goes unsaid too: the summary's heading says it, once.
    """
    kind = event.kind
    if kind is EventKind.PHASE_STARTED:
        return phase_announcement(phase, following)
    if kind is EventKind.SECONDS_LEFT:
        return f"{event.value} seconds left"
    if kind is EventKind.HALFWAY:
        return "halfway"
    if kind is EventKind.BREATH_IN:
        return f"breathe in  {event.value}/{phase.step.dosage.amount}"
    if kind is EventKind.BREATH_OUT:
        return "breathe out"
    if kind is EventKind.REP:
        return rep_words(phase.step.rep_of(event.value))
    if kind is EventKind.REP_HOLD:
        return f"hold {phase.step.dosage.hold_per_rep} s"
    if kind is EventKind.REP_RELEASE:
        return literal(phase.step.exercise.moves[1].lower())
    return ""


def longer_get_ready(routine: Routine, longer: Mapping[int, int]) -> str:
    """What a session says first of the get-readies made longer for the voice:
    `A longer get-ready, so each introduction is said whole: Bird dog 9 s, Leg elevation 10 s.`"""
    each = ", ".join(f"{literal(routine.steps[index].exercise.name)} {seconds} s" for index, seconds in longer.items())
    return f"A longer get-ready, so each introduction is said whole: {each}."


def rep_words(rep: Rep) -> str:
    """`rep 2/10 · right`, `rep 3/8`."""
    return f"rep {rep.number}/{rep.count}" + (f" · {rep.side}" if rep.side else "")


class Move(StrEnum):
    """What a session key asks for, when the answer may be that it does nothing now."""

    BACK = "back"
    LONGER = "longer"  # +5 s
    SHORTER = "shorter"  # -5 s
    DONE = "done"  # Enter: count a rep, or end the set; d: end the set


def why_not(session: Session, move: Move) -> str | None:
    """Why `move` would do nothing now in a session under way, in a few words; None when it does something.

    The session screen hides such a key's hint, and says this when the key is pressed anyway.
    """
    phase = session.phase
    if move is Move.BACK:
        return None if session.can_go_back else "Already at the start"
    if move is Move.DONE:
        if phase.kind is PhaseKind.WORK:
            return None
        return f"{HEADINGS[phase.kind]}: no set to mark done (n skips it)"
    if session.can_adjust:
        return None
    verb = "lengthen" if move is Move.LONGER else "shorten"
    return f"Nothing to {verb}: {_untimed(phase)}"


def _untimed(phase: Phase) -> str:
    """Why a work phase has no time to change: its reps or breaths set the pace."""
    dosage = phase.step.dosage
    if dosage.pacing is Pacing.BY_HAND:
        return f"{dosage.unit} are counted by hand"
    return f"the {dosage.unit} keep their own pace"

