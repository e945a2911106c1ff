"""The session engine driven by a fake clock: phases, events, operations and the record."""

from __future__ import annotations

import pytest
from support.fake_clock import FakeClock
from support.strategies import routine, step

from backfit_tui.core.beats import Side
from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.engine import Session, Status
from backfit_tui.core.model import Sides
from backfit_tui.core.records import EventKind
from backfit_tui.core.timeline import PhaseKind
from backfit_tui.core.wording import rep_words


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def kinds(events):
    return [event.kind for event in events]


def started(session: Session, clock: FakeClock):
    session.start()
    return session


def test_remaining_time_comes_from_the_deadline_however_rarely_updated(clock):
    session = started(Session(routine(step(Hold(30))), clock, get_ready=0), clock)
    clock.advance(12.25)
    assert session.remaining() == pytest.approx(17.75)
    assert session.deadline() == pytest.approx(1030.0)


def test_a_late_update_reports_each_event_at_the_time_it_was_due(clock):
    session = started(Session(routine(step(Hold(10)), step(Hold(10))), clock, get_ready=5), clock)
    clock.advance(100)  # one very late frame
    events = session.update()
    ends = [e.due for e in events if e.kind is EventKind.PHASE_ENDED]
    assert ends == pytest.approx([1005, 1015, 1020, 1030])
    assert events[-1].kind is EventKind.SESSION_FINISHED and events[-1].due == pytest.approx(1030)
    assert session.status is Status.FINISHED


def test_a_long_session_ends_exactly_on_plan_with_uneven_updates(clock):
    long = routine(*[step(Hold(45), sets=3, rest_between_sets=15, rest_after=30) for _ in range(20)])
    session = started(Session(long, clock, get_ready=5), clock)
    finished = []
    while session.status is not Status.FINISHED:
        clock.advance(0.333)
        finished += [e for e in session.update() if e.kind is EventKind.SESSION_FINISHED]
    assert finished[0].due - 1000.0 == pytest.approx(session.planned_seconds, abs=1e-6)


def test_a_hold_counts_down_three_two_one_and_marks_halfway(clock):
    session = Session(routine(step(Hold(30))), clock, get_ready=0)
    events = session.start()
    clock.advance(30)
    events += session.update()
    cues = [(e.kind, e.value, e.due - 1000) for e in events if e.kind in (EventKind.COUNTDOWN, EventKind.HALFWAY)]
    assert cues == [(EventKind.HALFWAY, 0, 15), (EventKind.COUNTDOWN, 3, 27), (EventKind.COUNTDOWN, 2, 28),
                    (EventKind.COUNTDOWN, 1, 29)]  # fmt: skip


def test_breaths_are_paced_in_and_out_without_a_countdown(clock):
    session = Session(routine(step(Breaths(2, inhale=3, exhale=4))), clock, get_ready=0)
    events = session.start()
    clock.advance(14)
    events += session.update()
    paced = [(e.kind, e.value, e.due - 1000) for e in events if e.kind.value.startswith("breath")]
    assert paced == [(EventKind.BREATH_IN, 1, 0), (EventKind.BREATH_OUT, 1, 3),
                     (EventKind.BREATH_IN, 2, 7), (EventKind.BREATH_OUT, 2, 10)]  # fmt: skip
    assert EventKind.COUNTDOWN not in kinds(events)


def test_breath_position_follows_the_clock():
    dosage = Breaths(10, inhale=4, exhale=6)
    position = dosage.position(step(dosage), 0)
    assert (position.number, position.inhaling, position.fraction) == (1, True, 0.0)
    position = dosage.position(step(dosage), 4)  # the first breath turns from in to out
    assert (position.number, position.inhaling, position.fraction) == (1, False, 0.0)
    position = dosage.position(step(dosage), 12)  # breath 2: 10..14 in, 14..20 out
    assert (position.number, position.inhaling, position.fraction) == (2, True, 0.5)
    position = dosage.position(step(dosage), 17)
    assert (position.number, position.inhaling, position.fraction) == (2, False, 0.5)
    assert dosage.position(step(dosage), 100).number == 10  # the end stays on the last breath


