"""What the screens look like, as SVG snapshots (pytest-textual-snapshot), on a fake clock.

After a deliberate change to the look, refresh them with `pytest tests/tui/test_snapshots.py
--snapshot-update` and look at the new SVGs before committing them.
"""

from __future__ import annotations

import pytest
from support.fake_clock import FakeClock
from support.tui_helpers import advance, make_app, short_routine_app
from textual.widgets import Input

from backfit_tui.store.routines.catalog import load_catalog

SIZES = pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)], ids=["60x20", "80x24", "120x40"])

# Each moment of the short test routine (with a 3 s get-ready): seconds into it, then keys pressed.
MOMENTS = {
    "get_ready": (1.0, ()),  # before child's pose
    "hold": (3.5, ()),  # child's pose, set 1 of 2, 4 s hold
    "rest": (7.5, ()),  # between the two sets
    "breaths": (18.5, ()),  # cat-cow, breath 1 of 2, breathing in
    "switch": (27.5, ()),  # the seated twist, from the left side to the right
    "paced_reps": (34.5, ()),  # bird dog, rep 1 on the left, in its hold
    "reps": (50, ("enter",)),  # band pull-apart, counted by hand: one so far
    "paused": (3.5, ("space",)),
    "help": (3.5, ("question_mark",)),
    "summary": (50, ("enter", "enter", "enter")),
}


def at(seconds: float, then: tuple[str, ...] = ()):
    """A `run_before` that moves the fake clock `seconds` into the session, then presses keys."""

    async def run_before(pilot) -> None:
        await advance(pilot, pilot.app.state.clocks.monotonic, seconds)
        await pilot.press(*then)

    return run_before


async def no_cursor_blink(pilot) -> None:
    pilot.app.screen.query_one(Input).cursor_blink = False


@SIZES
def test_menu(snap_compare, size):
    assert snap_compare(make_app(load_catalog()), terminal_size=size, run_before=no_cursor_blink)


@SIZES
@pytest.mark.parametrize("moment", MOMENTS)
def test_session(snap_compare, moment, size):
    app = short_routine_app(load_catalog(), FakeClock(100.0))
    assert snap_compare(app, terminal_size=size, run_before=at(*MOMENTS[moment]))


@pytest.mark.parametrize("moment", ["breaths", "switch", "paced_reps"])
def test_session_with_its_figure_at_100x30(snap_compare, moment):
    """From 100x30 the exercise's figure stands beside the time in every phase: breathing, turned for the side to
    come, held in a rep's hold."""
    app = short_routine_app(load_catalog(), FakeClock(100.0))
    assert snap_compare(app, terminal_size=(100, 30), run_before=at(*MOMENTS[moment]))


def test_history(snap_compare, tmp_path, monkeypatch):
    import time

    from support.history_helpers import a_set, add_session, at

    from backfit_tui.store.history.store import HistoryStore

    monkeypatch.setenv("TZ", "UTC")  # the table shows local times
    time.tzset()
    store = HistoryStore(tmp_path / "history.sqlite3")
    for day, hold in (("2026-05-04", 20), ("2026-05-06", 25), ("2026-05-13", 30), ("2026-05-26", 28)):
        add_session(store, at(f"{day} 08:00"), a_set("plank", hold), a_set("bird-dog", 8, "reps", step=1))
    app = make_app(load_catalog(), history=store)  # "now" is Thursday 28 May 2026

    async def open_history(pilot) -> None:
        await no_cursor_blink(pilot)
        await pilot.press("f2")

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=open_history)
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_editor(snap_compare, size):
    async def copy_the_core_routine(pilot) -> None:
        await no_cursor_blink(pilot)
        await pilot.press(*"core", "ctrl+d")
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False

    assert snap_compare(make_app(load_catalog()), terminal_size=size, run_before=copy_the_core_routine)


@SIZES
def test_summary_asks_how_the_back_is(snap_compare, size, tmp_path):
    from backfit_tui.store.history.store import HistoryStore

    app = short_routine_app(load_catalog(), FakeClock(100.0), history=HistoryStore(tmp_path / "history.sqlite3"))
    assert snap_compare(app, terminal_size=size, run_before=at(*MOMENTS["summary"]))
