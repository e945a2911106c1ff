"""A session survives what terminals do: resizing, a terminal too small to draw in, Ctrl+Z; and time
waits while something covers the session."""

from __future__ import annotations

import pytest
from support.fake_clock import FakeClock
from support.tui_helpers import advance, short_routine_app

from backfit_tui.core.engine import Status
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.tui.screens.session import RESUME_LEAD_IN_S
from backfit_tui.tui.screens.too_small import TooSmallScreen
from backfit_tui.tui.widgets.big_text import BigText


async def test_resizing_mid_session_keeps_time_and_layout():
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 3.5)
        await pilot.resize_terminal(60, 20)
        await advance(pilot, clock, 0.1)
        screen = pilot.app.screen
        assert screen.query_one("#figure", BigText).text == "0:04"
        assert screen.query_one("#figure").region.width > 0
        await pilot.resize_terminal(120, 40)
        await advance(pilot, clock, 1.0)
        assert screen.query_one("#figure", BigText).text == "0:03"


async def test_a_terminal_too_small_gets_a_message_and_time_waits_until_it_grows():
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        await advance(pilot, clock, 4)  # a second into the first hold
        before = screen.session.elapsed()
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert isinstance(pilot.app.screen, TooSmallScreen)
        message = str(pilot.app.screen.query_one("#too-small").render())
        assert "at least 50×16" in message and "This one is 40×12" in message
        clock.now += 20  # nobody can see the time, so it does not run
        screen.tick()  # as a timer set before the cover came would
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert pilot.app.screen is screen
        assert screen.session.status is Status.RESUMING and screen.session.elapsed() == before
        await advance(pilot, clock, RESUME_LEAD_IN_S + 1)  # the lead-in, as after space, then a second
        assert screen.session.status is Status.RUNNING
        assert screen.session.elapsed() == pytest.approx(before + 1)


async def test_time_waits_under_the_command_palette():
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        await advance(pilot, clock, 4)
        before = screen.session.elapsed()
        pilot.app.action_command_palette()
        await pilot.pause()
        assert pilot.app.screen is not screen
        clock.now += 20
        screen.tick()
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert screen.session.status is Status.RESUMING and screen.session.elapsed() == before


async def test_ctrl_z_pauses_the_session_before_the_process_stops():
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 1)
        pilot.app.app_suspend_signal.publish(pilot.app)  # what Ctrl+Z does just before SIGTSTP
        await pilot.pause()
        assert pilot.app.screen.session.status is Status.PAUSED