def test_paced_reps_with_a_hold_cue_each_rep_and_its_hold(clock):
    bird_dog = step(Reps(2, seconds_per_rep=2, hold_per_rep=4), sides=Sides.ALTERNATING)
    session = Session(routine(bird_dog), clock, get_ready=0)
    events = session.start()
    clock.advance(24)
    events += session.update()
    reps = [(e.kind, e.value, e.due - 1000) for e in events if e.kind in (EventKind.REP, EventKind.REP_HOLD)]
    assert reps[:4] == [(EventKind.REP, 1, 0), (EventKind.REP_HOLD, 1, 2), (EventKind.REP, 2, 6),
                        (EventKind.REP_HOLD, 2, 8)]  # fmt: skip
    assert len(reps) == 8
    position = bird_dog.dosage.position(bird_dog, 9)  # the second rep, the first on the right, 1 s into its 4 s hold
    assert (position.number, position.count, position.side, position.holding, position.hold_left) == (
        1, 2, Side.RIGHT, True, 3)  # fmt: skip
    assert rep_words(position) == "rep 1/2 · right"


def test_alternating_reps_are_recorded_per_side_in_whole_pairs(clock):
    bird_dog = step(Reps(10, seconds_per_rep=1), sides=Sides.ALTERNATING)
    session = Session(routine(bird_dog), clock, get_ready=0)
    session.start()
    clock.advance(7.5)  # four reps on the left, three on the right
    session.skip()
    (record,) = session.record().sets
    assert (record.side, record.planned, record.achieved) == ("both", 10, 3)


def test_a_switch_phase_announces_the_side_switch_and_steps_announce_their_end(clock):
    session = Session(routine(step(Hold(5), sides=Sides.EACH, switch=3), step(Hold(5))), clock, get_ready=0)
    events = session.start()
    clock.advance(18)
    events += session.update()
    assert kinds(events).count(EventKind.SIDE_SWITCHED) == 1
    step_done = [e.due - 1000 for e in events if e.kind is EventKind.STEP_DONE]
    assert step_done == [13, 18]


def test_pausing_freezes_the_phase_exactly_and_resuming_carries_on(clock):
    session = started(Session(routine(step(Hold(30))), clock, get_ready=0), clock)
    clock.advance(10.5)
    session.pause()
    clock.advance(600)
    assert session.update() == []
    assert session.remaining() == pytest.approx(19.5)
    assert session.time_left() == pytest.approx(19.5)
    session.resume()
    clock.advance(19.5)
    events = session.update()
    assert events[-1].kind is EventKind.SESSION_FINISHED
    assert events[-1].due == pytest.approx(1630.0)


def test_resuming_counts_three_two_one_before_the_phase_moves_again(clock):
    session = started(Session(routine(step(Hold(30))), clock, get_ready=0), clock)
    clock.advance(10)
    session.pause()
    clock.advance(50)
    assert [e.value for e in session.resume(lead_in=3)] == [3]  # said as the key is pressed
    assert session.status is Status.RESUMING
    assert session.next_wakeup() == pytest.approx(1061)
    clock.advance(1.5)
    assert [e.value for e in session.update()] == [2]
    assert (session.remaining(), session.resumes_in()) == (20, pytest.approx(1.5))
    clock.advance(1.5)
    events = session.update()
    assert [(e.kind, e.value) for e in events] == [(EventKind.COUNTDOWN, 1), (EventKind.RESUMED, 0)]
    assert events[-1].due == pytest.approx(1063)
    assert session.status is Status.RUNNING
    clock.advance(20)
    assert session.update()[-1].due == pytest.approx(1083)  # 30 s held + 50 s paused + 3 s lead-in


def test_pausing_during_the_lead_in_keeps_the_phase_frozen(clock):
    session = started(Session(routine(step(Hold(30))), clock, get_ready=0), clock)
    clock.advance(10)
    session.pause()
    session.resume(lead_in=3)
    clock.advance(1)
    session.pause()
    clock.advance(100)
    session.update()
    assert (session.status, session.remaining()) == (Status.PAUSED, 20)


