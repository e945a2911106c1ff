"""The break reminder on a fake wall clock: due times, snooze, skip (and neither before a break is
due), quiet hours and days, a machine that sleeps for hours, and a clock set back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.fake_clock import FakeClock

from backfit_tui.core.remind_window import RemindWindow, parse_days, parse_hours, parse_interval
from backfit_tui.core.reminder import NOT_DUE, SNOOZE_S, Answer, Reminder, State

MONDAY_10AM = datetime(2026, 3, 2, 10, 0, tzinfo=UTC).timestamp()
EVERY = 50 * 60
OFFICE = RemindWindow.parse("09:00-18:00", "mon-fri")


def in_utc(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


def reminder(clock: FakeClock, window: RemindWindow = RemindWindow()) -> Reminder:
    return Reminder(EVERY, clock, window, local_time=in_utc)


def run_for(clock: FakeClock, remind: Reminder, seconds: int) -> list[float]:
    """Tick the reminder once a second for `seconds`; the times it fired."""
    fired = []
    for _ in range(seconds):
        clock.advance(1)
        if remind.update():
            fired.append(clock.now)
    return fired


def test_a_break_is_due_one_interval_after_the_start_and_fires_once():
    clock = FakeClock(MONDAY_10AM)
    remind = reminder(clock)
    assert remind.remaining() == EVERY
    assert run_for(clock, remind, EVERY + 600) == [MONDAY_10AM + EVERY]
    assert remind.state is State.DUE and remind.remaining() == 0


def test_snooze_puts_the_break_off_ten_minutes():
    clock = FakeClock(MONDAY_10AM)
    remind = reminder(clock)
    run_for(clock, remind, EVERY)
    remind.snooze()
    assert remind.state is State.COUNTING and remind.remaining() == SNOOZE_S == 600
    assert run_for(clock, remind, 700) == [MONDAY_10AM + EVERY + 600]


def test_skip_starts_the_count_afresh():
    clock = FakeClock(MONDAY_10AM)
    remind = reminder(clock)
    run_for(clock, remind, EVERY)
    remind.skip()
    assert run_for(clock, remind, EVERY) == [MONDAY_10AM + 2 * EVERY]


def test_before_a_break_is_due_snooze_and_skip_do_nothing_and_say_why():
    clock = FakeClock(MONDAY_10AM)
    remind = reminder(clock)
    run_for(clock, remind, 10 * 60)
    assert remind.why_not(Answer.SNOOZED) == remind.why_not(Answer.SKIPPED) == NOT_DUE
    assert not remind.snooze() and not remind.skip()
    assert remind.state is State.COUNTING and remind.remaining() == EVERY - 10 * 60  # not pulled in to 10 minutes
    run_for(clock, remind, EVERY - 10 * 60)
    assert remind.why_not(Answer.SNOOZED) is None and remind.snooze()


def test_a_break_taken_early_answers_none_and_one_taken_when_due_answers_it():
    clock = FakeClock(MONDAY_10AM)
    remind = reminder(clock)
    assert remind.why_not(Answer.TAKEN) is None
    assert not remind.start_break() and remind.state is State.ON_BREAK
    remind.end_break()
    run_for(clock, remind, EVERY)
    assert remind.start_break()


def test_no_reminder_during_the_routine_and_the_count_restarts_when_it_ends():
    clock = FakeClock(MONDAY_10AM)
    remind = reminder(clock)
    run_for(clock, remind, EVERY)
    remind.start_break()
    clock.advance(3 * EVERY)  # a long routine, the screen not ticking meanwhile
    assert not remind.update() and remind.remaining() is None
    remind.end_break()
    assert remind.remaining() == EVERY


def test_no_reminder_outside_the_hours_and_the_count_starts_when_they_open():
    clock = FakeClock(MONDAY_10AM + 7 * 3600 + 30 * 60)  # 17:30
    remind = reminder(clock, OFFICE)
    fired = run_for(clock, remind, 16 * 3600)  # until 09:30 on Tuesday
    nine_tuesday = MONDAY_10AM + 23 * 3600
    assert fired == []
    assert remind.remaining() == pytest.approx(nine_tuesday + EVERY - clock.now)
    assert run_for(clock, remind, EVERY) == [nine_tuesday + EVERY]


def test_no_reminder_on_a_weekend_day():
    saturday_noon = MONDAY_10AM + 5 * 86_400 + 2 * 3600
    clock = FakeClock(saturday_noon)
    remind = reminder(clock, OFFICE)
    assert remind.state is State.QUIET and remind.remaining() is None
    assert run_for(clock, remind, 4 * 3600) == []


def test_after_a_three_hour_sleep_one_count_starts_from_the_return_and_nothing_is_owed():
    clock = FakeClock(MONDAY_10AM)
    remind = reminder(clock)
    run_for(clock, remind, 20 * 60)
    clock.advance(3 * 3600)  # suspended: no ticks at all
    back = clock.now
    assert not remind.update()
    assert remind.remaining() == EVERY
    assert run_for(clock, remind, 2 * EVERY) == [back + EVERY]  # one, and none of the three missed
    assert remind.state is State.DUE


def test_a_sleep_while_a_break_waits_for_an_answer_withdraws_it():
    clock = FakeClock(MONDAY_10AM)
    remind = reminder(clock)
    run_for(clock, remind, EVERY)
    assert remind.state is State.DUE
    clock.advance(3 * 3600)
    assert not remind.update()
    assert remind.state is State.COUNTING and remind.remaining() == EVERY


def test_a_clock_set_back_keeps_the_time_that_was_left():
    clock = FakeClock(MONDAY_10AM)
    remind = reminder(clock)
    run_for(clock, remind, 10 * 60)
    clock.advance(-2 * 3600)
    assert not remind.update()
    assert remind.remaining() == EVERY - 10 * 60
    assert run_for(clock, remind, EVERY) == [clock.now - EVERY + (EVERY - 10 * 60)]


@pytest.mark.parametrize(("text", "seconds"), [("50m", 3000), ("90s", 90), ("1h", 3600), ("50", 3000), ("3S", 3)])
def test_intervals_read_as_people_write_them(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0s", "fifty", "25h", "-5m", "5 d"])
def test_an_interval_that_is_not_a_time_is_refused(text):
    with pytest.raises(ValueError, match="50m, 90s or 1h"):
        parse_interval(text)


def test_hours_and_days_read_as_people_write_them():
    assert parse_hours("09:00-18:00") == (540, 1080)
    assert parse_hours("22:00-06:30") == (1320, 390)
    assert parse_days("mon-fri") == {0, 1, 2, 3, 4}
    assert parse_days("fri-mon") == {4, 5, 6, 0}
    assert parse_days("sat, sun") == {5, 6}
    for bad_hours in ("9-18", "25:00-26:00", "09:00-09:00", "09:75-10:00"):
        with pytest.raises(ValueError):
            parse_hours(bad_hours)
    with pytest.raises(ValueError):
        parse_days("weekdays")


def test_hours_that_run_past_midnight_allow_the_night_only():
    night = RemindWindow.parse("22:00-06:00")
    assert night.allows(in_utc(MONDAY_10AM + 13 * 3600))  # 23:00
    assert night.allows(in_utc(MONDAY_10AM - 5 * 3600))  # 05:00
    assert not night.allows(in_utc(MONDAY_10AM))


STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), st.floats(-7200, 4 * 3600, allow_nan=False)),
        st.tuples(st.sampled_from(["snooze", "skip", "start_break", "end_break"]), st.just(0.0)),
    ),
    max_size=60,
)


@given(steps=STEPS, every=st.integers(1, 3 * 3600), office=st.booleans())
def test_whatever_the_clock_does_breaks_never_stack_or_come_in_quiet_hours(steps, every, office):
    clock = FakeClock(MONDAY_10AM)
    window = OFFICE if office else RemindWindow()
    remind = Reminder(every, clock, window, local_time=in_utc)
    for action, seconds in steps:
        if action == "tick":
            clock.advance(seconds)
            was_due = remind.state is State.DUE
            fired = remind.update()
            assert not (fired and was_due), "a second reminder before the first was answered"
            assert not fired or window.allows(in_utc(clock.now)), "a reminder in quiet hours"
        else:
            before = remind.state, remind.due_at
            getattr(remind, action)()
            if action in ("snooze", "skip") and before[0] is not State.DUE:
                assert (remind.state, remind.due_at) == before, "an answer with no break due"
        left = remind.remaining()
        assert left is None or 0 <= left <= max(every, SNOOZE_S)
