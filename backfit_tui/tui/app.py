"""BackfitApp: opens the menu, holds the app's state, and hands what the screens post to its controllers.

Built by `factory.make_app`. The screens never touch the disk or the App's attributes: they post
messages named for what happened (`messages`), or dismiss a result; the App routes each message to
the controller that handles it, which acts through the store on the `AppState`.
"""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen

from ..audio.playsound_player import Player
from ..audio.session_sounds import make_session_sounds
from ..core.formatting import literal
from ..core.model import Routine
from ..store.routines.catalog import Catalog
from ..store.settings import Settings
from . import messages
from .colours import COLOUR_DEFAULTS
from .editing_controller import EditingController
from .routines_controller import RoutinesController
from .screens.menu import MenuScreen
from .settings_controller import SettingsController
from .state import AppState

if TYPE_CHECKING:
    from ..audio.speech import Speech
    from ..core.clocks import Clocks
    from ..core.reminder import RemindPlan
    from ..store.history.store import HistoryStore
    from .observers import EventObserver


# In a terminal of 16 colours, each of a theme's colours falls to the nearest of the 16, and the default
# theme's orange becomes red, the colour of errors. Unless another theme was chosen, backfit then takes
# Textual's theme made of the terminal's own colours: yellow for getting ready, green for work.
FEW_COLOUR_SYSTEMS = ("standard", "windows")
FEW_COLOURS_THEME = "ansi-dark"

