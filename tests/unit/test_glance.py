"""What the session screen shows at a glance: the phase's word and colour, the big figure, and the
exercise to think about, read from the engine without drawing anything."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from support.fake_clock import FakeClock
from support.strategies import routine, routines, step

from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.engine import Session, Status
from backfit_tui.core.glance import Look, glance
from backfit_tui.core.model import Exercise, Sides, Step

BIRD_DOG = Exercise(
    id="bird-dog", name="Bird dog", category="core", targets=("back",), equipment=(), needs_floor=True,
    cues=("Hands under shoulders", "Reach long, not high"),
)  # fmt: skip


def started(*steps: Step, get_ready: int = 5) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    session = Session(routine(*steps), clock, get_ready)
    session.start()
    return session, clock


def at(session: Session, clock: FakeClock, seconds: float):
    clock.now += seconds
    session.update()
    return glance(session)


def test_a_hold_shows_the_time_left_large_in_the_work_colour_with_its_own_cues():
    session, clock = started(step(Hold(30), sets=2, rest_between_sets=10))
    now = at(session, clock, 5 + 2.5)
    assert (now.look, now.word, now.figure) == (Look.WORK, "WORK", "0:28")
    assert (now.exercise, now.detail) == ("Plank", "Set 1/2 · hold 30 s")
    assert now.cues == ("Forearms under shoulders", "Body in one long line")
    assert now.then == "Next: rest 10 s" and now.pace is None and not now.final_seconds
    assert at(session, clock, 25).final_seconds  # 3 s left


def test_getting_ready_and_resting_show_the_next_exercise_not_the_one_just_finished():
    plank = step(Hold(20), rest_after=15)
    bird_dog = Step(exercise=BIRD_DOG, dosage=Reps(10), sides=Sides.EACH)
    session, clock = started(plank, bird_dog)
    now = glance(session)
    assert (now.look, now.word, now.figure, now.exercise) == (Look.GET_READY, "GET READY", "0:05", "Get ready for Plank")
    resting = at(session, clock, 5 + 20 + 1)
    assert (resting.look, resting.word, resting.figure) == (Look.REST, "REST", "0:14")
    assert resting.exercise == "Rest, then Bird dog"
    assert resting.detail == "Set 1/1 · left · 10 reps each side (self-paced)"
    assert resting.cues == ("Hands under shoulders", "Reach long, not high")
    assert resting.then == ""


def test_switching_sides_has_its_own_look_and_names_the_side_that_comes():
    session, clock = started(step(Hold(10), sides=Sides.EACH, switch=5), get_ready=0)
    assert glance(session).word == "WORK LEFT"
    switching = at(session, clock, 11)
    assert (switching.look, switching.word, switching.figure) == (Look.SWITCH, "SWITCH SIDES", "0:04")
    assert switching.detail == "Set 1/1 · right · hold 10 s each side"
    assert switching.exercise == "Switch sides, then Plank"


def test_breaths_show_the_breath_large_and_the_pacer_grows_in_and_shrinks_out():
    session, clock = started(step(Breaths(10, 4, 6)), get_ready=0)
    breathing_in = at(session, clock, 10 + 1)  # a quarter into breath 2's inhale
    assert (breathing_in.word, breathing_in.figure, breathing_in.pace) == ("BREATHE IN", "2/10", 0.25)
    breathing_out = at(session, clock, 4.5)  # a quarter into its exhale
    assert (breathing_out.word, breathing_out.pace) == ("BREATHE OUT", 0.75)


def test_paced_reps_show_the_rep_and_side_and_count_down_each_hold():
    session, clock = started(step(Reps(5, 2, 3), sides=Sides.ALTERNATING), get_ready=0)
    moving = at(session, clock, 1)
    assert (moving.word, moving.figure, moving.pace) == ("WORK LEFT", "1/5", 0.5)
    holding = at(session, clock, 1.5)
    assert (holding.word, holding.figure, holding.then) == ("HOLD LEFT", "1/5", "hold 3 s")
    assert at(session, clock, 3).word == "WORK RIGHT"


def test_reps_counted_by_hand_show_the_count_and_how_to_count():
    session, _ = started(step(Reps(12)), get_ready=0)
    session.count_rep()
    now = glance(session)
    assert (now.figure, now.then) == ("1/12", "Enter per rep, d when the set is done")


def test_a_pause_and_its_lead_in_say_so_in_words_and_look_apart():
    session, clock = started(step(Hold(30)), get_ready=0)
    clock.now += 4
    session.pause()
    paused = glance(session)
    assert (paused.look, paused.word, paused.then, paused.figure) == (Look.PAUSED, "PAUSED", "paused: space to resume", "0:26")
    session.resume(3)
    resuming = glance(session)
    assert (resuming.look, resuming.word, resuming.then) == (Look.GET_READY, "RESUMING IN 3", "resuming in 3…")


@settings(max_examples=60, deadline=None)
@given(routines(), st.lists(st.floats(0, 40), max_size=12))
def test_every_moment_has_a_word_a_figure_and_an_exercise(plan, waits):
    clock = FakeClock()
    session = Session(plan, clock, 3)
    session.start()
    for wait in waits:
        clock.now += wait
        session.update()
        if session.status is Status.FINISHED:
            break
        now = glance(session)
        assert now.word and now.figure and now.exercise
        assert now.pace is None or 0 <= now.pace <= 1
        assert (now.look is Look.WORK) == (session.phase.kind == "work" and session.status is Status.RUNNING)
