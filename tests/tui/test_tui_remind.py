"""`backfit remind`'s screen on fake clocks: the countdown, the chime when a break falls due, snooze and
skip kept in the history (and doing nothing, their keys unshown, before a break is due), Enter running
the routine and the countdown again when it ends, and `?` help;
its layouts from a pane of three rows to a whole terminal, and the room the session it starts asks for."""

from __future__ import annotations

import json

import pytest
from support.fake_clock import FakeClock
from support.recording_player import RecordingPlayer
from support.speech_helpers import FakeSpeech, finds
from support.tui_helpers import advance, make_app, screen_lines
from textual.widgets import Static

from backfit_tui.core.reminder import NOT_DUE, Answer, Reminder, RemindPlan, State
from backfit_tui.store import locations
from backfit_tui.store.break_answers import answer_counts
from backfit_tui.store.history.store import HistoryStore
from backfit_tui.store.routines.catalog import Catalog, load_catalog
from backfit_tui.store.settings import Settings
from backfit_tui.tui.screens.help import HelpScreen
from backfit_tui.tui.screens.remind import RemindScreen
from backfit_tui.tui.screens.session import SessionScreen
from backfit_tui.tui.screens.summary import SummaryScreen
from backfit_tui.tui.screens.too_small import TooSmallScreen
from backfit_tui.tui.widgets.big_text import BigText

WALL_START = 1_780_000_000.0


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


def remind_app(catalog: Catalog, wall: FakeClock, every: int = 60, **options):
    reminder = Reminder(every, wall)
    plan = RemindPlan(reminder, catalog.find("desk-break").routine)
    return make_app(catalog, wall_clock=wall, remind=plan, **options)


def shown(app) -> str:
    return "\n".join(screen_lines(app))


async def test_the_countdown_chimes_when_due_and_says_so_to_backfit_status(catalog):
    wall, player = FakeClock(WALL_START), RecordingPlayer()
    async with remind_app(catalog, wall, player=player).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, RemindScreen)
        assert "Next break in" in shown(pilot.app) and "Break: Desk break" in shown(pilot.app)
        said = json.loads(locations.reminder_state_file().read_text())
        assert said["state"] == "counting" and said["due_at"] == WALL_START + 60
        await advance(pilot, wall, 59)
        assert player.played == []
        await advance(pilot, wall, 1)
        await pilot.pause()
        assert player.played == ["work_start"]
        assert "Time for a break: Desk break" in shown(pilot.app)
        assert json.loads(locations.reminder_state_file().read_text())["state"] == "due"
    assert not locations.reminder_state_file().exists()  # leaving: no reminder runs


async def test_snooze_and_skip_are_kept_in_the_history(catalog, tmp_path):
    wall = FakeClock(WALL_START)
    history = HistoryStore(tmp_path / "history.sqlite3")
    async with remind_app(catalog, wall, history=history).run_test(size=(80, 24)) as pilot:
        reminder = pilot.app.screen.reminder
        await advance(pilot, wall, 60)
        await pilot.press("s")
        assert reminder.remaining() == 600
        for _ in range(10):  # ticks a minute apart: a longer gap would read as a machine that slept
            await advance(pilot, wall, 60)
        await pilot.press("k")
        assert reminder.remaining() == 60
        await pilot.pause()
    assert answer_counts(HistoryStore(tmp_path / "history.sqlite3")) == {
        Answer.TAKEN: 0, Answer.SNOOZED: 1, Answer.SKIPPED: 1,
    }  # fmt: skip


async def test_before_a_break_is_due_s_and_k_do_nothing_say_why_and_are_not_shown(catalog, tmp_path):
    wall = FakeClock(WALL_START)
    history = HistoryStore(tmp_path / "history.sqlite3")
    async with remind_app(catalog, wall, every=50 * 60, history=history).run_test(size=(100, 24)) as pilot:
        reminder = pilot.app.screen.reminder
        assert screen_lines(pilot.app)[-1].startswith("enter Start  m Mute  q Quit")  # no s, no k
        await pilot.press("s", "k", "s")
        await pilot.pause()
        assert reminder.state is State.COUNTING and reminder.remaining() == 50 * 60  # not pulled in to ten minutes
        assert [note.message for note in pilot.app._notifications] == [NOT_DUE] * 3
        await advance(pilot, wall, 50 * 60)
        assert screen_lines(pilot.app)[-1].startswith("enter Start  s Snooze  k Skip  m Mute")
        await pilot.press("k")
        await pilot.pause()
        assert screen_lines(pilot.app)[-1].startswith("enter Start  m Mute")  # counting again
    assert answer_counts(HistoryStore(tmp_path / "history.sqlite3")) == {
        Answer.TAKEN: 0, Answer.SNOOZED: 0, Answer.SKIPPED: 1,
    }  # fmt: skip


async def test_a_break_started_early_runs_the_routine_and_is_not_kept_as_a_called_break(catalog, tmp_path):
    wall = FakeClock(WALL_START)
    history = HistoryStore(tmp_path / "history.sqlite3")
    async with remind_app(catalog, wall, history=history).run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # nothing due yet: the routine now, all the same
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionScreen)
    assert answer_counts(HistoryStore(tmp_path / "history.sqlite3"))[Answer.TAKEN] == 0


