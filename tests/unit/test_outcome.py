"""A session's record read step by step, as the summary shows it."""

from __future__ import annotations

from support.fake_clock import FakeClock
from support.strategies import routine, step

from backfit_tui.core.engine import Session
from backfit_tui.core.model import Hold, Reps, Sides
from backfit_tui.core.outcome import active_seconds, goal_note, step_outcomes, totals


def test_each_step_shows_its_sets_planned_and_done_with_sides_marked():
    clock = FakeClock()
    plank = step(Hold(30), sets=3, rest_between_sets=10)
    lunges = step(Reps(10, seconds_per_rep=2), sets=2, sides=Sides.EACH)
    session = Session(routine(plank, lunges), clock, get_ready=0)
    session.start()
    clock.advance(30 + 10 + 12)  # set 2 of the plank, 12 s in
    session.skip()
    session.skip_step()
    clock.advance(20 + 5 + 20)  # the lunges' first set: left, switch, right
    session.update()
    session.skip_step()

    plank_done, lunges_done = step_outcomes(session.record())
    assert (plank_done.planned(), plank_done.done(), plank_done.skipped) == ("3 × 30 s", "30 12 0 s", 2)
    assert (lunges_done.planned(), lunges_done.done(), lunges_done.skipped) == (
        "2 × 10 reps each side", "L10 R10 L0 R0 reps", 2,
    )
    assert active_seconds(session.record().sets) == 30 + 12 + 20 + 20


def test_alternating_sides_are_one_set_counted_on_each_side_as_sides_each_are():
    clock = FakeClock()
    hip_flexion = step(Reps(5, seconds_per_rep=1), sides=Sides.ALTERNATING)
    leg_lift = step(Reps(5, seconds_per_rep=1), sides=Sides.EACH, switch=0)
    session = Session(routine(hip_flexion, leg_lift), clock, get_ready=0)
    session.start()
    clock.advance(20)
    session.update()
    hip_flexion_done, leg_lift_done = step_outcomes(session.record())
    assert (hip_flexion_done.planned(), hip_flexion_done.done()) == ("1 × 5 reps each side", "5 reps each side")
    assert (leg_lift_done.planned(), leg_lift_done.done()) == ("1 × 5 reps each side", "L5 R5 reps")


def test_one_breath_or_rep_is_singular():
    clock = FakeClock()
    session = Session(routine(step(Reps(1, seconds_per_rep=2))), clock, get_ready=0)
    session.start()
    clock.advance(2)
    session.update()
    (lift,) = step_outcomes(session.record())
    assert (lift.planned(), lift.done()) == ("1 × 1 rep", "1 rep")


def test_one_set_done_is_singular():
    clock = FakeClock()
    session = Session(routine(step(Hold(2))), clock, get_ready=0)
    session.start()
    clock.advance(2)
    session.update()
    assert totals(session.record().sets) == "1 set done, 0 skipped · active 2 s"


def test_a_session_with_under_half_its_planned_active_time_done_says_it_does_not_count():
    clock = FakeClock()
    session = Session(routine(step(Hold(10), sets=3)), clock, get_ready=0)
    session.start()
    clock.advance(14)
    session.skip()  # 10 s done, 4 s of the second set
    assert session.record().planned_active_seconds == 30
    assert goal_note(session.record()) == (
        "This session does not count toward the weekly goal: less than half of its planned active time (30 s) was done."
    )
    clock.advance(1)
    session.skip()  # 15 s of 30
    assert goal_note(session.record()) == ""
