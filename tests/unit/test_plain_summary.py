"""The plain guide's summary: what counted, the plan against what was done, what was skipped or left partway,
and what changed since last time, in words."""

from __future__ import annotations

import io

import pytest
from support.fake_clock import FakeClock
from support.history_helpers import a_set, add_session, at
from support.plain_helpers import TINY, FakeTime, assert_in_order

from backfit_tui.cli.plain import run_plain, summary
from backfit_tui.core.engine import Session
from backfit_tui.store.history.session_log import SessionLog
from backfit_tui.store.history.store import HistoryStore
from backfit_tui.store.routines.routine_files import load_routine
from backfit_tui.store.settings import Settings


def test_the_plain_summary_says_when_a_session_does_not_count_toward_the_goal(write_routine, library):
    clock = FakeClock()
    session = Session(load_routine(write_routine(TINY, "tiny.toml"), library), clock, get_ready=0)
    session.start()
    clock.advance(4)  # the first hold of 3 s, and 1 s of the rest
    session.update()
    assert summary(session.routine, session.record()).splitlines()[-2:] == [
        "1 of 4 sets done · active 3 s",
        "This session does not count toward the weekly goal: less than half of its planned active time (25 s) was done.",
    ]


def test_left_early_the_plain_summary_shows_the_whole_plan_against_what_was_done(write_routine, library):
    clock = FakeClock()
    session = Session(load_routine(write_routine(TINY, "tiny.toml"), library), clock, get_ready=0)
    session.start()
    clock.advance(4)  # the first hold of 3 s, and 1 s of the rest
    session.update()
    assert summary(session.routine, session.record()).splitlines()[1:6] == [
        "Left early — Tiny",
        "  Child's pose: planned 2 × 3 s · done 3 s · 1 set not reached",
        "  Cat-cow: planned 2 breaths · not reached",
        "  Band pull-apart: planned 5 reps · not reached",
        "1 of 4 sets done · active 3 s",
    ]


def test_the_plain_summary_says_in_words_what_was_skipped(write_routine, library):
    clock = FakeClock()
    session = Session(load_routine(write_routine(TINY, "tiny.toml"), library), clock, get_ready=0)
    session.start()
    clock.advance(3)  # the first hold
    session.skip_step()  # and the second, from its rest
    session.skip_step()  # cat-cow, from its start
    clock.advance(1)
    session.mark_done()  # the band pull-apart
    assert summary(session.routine, session.record()).splitlines()[1:5] == [
        "Well done — Tiny finished",
        "  Child's pose: planned 2 × 3 s · done 3 s · 1 set skipped",
        "  Cat-cow: planned 2 breaths · skipped",
        "  Band pull-apart: planned 5 reps · done 5 reps",
    ]


def test_the_plain_summary_says_what_changed_since_last_time(write_routine, library, tmp_path):
    routine = load_routine(write_routine(TINY, "tiny.toml"), library)
    store = HistoryStore(tmp_path / "history.sqlite3")
    add_session(store, at("2026-05-04 08:00"), a_set("childs-pose", 2), routine="tiny")
    fake, out = FakeTime(), io.StringIO()
    log = SessionLog(store, routine, FakeClock(at("2026-05-05 08:00")), pytest.fail)
    run_plain(routine, Settings(get_ready=0, pain_check="off"), out=out, clock=fake.clock, sleep=fake.sleep,
              read_line=lambda: "d", log=log)  # fmt: skip
    assert out.getvalue().splitlines()[-3:] == [
        "  Band pull-apart: planned 5 reps · done 5 reps",
        "4 sets done · active 10 s",
        "Since last time: Child's pose 3 s (was 2 s, a new best), 1 more set of Child's pose.",
    ]


def test_the_plain_summary_says_plainly_when_nothing_was_done(write_routine, library):
    clock = FakeClock()
    session = Session(load_routine(write_routine(TINY, "tiny.toml"), library), clock, get_ready=0)
    session.start()
    clock.advance(2.5)  # into the first hold, and left
    assert summary(session.routine, session.record()).splitlines() == ["", "Left early — Tiny", "Nothing was done this time."]


def test_ctrl_c_in_a_hold_keeps_it_as_a_partial_set_in_the_plain_summary(write_routine, library):
    routine = load_routine(write_routine(TINY, "tiny.toml"), library)
    fake, out = FakeTime(), io.StringIO()

    def sleep_until_ctrl_c(seconds: float) -> None:
        if fake.now + seconds > 2:
            fake.now = 2.0  # two seconds into the first 3 s hold
            raise KeyboardInterrupt
        fake.sleep(seconds)

    status = run_plain(routine, Settings(get_ready=0), out=out, clock=fake.clock, sleep=sleep_until_ctrl_c,
                       read_line=lambda: "d")  # fmt: skip
    assert status == 130
    assert_in_order(out.getvalue().splitlines(), [
        "Left early — Tiny",
        "  Child's pose: planned 2 × 3 s · done 2 of 3 s (partial) · 1 set not reached",
        "0 of 4 sets done, 1 partial · active 2 s",
    ])  # fmt: skip
