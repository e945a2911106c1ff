"""What the reminder screen tells, done for the App: the chime, the desktop notification and the terminal
title when a break falls due; each answer kept in the history; the routine run; the state file that
`backfit status` reads kept up to date, and removed on the way out (the data folder's lock then let go)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from ..audio.desktop_notice import notify_desktop
from ..core.chime_map import Chime
from ..core.phrases import break_call
from ..core.reminder import Answer, RemindPlan
from ..store import locations
from ..store.errors import HistoryUnavailable
from ..store.reminder_state import forget_reminder_state, process_start, write_reminder_state
from . import messages
from .routines_controller import RoutinesController
from .screens.remind import BreakCounts, RemindScreen
from .state import AppState, Host

BREAK_CHIME = Chime.WORK_START  # the chime the person knows as "now, move"
TITLE_DUE, TITLE_WAITING = "backfit: time for a break", "backfit"


class RemindController:
    """Acts on the reminder screen's messages for `host`, on `state`, through the store and the audio; a break
    taken runs its routine through `routines`."""

    def __init__(self, host: Host, state: AppState, plan: RemindPlan, routines: RoutinesController) -> None:
        self.host = host
        self.state = state
        self.plan = plan
        self.routines = routines
        self.screen: RemindScreen | None = None
        self.handlers: Mapping[type[messages.ForController], Callable[[Any], None]] = {
            messages.BreakDue: self.due,
            messages.BreakAnswered: self.answered,
            messages.BackFromBreak: self.back_from_break,
            messages.ReminderChanged: self.changed,
        }

    def open(self) -> None:
        """Show the reminder screen."""
        self.screen = RemindScreen(self.plan.reminder, self.plan.routine.name, self.counts())
        self.host.push_screen(self.screen)
        voice = self.state.sounds.voice
        if voice.on:  # the break's call, rendered long before it is due
            self.host.run_worker(lambda: voice.ready([self.call()]), thread=True, exit_on_error=False)

    def call(self) -> str:
        """What the voice says when the break is due."""
        return break_call(self.plan.routine.name)

    def counts(self) -> BreakCounts:
        """Today's and this week's sessions from the history (none without one)."""
        state = self.state
        today = this_week = 0
        if state.history is not None:
            from ..core.weeks import today_and_this_week
            from ..store.history.stats import recent_counting_starts

            try:
                now = state.clocks.wall()
                today, this_week = today_and_this_week(recent_counting_starts(state.history, now), now, None)
            except HistoryUnavailable as err:
                self.routines.give_up_history(err)
        return BreakCounts(today, this_week, state.settings.weekly_goal)

    def due(self, _due: messages.BreakDue) -> None:
        """Call the break aloud (or chime), notify the desktop (or ring the bell), and put it in the title."""
        host, sounds = self.host, self.state.sounds
        if not sounds.voice.say(self.call()):  # said, in place of its chime, as in a session
            sounds.chimes.play(BREAK_CHIME)
        host.set_terminal_title(TITLE_DUE)
        body = f"{self.plan.routine.name}: Enter in backfit starts it, s snoozes, k skips"

        def notify() -> None:
            if not notify_desktop("Time for a break", body):
                host.call_from_thread(host.bell)

        host.run_worker(notify, thread=True, exit_on_error=False)

    def answered(self, answered: messages.BreakAnswered) -> None:
        """Keep the answer to a called break in the history; run the routine when the break is taken."""
        answer, state = answered.answer, self.state
        self.host.set_terminal_title(TITLE_WAITING)
        if answered.called and state.history is not None:
            from ..store.break_answers import record_answer

            try:
                record_answer(state.history, answer, state.clocks.wall())
            except HistoryUnavailable as err:
                self.host.warn(f"The {answer.value} break is not kept: {err}")
        if answer is Answer.TAKEN:
            self.routines.run_routine(self.plan.routine)

    def back_from_break(self, _back: messages.BackFromBreak) -> None:
        """The routine (and its summary) is over: count to the next break, with the new counts."""
        self.screen.break_over(self.counts())

    def changed(self, changed: messages.ReminderChanged) -> None:
        """Tell `backfit status` what the reminder now says."""
        reminder = changed.reminder
        counts = self.screen.counts if self.screen else self.counts()
        said = {"pid": os.getpid(), "started": process_start(os.getpid()), "state": reminder.state.value,
                "due_at": reminder.due_at, "today": counts.today, "this_week": counts.this_week,
                "goal": counts.goal}  # fmt: skip
        try:
            write_reminder_state(locations.reminder_state_file(), said)
        except OSError as err:
            self.host.log.warning(f"backfit status cannot be told of the next break: {err}")

    def close(self) -> None:
        """backfit is leaving: no reminder runs any more, and another may start."""
        forget_reminder_state(locations.reminder_state_file())
        if self.plan.lock is not None:
            self.plan.lock.release()
