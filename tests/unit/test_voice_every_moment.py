"""The voice says every moment a person with eyes closed needs, for each kind of set, and fits its time."""

from __future__ import annotations

import dataclasses

import pytest
from support.fake_clock import FakeClock
from support.strategies import EXERCISE, routine, step

from backfit_tui.core.dosages import Hold, Reps
from backfit_tui.core.engine import Session, Status
from backfit_tui.core.model import Sides, Step
from backfit_tui.core.phrases import SoFar, fitted_get_ready, introduction, moment_phrase, session_phrases
from backfit_tui.core.records import Event, EventKind
from backfit_tui.core.spoken import spoken_about
from backfit_tui.core.timeline import PhaseKind, build_timeline, cues


def heard(a_step: Step, get_ready: int = 0, brief: bool = False, by_hand: int = 0) -> list[tuple[float, str]]:
    """Each phrase said in a session of `a_step` run straight through, with when it is said; reps counted by hand
    are counted every `by_hand` seconds."""
    clock = FakeClock(0.0)
    session = Session(routine(a_step), clock, get_ready)
    said, events = [], session.start()
    while True:
        for due in sorted({event.due for event in events}):
            moment = [event for event in events if event.due == due]
            if phrase := moment_phrase(moment, session.timeline, True, brief):
                said.append((due, phrase))
        if session.status is Status.FINISHED:
            return said
        if session.counts_reps:
            clock.advance(by_hand)
            events = session.count_rep()
            continue
        clock.now = session.next_wakeup()
        events = session.update()


def words(a_step: Step, **options) -> list[str]:
    return [phrase for _, phrase in heard(a_step, **options)]


# --- alternating sides ----------------------------------------------------------------------


def test_a_paced_alternating_set_says_where_to_start_then_each_side_on_its_reps_beat():
    said = heard(step(Reps(2, 2), sides=Sides.ALTERNATING, sets=2, rest_between_sets=5))
    assert said[:4] == [(0.0, "Plank. Two reps per side, alternating, two sets. Start on the left."),
                        (2.0, "Right."), (4.0, "Left."), (6.0, "Right.")]  # fmt: skip
    assert (13.0, "Set two of two. Start on the left.") in said


def test_a_self_paced_alternating_set_says_the_side_that_comes_as_each_rep_is_counted():
    assert words(step(Reps(2), sides=Sides.ALTERNATING), by_hand=3) == [
        "Plank. Two reps per side, alternating, at your own pace. Start on the left.",
        "Right.", "Left.", "Right.", "Well done. One exercise, ten seconds.",  # 12 s, to the five seconds
    ]  # fmt: skip


def test_the_side_said_replaces_the_reps_knock():
    timeline = build_timeline(routine(step(Reps(2, 2), sides=Sides.ALTERNATING)), 0)
    second_rep = next(c for c in cues(timeline[0], 8.0) if c.kind.value == "rep" and c.value == 2)
    assert moment_phrase([Event(EventKind.REP, second_rep.offset, 0, 2)], timeline, True) == "Right."


# --- reps with a hold -----------------------------------------------------------------------


def test_a_paced_rep_with_a_hold_of_three_seconds_or_more_says_hold_and_lower():
    said = heard(step(Reps(2, 2, hold_per_rep=3)))
    assert said == [(0.0, "Plank. Two holds, three seconds each."), (2.0, "Hold."), (5.0, "Lower."), (7.0, "Hold."),
                    (10.0, "Lower. Well done. One exercise, ten seconds.")]  # fmt: skip


def test_an_exercise_says_its_own_words_for_its_two_movements():
    bird_dog = dataclasses.replace(EXERCISE, name="Bird dog", moves=("Hold", "Back"))
    said = words(Step(bird_dog, Reps(1, 2, hold_per_rep=4), sides=Sides.ALTERNATING))
    assert said[:4] == ["Bird dog. One hold per side, alternating, four seconds each. Start on the left.",
                        "Hold.", "Back. Right.", "Hold."]  # fmt: skip


def test_a_hold_shorter_than_three_seconds_keeps_its_knocks():
    assert words(step(Reps(2, 2, hold_per_rep=2))) == [
        "Plank. Two holds, two seconds each.", "Well done. One exercise, ten seconds."]  # fmt: skip


def test_a_rep_hold_of_ten_seconds_or_more_says_its_halfway_and_counts_down_to_lowering():
    said = heard(step(Reps(1, 3, hold_per_rep=10)))
    assert said == [(0.0, "Plank. One hold, ten seconds each."), (3.0, "Hold."), (8.0, "Halfway."),
                    (10.0, "Three."), (11.0, "Two."), (12.0, "One."),
                    (13.0, "Lower. Well done. One exercise, fifteen seconds.")]  # fmt: skip


def test_a_rep_hold_under_ten_seconds_has_no_halfway_and_no_countdown():
    assert words(step(Reps(1, 3, hold_per_rep=9))) == [
        "Plank. One hold, nine seconds each.", "Hold.", "Lower. Well done. One exercise, ten seconds."]  # fmt: skip


def test_the_brief_voice_leaves_what_happens_within_a_set_to_the_chimes():
    alternating = step(Reps(2, 2, hold_per_rep=10), sides=Sides.ALTERNATING)
    assert words(alternating, brief=True) == [
        "Plank. Two holds per side, alternating, ten seconds each. Start on the left.",
        "Well done. One exercise, fifty seconds.",
    ]


