"""What the controllers share: the App's state, and the narrow part of the App they act through (`Host`).

The controllers are handed these two, never the App's class, so no module here imports the App.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..store import locations
from ..store.validation import LoadError

if TYPE_CHECKING:
    from textual import Logger
    from textual.screen import Screen

    from ..audio.session_sounds import SessionSounds
    from ..audio.voice import Voice
    from ..core.clocks import Clocks
    from ..core.figures import Figure
    from ..store.errors import HistoryUnavailable
    from ..store.history.store import HistoryStore
    from ..store.routines.catalog import Catalog
    from ..store.settings import Settings
    from .screens.menu import MenuScreen


@dataclass
class AppState:
    """What the app holds while it runs: the routines, the settings, the history (or why there is none), the
    session's sounds and the clocks. The controllers change it; the screens are handed parts of it."""

    catalog: Catalog
    settings: Settings
    history: HistoryStore | None
    history_problem: str | None  # why there is no history, said once on the menu
    sounds: SessionSounds
    clocks: Clocks
    figures: Mapping[str, Figure] | None = field(default=None, init=False)  # read with the first session

    def exercise_figures(self, warn: Callable[[str], None]) -> Mapping[str, Figure]:
        """The figures of the library's exercises by id, read once, when a session first needs them (start-up does
        without). A broken file is said once, through `warn`, and then no figure is shown."""
        if self.figures is None:
            from ..store.routines.figures import load_figures  # the body and its drawing: once a session starts

            try:
                self.figures = load_figures(locations.bundled_figures_file(), self.catalog.library)
            except LoadError as err:
                self.figures = {}
                warn(f"No figures of the exercises are shown: {err}")
        return self.figures

    def give_up_history(self, err: HistoryUnavailable) -> str:
        """Stop using a history that could not be read (damaged since it was opened): nothing more is written to
        it. Returns what to tell the person."""
        if self.history is not None:
            self.history.close()
        self.history = None
        self.history_problem = str(err)
        return f"History is not being saved: {err}"


class Host(Protocol):
    """What the controllers ask of the App: Textual's own ways to show screens and run work, and `warn`."""

    menu: MenuScreen | None  # the bottom screen, once the app has started
    log: Logger

    def push_screen(self, screen: Screen[Any], callback: Callable[[Any], None] | None = None) -> Any: ...
    def warn(self, message: str) -> None: ...
    def notify(self, message: str, *, timeout: float | None = None) -> None: ...
    def refresh_bindings(self) -> None: ...
    def run_worker(self, work: Callable[[], Any], *, thread: bool, exit_on_error: bool, group: str = ...) -> Any: ...
    def call_from_thread(self, callback: Callable[[], Any]) -> Any: ...
    def bell(self) -> None: ...
    def set_terminal_title(self, title: str) -> None: ...


def prepare_voice(host: Host, voice: Voice) -> None:
    """Render the session's phrases in a worker thread, ahead of need (nothing to do when the voice is off)."""
    if voice.on:
        host.run_worker(voice.prepare, thread=True, exit_on_error=False, group="voice")
