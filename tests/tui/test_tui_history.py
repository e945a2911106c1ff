"""The TUI and the history: each set saved as it ends, the summary's news, the history screen."""

from __future__ import annotations

import pytest
from support.fake_clock import FakeClock
from support.history_helpers import a_month_of_sessions, a_set, add_session, at, damage
from support.mounts import read_only_view
from support.tui_helpers import advance, make_app, short_routine_app

from backfit_tui.cli import command as cli
from backfit_tui.store.history.store import HistoryStore
from backfit_tui.store.locations import DATA_DIR_VARIABLE
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.tui.screens.history import HistoryScreen
from backfit_tui.tui.screens.menu import MenuScreen
from backfit_tui.tui.screens.summary import SummaryScreen


@pytest.fixture
def store(tmp_path):
    return HistoryStore(tmp_path / "history.sqlite3")


async def test_each_set_is_in_the_history_the_moment_it_ends(store):
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock, history=store).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 3 + 4)  # get ready, then the first 4 s hold
        (session,) = store.sessions()
        assert [(s.record.exercise_id, s.record.achieved) for s in session.sets] == [("childs-pose", 4)]
        assert session.ended_at is None
        await pilot.press("q", "y")
        (session,) = store.sessions()
        assert session.ended_at is not None and not session.finished


async def test_a_session_left_before_any_set_began_is_not_kept(store):
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock, history=store).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 2.5)  # in the get ready
        await pilot.press("q", "y")
        assert store.sessions() == []


async def test_a_set_left_partway_is_kept_in_the_history_as_a_partial_set(store):
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock, history=store).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 3 + 2.5)  # get ready, then 2.5 s into the first hold
        await pilot.press("q", "y")
        (session,) = store.sessions()
        kept = [(s.record.achieved, s.record.planned, s.record.partial) for s in session.sets]
        assert kept == [(2.5, 4, True)] and not session.finished


async def test_quitting_the_app_partway_through_a_set_keeps_it_as_a_partial_set(store):
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock, history=store).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 3 + 4 + 2 + 1)  # the first hold, its rest, and 1 s of the second
        await pilot.press("ctrl+q")
    (session,) = HistoryStore(store.path).sessions()
    assert [(s.record.set_number, s.record.achieved, s.record.partial) for s in session.sets] == [(1, 4, False),
                                                                                                   (2, 1, True)]


async def test_quitting_the_app_mid_session_keeps_the_session_as_left_early(store):
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock, history=store).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 3 + 4)
        await pilot.press("ctrl+q")
    (session,) = HistoryStore(store.path).sessions()  # the app closed its own connection
    assert session.ended_at is not None and not session.finished
    assert [s.record.exercise_id for s in session.sets] == ["childs-pose"]


async def test_the_summary_says_what_improved_on_a_routines_first_time(store):
    add_session(store, at("2026-05-20 08:00"), a_set("childs-pose", 3))  # in another routine
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock, history=store).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 50)
        await pilot.press("enter", "enter", "enter")
        summary = pilot.app.screen
        assert str(summary.query_one("#summary-since").render()) == "First time with this routine."
        assert str(summary.query_one("#summary-improved").render()) == "New best: Child's pose, 4 s (was 3 s)."


async def test_the_summary_says_what_changed_since_the_routines_last_session(store):
    add_session(store, at("2026-05-20 08:00"), a_set("childs-pose", 3), a_set("childs-pose", 3, set_number=2),
                a_set("childs-pose", 3, set_number=3), routine="short")  # fmt: skip
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock, history=store).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 50)
        await pilot.press("enter", "enter", "enter")
        summary = pilot.app.screen
        assert str(summary.query_one("#summary-since").render()) == (
            "Since last time: Child's pose 4 s (was 3 s, a new best), 1 fewer set of Child's pose."
        )
        assert not summary.query("#summary-improved")  # the best is said once