def test_skipping_a_hold_records_it_skipped_with_what_was_held(clock):
    session = started(Session(routine(step(Hold(30)), step(Hold(10))), clock, get_ready=0), clock)
    clock.advance(12)
    events = session.skip()
    assert session.phase.step_index == 1 and session.phase.kind is PhaseKind.WORK
    record = next(e.record for e in events if e.kind is EventKind.SET_DONE)
    assert (record.planned, record.achieved, record.skipped) == (30, 12, True)
    assert events[-1].kind is EventKind.PHASE_STARTED and events[-1].due == pytest.approx(1012)


def test_keys_pressed_after_an_unnoticed_deadline_act_on_the_phase_due_now(clock):
    plank = step(Hold(30), sets=3, rest_between_sets=10)
    session = started(Session(routine(plank, step(Hold(10))), clock, get_ready=0), clock)
    clock.advance(30 + 10 + 12)  # nobody called update(): set 2 is 12 s in
    session.skip()
    assert (session.phase.kind, session.phase.set_number) == (PhaseKind.SET_REST, 2)
    clock.advance(10 + 3)
    session.mark_done()
    assert (session.phase.kind, session.phase.step_index) == (PhaseKind.WORK, 1)
    assert [(s.set_number, s.achieved, s.skipped) for s in session.record().sets] == [(1, 30, False), (2, 12, True), (3, 3, False)]
    clock.advance(10)
    session.skip_step()
    assert session.status is Status.FINISHED


def test_skipping_a_step_skips_all_its_remaining_sets(clock):
    plank = step(Hold(30), sets=3, rest_between_sets=10, rest_after=20)
    session = started(Session(routine(plank, step(Hold(10))), clock, get_ready=5), clock)
    clock.advance(10)  # 5 s into set 1
    session.skip_step()
    assert (session.phase.step_index, session.phase.kind) == (1, PhaseKind.GET_READY)
    sets = session.record().sets
    assert [(s.set_number, s.achieved, s.skipped) for s in sets] == [(1, 5, True), (2, 0, True), (3, 0, True)]


def test_back_returns_to_the_previous_set_passing_over_the_rest(clock):
    session = started(Session(routine(step(Hold(10), sets=2, rest_between_sets=5)), clock, get_ready=0), clock)
    clock.advance(17)  # 2 s into set 2
    session.update()
    assert session.phase.set_number == 2
    session.back()
    assert (session.phase.kind, session.phase.set_number, session.remaining()) == (PhaseKind.WORK, 1, 10)


def test_back_on_the_first_phase_does_nothing(clock):
    session = started(Session(routine(step(Hold(10))), clock, get_ready=5), clock)
    clock.advance(3)
    session.update()
    assert not session.can_go_back
    assert session.back() == []
    assert (session.index, session.remaining()) == (0, 2)


def test_back_from_a_set_can_go_to_its_get_ready(clock):
    session = started(Session(routine(step(Hold(10))), clock, get_ready=5), clock)
    clock.advance(6)
    session.update()
    assert session.can_go_back
    session.back()
    assert (session.phase.kind, session.remaining()) == (PhaseKind.GET_READY, 5)


def test_restarting_a_phase_gives_back_its_full_length(clock):
    session = started(Session(routine(step(Hold(30))), clock, get_ready=0), clock)
    clock.advance(20)
    session.adjust(+5)
    events = session.restart_phase()
    assert events[-1].kind is EventKind.PHASE_STARTED
    assert session.remaining() == 30


def test_adding_five_seconds_moves_the_deadline_and_repeats_the_countdown(clock):
    session = started(Session(routine(step(Hold(10))), clock, get_ready=0), clock)
    clock.advance(8)
    assert [e.value for e in session.update() if e.kind is EventKind.COUNTDOWN] == [3, 2]
    session.adjust(+5)
    assert session.remaining() == 7
    clock.advance(7)
    events = session.update()
    assert [e.value for e in events if e.kind is EventKind.COUNTDOWN] == [3, 2, 1]
    assert EventKind.HALFWAY not in kinds(events)  # heard once already
    assert session.record().sets[0].achieved == 15


def test_taking_away_more_time_than_is_left_ends_the_phase_now(clock):
    session = started(Session(routine(step(Hold(10)), step(Hold(10))), clock, get_ready=0), clock)
    clock.advance(7)
    events = session.adjust(-5)
    assert EventKind.PHASE_ENDED in kinds(events)
    assert session.phase.step_index == 1
    assert session.record().sets[0].achieved == 7


