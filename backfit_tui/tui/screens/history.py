"""The history screen: this week against the goal, the streak, the days trained, the back's trend, bests,
sessions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...reports.history_report import bests_table, calendar, goal_line, pain_chart, pain_line, sessions_table
from ...store.history.stats import Stats
from ...store.history.store import StoredSession
from ..widgets.key_hints import KeyHints
from ..widgets.title_bar import TitleBar
from .too_small import FULL_LAYOUT

RECENT_SESSIONS = 20  # how many sessions the screen lists, newest first


class HistoryScreen(Screen[None]):
    """The statistics and recent sessions it is given, read from the history by the app; Esc goes back."""

    CSS_PATH = "history.tcss"
    MIN_SIZE = FULL_LAYOUT

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", group=Binding.Group("Leaving"), tooltip="Back to the menu"),
    ]

    def __init__(self, stats: Stats, sessions: list[StoredSession]) -> None:
        super().__init__()
        self.stats = stats
        self.sessions = sessions

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="history"):
            yield Static(goal_line(self.stats), id="history-goal")
            yield Static("Days trained, the last 12 weeks", classes="history-heading")
            yield Static(calendar(self.stats), id="history-calendar")
            if any(week is not None for week in self.stats.pain.trend):
                back = pain_line(self.stats, trend=False)
                yield Static(back, classes="history-heading", id="history-back", markup=False)
                yield Static(pain_chart(self.stats.pain.trend), id="history-pain")
            yield Static("Personal bests", classes="history-heading")
            yield Static(bests_table(self.stats) if self.stats.bests else "None yet.", id="history-bests")
            yield Static("Recent sessions", classes="history-heading")
            yield Static(sessions_table(self.sessions) if self.sessions else "None yet.", id="history-sessions")
        yield KeyHints()
