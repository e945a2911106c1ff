"""The ? help: the keys of the screen you are on, grouped, with what each does, and the safety note."""

from __future__ import annotations

import re

import pytest
from support.fake_clock import FakeClock
from support.tui_helpers import advance, make_app, screen_lines, short_routine_app
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input

from backfit_tui.core.engine import Status
from backfit_tui.core.wording import SAFETY_LINE
from backfit_tui.store.routines.catalog import Catalog, load_catalog
from backfit_tui.tui.screens.help import HelpScreen
from backfit_tui.tui.screens.menu import MenuScreen
from backfit_tui.tui.screens.session import SessionScreen
from backfit_tui.tui.widgets.key_hints import KeyHints

ROOMY = (120, 50)  # every row of a help on one line, and no scrolling


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


def shown(app) -> str:
    return "\n".join(screen_lines(app))


def row(keys: str, does: str) -> re.Pattern:
    """A help row: its keys, then what they do, on one line."""
    return re.compile(re.escape(keys) + r" +" + re.escape(does))


async def test_question_mark_opens_the_session_keys_grouped_and_closes_on_a_second_press(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=ROOMY) as pilot:
        await advance(pilot, clock, 3.5)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        text = shown(pilot.app)
        for heading in ("Time", "Moving", "Counting", "Sound", "Leaving", "Anywhere", "Take care"):
            assert re.search(rf"│ {heading} +│", text), heading
        assert row("space", "Pause, or carry on after a 3-second lead-in").search(text)
        assert row("+ / -", "Add or take 5 s from a hold, a rest or a countdown").search(text)
        assert row("q / esc / ^c", "Leave the session, after asking").search(text)
        assert row("^z", "Step away").search(text) and row("^p", "Commands").search(text)
        assert " - -5 s" not in text and "Focus Next" not in text and "Copy selected text" not in text
        assert "Stop if anything hurts" in text
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, SessionScreen) and len(pilot.app.screen_stack) == 2


async def test_escape_closes_the_help(catalog):
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, MenuScreen)


async def test_the_menu_help_opens_from_the_filter_and_lists_the_menu_keys(catalog):
    async with make_app(catalog).run_test(size=ROOMY) as pilot:
        await pilot.press(*"desk", "question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        text = shown(pilot.app)
        assert row("enter", "Start the highlighted routine").search(text)
        assert row("↑ / ↓", "Move through the list").search(text)
        assert row("^d", "Copy the highlighted routine").search(text)
        assert row("^q / ^c", "Quit backfit").search(text)
        assert "Pause, or carry on" not in text  # the session's keys are not the menu's
        await pilot.press("escape")
        assert pilot.app.screen.query_one(Input).value == "desk"  # the ? was not typed


async def test_the_editor_and_the_exercise_picker_have_help_for_their_own_keys(catalog):
    async with make_app(catalog).run_test(size=ROOMY) as pilot:
        await pilot.press(*"core", "ctrl+d")
        pilot.app.screen.query_one("#steps").focus()
        await pilot.press("question_mark")
        assert row("a", "Add a step after the highlighted one").search(shown(pilot.app))
        assert row("[ / ]", "Move the highlighted step up or down").search(shown(pilot.app))
        await pilot.press("escape", "a", "question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        assert row("enter", "Add the highlighted exercise as a step").search(shown(pilot.app))
        await pilot.press("escape")
        assert pilot.app.screen.query_one(Input).value == ""


async def test_the_summary_help_says_how_to_go_again(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=ROOMY) as pilot:
        await advance(pilot, clock, 50)
        await pilot.press("enter", "enter", "enter", "question_mark")
        assert row("r", "Do the same routine again now").search(shown(pilot.app))


async def test_the_command_palette_keys_command_opens_the_same_help(catalog):
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"keys")
        await pilot.pause(0.3)  # the palette searches in the background
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        assert isinstance(pilot.app.screen.below, MenuScreen)


async def test_time_stands_still_while_the_help_is_open_and_resumes_after_a_lead_in(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        await advance(pilot, clock, 4)  # 1 s into the 4 s hold
        await pilot.press("question_mark")
        clock.now += 60
        screen.tick()  # as its timer would, had it one
        await pilot.pause()
        assert screen.session.status is Status.PAUSED and screen.session.remaining() == 3
        await pilot.press("question_mark")
        assert screen.session.status is Status.RESUMING
        await advance(pilot, clock, 3)
        assert screen.session.status is Status.RUNNING and screen.session.remaining() == 3


@pytest.mark.parametrize("size", [(60, 20), (200, 60)], ids=["60x20", "200x60"])
async def test_the_help_fits_the_terminal_with_its_footer_in_sight(catalog, size):
    width, height = size
    async with short_routine_app(catalog, FakeClock(100.0)).run_test(size=size) as pilot:
        await pilot.press("question_mark")
        help_screen = pilot.app.screen
        box = help_screen.query_one("#help")
        assert box.region.right <= width and box.region.bottom <= height - 1
        assert help_screen.query_one(KeyHints).region.y == height - 1
        assert screen_lines(pilot.app)[-1] == "esc Close"
        await pilot.press("end")  # what does not fit scrolls inside the box
        assert box.scroll_y == box.max_scroll_y
        assert "health professional" in shown(pilot.app)


class Keyed(Screen[None]):
    """A screen with keys of its own: two that do the same thing, and one the help leaves out."""

    GROUP = Binding.Group("Things")
    BINDINGS = [
        Binding("j", "move(1)", "Move", group=GROUP, tooltip="Move along"),
        Binding("k", "move(-1)", "Move", group=GROUP, tooltip="Move along"),
        Binding("x", "secret", "Secret"),
    ]


class Host(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Keyed())


async def test_keys_that_do_the_same_thing_are_one_row_and_ungrouped_keys_are_left_out():
    async with Host().run_test(size=(80, 24)) as pilot:
        pilot.app.push_screen(HelpScreen(pilot.app.screen))
        await pilot.pause()
        text = shown(pilot.app)
        assert row("j / k", "Move along").search(text)
        assert "Secret" not in text and SAFETY_LINE[:40] in text


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_the_safety_note_is_seen_without_scrolling_the_session_help(catalog, size):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=size) as pilot:
        await advance(pilot, clock, 3.5)
        await pilot.press("question_mark")
        inside = [line[line.index("│") + 1 : line.rindex("│")] for line in screen_lines(pilot.app) if "│" in line]
        text = " ".join(" ".join(inside).split())  # the help's own lines, not the session's beside its border
        assert "Take care" in text and " ".join(SAFETY_LINE.split()) in text