def test_breaths_and_paced_reps_cannot_be_adjusted(clock):
    session = started(Session(routine(step(Breaths(5))), clock, get_ready=0), clock)
    assert not session.can_adjust
    assert session.adjust(+5) == []
    assert session.remaining() == 30


def test_self_paced_reps_wait_for_the_person_and_end_on_the_last_rep(clock):
    session = started(Session(routine(step(Reps(3)), step(Hold(5))), clock, get_ready=0), clock)
    clock.advance(500)
    assert session.update() == [] and session.counts_reps
    assert session.remaining() is None
    session.count_rep()
    session.count_rep()
    events = session.count_rep()
    assert [e.value for e in events if e.kind is EventKind.REP] == [3]
    assert session.record().sets[0].achieved == 3
    assert session.phase.step_index == 1


def test_set_done_without_counting_takes_the_whole_set_as_done(clock):
    session = started(Session(routine(step(Reps(12), sets=2)), clock, get_ready=0), clock)
    session.mark_done()
    session.count_rep()
    session.mark_done()
    assert [(s.achieved, s.skipped) for s in session.record().sets] == [(12, False), (1, False)]


def test_set_done_early_on_a_hold_keeps_what_was_held(clock):
    session = started(Session(routine(step(Hold(60))), clock, get_ready=0), clock)
    clock.advance(41.26)
    session.mark_done()
    record = session.record()
    assert (record.sets[0].achieved, record.sets[0].skipped, record.finished) == (41.3, False, True)


def test_active_time_is_the_time_spent_in_each_set_without_pauses(clock):
    session = started(Session(routine(step(Reps(10)), step(Breaths(5))), clock, get_ready=0), clock)
    clock.advance(20)
    session.pause()
    clock.advance(300)
    session.resume()
    clock.advance(4.5)
    session.mark_done()
    clock.advance(30)
    session.update()
    assert [s.active_seconds for s in session.record().sets] == [24.5, 30]


def test_time_left_counts_down_the_whole_session(clock):
    session = Session(routine(step(Hold(30), rest_after=10), step(Breaths(5))), clock, get_ready=5)
    assert session.time_left() == session.planned_seconds == 80
    session.start()
    clock.advance(20)
    session.update()
    assert session.time_left() == 60
    clock.advance(60)
    session.update()
    assert session.time_left() == 0


def test_self_paced_reps_count_at_an_estimate_in_plans(clock):
    session = Session(routine(step(Reps(10))), clock, get_ready=0)
    assert session.planned_seconds == 30
    session.start()
    clock.advance(40)
    assert session.time_left() == 0


def test_the_next_wakeup_is_the_next_whole_second_shown(clock):
    session = started(Session(routine(step(Hold(30))), clock, get_ready=0), clock)
    clock.advance(0.4)
    assert session.next_wakeup() == pytest.approx(1001.0)
    clock.advance(0.6)
    session.update()
    assert session.next_wakeup() == pytest.approx(1002.0)
    session.pause()
    assert session.next_wakeup() is None


def test_leaving_early_keeps_every_finished_set(clock):
    session = started(Session(routine(step(Hold(10), sets=3)), clock, get_ready=0), clock)
    clock.advance(25)
    session.update()
    record = session.record()
    assert not record.finished
    assert [s.achieved for s in record.sets] == [10, 10]


def test_operations_before_start_do_nothing(clock):
    session = Session(routine(step(Hold(10))), clock, get_ready=0)
    for operation in (session.update, session.pause, session.resume, session.skip, session.back,
                      session.mark_done, session.count_rep, session.restart_phase):  # fmt: skip
        assert operation() == []
    assert session.status is Status.READY


def test_a_lead_in_second_is_never_due_before_resume_was_pressed():
    clock = FakeClock(0.0)
    session = started(Session(routine(step(Hold(1))), clock, get_ready=0), clock)
    session.pause()
    clock.advance(2.6e-142)  # found by the state-machine test: (t + 1) - 1 rounds to 0.0 here
    session.resume()
    session.pause()
    events = session.resume(lead_in=1)
    assert [(e.kind, e.due) for e in events] == [(EventKind.COUNTDOWN, clock.now)]
