"""What the screens ask for, done for the App: sessions and their history, routines saved and deleted.

The screens never touch the disk or the history; they post a message or dismiss a result, and the
App hands it here. The controller works through the store and shows the next screen through the App.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from ..core.model import Routine
from ..core.records import SessionRecord
from ..store import locations
from ..store.catalog import load_catalog
from ..store.errors import HistoryUnavailable
from ..store.routines import RoutineEntry, delete_routine
from ..store.settings import save_setting
from ..store.validation import LoadError

if TYPE_CHECKING:
    from ..core.progression import Suggestion
    from ..store.progress_file import Accepted
    from ..store.session_log import SessionLog
    from ..store.stats import SessionNews
    from .app import BackfitApp
    from .screens.editor import EditorScreen
    from .screens.summary import SummaryScreen


class Controller:
    """Runs routines, saves and deletes them, remembers the mute, the theme and the voice, opens the history: for `app`,
    through the store."""

    def __init__(self, app: BackfitApp) -> None:
        self.app = app
        self.last_accepted: Accepted | None = None  # the change a summary may still undo

    # --- a session, its summary, and again -----------------------------------------------------

    def start(self, routine: Routine) -> None:
        """Run `routine`, after offering the warm-up if it is a routine that strengthens or goes on the floor."""
        self.app.menu.show_chosen(routine)  # under the offer, and to come back to
        warm_up = self.warm_up_for(routine)
        if warm_up is None:
            self.run_routine(routine)
            return
        from ..store.warm_up_choices import load_warm_up_choices, save_warm_up_choice
        from .screens.warm_up_offer import WarmUpOfferScreen

        path = locations.warm_up_choices_file()

        def answered(warm_up_first: bool | None) -> None:
            if warm_up_first is None:
                return
            try:
                save_warm_up_choice(path, routine.id, warm_up_first)
            except OSError as err:
                self.app.warn(f"Could not remember this in {path}: {err.strerror or err}")
            if warm_up_first:
                self.run_routine(warm_up, then=routine)
            else:
                self.run_routine(routine)

        last = load_warm_up_choices(path).get(routine.id, True)
        self.app.push_screen(WarmUpOfferScreen(routine.name, warm_up.name, last), answered)

    def warm_up_for(self, routine: Routine) -> Routine | None:
        """The bundled warm-up, when `routine` offers it and it loads."""
        from ..core.warm_up import WARM_UP_ID, offers_warm_up

        if not offers_warm_up(routine):
            return None
        entry = next((e for e in self.app.catalog.entries if e.id == WARM_UP_ID), None)
        return entry.routine if entry is not None else None

    def run_routine(self, routine: Routine, then: Routine | None = None) -> None:
        """Guide `routine` on the session screen, saving each set as it ends; then show what was done, or,
        when it was a warm-up that ran to its end, go on to `then`."""
        from ..store.session_log import SessionLog
        from .screens.session import SessionScreen

        app = self.app
        log = None
        if app.history is not None:
            log = SessionLog(app.history, routine, app.wall_clock, app.warn)

        def finished(record: SessionRecord | None) -> None:
            if record is not None and then is not None and record.finished:
                self.run_routine(then)  # the warm-up is kept in the history; its summary would only delay
            elif record is not None:
                self.show_summary(routine, record, self.news(log))

        app.voice.begin(routine, app.settings.get_ready)  # the opening phrase now, the rest while it is said
        self.prepare_voice()
        screen = SessionScreen(routine, app.clock, app.settings.get_ready, app.sounds, log, app.observers)
        app.push_screen(screen, finished)

    def prepare_voice(self) -> None:
        """Render the session's phrases in a worker thread, ahead of need (nothing to do when the voice is off)."""
        if self.app.voice.on:
            self.app.run_worker(self.app.voice.prepare, thread=True, exit_on_error=False, group="voice")

    def news(self, log: SessionLog | None) -> SessionNews | None:
        """What the history says about the session just logged, for its summary; None without a history."""
        if log is None:
            return None
        from ..store.stats import logged_news

        try:
            return logged_news(log, self.app.settings.weekly_goal)
        except HistoryUnavailable as err:
            self.give_up_history(err)
            return None

    def give_up_history(self, err: HistoryUnavailable) -> None:
        """Stop using a history that could not be read (damaged since it was opened): say why, once, and write
        nothing more to it."""
        app = self.app
        app.history.close()
        app.history = None
        app.history_problem = str(err)
        app.warn(f"History is not being saved: {err}")

    def show_summary(self, routine: Routine, record: SessionRecord, news: SessionNews | None) -> None:
        from .screens.summary import SummaryScreen

        def chosen(repeat: bool | None) -> None:
            if repeat:  # as changed, if a suggestion was accepted
                self.run_routine(self.last_accepted.routine if self.last_accepted else routine)

        self.last_accepted = None
        self.show_suggestions()  # the menu's, after this session
        back_to = "Menu" if self.app.remind_controller is None else "Back to the countdown"
        self.app.push_screen(SummaryScreen(routine, record, news, self.suggestions(routine), back_to), chosen)

    # --- progression: suggestions, accepted and undone ------------------------------------------

    def entry_of(self, routine_id: str, routine: Routine | None = None) -> RoutineEntry | None:
        """The catalog's entry of a routine (None for a file run directly, or one changed since it was loaded)."""
        for entry in self.app.catalog.entries:
            if entry.id == routine_id and (routine is None or entry.routine == routine):
                return entry
        return None

    def suggestions(self, routine: Routine) -> tuple[Suggestion, ...]:
        """What the history suggests for a routine of the catalog; nothing without a history, or for a loose file."""
        if self.app.history is None or self.entry_of(routine.id, routine) is None:
            return ()
        from ..store.stats import routine_suggestions

        try:
            return tuple(routine_suggestions(self.app.history, routine))
        except HistoryUnavailable as err:
            self.give_up_history(err)
            return ()

    def show_suggestions(self) -> None:
        """Hand the menu what the history suggests for each routine, for its preview."""
        found = {entry.id: self.suggestions(entry.routine) for entry in self.app.catalog.entries if entry.routine}
        if self.app.menu is not None:
            self.app.menu.show_suggestions(found)

    def accept(self, summary: SummaryScreen, chosen: tuple[Suggestion, ...]) -> None:
        """Write the accepted suggestions into the routine (the person's own copy of a bundled one), at once."""
        from ..store.progress_file import accept_suggestions

        entry = self.entry_of(summary.record.routine_id)
        if entry is None or any(entry.routine.steps[s.step_index] != s.step for s in chosen):
            self.app.warn("This routine has changed since the session began; nothing was changed.")
            return
        try:
            self.last_accepted = accept_suggestions(
                entry, chosen, self.app.catalog.library, locations.user_routines_dir(), self.app.wall_clock()
            )
        except (OSError, LoadError) as err:
            self.app.warn(f"Could not change {entry.path}: {getattr(err, 'strerror', None) or err}")
            return
        summary.changed(accepted=True)
        self.reload()

    def undo(self, summary: SummaryScreen) -> None:
        """Put the routine's file back as it was before the change just accepted."""
        from ..store.progress_file import undo

        change, self.last_accepted = self.last_accepted, None
        if change is None:
            return
        try:
            undo(change)
        except OSError as err:
            self.app.warn(f"Could not undo the change to {change.path}: {err.strerror or err}")
            return
        summary.changed(accepted=False)
        self.reload()

    # --- the person's own routines -------------------------------------------------------------

    def edit(self, entry: RoutineEntry) -> None:
        """Open one of the person's routines in the editor, as its file is now, keeping the file's stamp."""
        from ..store.draft import Draft

        try:
            draft = Draft.from_file(entry.path, self.app.catalog.library)
        except (LoadError, OSError) as err:  # changed or removed since the menu listed it
            self.app.warn(f"Could not open {entry.path}: {getattr(err, 'strerror', None) or err}")
            self.reload()
            return
        self.app.menu.open_editor(draft)

    def save(self, editor: EditorScreen, routine: Routine) -> None:
        """Save the editor's routine into the person's routines, tell the editor, and show it on the menu; first
        ask, if another program changed its file since the editor opened it."""
        from ..store.file_stamp import read_stamp

        opened = editor.draft.opened
        now = read_stamp(opened.path) if opened is not None else None
        if opened is None or opened.stamp.same_bytes(now):
            self.write(editor, routine)
            return
        from ..store.draft import free_id
        from .screens.disk_changed import DiskChangedScreen, Keep

        def answered(keep: Keep | None) -> None:
            if keep is Keep.MINE:
                self.write(editor, routine)
            elif keep is Keep.THEIRS:
                self.reopen(editor)
            elif keep is Keep.COPY:
                taken = editor.taken | {entry.id for entry in self.app.catalog.entries}
                self.write(editor, replace(routine, id=free_id(routine.name, taken)))

        if now is None:
            news = f"{opened.path} is gone, or can no longer be read, since you opened it."
        else:
            when = datetime.fromtimestamp(now.mtime_ns / 1e9).strftime("%H:%M")
            news = f"{opened.path} was changed by another program (at {when}) since you opened it."
        self.app.push_screen(DiskChangedScreen(news), answered)

    def write(self, editor: EditorScreen, routine: Routine) -> None:
        """Write the editor's routine (in its file's own text where only values changed) and tell the editor."""
        from ..store.draft import save_draft

        folder = locations.user_routines_dir()
        try:
            written = save_draft(editor.draft, routine, folder, self.app.catalog.library)
        except OSError as err:  # a read-only folder, a full disk: the edits stay in the editor to save again
            self.app.warn(f"Could not save to {folder}: {err.strerror or err}")
            return
        editor.saved(written)
        self.reload()

    def reopen(self, editor: EditorScreen) -> None:
        """Drop the editor's edits and show its routine as its file is now."""
        from ..store.draft import Draft

        path = editor.draft.opened.path
        try:
            draft = Draft.from_file(path, self.app.catalog.library)
        except (LoadError, OSError) as err:
            self.app.warn(f"Could not reload {path}: {getattr(err, 'strerror', None) or err}")
            return
        editor.reopened(draft)
        self.reload()

    def delete(self, entry: RoutineEntry) -> None:
        """Delete one of the person's routines (the menu has asked first), and show the menu without it."""
        try:
            delete_routine(entry)
        except OSError as err:
            self.app.warn(f"Could not delete {entry.path}: {err.strerror or err}")
        self.reload()

    def reload(self) -> None:
        """Find every routine again, after one was saved or deleted, and show them on the menu."""
        self.app.catalog = load_catalog()
        self.app.menu.show_catalog(self.app.catalog)
        self.show_suggestions()

    # --- the settings file and the history -----------------------------------------------------

    def toggle_mute(self) -> None:
        """Turn the chimes off or on, and remember it in the settings file if it can be read."""
        chimes = self.app.chimes
        chimes.muted = not chimes.muted
        said = "Chimes off" if chimes.muted else "Chimes on"
        self.app.notify(said, timeout=2)
        self.app.refresh_bindings()  # the footer's m now reads Unmute, or Mute
        self.remember("mute", chimes.muted, said)

    def toggle_voice(self) -> None:
        """Turn the voice off or on (saying why, when no engine speaks), and remember it in the settings file."""
        voice = self.app.voice
        silent = voice.toggle()
        said = "Voice on" if voice.on else "Voice off"
        if silent:
            self.app.warn(silent)
        else:
            self.app.notify(said, timeout=2)
        self.prepare_voice()
        self.remember("voice", voice.choice, said)

    def remember_theme(self, theme: str) -> None:
        """Remember a theme picked from the command palette in the settings file, for the next start."""
        app = self.app
        if theme == app.settings.theme:  # the one it started with, or chosen again
            return
        app.settings = replace(app.settings, theme=theme)
        self.remember("theme", theme, f"The {theme} theme")

    def remember(self, key: str, value: bool | str, said: str) -> None:
        """Save `key` in the settings file, or warn that it is not remembered (`said`: what was changed)."""
        try:
            save_setting(locations.settings_file(), key, value)
        except LoadError as err:  # the file is the person's to fix; it is left as it is
            self.app.warn(f"{said} for this session only, not remembered: {err}")
        except OSError as err:  # the file cannot be written
            self.app.warn(f"Could not remember this in {locations.settings_file()}: {err.strerror or err}")

    def show_history(self) -> None:
        """Open the history screen (or say why there is none)."""
        app = self.app
        if app.history is None:
            app.warn(f"History is not being saved: {app.history_problem}")
            return
        from ..store.stats import compute_stats
        from .screens.history import RECENT_SESSIONS, HistoryScreen

        try:
            stats = compute_stats(app.history, app.wall_clock(), None, app.settings.weekly_goal)
            sessions = app.history.sessions(RECENT_SESSIONS)
        except HistoryUnavailable as err:
            self.give_up_history(err)
            return
        app.push_screen(HistoryScreen(stats, sessions))