def test_every_new_phrase_is_known_before_the_session_starts():
    for a_step in (step(Reps(2, 2, hold_per_rep=10), sides=Sides.ALTERNATING), step(Reps(3), sides=Sides.ALTERNATING)):
        known = set(session_phrases(routine(a_step), 0, True))
        assert {phrase for _, phrase in heard(a_step)} <= known


# --- time for every phrase --------------------------------------------------------------------


def test_a_rest_before_a_get_ready_is_not_counted_out_so_only_the_get_ready_counts_into_work():
    timeline = build_timeline(routine(step(Hold(30), rest_after=10), step(Hold(30))), 5)
    rest, get_ready = timeline[2], timeline[3]
    assert rest.kind is PhaseKind.STEP_REST and get_ready.kind is PhaseKind.GET_READY
    assert [c.value for c in cues(rest, 10) if c.kind.value == "countdown"] == []
    assert [c.value for c in cues(get_ready, 5) if c.kind.value == "countdown"] == [3, 2, 1]
    no_get_ready = build_timeline(routine(step(Hold(30), rest_after=10), step(Hold(30))), 0)
    assert [c.value for c in cues(no_get_ready[1], 10) if c.kind.value == "countdown"] == [3, 2, 1]


def test_a_get_ready_too_short_for_its_introduction_is_lengthened_to_say_it_whole_then_count():
    long_one, short_one = step(Hold(30), sets=2), step(Hold(20))
    lengths = {introduction(long_one): 5.7, introduction(short_one): 1.2}
    a_routine = routine(long_one, short_one)
    assert fitted_get_ready(a_routine, 5, lengths.get, count_aloud=True) == {0: 10}  # 5.7 s and a breath, to the second; 3 2 1
    assert fitted_get_ready(a_routine, 5, lengths.get, count_aloud=False) == {0: 7}  # the ticks play over it
    assert fitted_get_ready(a_routine, 10, lengths.get, count_aloud=True) == {}
    assert fitted_get_ready(a_routine, 5, lambda _text: None, count_aloud=True) == {}  # unknown: left as it is
    timeline = build_timeline(a_routine, 5, {0: 9})
    assert [p.seconds for p in timeline if p.kind is PhaseKind.GET_READY] == [9, 5]


def test_a_lengthened_get_ready_says_its_introduction_then_counts_aloud():
    a_step = step(Hold(30), sets=2)
    timeline = Session(routine(a_step), lambda: 0.0, 5, {0: 9}).timeline
    phrases = session_phrases(routine(a_step), 5, True, longer={0: 9})
    assert phrases[:4] == [introduction(a_step), "Three.", "Two.", "One."]
    assert timeline[0].seconds == 9


# --- the closing words ------------------------------------------------------------------------


def test_the_closing_words_count_what_was_done_after_skips():
    clock = FakeClock(0.0)
    session = Session(routine(step(Hold(30)), step(Hold(30), sets=3), step(Hold(30))), clock, 0)
    so_far = SoFar()
    so_far.note(session.start())
    clock.advance(30)
    so_far.note(session.update())  # the first done
    so_far.note(session.skip_step())
    events = session.skip_step()
    so_far.note(events)
    assert moment_phrase(events, session.timeline, True, so_far=so_far) == "Well done. One exercise, thirty seconds."


def test_a_session_with_nothing_done_does_not_say_well_done():
    session = Session(routine(step(Hold(30))), lambda: 0.0, 0)
    so_far = SoFar()
    so_far.note(session.start())
    events = session.skip()
    so_far.note(events)
    assert moment_phrase(events, session.timeline, True, so_far=so_far) == "Session over."


# --- natural words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a_step", "said"),
    [
        (Step(dataclasses.replace(EXERCISE, name="Child's pose", category="stretch"), Hold(30), sets=3),
         "Child's pose. Hold thirty seconds, three times."),
        (Step(dataclasses.replace(EXERCISE, name="Knee rolls", category="stretch"), Reps(3, 3, hold_per_rep=30),
              sides=Sides.EACH), "Knee rolls. Three holds per side, thirty seconds each."),
        (Step(dataclasses.replace(EXERCISE, name="Leg elevation", side_word="leg"), Reps(10, 3, hold_per_rep=30),
              sides=Sides.EACH, sets=3), "Leg elevation. Ten holds per leg, thirty seconds each, three sets."),
        (step(Hold(20), sides=Sides.EACH), "Plank. Hold twenty seconds on each side."),
    ],
    ids=["a stretch's sets are times", "holds per side", "holds per leg", "a hold on each side"],
)  # fmt: skip
def test_introductions_read_naturally_aloud(a_step, said):
    assert introduction(a_step) == said


@pytest.mark.parametrize(("seconds", "said"), [(29, "thirty seconds"), (58, "one minute"), (90, "one and a half minutes"),
                                               (210, "three and a half minutes"), (224, "three and a half minutes"),
                                               (226, "four minutes")])  # fmt: skip
def test_lengths_in_passing_are_said_to_the_half_minute(seconds, said):
    assert spoken_about(seconds) == said
