"""A routine unrolled into the phases a session runs through: sets, sides, switches, rests, pacing."""

from __future__ import annotations

import pytest
from support.fake_clock import FakeClock
from support.strategies import routine, step

from backfit_tui.core.beats import Side
from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.engine import Session
from backfit_tui.core.model import Sides
from backfit_tui.core.timeline import PhaseKind, build_timeline


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_a_hold_with_sets_unrolls_into_get_ready_work_rest_work(clock):
    session = Session(routine(step(Hold(30), sets=2, rest_between_sets=10)), clock, get_ready=5)
    assert [(p.kind, p.set_number, p.seconds) for p in session.timeline] == [
        (PhaseKind.GET_READY, 1, 5),
        (PhaseKind.WORK, 1, 30),
        (PhaseKind.SET_REST, 1, 10),
        (PhaseKind.WORK, 2, 30),
    ]
    assert session.planned_seconds == 75


def test_each_side_works_left_then_right_with_a_switch_pause_in_every_set(clock):
    session = Session(routine(step(Hold(30), sets=2, sides=Sides.EACH, switch=5)), clock, get_ready=0)
    assert [(p.kind, p.set_number, p.side) for p in session.timeline] == [
        (PhaseKind.WORK, 1, Side.LEFT),
        (PhaseKind.SWITCH, 1, Side.RIGHT),
        (PhaseKind.WORK, 1, Side.RIGHT),
        (PhaseKind.WORK, 2, Side.LEFT),
        (PhaseKind.SWITCH, 2, Side.RIGHT),
        (PhaseKind.WORK, 2, Side.RIGHT),
    ]


def test_alternating_reps_make_one_work_phase_of_both_sides_reps(clock):
    bird_dog = step(Reps(10, seconds_per_rep=2, hold_per_rep=4), sides=Sides.ALTERNATING)
    session = Session(routine(bird_dog), clock, get_ready=0)
    assert [(p.kind, p.seconds) for p in session.timeline] == [(PhaseKind.WORK, 120)]


def test_rest_after_the_last_step_is_left_out(clock):
    session = Session(routine(step(Hold(10), rest_after=20), step(Hold(10), rest_after=20)), clock, get_ready=0)
    assert [p.kind for p in session.timeline] == [PhaseKind.WORK, PhaseKind.STEP_REST, PhaseKind.WORK]



def test_breaths_and_reps_with_a_tempo_are_paced_holds_and_self_paced_reps_are_not():
    dosages = (Breaths(3), Reps(8, seconds_per_rep=2), Hold(30), Reps(8))
    phases = [build_timeline(routine(step(dosage)), get_ready=5) for dosage in dosages]
    assert [work.paced for _, work in phases] == [True, True, False, False]
    assert not any(get_ready.paced for get_ready, _ in phases)
