"""A terminal of 16 colours: backfit takes the terminal's own colours, so no phase is drawn in the
error colour (the default theme's orange falls to red there), and what must be read from the mat
reads on a black terminal and on a white one alike."""

from __future__ import annotations

import pytest
import textual.constants
from support.fake_clock import FakeClock
from support.tui_helpers import advance, make_app, short_routine_app

from backfit_tui.core.reminder import Reminder, RemindPlan
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.settings import Settings
from backfit_tui.tui.app import FEW_COLOURS_THEME

RED = {1, 9}  # the terminal's red and bright red
MOMENTS = {"get-ready": 0.5, "work": 2.5, "rest": 5.5, "switch": 21.5}  # seconds into the short routine
# xterm's 16 colours, the ones a reader of the issue saw: (red, green, blue) by number.
XTERM = {
    0: (0, 0, 0), 1: (205, 0, 0), 2: (0, 205, 0), 3: (205, 205, 0), 4: (0, 0, 238), 5: (205, 0, 205),
    6: (0, 205, 205), 7: (229, 229, 229), 8: (127, 127, 127), 9: (255, 0, 0), 10: (0, 255, 0),
    11: (255, 255, 0), 12: (92, 92, 255), 13: (255, 0, 255), 14: (0, 255, 255), 15: (255, 255, 255),
}  # fmt: skip
TERMINAL_DEFAULT = -1  # the terminal's own text or background colour


def contrast(one: int, other: int) -> float:
    """The WCAG contrast ratio of two of xterm's colours, from 1 to 21."""

    def luminance(number: int) -> float:
        linear = [(c / 255) / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in XTERM[number]]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def sixteen_colours(monkeypatch):
    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "standard")


def test_an_unchosen_theme_becomes_the_terminals_own_colours_without_saving_anything(sixteen_colours, data_dir):
    app = short_routine_app(load_catalog(), FakeClock(100.0))
    assert app.theme == FEW_COLOURS_THEME and app.state.settings.theme == FEW_COLOURS_THEME
    assert not (data_dir / "settings.toml").exists()


def test_a_chosen_theme_is_kept_in_16_colours_too(sixteen_colours):
    app = short_routine_app(load_catalog(), FakeClock(100.0), settings=Settings(get_ready=3, theme="nord"))
    assert app.theme == "nord"


async def test_no_phase_is_drawn_in_red_in_16_colours(sixteen_colours):
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock, get_ready=1).run_test(size=(80, 24)) as pilot:
        screen, seen = pilot.app.screen, set()
        for look, seconds in MOMENTS.items():
            await advance(pilot, clock, seconds - (clock.now - 100.0))
            assert screen.has_class(f"-{look}")
            for selector in ("#phase-word", "#figure"):
                widget = screen.query_one(selector)
                colours = {widget.styles.background.ansi, widget.styles.color.ansi}
                assert not colours & RED, (look, selector, colours)
                seen.add(widget.styles.background.ansi if selector == "#phase-word" else None)
        await pilot.press("space")
        assert screen.has_class("-paused") and screen.query_one("#phase-word").styles.background.ansi not in RED
        assert len(seen - {None}) == len(MOMENTS)  # each phase its own colour


async def test_the_highlighted_routine_stands_out_in_16_colours_while_the_filter_has_the_focus(sixteen_colours):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        routines = pilot.app.screen.query_one("#routines")
        highlight = routines.get_component_rich_style("option-list--option-highlighted")
        assert not highlight.bgcolor.is_default and highlight.bgcolor.number not in RED


async def test_what_is_read_from_the_mat_reads_on_a_black_and_on_a_white_terminal(sixteen_colours):
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock, get_ready=1).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen

        def check(look: str) -> None:
            for selector in ("#figure", "#pacer"):  # on the terminal's background, whichever it is: its own text colour
                assert screen.query_one(selector).styles.color.ansi == TERMINAL_DEFAULT, (look, selector)
            band = screen.query_one("#phase-word").styles
            assert contrast(band.color.ansi, band.background.ansi) >= 4.5, (look, band.color, band.background)

        for look, seconds in MOMENTS.items():
            await advance(pilot, clock, seconds - (clock.now - 100.0))
            check(look)
        await pilot.press("space")
        assert screen.has_class("-paused")
        check("paused")  # white letters on grey were 4:1


async def test_a_due_break_reads_on_a_black_and_on_a_white_terminal(sixteen_colours):
    catalog, wall = load_catalog(), FakeClock(1_780_000_000.0)
    plan = RemindPlan(Reminder(60, wall), catalog.find("desk-break").routine)
    async with make_app(catalog, wall_clock=wall, remind=plan).run_test(size=(80, 24)) as pilot:
        await advance(pilot, wall, 60)
        screen = pilot.app.screen
        assert screen.has_class("-due")
        assert screen.query_one("#remind-call").styles.color.ansi == TERMINAL_DEFAULT  # BREAK TIME, large
        for selector in ("#remind-line", "#remind-routine"):  # "Time for a break: Desk break"
            line = screen.query_one(selector).styles
            assert contrast(line.color.ansi, line.background.ansi) >= 4.5, (selector, line.color, line.background)
            assert not line.text_style.bold  # bold black is drawn grey