# Signals that ask backfit to stop. Textual leaves them to their default action, which kills the process
# with the terminal still full-screen; instead each makes the app exit as ctrl+q on the menu does, so
# Textual gives the terminal back and a session under way is kept as left early. (Windows' event loop
# takes none.)
LEAVING_SIGNALS = () if sys.platform == "win32" else (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
# How long Textual's shutdown may take after a signal before the process ends without it: when the
# terminal itself has gone (SIGHUP from a closed window), its output thread can block for ever.
SHUTDOWN_GRACE_S = 3.0


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


ANYWHERE = Binding.Group("Anywhere")


class BackfitApp(App[None]):
    """The backfit TUI. Everything it needs is passed in by `factory.make_app`, for the CLI and the tests alike."""

    CSS_PATH = "backfit.tcss"
    TITLE = "backfit"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", group=ANYWHERE,
                tooltip="Show the keys of the screen you are on, and the safety note"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, priority=True, group=ANYWHERE,
                tooltip="Commands: change the theme, see these keys, quit"),
        # A priority binding, or a dialog (which hides the App's other keys) would ignore it.
        Binding("ctrl+z", "suspend_process", "Suspend", show=False, priority=True, group=ANYWHERE,
                tooltip="Step away: backfit waits in the background (a session pauses), and fg brings it back"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, group=ANYWHERE,
                tooltip="Quit backfit; in a session, leave it after asking, as q does"),
    ]

    def __init__(
        self, *, catalog: Catalog, settings: Settings, clocks: Clocks, player: Player | None,
        history: HistoryStore | None, history_problem: str | None, start_with: Routine | None, first_run: bool,
        observers: Sequence[EventObserver], find_speech: Callable[[str], Speech] | None,
        remind: RemindPlan | None = None,
    ) -> None:  # fmt: skip
        super().__init__()
        if settings.theme == Settings.theme and self.console.color_system in FEW_COLOUR_SYSTEMS:
            settings = replace(settings, theme=FEW_COLOURS_THEME)  # not saved: it is the terminal's
        sounds = make_session_sounds(settings, player, find_speech, self.bell, self.warn)
        self.state = AppState(catalog, settings, history, history_problem, sounds, clocks)
        self.start_with = start_with
        self.first_run = first_run
        back_to = "Menu" if remind is None else "Back to the countdown"
        self.routines = RoutinesController(self, self.state, observers, back_to)
        self.settings_controller = SettingsController(self, self.state)
        editing = EditingController(self, self.state, self.routines.reload)
        self.controllers = [self.routines, editing]  # those that handle what the screens post, in `for_controller`
        self.remind_controller = None
        if remind is not None:  # `backfit remind`: the reminder screen over the menu
            from .remind_controller import RemindController

            self.remind_controller = RemindController(self, self.state, remind, self.routines)
            self.controllers.append(self.remind_controller)
        self.theme = settings.theme
        self.menu: MenuScreen | None = None  # the bottom screen, once the app starts: handed the routines anew
        self._previous_handlers: dict[int, object] = {}  # the signals' handlers before the app took them

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return COLOUR_DEFAULTS

    def get_default_screen(self) -> MenuScreen:
        """The menu is the bottom screen, drawn in the app's first frame."""
        self.menu = MenuScreen(self.state.catalog, self.state.settings.get_ready)
        return self.menu

    def on_load(self) -> None:
        # Before Textual takes over the terminal, so from then on a signal always gives it back.
        loop = asyncio.get_running_loop()
        self._previous_handlers = {
            signum: signal.signal(signum, lambda signum, _frame: self.signalled(loop, signum))
            for signum in LEAVING_SIGNALS
        }

    def signalled(self, loop: asyncio.AbstractEventLoop, signum: int) -> None:
        """A signal asks backfit to stop: leave through the event loop, and end the process regardless
        after `SHUTDOWN_GRACE_S`.

        A plain signal handler, not the loop's: it runs even while the loop itself is stuck, as it is
        when a write to a terminal that has gone blocks (a closed window sends SIGHUP).
        """
        watchdog = threading.Timer(SHUTDOWN_GRACE_S, os._exit, (128 + signum,))
        watchdog.daemon = True  # a shutdown that completes ends the process as usual
        watchdog.start()
        loop.call_soon_threadsafe(self.leave_on_signal, signum)

    def leave_on_signal(self, signum: int) -> None:
        """Exit as ctrl+q on the menu does, with the shell's status for the signal (128 + its number).

        A session under way is closed as left early first, so it is kept even if the shutdown then
        hangs on a terminal that has gone.
        """
        for screen in self.screen_stack:
            close_log = getattr(screen, "close_log", None)  # a session screen's
            if close_log is not None:
                close_log(finished=False)
        self.exit(return_code=128 + signum)

    def on_mount(self) -> None:
        if self.first_run:  # the note comes before any session: the routine asked for waits until it is read
            from .screens.safety_note import SafetyNoteScreen

            self.push_screen(SafetyNoteScreen(), lambda _read: self.start_routine_asked_for())
        else:
            self.start_routine_asked_for()
        self.screen_change_signal.subscribe(self, lambda _screen: self.call_next(self.check_fit))
        self.check_fit()
        for problem in self.state.settings.warnings:
            self.warn(str(problem))
        if self.state.history_problem:
            self.warn(f"History is not being saved: {self.state.history_problem}")
        self.call_after_refresh(resume_garbage_collection)
        self.call_after_refresh(self.routines.show_suggestions)  # the history is read after the first frame
        self.call_after_refresh(self.routines.show_figures)  # and so are the figures
        warm_up = getattr(self.state.sounds.chimes.player, "warm_up", None)
        if warm_up is not None:  # the sound library's import is slow: after the first frame, off-thread
            self.call_after_refresh(self.run_worker, warm_up, thread=True, exit_on_error=False)

    def start_routine_asked_for(self) -> None:
        """Run the routine `backfit run` named, if it named one, or show the reminder of `backfit remind`."""
        if self.remind_controller is not None:
            self.remind_controller.open()
        elif self.start_with is not None:
            self.routines.start(self.start_with)

    def on_resize(self, event: events.Resize) -> None:
        self.check_fit(event.size)

    def check_fit(self, size: Size | None = None) -> None:
        """Cover the screen on top with a message while the terminal is smaller than its `MIN_SIZE`.

        Checked as the terminal is resized and as screens come and go: the reminder fits a pane of three
        rows, the session it starts does not.
        """
        from .screens.too_small import TooSmallScreen, needs_more_than

        width, height = size or self.size
        covered = isinstance(self.screen, TooSmallScreen)
        shown = self.screen_stack[-2] if covered else self.screen
        needed = needs_more_than(shown, width, height)
        if needed and not covered:
            self.push_screen(TooSmallScreen(*needed))
        elif covered and not needed:
            self.pop_screen()

    def on_unmount(self) -> None:
        for signum, handler in self._previous_handlers.items():
            signal.signal(signum, handler)
        self.state.sounds.close()
        if self.remind_controller is not None:
            self.remind_controller.close()
        if self.state.history is not None:
            self.state.history.close()

    def warn(self, message: str) -> None:
        """Say something the person should fix, without stopping them."""
        self.notify(literal(message), severity="warning", timeout=12, markup=False)  # paths and file text

    def set_terminal_title(self, title: str) -> None:
        """Set the terminal window's (or tmux pane's) title with the xterm escape sequence, written by Textual's
        own driver so that it never splits a frame. Textual itself has no way to set it."""
        if self._driver is not None and not self.is_headless:
            self._driver.write(f"\x1b]2;{title}\x07")

    async def action_quit(self) -> None:
        """Quit backfit; in a session (under its help too), ask to leave it instead, as its own keys do, so what was
        done is shown. Asked already, or told the terminal is too small, it quits."""
        from .screens.confirm import ConfirmScreen
        from .screens.session import SessionScreen
        from .screens.too_small import TooSmallScreen

        session = next((s for s in reversed(self.screen_stack) if isinstance(s, SessionScreen)), None)
        if session is None or isinstance(self.screen, ConfirmScreen | TooSmallScreen):
            self.exit()
            return
        while self.screen is not session:
            self.pop_screen()
        session.action_leave()

    def action_help(self) -> None:
        """Show the keys of the screen on top, and the safety note (the help itself closes on ? or Esc)."""
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette's commands, its "Keys" showing backfit's help instead of Textual's keys panel."""
        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                yield SystemCommand("Keys", "The keys of this screen, and the safety note", self.action_help)
            else:
                yield command

    # --- what the screens post, and the keys of the App's own actions: the controllers act ---------

    @on(messages.ForController)
    def for_controller(self, message: messages.ForController) -> None:
        """The one place a screen's message is routed: to the controller that handles its class."""
        for controller in self.controllers:
            handler: Callable[[Any], None] | None = controller.handlers.get(type(message))
            if handler is not None:
                handler(message)
                return

    def action_show_history(self) -> None:
        """Open the history screen (or say why there is none)."""
        self.routines.show_history()

    def watch_theme(self, theme: str) -> None:
        """Remember a theme picked from the command palette, for the next start."""
        self.settings_controller.remember_theme(theme)

    def action_toggle_mute(self) -> None:
        """Turn the chimes off or on, and remember it in the settings file if it can be read."""
        self.settings_controller.toggle_mute()

    def key_hint(self, binding: Binding) -> str:
        """What a screen's key for one of the App's actions does now, for the footer: `m Unmute` while muted."""
        if binding.action == "app.toggle_mute" and self.state.sounds.chimes.muted:
            return "Unmute"
        return binding.description

    def action_toggle_voice(self) -> None:
        """Turn the voice off or on, and remember it in the settings file if it can be read."""
        self.settings_controller.toggle_voice()
