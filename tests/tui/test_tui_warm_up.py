"""Routines that strengthen or get down on the floor offer the warm-up first; Enter takes last time's answer again."""

from __future__ import annotations

from dataclasses import replace

from support.fake_clock import FakeClock
from support.tui_helpers import make_app

from backfit_tui.core.warm_up import offers_warm_up
from backfit_tui.store import locations
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.warm_up_choices import load_warm_up_choices, save_warm_up_choice
from backfit_tui.tui import messages
from backfit_tui.tui.screens.menu import MenuScreen
from backfit_tui.tui.screens.session import SessionScreen
from backfit_tui.tui.screens.warm_up_offer import WarmUpOfferScreen


def routine(catalog, routine_id):
    return next(entry.routine for entry in catalog.entries if entry.id == routine_id)


def hints(app) -> str:
    return str(app.screen.query_one("KeyHints").content)


def test_the_routines_that_strengthen_or_go_on_the_floor_offer_it_and_the_others_do_not():
    catalog = load_catalog()
    offering = {entry.id for entry in catalog.entries if entry.routine and offers_warm_up(entry.routine)}
    strengthening = {"core-stability", "six-strengtheners", "six-strengtheners-one-set", "upper-back-band"}
    assert offering == strengthening | {"floor-stretch", "back-pain-relief"}  # not the warm-up, nor the desk break


def test_a_copy_of_the_warm_up_is_not_offered_a_warm_up_before_itself():
    warm_up = routine(load_catalog(), "warm-up")
    assert not offers_warm_up(replace(warm_up, id="warm-up-copy", name="Warm-up (copy)"))


def test_every_bundled_routine_that_needs_the_floor_is_tagged_floor_so_offers_it():
    catalog = load_catalog()
    untagged = [e.id for e in catalog.entries if e.routine and e.routine.needs_floor and "floor" not in e.routine.tags]
    assert untagged == []


async def test_warming_up_runs_the_warm_up_then_the_routine_and_remembers_the_answer():
    catalog, clock = load_catalog(), FakeClock(100.0)
    async with make_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        pilot.app.screen.post_message(messages.RoutineChosen(routine(catalog, "core-stability")))
        await pilot.pause()
        assert isinstance(pilot.app.screen, WarmUpOfferScreen)
        assert "enter Warm up" in hints(pilot.app) and "Skip" in hints(pilot.app)
        await pilot.press("enter")
        assert pilot.app.screen.session.routine.id == "warm-up"
        assert load_warm_up_choices(locations.warm_up_choices_file()) == {"core-stability": True}
        while pilot.app.screen.session.routine.id == "warm-up":  # every set of the warm-up, done
            await pilot.press("n")
        assert isinstance(pilot.app.screen, SessionScreen)
        assert pilot.app.screen.session.routine.id == "core-stability"  # straight on, no summary between


async def test_a_floor_stretch_offers_it_too_and_remembers_its_own_answer():
    catalog = load_catalog()
    save_warm_up_choice(locations.warm_up_choices_file(), "core-stability", True)
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        pilot.app.screen.post_message(messages.RoutineChosen(routine(catalog, "floor-stretch")))
        await pilot.pause()
        assert isinstance(pilot.app.screen, WarmUpOfferScreen)
        await pilot.press("s")
        assert pilot.app.screen.session.routine.id == "floor-stretch"
    choices = load_warm_up_choices(locations.warm_up_choices_file())
    assert choices == {"core-stability": True, "floor-stretch": False}


async def test_skipping_goes_straight_in_and_next_time_enter_skips_again():
    catalog = load_catalog()
    save_warm_up_choice(locations.warm_up_choices_file(), "upper-back-band", False)
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        pilot.app.screen.post_message(messages.RoutineChosen(routine(catalog, "upper-back-band")))
        await pilot.pause()
        assert "enter Skip" in hints(pilot.app) and "w Warm up" in hints(pilot.app)
        await pilot.press("enter")
        assert pilot.app.screen.session.routine.id == "upper-back-band"


async def test_escape_starts_nothing_and_a_stretch_routine_is_not_offered_it():
    catalog = load_catalog()
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        pilot.app.screen.post_message(messages.RoutineChosen(routine(catalog, "six-strengtheners")))
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, MenuScreen)
        assert not locations.warm_up_choices_file().exists()
        pilot.app.screen.post_message(messages.RoutineChosen(routine(catalog, "desk-break")))
        await pilot.pause()
        assert pilot.app.screen.session.routine.id == "desk-break"


async def test_ctrl_c_on_the_offer_quits_as_on_the_menu_below_and_says_so():
    catalog = load_catalog()
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        pilot.app.screen.post_message(messages.RoutineChosen(routine(catalog, "core-stability")))
        await pilot.pause()
        assert "^c Quit" in hints(pilot.app)
        await pilot.press("ctrl+c")
        assert not pilot.app.is_running and not locations.warm_up_choices_file().exists()


def test_an_unreadable_choices_file_starts_from_yes_and_is_replaced_on_the_next_answer(tmp_path):
    path = tmp_path / "warm-up-choices.json"
    path.write_text("{not json")
    assert load_warm_up_choices(path) == {}
    save_warm_up_choice(path, "core-stability", False)
    save_warm_up_choice(path, "upper-back-band", True)
    assert load_warm_up_choices(path) == {"core-stability": False, "upper-back-band": True}