async def test_enter_runs_the_routine_and_the_countdown_starts_again_when_it_ends(catalog):
    wall = FakeClock(WALL_START)
    async with remind_app(catalog, wall).run_test(size=(80, 24)) as pilot:
        reminder = pilot.app.screen.reminder
        await advance(pilot, wall, 60)
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, SessionScreen)
        assert reminder.state is State.ON_BREAK
        wall.advance(300)
        await pilot.press("q", "y")  # leave the session early
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert "enter Back to the countdown" in shown(pilot.app) and "Menu" not in shown(pilot.app)
        await pilot.press("enter")  # the summary's way back
        await pilot.pause()
        assert isinstance(pilot.app.screen, RemindScreen)
        assert reminder.state is State.COUNTING and reminder.remaining() == 60


async def test_the_help_lists_the_reminder_keys(catalog):
    async with remind_app(catalog, FakeClock(WALL_START)).run_test(size=(120, 50)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        text = shown(pilot.app)
        assert "Start the break's routine now" in text
        assert "Put the break off ten minutes" in text
        assert "Let this break go" in text


async def test_with_the_voice_on_a_due_break_is_called_aloud_in_place_of_its_chime(catalog):
    wall, player, speech = FakeClock(WALL_START), RecordingPlayer(), FakeSpeech()
    settings = Settings(get_ready=3, voice="auto")
    async with remind_app(catalog, wall, player=player, settings=settings, find_speech=finds(speech)).run_test(
        size=(80, 24)
    ) as pilot:
        await pilot.app.workers.wait_for_complete()
        assert speech.prepared == ["Time for a break. Desk break."]  # rendered long before it is due
        await advance(pilot, wall, 60)
        await pilot.pause()
        assert speech.started == ["Time for a break. Desk break."] and player.played == []


def drawn_in_blocks(figure: BigText) -> bool:
    """The big text is drawn large (in block elements), not fallen back to a line of plain text."""
    return figure.display and figure.region.height > 0 and any("█" in line for line in figure.drawn())


@pytest.mark.parametrize("size", [(100, 3), (100, 6), (60, 8)])
async def test_a_short_pane_shows_the_time_to_the_break_on_one_line(catalog, size):
    wall = FakeClock(WALL_START)
    async with remind_app(catalog, wall, every=42 * 60 + 10).run_test(size=size) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, RemindScreen)  # not the message that the terminal is too small
        lines = screen_lines(pilot.app)
        assert "Next break in 42:10 · Desk break" in "\n".join(lines)
        assert "Today 0 · this week 0/3" in "\n".join(lines)
        assert lines[-1].startswith("enter Start  m Mute  q Quit")  # s and k only once a break is due
        assert not screen.query_one("#remind-figure").display
        await advance(pilot, wall, 42 * 60 + 10)
        lines = screen_lines(pilot.app)
        assert "Time for a break · Desk break" in "\n".join(lines) and "0:00" not in "\n".join(lines)
        assert lines[-1].startswith("enter Start  s Snooze  k Skip")


@pytest.mark.parametrize("size", [(100, 1), (100, 2)])
async def test_a_pane_of_one_or_two_rows_keeps_the_time_to_the_break(catalog, size):
    async with remind_app(catalog, FakeClock(WALL_START), every=42 * 60 + 10).run_test(size=size) as pilot:
        assert screen_lines(pilot.app)[0].strip() == "Next break in 42:10 · Desk break"


@pytest.mark.parametrize("size", [(100, 12), (60, 20), (80, 24), (120, 40), (200, 60)])
async def test_a_taller_terminal_shows_the_time_large_and_a_due_break_as_large_words(catalog, size):
    wall = FakeClock(WALL_START)
    async with remind_app(catalog, wall, every=42 * 60 + 10).run_test(size=size) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, RemindScreen)
        figure, call = screen.query_one("#remind-figure", BigText), screen.query_one("#remind-call", BigText)
        assert figure.text == "42:10" and drawn_in_blocks(figure) and not call.display
        text = shown(pilot.app)
        assert "Next break in" in text and "Break: Desk break" in text and "Today 0 · this week 0/3" in text
        await advance(pilot, wall, 42 * 60 + 10)
        assert drawn_in_blocks(call) and not figure.display  # no big 0:00
        assert call.region.height >= 3 and call.region.width >= 39  # the words at their size, or larger
        assert not screen.query_one("#remind-heading", Static).display  # the call says it, large
        text = shown(pilot.app)
        assert "Time for a break: Desk break" in text and "enter Start  s Snooze  k Skip" in text


async def test_the_reminder_fits_the_readme_pane_and_time_waits_until_the_session_has_room(catalog):
    wall, clock = FakeClock(WALL_START), FakeClock(100.0)
    async with remind_app(catalog, wall, clock=clock).run_test(size=(100, 12)) as pilot:
        assert isinstance(pilot.app.screen, RemindScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TooSmallScreen)  # the session needs more than the reminder
        assert "at least 50×16" in str(pilot.app.screen.query_one("#too-small").render())
        session = pilot.app.screen_stack[-2]
        assert isinstance(session, SessionScreen)
        before = session.session.elapsed()
        clock.advance(30)
        session.tick()
        assert session.session.elapsed() == before  # covered: time waits
        await pilot.resize_terminal(100, 30)  # the pane zoomed
        await pilot.pause()
        assert pilot.app.screen is session


async def test_escape_does_not_end_the_reminders_and_q_does(catalog):
    async with remind_app(catalog, FakeClock(WALL_START)).run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RemindScreen) and pilot.app.return_code is None
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.return_code == 0
