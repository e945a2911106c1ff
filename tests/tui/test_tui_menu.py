"""The menu as a person meets it: each routine's length and needs, numbers kept with their units,
the total in view, the first run's safety note, Esc, and how to quit."""

from __future__ import annotations

import re
import shutil

import pytest
from support.fake_clock import FakeClock
from support.tui_helpers import drawn_lines, make_app, short_routine_app
from support.untrusted_helpers import screen_text
from textual.widgets import Input, OptionList, Static

from backfit_tui.core.formatting import NO_BREAK_SPACE
from backfit_tui.core.wording import SAFETY_NOTE
from backfit_tui.store.locations import bundled_routines_dir
from backfit_tui.store.routines.catalog import Catalog, load_catalog
from backfit_tui.tui.screens.menu import MenuScreen
from backfit_tui.tui.screens.safety_note import SafetyNoteScreen
from backfit_tui.tui.screens.session import SessionScreen
from backfit_tui.tui.screens.warm_up_offer import WarmUpOfferScreen
from backfit_tui.tui.widgets.key_hints import KeyHints

BORDER = " ▊▎"  # the list's tall border, drawn in its lines


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


def list_items(menu: MenuScreen) -> list[str]:
    """Each routine as the list shows it, unwrapped, non-breaking spaces read as spaces."""
    options = menu.query_one(OptionList)
    items = (options.get_option_at_index(i).prompt for i in range(options.option_count))
    return [str(item).replace(NO_BREAK_SPACE, " ") for item in items]


def parted_numbers(lines: list[str]) -> list[tuple[str, str]]:
    """Each line that ends in a number while the next begins with a word: a number parted from its unit."""
    return [
        (line.strip(BORDER), after.strip(BORDER))
        for line, after in zip(lines, lines[1:])
        if re.search(r"\d$", line.rstrip(BORDER)) and re.match(r"[^\W\d_]", after.lstrip(BORDER))
    ]


async def test_each_routine_in_the_list_shows_the_length_its_preview_totals_and_what_it_needs(catalog):
    async with make_app(catalog, get_ready=5).run_test(size=(80, 24)) as pilot:
        menu = pilot.app.screen
        items = list_items(menu)
        assert "Desk break\n3 min 30 s" in items  # neither floor nor equipment
        assert "Back pain relief\n8 min 40 s · floor" in items
        assert "Upper back with a band\n4 min 4 s · resistance band" in items
        for item in items:
            length = item.split("\n")[1].split(" · ")[0]
            preview = str(menu.query_one("#preview", Static).content).replace(NO_BREAK_SPACE, " ")
            assert f"\nTotal {length}, with a 5 s get-ready before each step." in preview
            await pilot.press("down")


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 30), (120, 40)], ids=lambda size: "{}x{}".format(*size))
async def test_no_number_is_parted_from_its_unit_where_the_list_or_the_preview_wraps(catalog, size):
    async with make_app(catalog, get_ready=5).run_test(size=size) as pilot:
        menu = pilot.app.screen
        assert parted_numbers(drawn_lines(menu.query_one(OptionList))) == []
        for _ in catalog.entries:
            lines = drawn_lines(menu.query_one("#preview"))
            assert len(lines) > len(menu.current().routine.steps) + 6  # wrapped: more lines than the plan has
            assert parted_numbers(lines) == []
            await pilot.press("down")


async def test_the_total_length_is_in_view_at_80_by_24_for_every_routine(catalog):
    async with make_app(catalog, get_ready=5).run_test(size=(80, 24)) as pilot:
        pane = pilot.app.screen.query_one("#preview-pane")
        for _ in catalog.entries:
            assert re.search(r"Total \d+ (s|min|h)\b", screen_text(pilot.app))
            pane.scroll_end(animate=False)  # read to the end of one plan, then on to the next
            await pilot.pause()
            await pilot.press("down")


async def test_esc_clears_the_filter_and_lists_every_routine_again(catalog):
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"desk")
        menu = pilot.app.screen
        assert [entry.id for entry in menu.shown] == ["desk-break"]
        await pilot.press("escape")
        assert menu.query_one(Input).value == ""
        assert [entry.id for entry in menu.shown] == [entry.id for entry in catalog.entries]
        assert pilot.app.screen is menu and pilot.app.is_running


