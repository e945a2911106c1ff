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
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

from backfit_tui.audio.sound import make_chimes
from backfit_tui.core.records import EventKind
from backfit_tui.store.catalog import load_catalog
from backfit_tui.store.history import HistoryStore
from backfit_tui.store.routines import load_routine
from backfit_tui.store.settings import Settings
from backfit_tui.store.stats import compute_stats
from backfit_tui.tui.screens.history import HistoryScreen
from backfit_tui.tui.screens.session import SessionScreen


class Host(App[None]):
    """Pushes one screen and records the result it dismisses with."""

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.first = screen
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.first, self.results.append)


def text_of(screen: Screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


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
    chimes = make_chimes(Settings(), RecordingPlayer(), bell=lambda: None, report=lambda message: None)

    def observe(events, chime, handled_at):
        seen.append(([event.kind for event in events], chime, handled_at))

    host = Host(SessionScreen(routine, clock, 0, chimes, None, observers=[observe]))
    async with host.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 4)  # the first 4 s hold, in full
        assert seen[0][0][0] is EventKind.PHASE_STARTED
        assert any(EventKind.SET_DONE in kinds for kinds, _, _ in seen)
        assert seen[-1][2] == 104.0  # when the screen handled them, on its clock
        await pilot.press("q", "y")
        (record,) = host.results
        assert not record.finished and [s.achieved for s in record.sets] == [4]
