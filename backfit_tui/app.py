"""BackfitApp: receives its catalog, settings and clock, and opens the first screen."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.app import App
from textual.binding import Binding

from .catalog import Catalog
from .engine import SessionRecord
from .model import Routine
from .safety import SAFETY_NOTE
from .settings import Settings


class BackfitApp(App[None]):
    """The backfit TUI. Everything it needs is passed in, so tests build it the same way."""

    CSS_PATH = "backfit.tcss"
    TITLE = "backfit"
    BINDINGS = [Binding("question_mark", "help", "Help", key_display="?")]

    def __init__(
        self,
        catalog: Catalog,
        settings: Settings,
        clock: Callable[[], float] = time.monotonic,
        start_with: Routine | None = None,
        first_run: bool = False,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.settings = settings
        self.clock = clock
        self.start_with = start_with
        self.first_run = first_run

    def on_mount(self) -> None:
        from .screens.menu import MenuScreen

        self.push_screen(MenuScreen(self.catalog))
        if self.start_with is not None:
            self.run_routine(self.start_with)
        if self.first_run:
            self.notify(SAFETY_NOTE, title="Before you start", timeout=12)

    def run_routine(self, routine: Routine) -> None:
        """Guide `routine` on the session screen, then show what was done."""
        from .screens.session import SessionScreen

        def finished(record: SessionRecord | None) -> None:
            if record is not None:
                self.show_summary(routine, record)

        self.push_screen(SessionScreen(routine, self.clock, self.settings.get_ready), finished)

    def show_summary(self, routine: Routine, record: SessionRecord) -> None:
        from .screens.summary import SummaryScreen

        def chosen(repeat: bool | None) -> None:
            if repeat:
                self.run_routine(routine)

        self.push_screen(SummaryScreen(routine, record), chosen)

    def action_help(self) -> None:
        self.notify(SAFETY_NOTE, title="Take care", timeout=10)
        self.action_show_help_panel()
