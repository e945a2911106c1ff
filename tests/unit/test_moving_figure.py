"""The session's figure moves with its time: each dosage kind's own pose, the next exercise shown in the rests."""

from __future__ import annotations

import pytest
from support.fake_clock import FakeClock

from backfit_tui.core.beats import Side
from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.engine import Session
from backfit_tui.core.figures import ShownSide
from backfit_tui.core.model import Routine, Sides, Step
from backfit_tui.core.moving_figure import DEMONSTRATION_S, demonstration, figure_moment, mirrored
from backfit_tui.core.timeline import PhaseKind
from backfit_tui.store.routines.catalog import load_catalog

LIBRARY = load_catalog().library


def step(exercise: str, dosage, **options) -> Step:
    return Step(LIBRARY[exercise], dosage, **options)


@pytest.mark.parametrize("elapsed", [0.0, 0.5, 7.0, 30.0])
def test_a_hold_shows_its_held_pose_still(elapsed):
    plank = step("plank", Hold(30))
    assert plank.dosage.pose_fraction(plank, elapsed) == 1.0


@pytest.mark.parametrize(
    ("elapsed", "fraction"),
    [(0.0, 0.0), (1.5, 0.5), (3.0, 1.0), (4.0, 0.5), (5.0, 0.0), (6.0, 1 / 3), (8.0, 1.0), (10.0, 0.0)],
)
def test_a_breath_goes_to_the_end_pose_breathing_in_and_back_breathing_out(elapsed, fraction):
    cat_cow = step("cat-cow", Breaths(2, inhale=3, exhale=2))
    assert cat_cow.dosage.pose_fraction(cat_cow, elapsed) == pytest.approx(fraction)


@pytest.mark.parametrize(
    ("elapsed", "fraction"), [(0.0, 0.0), (1.0, 0.5), (2.0, 1.0), (3.0, 0.5), (4.0, 0.0), (6.0, 1.0)]
)
def test_a_paced_rep_goes_out_over_its_first_half_and_back_over_its_second(elapsed, fraction):
    bridge = step("bridge", Reps(3, seconds_per_rep=4))
    assert bridge.dosage.pose_fraction(bridge, elapsed) == pytest.approx(fraction)


@pytest.mark.parametrize(
    ("elapsed", "fraction"),
    [(0.0, 0.0), (1.0, 0.5), (2.0, 1.0), (4.0, 1.0), (5.0, 1.0), (5.5, 0.5), (6.0, 0.0), (7.0, 0.5)],
)
def test_a_paced_rep_with_a_hold_goes_out_as_it_is_paced_holds_and_comes_back_as_the_hold_ends(elapsed, fraction):
    bird_dog = step("bird-dog", Reps(4, seconds_per_rep=2, hold_per_rep=4))  # 6 s a rep: back over its last 1 s
    assert bird_dog.dosage.pose_fraction(bird_dog, elapsed) == pytest.approx(fraction)


@pytest.mark.parametrize("elapsed", [0.0, 2.0, 40.0])
def test_a_self_paced_rep_shows_the_end_pose_while_the_set_is_under_way(elapsed):
    row = step("band-seated-row", Reps(12))
    assert row.dosage.pose_fraction(row, elapsed) == 1.0


def test_a_demonstration_goes_from_the_start_to_the_end_pose_and_back_in_its_time():
    assert demonstration(0.0) == 0.0
    assert demonstration(DEMONSTRATION_S / 2) == pytest.approx(1.0)
    assert demonstration(DEMONSTRATION_S) == pytest.approx(0.0)
    assert demonstration(DEMONSTRATION_S / 4) == pytest.approx(0.5)


def session_of(*steps: Step, get_ready: int = 5) -> tuple[Session, FakeClock]:
    clock = FakeClock(100.0)
    session = Session(Routine("figure-test", "Figure test", "", steps), clock, get_ready)
    session.start()
    return session, clock


def at(session: Session, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    session.update()


def test_getting_ready_demonstrates_the_exercise_to_come_slowly():
    session, clock = session_of(step("cat-cow", Breaths(5)))
    at(session, clock, DEMONSTRATION_S / 2)
    moment = figure_moment(session)
    assert session.phase.kind is PhaseKind.GET_READY
    assert (moment.exercise_id, moment.fraction, moment.moving) == ("cat-cow", pytest.approx(1.0), True)


def test_a_rest_shows_the_next_exercise():
    session, clock = session_of(step("plank", Hold(10), rest_after=20), step("bridge", Reps(5, 3)), get_ready=0)
    at(session, clock, 10 + DEMONSTRATION_S)
    assert session.phase.kind is PhaseKind.STEP_REST
    moment = figure_moment(session)
    assert (moment.exercise_id, moment.fraction) == ("bridge", pytest.approx(0.0))


def test_work_moves_with_its_own_time_and_a_hold_stands_still():
    session, clock = session_of(step("cat-cow", Breaths(3, 4, 4)), step("plank", Hold(20)), get_ready=0)
    at(session, clock, 4.0)
    assert (figure_moment(session).fraction, figure_moment(session).moving) == (pytest.approx(1.0), True)
    at(session, clock, 20.0 + 5.0)
    assert session.phase.step.exercise.id == "plank"
    assert (figure_moment(session).fraction, figure_moment(session).moving) == (1.0, False)


def test_a_pause_freezes_the_figure():
    session, clock = session_of(step("cat-cow", Breaths(3, 4, 4)), get_ready=0)
    at(session, clock, 2.0)
    session.pause()
    frozen = figure_moment(session)
    at(session, clock, 1.5)
    assert figure_moment(session) == frozen
    assert frozen.fraction == pytest.approx(0.5)
    assert not frozen.moving


def test_switching_sides_shows_the_side_to_come():
    session, clock = session_of(step("leg-elevation", Hold(10), sides=Sides.EACH, switch=5), get_ready=0)
    assert figure_moment(session).side is Side.LEFT
    at(session, clock, 11.0)
    assert session.phase.kind is PhaseKind.SWITCH
    assert figure_moment(session).side is Side.RIGHT


def test_reps_that_alternate_show_each_rep_on_its_own_side():
    session, clock = session_of(step("bird-dog", Reps(2, 2, 4), sides=Sides.ALTERNATING), get_ready=0)
    assert figure_moment(session).side is Side.LEFT
    at(session, clock, 6.5)
    assert figure_moment(session).side is Side.RIGHT


@pytest.mark.parametrize(
    ("shown", "side", "turned"),
    [
        (ShownSide.RIGHT, Side.RIGHT, False),
        (ShownSide.RIGHT, Side.LEFT, True),
        (ShownSide.LEFT, Side.RIGHT, True),
        (ShownSide.LEFT, None, False),
        (ShownSide.BOTH, Side.LEFT, False),
    ],
)
def test_the_figure_turns_to_its_mirror_for_the_side_it_does_not_show(shown, side, turned):
    assert mirrored(shown, side) is turned


def test_a_reps_hold_moves_nothing_until_the_way_back():
    session, clock = session_of(step("bird-dog", Reps(2, 2, 4)), get_ready=0)
    at(session, clock, 1.0)
    assert figure_moment(session).moving
    at(session, clock, 2.0)  # 3 s in: held until 5 s
    assert (figure_moment(session).fraction, figure_moment(session).moving) == (1.0, False)
    at(session, clock, 2.5)
    assert figure_moment(session).moving