async def test_f2_opens_the_history_from_the_menu(store):
    add_session(store, at("2026-05-28 08:00"), a_set("plank", 30))
    async with make_app(load_catalog(), history=store).run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        screen = pilot.app.screen
        assert isinstance(screen, HistoryScreen)
        assert "This week: 1 session, goal 3" in str(screen.query_one("#history-goal").render())
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, MenuScreen)


async def test_without_a_history_f2_says_why():
    app = make_app(load_catalog(), history_problem="/nowhere/history.sqlite3 cannot be used as the history (disk I/O error)")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        assert isinstance(pilot.app.screen, MenuScreen)
        assert any("disk I/O error" in n.message for n in pilot.app._notifications)


def warnings(app) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "warning"]


async def test_f2_on_a_damaged_history_says_what_is_wrong_with_which_file(data_dir):
    path = data_dir / "history.sqlite3"
    a_month_of_sessions(path)
    damage(path)
    store, problem = cli._open_history()  # as `backfit` opens it
    app = make_app(load_catalog(), history=store)
    app.state.history_problem = problem
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        assert isinstance(pilot.app.screen, MenuScreen)
        assert f"History is not being saved: {path} is damaged (database disk image is malformed)" in warnings(app)[-1]


async def test_a_history_damaged_after_it_was_opened_is_said_on_f2_and_no_longer_used(tmp_path):
    path = tmp_path / "history.sqlite3"
    a_month_of_sessions(path)
    app = make_app(load_catalog(), history=HistoryStore(path))
    async with app.run_test(size=(80, 24)) as pilot:
        damage(path)
        await pilot.press("f2")
        assert isinstance(pilot.app.screen, MenuScreen)
        assert warnings(app) == [
            f"History is not being saved: {path} is damaged (database disk image is malformed); it is left untouched,"
            " and `backfit history --check` says how to start a new one"
        ]
        assert app.state.history is None
        await pilot.press("f2")  # said again when asked again, without reading the file
        assert len(warnings(app)) == 2


async def test_the_summary_of_a_session_whose_earlier_sets_cannot_be_read_says_so(tmp_path):
    path = tmp_path / "history.sqlite3"
    a_month_of_sessions(path)  # May 2026
    clock = FakeClock(100.0)
    now = FakeClock(at("2026-05-05 08:00"))  # the summary reads every session from eight days before: all of May's
    app = short_routine_app(load_catalog(), clock, history=HistoryStore(path), wall_clock=now)
    async with app.run_test(size=(80, 24)) as pilot:
        damage(path)  # over early sets, where a new session's sets are never written
        await advance(pilot, clock, 50)
        await pilot.press("enter", "enter", "enter")
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert warnings(app) == [f"History is not being saved: {path} is damaged (database disk image is malformed);"
                                 " it is left untouched, and `backfit history --check` says how to start a new one"]
        assert app.state.history is None


async def test_a_history_that_can_only_be_read_is_read_said_once_and_keeps_no_session(tmp_path, data_dir, monkeypatch):
    a_month_of_sessions(data_dir / "history.sqlite3")
    view = tmp_path / "read-only"
    view.mkdir()
    with read_only_view(data_dir, view):
        monkeypatch.setenv(DATA_DIR_VARIABLE, str(view))
        store, problem = cli._open_history()  # as `backfit` opens it
        clock = FakeClock(100.0)
        app = short_routine_app(load_catalog(), clock, history=store, history_problem=problem)
        async with app.run_test(size=(80, 24)) as pilot:
            await advance(pilot, clock, 50)
            await pilot.press("enter", "enter", "enter")
            assert isinstance(pilot.app.screen, SummaryScreen)
            assert warnings(app) == [f"History is not being saved: {view / 'history.sqlite3'} can only be read: {view}"
                                     " is on a read-only file system."]  # fmt: skip
            assert len(app.state.history.sessions()) == 30  # still read, for the menu and the history screen
    assert len(HistoryStore(data_dir / "history.sqlite3").sessions()) == 30
