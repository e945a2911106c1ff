"""Each screen alone on a bare host app: it posts what happened, or dismisses a result, and touches
neither the disk nor the history; the host records what reaches it.
"""

from __future__ import annotations

import html
import re

from support.fake_clock import FakeClock
from support.history_helpers import a_set, add_session, at
from support.recording_player import RecordingPlayer
from support.tui_helpers import SHORT, advance
from textual import on
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from backfit_tui.audio.chime_player import make_chime_player
from backfit_tui.audio.session_sounds import SessionSounds
from backfit_tui.audio.voice import make_voice
from backfit_tui.core.formatting import NO_BREAK_SPACE
from backfit_tui.core.records import EventKind
from backfit_tui.store.history.stats import compute_stats
from backfit_tui.store.history.store import HistoryStore
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.draft import Draft, save_draft
from backfit_tui.store.routines.routine_files import load_routine
from backfit_tui.store.settings import Settings
from backfit_tui.tui import messages
from backfit_tui.tui.colours import COLOUR_DEFAULTS
from backfit_tui.tui.screens.confirm import ConfirmScreen
from backfit_tui.tui.screens.editor import EditorScreen
from backfit_tui.tui.screens.history import HistoryScreen
from backfit_tui.tui.screens.menu import MenuScreen
from backfit_tui.tui.screens.session import SessionScreen

MINE = """
    name = "My plan"
    description = "A plan of my own."

    [[steps]]
    exercise = "plank"
    hold = 20
"""


class Host(App[None]):
    """Pushes one screen; records the messages the screens post and the result the screen dismisses with."""

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.first = screen
        self.received: list[Message] = []
        self.results: list[object] = []

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return COLOUR_DEFAULTS  # the screens' styles use backfit's own colours too

    def on_mount(self) -> None:
        self.push_screen(self.first, self.results.append)

    @on(messages.RoutineChosen)
    @on(messages.NewRoutineRequested)
    @on(messages.DeleteRequested)
    @on(messages.SaveRequested)
    def record(self, message: Message) -> None:
        self.received.append(message)


def text_of(screen: Screen, selector: str) -> str:
    """What a Static shows, unwrapped, its non-breaking spaces read as spaces."""
    return str(screen.query_one(selector, Static).content).replace(NO_BREAK_SPACE, " ")


# --- the menu --------------------------------------------------------------------------------


async def test_the_menu_posts_the_routine_chosen_and_starts_nothing_itself():
    host = Host(MenuScreen(load_catalog(), get_ready=0))
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"desk", "enter")
        (chosen,) = host.received
        assert isinstance(chosen, messages.RoutineChosen) and chosen.routine.id == "desk-break"
        assert isinstance(host.screen, MenuScreen)
        assert "Total 3 min 5 s." in text_of(host.screen, "#preview")  # counted without a get-ready, as it was told


async def test_the_menu_asks_for_a_new_routine_or_a_copy_and_opens_no_editor_itself():
    host = Host(MenuScreen(load_catalog(), get_ready=3))
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", *"desk", "ctrl+d")
        assert [type(message) for message in host.received] == [messages.NewRoutineRequested] * 2
        assert host.received[0].copy_of is None and host.received[1].copy_of.id == "desk-break"
        assert isinstance(host.screen, MenuScreen)  # the controller pushes the editor, by the rule in `messages`


async def test_the_menu_asks_before_posting_a_delete_and_deletes_nothing_itself(data_dir, write_routine):
    path = write_routine(MINE, data_dir / "routines" / "my-plan.toml")
    host = Host(MenuScreen(load_catalog(), get_ready=3))
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"my plan", "ctrl+x")
        assert isinstance(host.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.press("ctrl+x", "enter")  # Enter is the safe answer: keep it
        assert host.received == [] and isinstance(host.screen, MenuScreen)
        await pilot.press("ctrl+x", "y")
        (request,) = host.received
        assert isinstance(request, messages.DeleteRequested) and request.entry.path == path
        assert path.exists()


async def test_the_menu_shows_the_routines_it_is_handed_keeping_the_filter(data_dir, write_routine):
    menu = MenuScreen(load_catalog(), get_ready=3)
    async with Host(menu).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"plan")
        assert menu.shown == []
        write_routine(MINE, data_dir / "routines" / "my-plan.toml")
        menu.show_catalog(load_catalog())
        await pilot.pause()
        assert [entry.id for entry in menu.shown] == ["my-plan"]
        assert menu.query_one(Input).value == "plan"


