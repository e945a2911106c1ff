"""Properties of the engine that must hold for any valid routine and any sequence of key presses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from support.strategies import routines, steps

from backfit_tui.core.dosages import Reps
from backfit_tui.core.engine import Session, Status
from backfit_tui.core.model import Sides
from backfit_tui.core.records import EventKind
from backfit_tui.core.timeline import PhaseKind


def expected_length(routine, get_ready: int) -> float:
    """The plan's length worked out from the routine alone, part by part."""
    total = 0.0
    for index, step in enumerate(routine.steps):
        sides = 2 if step.sides is Sides.EACH else 1
        if isinstance(step.dosage, Reps):
            per_set = step.dosage.count * step.dosage.rep_seconds * (2 if step.sides is Sides.ALTERNATING else 1)
        else:
            per_set = step.dosage.work_seconds
        total += get_ready + step.sets * sides * per_set
        total += step.sets * step.switch if step.sides is Sides.EACH else 0
        total += (step.sets - 1) * step.rest_between_sets
        total += step.rest_after if index < len(routine.steps) - 1 else 0
    return total


@given(routines(), st.integers(0, 10))
def test_a_timeline_lasts_exactly_the_sum_of_its_parts(routine, get_ready):
    session = Session(routine, lambda: 0.0, get_ready)
    assert session.planned_seconds == pytest.approx(expected_length(routine, get_ready))
    assert session.time_left() == pytest.approx(session.planned_seconds)


@settings(max_examples=150, deadline=None)
@given(routines(paced_only=True), st.lists(st.floats(0.001, 7.0), min_size=1, max_size=50))
def test_an_untouched_session_ends_on_plan_whatever_the_frame_times(routine, frame_gaps):
    now = [500.0]
    session = Session(routine, lambda: now[0], get_ready=3)
    events = session.start()
    turn = 0
    while session.status is not Status.FINISHED:
        now[0] += frame_gaps[turn % len(frame_gaps)]
        turn += 1
        events += session.update()
    dues = [event.due for event in events]
    assert dues == sorted(dues)
    assert events[-1].kind is EventKind.SESSION_FINISHED
    assert events[-1].due - 500.0 == pytest.approx(session.planned_seconds, abs=1e-6)
    assert all(not s.skipped and s.achieved == pytest.approx(s.planned) for s in session.record().sets)


@given(steps().filter(lambda s: isinstance(s.dosage, Reps)))
def test_each_rep_of_a_set_is_numbered_once_on_its_own_side(step):
    reps = [step.rep_of(n) for n in range(1, step.reps_per_set + 1)]
    assert {rep.count for rep in reps} == {step.dosage.count}
    numbered = [(rep.number, rep.side) for rep in reps]
    if step.sides is Sides.ALTERNATING:
        assert [side for _, side in numbered] == ["left", "right"] * step.dosage.count
        assert sorted(numbered) == sorted((n, side) for n in range(1, step.dosage.count + 1) for side in ("left", "right"))
    else:
        assert numbered == [(n, None) for n in range(1, step.dosage.count + 1)]


class SessionUnderKeyPresses(RuleBasedStateMachine):
    """Any order of key presses and clock moves leaves the engine in a state that makes sense."""

    @initialize(routine=routines(), get_ready=st.integers(0, 6))
    def begin(self, routine, get_ready):
        self.now = 0.0
        self.session = Session(routine, lambda: self.now, get_ready)
        self.events = list(self.session.start())

    @rule(seconds=st.floats(0, 40))
    def time_passes(self, seconds):
        self.now += seconds
        self.events += self.session.update()

    @rule(operation=st.sampled_from(
        ["pause", "resume", "skip", "skip_step", "back", "restart_phase", "mark_done", "count_rep"]))  # fmt: skip
    def press(self, operation):
        self.events += getattr(self.session, operation)()

    @rule(lead_in=st.integers(0, 3))
    def resume_after_a_lead_in(self, lead_in):
        self.events += self.session.resume(lead_in)

    @rule(seconds=st.sampled_from([5, -5]))
    def adjust(self, seconds):
        self.events += self.session.adjust(seconds)

    @invariant()
    def state_is_possible(self):
        session = self.session
        assert 0 <= session.index < len(session.timeline)
        elapsed = session.elapsed()
        assert elapsed >= 0
        remaining = session.remaining()
        if session.status is not Status.FINISHED:
            assert (remaining is None) == (session.phase.seconds is None)
        if remaining is not None:
            assert 0 <= remaining <= session.length
        assert session.time_left() >= 0
        assert not session.counts_reps or session.phase.kind is PhaseKind.WORK

    @invariant()
    def events_are_in_time_order_and_never_early(self):
        dues = [event.due for event in self.events]
        assert dues == sorted(dues)
        assert all(due <= self.now + 1e-9 for due in dues)

    @invariant()
    def the_record_holds_only_work_within_its_plan(self):
        for item in self.session.record().sets:
            assert item.achieved >= 0
            if item.unit != "seconds":
                assert item.achieved <= item.planned
        assert all(self.session.timeline[i].kind is PhaseKind.WORK for i in self.session.tally.by_phase)

    @invariant()
    def a_session_finishes_once(self):
        finished = [e for e in self.events if e.kind is EventKind.SESSION_FINISHED]
        assert len(finished) == (1 if self.session.status is Status.FINISHED else 0)


SessionUnderKeyPresses.TestCase.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)
test_any_key_presses_leave_a_possible_state = SessionUnderKeyPresses.TestCase
