"""What the screens ask of routines, done for the App: sessions, their summaries and what the history suggests,
the menu's routines found again, and the history screen (the editor's requests: `editing_controller`).

The screens never touch the disk or the history; they post a message (`messages`), and the App hands it
here. The controller works through the store, changes the `AppState` and shows the next screen through
its `Host`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..core.model import Routine
from ..core.pain import CALM, Back
from ..core.phrases import closing_phrases, pain_question
from ..core.records import SessionRecord
from ..store import locations
from ..store.errors import HistoryUnavailable
from ..store.routines.catalog import load_catalog
from ..store.routines.routine_files import RoutineEntry
from ..store.validation import LoadError
from . import messages
from .state import AppState, Host, prepare_voice

if TYPE_CHECKING:
    from ..core.progression import Suggestion
    from ..store.history.session_log import SessionLog
    from ..store.history.stats import SessionNews
    from ..store.routines.accepting import Accepted
    from .observers import EventObserver


class RoutinesController:
    """Runs routines and shows what was done, keeps the back's rating, and opens the history: for `host`, on
    `state`, through the store. `back_to` is what a summary goes back to."""

    def __init__(self, host: Host, state: AppState, observers: Sequence[EventObserver], back_to: str) -> None:
        self.host = host
        self.state = state
        self.observers = observers  # told of each session event: the timing trace, tests
        self.back_to = back_to
        self.last_accepted: Accepted | None = None  # the change a summary may still undo
        self.handlers: Mapping[type[messages.ForController], Callable[[Any], None]] = {
            messages.RoutineChosen: lambda chosen: self.start(chosen.routine),
            messages.AcceptRequested: self.accept,
            messages.UndoRequested: self.undo,
            messages.PainRated: self.keep_rating,
        }
        self.rated_log: SessionLog | None = None  # the session the summary's question of the back is about

    # --- a session, its summary, and again -----------------------------------------------------

    def start(self, routine: Routine) -> None:
        """Run `routine`, after asking how the back is (`pain_check = "both"`) and offering the warm-up if it is a
        routine that strengthens or goes on the floor."""
        self.host.menu.show_chosen(routine)  # under the offer, and to come back to
        if self.state.settings.pain_check != "both" or not self.keeps_sessions():
            self.offer_warm_up(routine)
            return
        from .screens.pain_before import PainBeforeScreen

        self.host.push_screen(PainBeforeScreen(routine.name), lambda rating: self.offer_warm_up(routine, rating))

    def keeps_sessions(self) -> bool:
        """Whether a session is kept in the history, and with it the back's ratings."""
        return self.state.history is not None and not self.state.history.read_only

    def offer_warm_up(self, routine: Routine, pain_before: int | None = None) -> None:
        """Run `routine`, after offering the warm-up if it is a routine that strengthens or goes on the floor; the
        back's rating before it, if asked, is kept with the routine's session."""
        warm_up = self.warm_up_for(routine)
        if warm_up is None:
            self.run_routine(routine, pain_before=pain_before)
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
                self.host.warn(f"Could not remember this in {path}: {err.strerror or err}")
            if warm_up_first:
                self.run_routine(warm_up, then=routine, pain_before=pain_before)
            else:
                self.run_routine(routine, pain_before=pain_before)

        last = load_warm_up_choices(path).get(routine.id, True)
        self.host.push_screen(WarmUpOfferScreen(routine.name, warm_up.name, last), answered)

    def warm_up_for(self, routine: Routine) -> Routine | None:
        """The bundled warm-up, when `routine` offers it and it loads."""
        from ..core.warm_up import WARM_UP_ID, offers_warm_up

        if not offers_warm_up(routine):
            return None
        entry = self.entry_of(WARM_UP_ID)
        return entry.routine if entry is not None else None

    def run_routine(self, routine: Routine, then: Routine | None = None, pain_before: int | None = None) -> None:
        """Guide `routine` on the session screen, saving each set as it ends (with the back's rating before it,
        `pain_before`); then show what was done, or, when it was a warm-up that ran to its end, go on to `then`,
        which keeps the rating."""
        from ..store.history.session_log import SessionLog
        from .screens.session import SessionScreen

        state = self.state
        log = None
        if state.history is not None:
            kept_before = None if then is not None else pain_before
            log = SessionLog(state.history, routine, state.clocks.wall, self.host.warn, pain_before=kept_before)

        def finished(record: SessionRecord | None) -> None:
            if record is not None and then is not None and record.finished:
                self.run_routine(then, pain_before=pain_before)  # the warm-up is kept; its summary would only delay
            elif record is not None:
                self.show_summary(routine, record, self.news(log), self.asks_after(log, record))

        get_ready = state.settings.get_ready
        question = closing_phrases(state.settings.pain_check)
        longer = state.sounds.voice.begin(routine, get_ready, question)  # the introductions and opening phrase now
        prepare_voice(self.host, state.sounds.voice)  # the rest while it is said
        screen = SessionScreen(routine, state.clocks.monotonic, get_ready, state.sounds, log, self.observers, longer,
                               state.figures)  # fmt: skip
        self.host.push_screen(screen, finished)

    def asks_after(self, log: SessionLog | None, record: SessionRecord) -> SessionLog | None:
        """The log of the session whose summary asks how the back is now, if it asks (`SessionLog.asks_after`)."""
        if self.state.settings.pain_check == "off" or log is None or not log.asks_after(record):
            return None
        return log

    def news(self, log: SessionLog | None) -> SessionNews | None:
        """What the history says about the session just logged, for its summary; None without a history."""
        if log is None:
            return None
        from ..store.history.stats import logged_news

        try:
            return logged_news(log, self.state.settings.weekly_goal)
        except HistoryUnavailable as err:
            self.give_up_history(err)
            return None

    def give_up_history(self, err: HistoryUnavailable) -> None:
        """Stop using a history that could not be read (damaged since it was opened): say why, once, and write
        nothing more to it."""
        self.host.warn(self.state.give_up_history(err))

    def show_summary(
        self, routine: Routine, record: SessionRecord, news: SessionNews | None, rated_log: SessionLog | None = None
    ) -> None:
        """What was done, and, with the log of the session to rate, how the back is now (asked aloud too, once the
        session's last words are said)."""
        from .screens.summary import SummaryScreen

        def chosen(repeat: bool | None) -> None:
            if repeat:  # as changed, if a suggestion was accepted
                self.run_routine(self.last_accepted.routine if self.last_accepted else routine)

        self.last_accepted = None
        self.rated_log = rated_log
        self.show_suggestions()  # the menu's, after this session
        asked = rated_log is not None
        summary = SummaryScreen(routine, record, news, self.suggestions(routine), self.back_to, asked)
        summary.back_words = self.back().words() if self.keeps_sessions() else None
        self.host.push_screen(summary, chosen)
        voice = self.state.sounds.voice
        if asked and voice.on:
            self.host.run_worker(lambda: voice.say_when_quiet(pain_question()), thread=True, exit_on_error=False,
                                 group="voice")  # fmt: skip

    def keep_rating(self, rated: messages.PainRated) -> None:
        """Keep how the back is after the session, and suggest again: a flare holds back a step up."""
        if self.rated_log is None or self.state.history is None:
            return
        try:
            self.rated_log.keep_rating(rated.rating)
        except HistoryUnavailable as err:
            self.host.warn(f"Your rating was not kept: {err}")
            return
        entry = self.entry_of(rated.summary.record.routine_id)
        suggested = self.suggestions(entry.routine) if entry is not None and entry.routine else ()
        rated.summary.show_suggestions(suggested, self.back().words())
        self.show_suggestions()

    def back(self) -> Back:
        """What the back's recent ratings ask of progress; calm without a history."""
        if self.state.history is None:
            return CALM
        from ..store.history.stats import back_now

        try:
            return back_now(self.state.history, self.state.clocks.wall(), None)
        except HistoryUnavailable as err:
            self.give_up_history(err)
            return CALM

    # --- progression: suggestions, accepted and undone ------------------------------------------

    def entry_of(self, routine_id: str, routine: Routine | None = None) -> RoutineEntry | None:
        """The catalog's entry of a routine (None for a file run directly, or one changed since it was loaded)."""
        for entry in self.state.catalog.entries:
            if entry.id == routine_id and (routine is None or entry.routine == routine):
                return entry
        return None

    def suggestions(self, routine: Routine) -> tuple[Suggestion, ...]:
        """What the history suggests for a routine of the catalog; nothing without a history, or for a loose file."""
        if self.state.history is None or self.entry_of(routine.id, routine) is None:
            return ()
        from ..store.history.stats import routine_suggestions

        try:
            return tuple(routine_suggestions(self.state.history, routine, self.back()))
        except HistoryUnavailable as err:
            self.give_up_history(err)
            return ()

    def show_suggestions(self) -> None:
        """Hand the menu what the history suggests for each routine, for its preview."""
        found = {entry.id: self.suggestions(entry.routine) for entry in self.state.catalog.entries if entry.routine}
        if self.host.menu is not None:
            self.host.menu.show_suggestions(found)

    def show_figures(self) -> None:
        """Hand the menu the exercises' figures for its preview (read now, after the first frame), or say why there
        are none."""
        figures = self.state.figures
        if self.state.figures_problem:
            self.host.warn(self.state.figures_problem)
        if self.host.menu is not None:
            self.host.menu.show_figures(figures)

    def accept(self, request: messages.AcceptRequested) -> None:
        """Write the accepted suggestions into the routine (the person's own copy of a bundled one), at once."""
        from ..store.routines.accepting import accept_suggestions

        summary, chosen = request.summary, request.suggestions
        entry = self.entry_of(summary.record.routine_id)
        if entry is None or any(entry.routine.steps[s.step_index] != s.step for s in chosen):
            self.host.warn("This routine has changed since the session began; nothing was changed.")
            return
        try:
            self.last_accepted = accept_suggestions(
                entry, chosen, self.state.catalog.library, locations.user_routines_dir(), self.state.clocks.wall()
            )
        except (OSError, LoadError) as err:
            self.host.warn(f"Could not change {entry.path}: {getattr(err, 'strerror', None) or err}")
            return
        summary.changed(accepted=True)
        self.reload()

    def undo(self, request: messages.UndoRequested) -> None:
        """Put the routine's file back as it was before the change just accepted."""
        from ..store.routines.accepting import undo

        change, self.last_accepted = self.last_accepted, None
        if change is None:
            return
        try:
            undo(change)
        except OSError as err:
            self.host.warn(f"Could not undo the change to {change.path}: {err.strerror or err}")
            return
        request.summary.changed(accepted=False)
        self.reload()

    def reload(self) -> None:
        """Find every routine again, after one was saved or deleted, and show them on the menu."""
        self.state.catalog = load_catalog()
        self.host.menu.show_catalog(self.state.catalog)
        self.show_suggestions()

    # --- the history screen ---------------------------------------------------------------------

    def show_history(self) -> None:
        """Open the history screen (or say why there is none)."""
        state = self.state
        if state.history is None:
            self.host.warn(f"History is not being saved: {state.history_problem}")
            return
        from ..store.history.stats import compute_stats
        from .screens.history import RECENT_SESSIONS, HistoryScreen

        try:
            stats = compute_stats(state.history, state.clocks.wall(), None, state.settings.weekly_goal)
            sessions = state.history.sessions(RECENT_SESSIONS)
        except HistoryUnavailable as err:
            self.give_up_history(err)
            return
        self.host.push_screen(HistoryScreen(stats, sessions))
