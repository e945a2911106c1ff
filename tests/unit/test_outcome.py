"""A session's record read step by step, as the summary shows it."""

from __future__ import annotations

from support.fake_clock import FakeClock
from support.strategies import routine, step

from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.engine import Session
from backfit_tui.core.model import Sides
from backfit_tui.core.outcome import (
    Ending,
    StepOutcome,
    active_seconds,
    done_and_skipped,
    ending,
    goal_note,
    heading,
    step_outcomes,
    totals,
)
from backfit_tui.core.records import SessionRecord, SetRecord


def finished_session(*steps, get_ready=0) -> Session:
    """A session of `steps` run to its end without a key pressed."""
    clock = FakeClock()
    session = Session(routine(*steps), clock, get_ready)
    session.start()
    clock.advance(session.planned_seconds)
    session.update()
    return session


BIRD_DOG = step(Reps(10, seconds_per_rep=1), sets=2, sides=Sides.EACH)
TWO_SETS = step(Reps(10, seconds_per_rep=1), sets=2)


def a_side(set_number: int, side: str | None, achieved: float, skipped: bool = False, planned: float = 10) -> SetRecord:
    """One side of a set of reps of the bird dog."""
    return SetRecord(0, "bird-dog", "Bird dog", set_number, side, "reps", planned, achieved, skipped, achieved, achieved)


