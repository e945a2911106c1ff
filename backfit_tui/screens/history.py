"""The history screen: this week against the goal, the streak, the days trained, bests, sessions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from ..history import HistoryStore
from ..report import bests_table, calendar, goal_line, sessions_table
from ..stats import Stats
from ..widgets.key_hints import KeyHints

RECENT_SESSIONS = 20


class HistoryScreen(Screen[None]):
    """What the history holds, read-only; Esc goes back to the menu."""

    CSS_PATH = "history.tcss"

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, store: HistoryStore, stats: Stats) -> None:
        super().__init__()
        self.store = store
        self.stats = stats

    def compose(self) -> ComposeResult:
        sessions = self.store.sessions(RECENT_SESSIONS)
        yield Header()
        with VerticalScroll(id="history"):
            yield Static(goal_line(self.stats), id="history-goal")
            yield Static("Days trained, the last 12 weeks", classes="history-heading")
            yield Static(calendar(self.stats), id="history-calendar")
            yield Static("Personal bests", classes="history-heading")
            yield Static(bests_table(self.stats) if self.stats.bests else "None yet.", id="history-bests")
            yield Static("Recent sessions", classes="history-heading")
            yield Static(sessions_table(sessions) if sessions else "None yet.", id="history-sessions")
        yield KeyHints()
