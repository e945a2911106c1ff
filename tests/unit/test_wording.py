"""The words of a session, the same for the session screen, the plain guide and a voice."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import assume, given
from hypothesis import strategies as st
from support.fake_clock import FakeClock
from support.strategies import routine, routines, step

from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.engine import Session, Status
from backfit_tui.core.model import Sides
from backfit_tui.core.records import Event, EventKind
from backfit_tui.core.timeline import PhaseKind, build_timeline
from backfit_tui.core.wording import (
    Move,
    event_words,
    next_up,
    phase_announcement,
    phase_cues,
    phase_heading,
    why_not,
)

# What each move asks of the engine, as the session screen asks it.
OPERATIONS = {
    Move.BACK: lambda session: session.back(),
    Move.LONGER: lambda session: session.adjust(+5),
    Move.SHORTER: lambda session: session.adjust(-5),
    Move.DONE: lambda session: session.count_rep() if session.counts_reps else session.mark_done(),
}


def test_a_set_on_one_side_is_worded_alike_on_the_screen_and_in_the_plain_guide():
    timeline = build_timeline(routine(step(Hold(30), sets=3, sides=Sides.EACH, rest_between_sets=20)), get_ready=5)
    second_left = next(p for p in timeline if p.set_number == 2 and p.side == "left")
    assert phase_heading(second_left) == "Set 2/3 · left"
    assert phase_announcement(second_left) == "Plank: hold 30 s each side (set 2/3, left)"
    rest = next(p for p in timeline if p.kind is PhaseKind.SET_REST)
    assert (phase_heading(rest), phase_announcement(rest)) == ("Rest", "Rest 0:20 before set 2/3")
    switch = next(p for p in timeline if p.kind is PhaseKind.SWITCH)
    assert [next_up(phase) for phase in (second_left, rest, switch, None)] == [
        "Next: Plank — set 2/3 · left", "Next: rest 20 s", "Next: switch sides 5 s", "Next: the end"]  # fmt: skip


def test_a_single_set_is_not_numbered_and_a_rest_between_steps_names_what_comes_next():
    plank = step(Hold(30), rest_after=20)
    bridge = replace(step(Hold(20), sides=Sides.EACH), exercise=replace(plank.exercise, name="Bridge"))
    work, rest, get_ready, left, _switch, _right = build_timeline(routine(plank, bridge), get_ready=5)[1:]
    assert phase_announcement(work) == "Plank: hold 30 s"
    assert phase_announcement(rest, following=get_ready) == "Rest 0:20, then Bridge"
    assert phase_announcement(left) == "Bridge: hold 20 s each side (left)"


def test_a_dosage_says_its_amount_and_sides_first_and_its_pace_after():
    bird_dog = step(Reps(10, seconds_per_rep=2, hold_per_rep=5), sides=Sides.ALTERNATING)
    assert bird_dog.describe_set() == "10 reps each side, alternating (2 s per rep + 5 s hold)"
    assert step(Reps(8), sides=Sides.EACH).describe_set() == "8 reps each side (self-paced)"
    assert step(Breaths(6, inhale=4, exhale=6)).describe_set() == "6 breaths (4 s in, 6 s out)"
    assert step(Hold(30), sides=Sides.EACH).describe_set() == "hold 30 s each side"


def test_getting_ready_shows_only_the_first_form_cue():
    get_ready, work = build_timeline(routine(step(Reps(8))), get_ready=5)
    assert phase_cues(get_ready) == ("Forearms under shoulders",)
    assert phase_cues(work) == ("Forearms under shoulders", "Body in one long line")
    assert phase_announcement(get_ready) == "Get ready: Plank (0:05) — Forearms under shoulders"
    assert phase_announcement(work) == "Plank: 8 reps (self-paced) — Enter per rep, d then Enter when the set is done"


def test_the_moments_inside_a_phase_have_words_and_bookkeeping_has_none():
    (work,) = build_timeline(routine(step(Reps(2, seconds_per_rep=2, hold_per_rep=4), sides=Sides.ALTERNATING)), 0)
    words = [event_words(Event(kind, 0.0, 0, value), work) for kind, value in [
        (EventKind.SECONDS_LEFT, 10), (EventKind.REP, 2), (EventKind.REP_HOLD, 2), (EventKind.SET_DONE, 0),
        (EventKind.COUNTDOWN, 3), (EventKind.SESSION_FINISHED, 0)]]  # fmt: skip
    assert words == ["10 seconds left", "rep 1/2 · right", "hold 4 s", "", "", ""]  # no line for each second, nor
    # for the end, which the summary's heading says


def session_at(a_routine, seconds: float, get_ready: int = 3) -> Session:
    """A session of `a_routine` started and `seconds` in."""
    clock = FakeClock(0.0)
    session = Session(a_routine, clock, get_ready)
    session.start()
    clock.advance(seconds)
    session.update()
    return session


def test_a_move_that_does_nothing_says_why_in_a_few_words():
    hand_counted, breaths, paced = step(Reps(3)), step(Breaths(2, inhale=1, exhale=1)), step(Reps(2, seconds_per_rep=2))
    getting_ready = session_at(routine(hand_counted), 1)
    assert why_not(getting_ready, Move.BACK) == "Already at the start"
    assert why_not(getting_ready, Move.DONE) == "Get ready: no set to mark done (n skips it)"
    assert why_not(getting_ready, Move.LONGER) is None
    counting = session_at(routine(hand_counted), 4)
    assert why_not(counting, Move.LONGER) == "Nothing to lengthen: reps are counted by hand"
    assert why_not(counting, Move.SHORTER) == "Nothing to shorten: reps are counted by hand"
    assert why_not(counting, Move.DONE) is None and why_not(counting, Move.BACK) is None
    assert why_not(session_at(routine(breaths), 4), Move.LONGER) == "Nothing to lengthen: the breaths keep their own pace"
    assert why_not(session_at(routine(paced), 4), Move.SHORTER) == "Nothing to shorten: the reps keep their own pace"


def test_every_move_of_a_hold_does_something_once_past_the_start():
    holding = session_at(routine(step(Hold(30))), 5)
    assert [why_not(holding, move) for move in Move] == [None] * len(Move)


@given(routines(), st.floats(0, 300), st.sampled_from(list(Move)))
def test_a_move_does_nothing_exactly_when_it_says_why(a_routine, seconds, move):
    session = session_at(a_routine, seconds)
    assume(session.status is Status.RUNNING)  # the screen has gone once the session is over
    before = (session.index, session.length, session.elapsed(), session.reps_counted, session.status)
    reason = why_not(session, move)
    events = OPERATIONS[move](session)
    after = (session.index, session.length, session.elapsed(), session.reps_counted, session.status)
    if reason:
        assert events == [] and after == before
    else:
        assert events or after != before