def test_each_step_shows_its_sets_planned_and_done_with_what_was_skipped():
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

    plank_done, lunges_done = step_outcomes(session.routine, session.record())
    assert (plank_done.planned(), plank_done.done(), plank_done.missed_words()) == (
        "3 × 30 s", "30, 12 s", "2 sets skipped",
    )
    assert (lunges_done.planned(), lunges_done.done(), lunges_done.missed_words()) == (
        "2 × 10 each side", "10 reps each side", "1 set skipped",
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
    hip_flexion_done, leg_lift_done = step_outcomes(session.routine, session.record())
    assert (hip_flexion_done.planned(), hip_flexion_done.done()) == ("5 reps each side", "5 reps each side")
    assert (leg_lift_done.planned(), leg_lift_done.done()) == ("5 reps each side", "5 reps each side")


def test_one_breath_or_rep_is_singular():
    clock = FakeClock()
    session = Session(routine(step(Reps(1, seconds_per_rep=2))), clock, get_ready=0)
    session.start()
    clock.advance(2)
    session.update()
    (lift,) = step_outcomes(session.routine, session.record())
    assert (lift.planned(), lift.done()) == ("1 rep", "1 rep")


def test_one_set_done_is_singular():
    clock = FakeClock()
    session = Session(routine(step(Hold(2))), clock, get_ready=0)
    session.start()
    clock.advance(2)
    session.update()
    assert totals(step_outcomes(session.routine, session.record())) == "1 set done · active 2 s"


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


def test_the_plan_and_what_was_done_say_the_sides_and_count_alike_sets():
    twist = step(Hold(30), sides=Sides.EACH, switch=2)
    bird_dog = step(Reps(10, seconds_per_rep=1), sets=3, sides=Sides.EACH, switch=2)
    breathing = step(Breaths(10, 1, 1), sets=2)
    session = finished_session(twist, bird_dog, breathing)
    outcomes = step_outcomes(session.routine, session.record())
    assert [(o.exercise_name, o.planned(), o.done(), o.missed_words()) for o in outcomes] == [
        ("Plank", "30 s each side", "30 s each side", ""),
        ("Plank", "3 × 10 each side", "3 × 10 each side", ""),
        ("Plank", "2 × 10 breaths", "2 × 10 breaths", ""),
    ]


def test_sides_that_did_different_amounts_are_said_one_by_one():
    outcome = StepOutcome(BIRD_DOG, (a_side(1, "left", 10), a_side(1, "right", 10), a_side(2, "left", 10),
                                     a_side(2, "right", 8, skipped=True)))  # fmt: skip
    assert (outcome.planned(), outcome.done(), outcome.missed_words()) == (
        "2 × 10 each side", "left 2 × 10; right 10, 8 reps", "1 set skipped",
    )


def test_a_step_skipped_from_its_start_did_nothing_and_says_it_was_skipped():
    outcome = StepOutcome(TWO_SETS, (a_side(1, None, 0, skipped=True), a_side(2, None, 0, skipped=True)))
    assert (outcome.planned(), outcome.done(), outcome.missed_words()) == ("2 × 10", "", "skipped")


def test_a_set_cut_short_without_a_skip_is_done_as_far_as_it_went():
    outcome = StepOutcome(TWO_SETS, (a_side(1, None, 10), a_side(2, None, 7)))
    assert (outcome.done(), outcome.missed_words()) == ("10, 7 reps", "")


def test_a_session_run_to_its_end_is_well_done_unless_most_of_it_was_skipped():
    done = finished_session(step(Hold(10), sets=2)).record()
    assert (ending(done), heading(done)) == (Ending.WELL_DONE, "Well done — Test finished")
    skipped = SessionRecord("test", "Test", (a_side(1, None, 0, skipped=True),), True, 10)
    assert (ending(skipped), heading(skipped)) == (Ending.FINISHED, "Test finished")
    left = SessionRecord("test", "Test", (a_side(1, None, 10),), False, 10)
    assert (ending(left), heading(left)) == (Ending.LEFT_EARLY, "Left early — Test")


def test_left_early_every_step_of_the_plan_is_shown_against_what_was_done():
    clock = FakeClock()
    pull_apart = step(Reps(12, seconds_per_rep=1), sets=2, rest_between_sets=5)
    session = Session(routine(pull_apart, step(Hold(30))), clock, get_ready=0)
    session.start()
    clock.advance(14)  # the first set, and 2 s of the rest: then left
    session.update()
    outcomes = step_outcomes(session.routine, session.record())
    assert [(o.planned(), o.done(), o.missed_words()) for o in outcomes] == [
        ("2 × 12", "12 reps", "1 set not reached"),
        ("30 s", "", "not reached"),
    ]
    assert totals(outcomes) == "1 of 3 sets done · active 12 s"


def test_a_set_worked_on_each_side_counts_as_one_set():
    one_sided = [step(Hold(2)) for _ in range(4)]
    session = finished_session(*one_sided, step(Hold(2), sides=Sides.EACH, switch=0))
    assert totals(step_outcomes(session.routine, session.record())) == "5 sets done · active 12 s"


def test_the_history_counts_the_sets_of_a_session_as_its_summary_does():
    worked = [a_side(1, "left", 10), a_side(1, "right", 10), a_side(2, "left", 10), a_side(2, "right", 4, skipped=True)]
    record = SessionRecord("bird", "Bird", tuple(worked), True, 40.0)
    assert totals(step_outcomes(routine(BIRD_DOG), record)).startswith("1 set done, 1 skipped")
    assert done_and_skipped(worked) == (1, 1)  # the history's table: not 3 done and 1 skipped


def test_seconds_held_are_shown_whole():
    clock = FakeClock()
    session = Session(routine(step(Hold(10), sets=2)), clock, get_ready=0)
    session.start()
    clock.advance(0.8)
    session.skip()
    clock.advance(10)
    session.update()
    (hold,) = step_outcomes(session.routine, session.record())
    assert (hold.done(), hold.missed_words()) == ("1, 10 s", "1 set skipped")


def test_a_set_left_on_its_first_side_is_not_counted_done():
    clock = FakeClock()
    session = Session(routine(step(Hold(10)), step(Hold(10), sides=Sides.EACH, switch=5)), clock, get_ready=0)
    session.start()
    clock.advance(23)  # the first hold, the left side, 3 s of the switch: then left
    session.update()
    outcomes = step_outcomes(session.routine, session.record())
    assert outcomes[1].done() == "left 10 s"
    assert totals(outcomes) == "1 of 2 sets done · active 20 s"
