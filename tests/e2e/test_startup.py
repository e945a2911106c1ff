"""Start-up: the menu is the first screen drawn, and garbage collection waits until it is."""

from __future__ import annotations

import gc

import pytest
from support.fake_clock import FakeClock
from support.tui_helpers import make_app

from backfit_tui.cli import command as cli
from backfit_tui.core.clocks import Clocks
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.tui.app import BackfitApp
from backfit_tui.tui.screens.menu import MenuScreen


@pytest.fixture
def collection_restored():
    """Leave the test process collecting garbage as before, with nothing frozen."""
    yield
    gc.enable()
    gc.unfreeze()


async def test_the_menu_is_the_bottom_screen_not_pushed_over_a_blank_one():
    app = make_app(load_catalog())
    async with app.run_test():
        assert [type(screen) for screen in app.screen_stack] == [MenuScreen]


async def test_collection_paused_for_start_up_resumes_once_the_first_screen_is_drawn(collection_restored):
    gc.disable()
    app = make_app(load_catalog())
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # start-up's objects are left out of later collections


async def test_an_app_that_collects_already_freezes_nothing(collection_restored):
    app = make_app(load_catalog())
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() == 0


def test_collection_is_back_on_even_when_the_app_ends_before_drawing(monkeypatch, data_dir, collection_restored):
    seen = []
    monkeypatch.setattr(BackfitApp, "run", lambda app: seen.append(gc.isenabled()))
    clocks = Clocks(monotonic=FakeClock(100.0), wall=FakeClock(1_780_000_000.0))
    assert cli.open_tui(cli.build_parser().parse_args([]), load_catalog(), clocks) == 0
    assert seen == [False]  # paused while the app starts
    assert gc.isenabled()
