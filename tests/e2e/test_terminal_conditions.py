"""A session survives what terminals do: resizing, a terminal too small to draw in, Ctrl+Z."""

from __future__ import annotations

from support.fake_clock import FakeClock
from support.tui_helpers import advance, short_routine_app
from textual.widgets import Digits

from backfit_tui.core.engine import Status
from backfit_tui.store.catalog import load_catalog
from backfit_tui.tui.screens.session import SessionScreen
from backfit_tui.tui.screens.too_small import TooSmallScreen


async def test_resizing_mid_session_keeps_time_and_layout():
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 3.5)
        await pilot.resize_terminal(60, 20)
        await advance(pilot, clock, 0.1)
        screen = pilot.app.screen
        assert screen.query_one(Digits).value == "0:04"
        assert screen.query_one("#countdown").region.width > 0
        await pilot.resize_terminal(120, 40)
        await advance(pilot, clock, 1.0)
        assert screen.query_one(Digits).value == "0:03"


async def test_a_terminal_too_small_gets_a_message_until_it_grows():
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert isinstance(pilot.app.screen, TooSmallScreen)
        message = str(pilot.app.screen.query_one("#too-small").render())
        assert "at least 50×16" in message and "This one is 40×12" in message
        clock.now += 2  # the session keeps its time underneath
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionScreen)
        pilot.app.screen.tick()
        assert pilot.app.screen.session.elapsed() == 2


async def test_ctrl_z_pauses_the_session_before_the_process_stops():
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 1)
        pilot.app.app_suspend_signal.publish(pilot.app)  # what Ctrl+Z does just before SIGTSTP
        await pilot.pause()
        assert pilot.app.screen.session.status is Status.PAUSED


async def test_a_session_that_ends_under_the_too_small_message_shows_its_summary_once_uncovered():
    from backfit_tui.tui.screens.summary import SummaryScreen

    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock, get_ready=0).run_test(size=(80, 24)) as pilot:
        session_screen = pilot.app.screen
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        clock.now += 60
        session_screen.tick()  # the timed phases all end; the self-paced reps wait
        for _ in range(3):
            session_screen.action_count()
        await pilot.pause()
        assert isinstance(pilot.app.screen, TooSmallScreen)  # still says the terminal is too small
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
        await pilot.press("escape")
        assert pilot.app.screen.__class__.__name__ == "MenuScreen"