async def test_enter_on_a_filter_that_finds_nothing_says_so_and_how_to_clear_it(catalog):
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"zumba", "enter")
        assert [n.message for n in pilot.app._notifications] == ['No routine matches "zumba": Esc clears the filter.']
        preview = str(pilot.app.screen.query_one("#preview", Static).content).replace(NO_BREAK_SPACE, " ")
        assert preview == 'No routine matches "zumba": Esc clears the filter.'
        assert isinstance(pilot.app.screen, MenuScreen)


async def test_a_session_comes_back_to_every_routine_with_the_one_just_done_highlighted(catalog):
    async with make_app(catalog, get_ready=0).run_test(size=(80, 24)) as pilot:
        menu = pilot.app.screen
        await pilot.press(*"desk", "enter")
        assert isinstance(pilot.app.screen, SessionScreen)
        await pilot.press("q", "y")  # left at once: the summary
        await pilot.press("enter")  # back to the menu
        assert pilot.app.screen is menu
        assert menu.query_one(Input).value == ""
        assert [entry.id for entry in menu.shown] == [entry.id for entry in catalog.entries]
        assert menu.current().id == "desk-break"
        await pilot.pause()
        assert "Desk break" in str(menu.query_one("#preview", Static).content)


async def test_backfit_run_highlights_the_routine_it_runs_under_the_warm_up_question(catalog):
    core = next(entry.routine for entry in catalog.entries if entry.id == "core-stability")
    async with make_app(catalog, start_with=core).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, WarmUpOfferScreen)
        menu = pilot.app.screen_stack[0]
        assert menu.current().id == "core-stability"
        assert "Core stability" in str(menu.query_one("#preview", Static).content)


async def test_a_routine_of_ones_own_is_marked_beside_the_bundled_one_it_copies(catalog, data_dir):
    (data_dir / "routines").mkdir()
    shutil.copy(bundled_routines_dir() / "desk-break.toml", data_dir / "routines" / "my-desk.toml")
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        items = [item.split("\n")[0] for item in list_items(pilot.app.screen)]
        assert items.count("Desk break") == 1 and items.count("Desk break · yours") == 1


@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=["60x20", "80x24"])
async def test_the_key_hints_say_how_to_quit(catalog, size):
    async with make_app(catalog).run_test(size=size) as pilot:
        await pilot.pause()
        (hints,) = drawn_lines(pilot.app.screen.query_one(KeyHints))
        assert re.search(r"\^q ?Quit", hints)
        await pilot.press("ctrl+q")
        assert not pilot.app.is_running


# --- the first run's safety note -------------------------------------------------------------


async def test_on_the_first_run_the_safety_note_is_a_screen_that_enter_dismisses_to_the_preview(catalog):
    app = make_app(catalog, first_run=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyNoteScreen)
        assert SAFETY_NOTE in [str(note.content) for note in app.screen.query(Static)]
        assert "enter Got it" in drawn_lines(app.screen.query_one(KeyHints))[0]
        assert [n for n in app._notifications if n.message == SAFETY_NOTE] == []  # no toast over the preview
        await pilot.press("enter")
        assert isinstance(app.screen, MenuScreen)
        shown = screen_text(app)
        assert "Back pain relief" in shown and "Total 8 min" in shown and "Before you start" not in shown


async def test_ctrl_c_on_the_safety_note_quits_as_on_the_menu_and_says_so(catalog):
    app = short_routine_app(catalog, FakeClock(100.0), first_run=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "^c Quit" in drawn_lines(app.screen.query_one(KeyHints))[0]
        await pilot.press("ctrl+c")
        assert not app.is_running


async def test_after_the_first_run_the_menu_comes_first(catalog):
    async with make_app(catalog, first_run=False).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, MenuScreen)


async def test_on_the_first_run_the_routine_asked_for_starts_once_the_note_is_read(catalog):
    app = short_routine_app(catalog, FakeClock(100.0), first_run=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyNoteScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
