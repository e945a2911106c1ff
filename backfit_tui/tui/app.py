"""BackfitApp: receives its catalog, settings, clock and sound player, and opens the first screen."""

from __future__ import annotations

import asyncio
import gc
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import App
from textual.binding import Binding
from textual.geometry import Size

from ..audio.chime_player import make_chime_player
from ..audio.playsound_player import Player
from ..core.formatting import literal
from ..core.model import Routine
from ..core.records import SessionRecord
from ..core.wording import SAFETY_NOTE
from ..store import locations
from ..store.catalog import Catalog, load_catalog
from ..store.errors import HistoryUnavailable
from ..store.routines import delete_routine, save_routine
from ..store.settings import Settings, save_mute
from ..store.validation import LoadError
from .screens.menu import MenuScreen

if TYPE_CHECKING:
    from ..store.history import HistoryStore, SessionLog
    from .observers import EventObserver
    from .screens.editor import EditorScreen


# Signals that ask backfit to stop. Textual leaves them to their default action, which kills the process
# with the terminal still full-screen; instead each makes the app exit as ctrl+q does, so Textual gives
# the terminal back and a session under way is kept as left early. (Windows' event loop takes none.)
LEAVING_SIGNALS = () if sys.platform == "win32" else (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


def resume_garbage_collection() -> None:
    """Collect garbage again if start-up paused it, leaving out what start-up made.

    `open_tui` pauses collection while Textual starts. Start-up makes tens of thousands of objects
    (modules, styles, themes, widgets) that live as long as the app; collecting among them cost
    about a tenth of the time to the menu. Frozen, they are left out of every later collection too,
    so no long collection pauses a session's timing.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class BackfitApp(App[None]):
    """The backfit TUI. Everything it needs is passed in by `factory.make_app`, for the CLI and the tests alike."""

    CSS_PATH = "backfit.tcss"
    TITLE = "backfit"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+z", "suspend_process", "Suspend", show=False),
    ]
    MIN_SIZE = (50, 16)  # below this, a message instead of a squeezed layout

    def __init__(
        self, *, catalog: Catalog, settings: Settings, clock: Callable[[], float], wall_clock: Callable[[], float],
        player: Player | None, history: HistoryStore | None, history_problem: str | None, start_with: Routine | None,
        first_run: bool, observers: Sequence[EventObserver],
    ) -> None:  # fmt: skip
        super().__init__()
        self.catalog = catalog
        self.settings = settings
        self.clock = clock  # monotonic, for sessions
        self.wall_clock = wall_clock  # for the history's dates
        self.player = player
        self.chimes = make_chime_player(settings, player, self.bell, self.warn)
        self.history = history
        self.history_problem = history_problem  # why there is no history, said once on the menu
        self.start_with = start_with
        self.first_run = first_run
        self.observers = observers  # told of each session event: the timing trace, tests
        self.menu: MenuScreen | None = None

    def get_default_screen(self) -> MenuScreen:
        """The menu is the bottom screen, drawn in the app's first frame."""
        self.menu = MenuScreen(self.catalog, self.settings.get_ready)
        return self.menu

    def on_load(self) -> None:
        # Before Textual takes over the terminal, so from then on a signal always gives it back.
        for signum in LEAVING_SIGNALS:
            asyncio.get_running_loop().add_signal_handler(signum, self.leave_on_signal, signum)

    def leave_on_signal(self, signum: int) -> None:
        """Exit as ctrl+q does, with the shell's status for the signal (128 + its number)."""
        self.exit(return_code=128 + signum)

    def on_mount(self) -> None:
        if self.start_with is not None:
            self.run_routine(self.start_with)
        self.check_fit(self.size)
        if self.first_run:
            self.notify(SAFETY_NOTE, title="Before you start", timeout=12)
        for problem in self.settings.warnings:
            self.warn(str(problem))
        if self.history_problem:
            self.warn(f"History is not being saved: {self.history_problem}")
        self.call_after_refresh(resume_garbage_collection)
        warm_up = getattr(self.player, "warm_up", None)
        if warm_up is not None:  # the sound library's import is slow: after the first frame, off-thread
            self.call_after_refresh(self.run_worker, warm_up, thread=True, exit_on_error=False)

    def on_resize(self, event: events.Resize) -> None:
        self.check_fit(event.size)

    def check_fit(self, size: Size) -> None:
        """Cover the screens with a message while the terminal is too small to draw them."""
        from .screens.too_small import TooSmallScreen

        small = size.width < self.MIN_SIZE[0] or size.height < self.MIN_SIZE[1]
        if small and not isinstance(self.screen, TooSmallScreen):
            self.push_screen(TooSmallScreen(*self.MIN_SIZE))
        elif not small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()

    def on_unmount(self) -> None:
        for signum in LEAVING_SIGNALS:
            asyncio.get_running_loop().remove_signal_handler(signum)
        self.chimes.stop()
        if self.history is not None:
            self.history.close()

    def warn(self, message: str) -> None:
        """Say something the person should fix, without stopping them."""
        self.notify(literal(message), severity="warning", timeout=12, markup=False)  # paths and file text

    @on(MenuScreen.RoutineChosen)
    def routine_chosen(self, chosen: MenuScreen.RoutineChosen) -> None:
        self.run_routine(chosen.routine)

    def run_routine(self, routine: Routine) -> None:
        """Guide `routine` on the session screen, saving each set as it ends; then show what was done."""
        from ..store.history import SessionLog
        from .screens.session import SessionScreen

        log = None
        if self.history is not None:
            log = SessionLog(self.history, routine, self.wall_clock, self.warn)

        def finished(record: SessionRecord | None) -> None:
            if record is not None:
                self.show_summary(routine, record, self.improvements(log))

        screen = SessionScreen(routine, self.clock, self.settings.get_ready, self.chimes, log, self.observers)
        self.push_screen(screen, finished)

    def improvements(self, log: SessionLog | None) -> list[str]:
        if log is None or log.session_id is None or log.failed:
            return []
        from ..store.stats import improvements

        try:
            return improvements(self.history, log.session_id, self.wall_clock(), None, self.settings.weekly_goal)
        except HistoryUnavailable as err:
            self.give_up_history(err)
            return []

    def give_up_history(self, err: HistoryUnavailable) -> None:
        """Stop using a history that could not be read (damaged since it was opened): say why, once, and write
        nothing more to it."""
        self.history.close()
        self.history = None
        self.history_problem = str(err)
        self.warn(f"History is not being saved: {err}")

    def show_summary(self, routine: Routine, record: SessionRecord, improved: list[str]) -> None:
        from .screens.summary import SummaryScreen

        def chosen(repeat: bool | None) -> None:
            if repeat:
                self.run_routine(routine)

        self.push_screen(SummaryScreen(routine, record, improved), chosen)

    def action_help(self) -> None:
        self.notify(SAFETY_NOTE, title="Take care", timeout=10)
        self.action_show_help_panel()

    def action_toggle_mute(self) -> None:
        """Turn the chimes off or on, and remember it in the settings file if it can be read."""
        self.chimes.muted = not self.chimes.muted
        chimes = "Chimes off" if self.chimes.muted else "Chimes on"
        self.notify(chimes, timeout=2)
        try:
            save_mute(locations.settings_file(), self.chimes.muted)
        except LoadError as err:  # the file is the person's to fix; it is left as it is
            self.warn(f"{chimes} for this session only, not remembered: {err}")
        except OSError as err:  # the file cannot be written
            self.warn(f"Could not remember this in {locations.settings_file()}: {err.strerror or err}")

    def action_show_history(self) -> None:
        """Open the history screen (or say why there is none)."""
        if self.history is None:
            self.warn(f"History is not being saved: {self.history_problem}")
            return
        from ..store.stats import compute_stats
        from .screens.history import RECENT_SESSIONS, HistoryScreen

        try:
            stats = compute_stats(self.history, self.wall_clock(), None, self.settings.weekly_goal)
            sessions = self.history.sessions(RECENT_SESSIONS)
        except HistoryUnavailable as err:
            self.give_up_history(err)
            return
        self.push_screen(HistoryScreen(stats, sessions))

    # --- the person's own routines --------------------------------------------------------------

    @on(MenuScreen.DeleteRequested)
    def delete_requested(self, request: MenuScreen.DeleteRequested) -> None:
        try:
            delete_routine(request.entry)
        except OSError as err:
            self.warn(f"Could not delete {request.entry.path}: {err.strerror or err}")
        self.reload_catalog()

    def on_editor_screen_save_requested(self, request: EditorScreen.SaveRequested) -> None:
        # Found by its name: @on would import the editor's module at start-up, before anyone edits.
        folder = locations.user_routines_dir()
        try:
            path = save_routine(request.routine, folder)
        except OSError as err:  # a read-only folder, a full disk: the edits stay in the editor to save again
            self.warn(f"Could not save to {folder}: {err.strerror or err}")
            return
        request.editor.saved(path)
        self.reload_catalog()

    def reload_catalog(self) -> None:
        """Find every routine again, after one was saved or deleted, and show them on the menu."""
        self.catalog = load_catalog()
        self.menu.show_catalog(self.catalog)
