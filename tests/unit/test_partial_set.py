"""A set left partway is kept as far as it went: in the session's record, its summary, the history and its CSV,
without counting toward the weekly goal by itself, and holding back a step up."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console
from support.fake_clock import FakeClock
from support.history_helpers import add_session, at
from support.strategies import routine, step

from backfit_tui.cli import command as cli
from backfit_tui.core.dosages import Hold, Reps
from backfit_tui.core.engine import Session, Status
from backfit_tui.core.model import Sides
from backfit_tui.core.outcome import NOTHING_DONE, step_outcomes, totals
from backfit_tui.core.records import SetRecord
from backfit_tui.reports.history_report import sessions_table, write_csv
from backfit_tui.store.history.session_log import SessionLog
from backfit_tui.store.history.stats import compute_stats
from backfit_tui.store.history.store import HistoryStore
from backfit_tui.store.routines.catalog import load_catalog

POSE_ROUTINE = """
name = "Pose"
description = "Child's pose, held."

[[steps]]
exercise = "childs-pose"
hold = 30
"""
MONDAY = at("2026-05-04 08:00")


def left_after(plan, seconds: float, get_ready: int = 0) -> Session:
    """A session of `plan` on a fake clock, left `seconds` after it started."""
    clock = FakeClock()
    session = Session(plan, clock, get_ready=get_ready)
    session.start()
    clock.advance(seconds)
    session.update()
    session.leave()
    return session


def test_leaving_a_30_s_hold_after_10_s_keeps_a_partial_set_of_10_of_30_s():
    session = left_after(routine(step(Hold(30), sets=3, rest_between_sets=10)), 10)
    record = session.record()
    [kept] = record.sets
    assert (kept.planned, kept.achieved, kept.skipped, kept.partial) == (30, 10, False, True)
    assert kept.active_seconds == pytest.approx(10)
    assert kept.work_done_seconds == pytest.approx(10)
    assert session.status is Status.LEFT and not record.finished


def test_leaving_paced_reps_keeps_the_reps_done():
    session = left_after(routine(step(Reps(10, seconds_per_rep=2))), 9)
    [kept] = session.record().sets
    assert (kept.unit, kept.planned, kept.achieved, kept.partial) == ("reps", 10, 4, True)


def test_leaving_self_paced_reps_keeps_the_reps_counted():
    clock = FakeClock()
    session = Session(routine(step(Reps(10))), clock, get_ready=0)
    session.start()
    for _ in range(4):
        session.count_rep()
    session.pause()  # the question "leave?" pauses first
    session.leave()
    [kept] = session.record().sets
    assert (kept.achieved, kept.partial) == (4, True)


def test_leaving_in_a_rest_or_before_anything_of_a_set_was_done_keeps_no_partial_set():
    in_rest = left_after(routine(step(Hold(30), sets=2, rest_between_sets=20)), 40)
    assert [s.partial for s in in_rest.record().sets] == [False]
    in_get_ready = left_after(routine(step(Hold(30))), 3, get_ready=5)
    assert in_get_ready.record().sets == ()


def test_nothing_runs_after_leaving():
    session = left_after(routine(step(Hold(30))), 10)
    assert session.skip() == [] and session.leave() == []
    assert len(session.record().sets) == 1


def test_the_summary_shows_the_partial_set_as_far_as_it_went():
    plan = routine(step(Hold(30), sets=3, rest_between_sets=10))
    record = left_after(plan, 50).record()  # set 1 held, set 2 left at 10 s
    [outcome] = step_outcomes(plan, record)
    assert outcome.done() == "30 s, 10 of 30 s (partial)"
    assert outcome.missed_words() == "1 set not reached"
    assert totals([outcome]) == "1 of 3 sets done, 1 partial · active 40 s"


def test_a_session_left_in_its_first_set_no_longer_says_nothing_was_done():
    plan = routine(step(Hold(30), sets=3, rest_between_sets=10))
    [outcome] = step_outcomes(plan, left_after(plan, 10).record())
    assert outcome.done() == "10 of 30 s (partial)"
    assert totals([outcome]) != NOTHING_DONE
    assert totals([outcome]) == "0 of 3 sets done, 1 partial · active 10 s"


def test_a_partial_set_of_reps_says_its_side():
    plan = routine(step(Reps(10, seconds_per_rep=2), sides=Sides.EACH, switch=5))
    [outcome] = step_outcomes(plan, left_after(plan, 20 + 5 + 9).record())
    assert outcome.done() == "left 10 reps; right 4 of 10 reps (partial)"
    alternating = routine(step(Reps(10, seconds_per_rep=2), sides=Sides.ALTERNATING))
    [outcome] = step_outcomes(alternating, left_after(alternating, 17).record())
    assert outcome.done() == "4 of 10 reps each side (partial)"


def run_and_leave(store: HistoryStore, plan, started: float, after: float) -> None:
    """Run `plan` from `started` (wall time) with its sets written to `store`, and leave it `after` seconds in."""
    clock = FakeClock()
    log = SessionLog(store, plan, lambda: started + clock.now - 1000, report=print)
    session = Session(plan, clock, get_ready=0)
    log.record(session.start())
    clock.advance(after)
    log.record(session.update())
    log.record(session.leave())
    log.close(finished=False)


@pytest.fixture
def pose(data_dir):
    folder = data_dir / "routines"
    folder.mkdir(exist_ok=True)
    (folder / "pose.toml").write_text(POSE_ROUTINE, encoding="utf-8")
    return load_catalog().find("pose").routine


def full_pose_set() -> SetRecord:
    return SetRecord(0, "childs-pose", "Child's pose", 1, None, "seconds", 30, 30, False, 30, 30)


def test_the_history_keeps_the_partial_set_and_its_table_and_csv_show_it(data_dir, pose):
    store = HistoryStore(data_dir / "history.sqlite3")
    run_and_leave(store, pose, MONDAY, 10)
    [stored] = store.sessions()
    [kept] = stored.sets
    assert (kept.record.achieved, kept.record.planned, kept.record.partial, stored.finished) == (10, 30, True, False)
    console = Console(file=io.StringIO(), width=120)
    console.print(sessions_table([stored]))
    assert "0 (+1 partial)" in console.file.getvalue()
    csv = io.StringIO()
    write_csv([stored], csv)
    header, row = csv.getvalue().splitlines()
    assert header.endswith(",skipped,partial,pain_before,pain_after") and row.endswith(",30.0,10.0,False,True,,")
    store.close()


def test_a_session_left_at_10_s_of_30_does_not_count_toward_the_weekly_goal(data_dir, pose):
    store = HistoryStore(data_dir / "history.sqlite3")
    add_session(store, MONDAY, full_pose_set(), routine="pose")
    run_and_leave(store, pose, MONDAY + 3600, 10)
    assert [s.record.partial for s in store.sessions()[0].sets] == [True]  # kept, but not counted
    assert compute_stats(store, MONDAY + 7200, None, goal=3).this_week == 1
    store.close()


def test_after_two_full_sessions_one_left_at_10_s_holds_back_a_longer_hold(data_dir, pose, capsys):
    store = HistoryStore(data_dir / "history.sqlite3")
    add_session(store, MONDAY, full_pose_set(), routine="pose")
    add_session(store, MONDAY + 86_400, full_pose_set(), routine="pose")
    run_and_leave(store, pose, MONDAY + 2 * 86_400, 10)
    store.close()
    assert cli.main(["progress", "pose", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