# --- the editor ------------------------------------------------------------------------------


def a_copy_of_the_desk_break() -> EditorScreen:
    catalog = load_catalog()
    routine = catalog.find("desk-break").routine
    draft = Draft.from_routine(routine, "", "Desk break (copy)")
    return EditorScreen(draft, catalog.library, {entry.id for entry in catalog.entries}, get_ready=3)


async def test_the_editor_asks_for_a_save_and_writes_nothing_itself(data_dir):
    editor = a_copy_of_the_desk_break()
    host = Host(editor)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        (request,) = host.received
        assert isinstance(request, messages.SaveRequested) and request.editor is editor
        assert (request.routine.id, request.routine.name) == ("desk-break-copy", "Desk break (copy)")
        assert not (data_dir / "routines").exists()
        assert editor.changed  # not saved until the host says so: leaving would ask


async def test_once_told_it_was_saved_the_editor_leaves_without_asking(tmp_path):
    editor = a_copy_of_the_desk_break()
    host = Host(editor)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        (request,) = host.received
        editor.saved(save_draft(editor.draft, request.routine, tmp_path, editor.library))
        await pilot.pause()
        assert any("Saved to" in n.message for n in host._notifications)
        await pilot.press("escape")
        assert host.results == [None]
        assert not isinstance(host.screen, (EditorScreen, ConfirmScreen))


async def test_the_editor_asks_before_leaving_unsaved_changes():
    host = Host(a_copy_of_the_desk_break())
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "enter")  # Enter is the safe answer: keep editing
        assert isinstance(host.screen, EditorScreen) and host.results == []
        await pilot.press("escape")
        assert isinstance(host.screen, ConfirmScreen)
        await pilot.press("y")
        assert host.results == [None] and host.received == []


# --- the history -----------------------------------------------------------------------------


async def test_the_history_screen_shows_what_it_is_handed_without_the_store(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    add_session(store, at("2026-05-28 08:00"), a_set("plank", 30))
    stats = compute_stats(store, at("2026-05-28 12:00"), None, goal=3)
    sessions = store.sessions()
    store.close()  # the screen must not need it
    host = Host(HistoryScreen(stats, sessions))
    async with host.run_test(size=(80, 50)) as pilot:
        await pilot.pause()
        assert "This week: 1 session, goal 3" in text_of(host.screen, "#history-goal")
        shown = html.unescape(re.sub(r"<[^>]+>", "", host.export_screenshot())).replace("\xa0", " ")
        assert "Desk break" in shown and "Plank" in shown  # the session and its best


# --- the session -----------------------------------------------------------------------------


async def test_the_session_tells_its_observers_and_dismisses_with_its_record():
    clock, seen = FakeClock(100.0), []
    routine = load_routine(SHORT, load_catalog().library)
    chimes = make_chime_player(Settings(), RecordingPlayer(), bell=lambda: None, report=lambda message: None)
    sounds = SessionSounds(chimes, make_voice("off", True, None, report=lambda message: None))

    def observe(events, heard, handled_at):
        seen.append(([event.kind for event in events], heard, handled_at))

    host = Host(SessionScreen(routine, clock, 0, sounds, None, observers=[observe]))
    async with host.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 4)  # the first 4 s hold, in full
        assert seen[0][0][0] is EventKind.PHASE_STARTED
        assert any(EventKind.SET_DONE in kinds for kinds, _, _ in seen)
        assert seen[-1][2] == 104.0  # when the screen handled them, on its clock
        await pilot.press("q", "y")
        (record,) = host.results
        assert not record.finished and [s.achieved for s in record.sets] == [4]
