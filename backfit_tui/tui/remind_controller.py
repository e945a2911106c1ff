"""What the reminder screen asks for, done for the App: the chime, the desktop notification and the terminal
title when a break falls due; each answer kept in the history; the routine run; the state file that
`backfit status` reads kept up to date, and removed on the way out (the data folder's lock then let go)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..audio.desktop_notice import notify_desktop
from ..core.chime_map import Chime
from ..core.model import Routine
from ..core.reminder import Answer, Reminder
from ..core.speech import break_call
from ..store import locations
from ..store.errors import HistoryUnavailable
from ..store.reminder_state import ReminderLock, forget_reminder_state, process_start, write_reminder_state
from .screens.remind import BreakCounts, RemindScreen

if TYPE_CHECKING:
    from .app import BackfitApp

BREAK_CHIME = Chime.WORK_START  # the chime the person knows as "now, move"
TITLE_DUE, TITLE_WAITING = "backfit: time for a break", "backfit"


@dataclass(frozen=True)
class RemindPlan:
    """What `backfit remind` runs: the reminder, the routine a break starts, and the data folder's lock that
    keeps a second reminder from starting there (None when it could not be taken)."""

    reminder: Reminder
    routine: Routine
    lock: ReminderLock | None = None


class RemindController:
    """Acts on the reminder screen's messages for `app`, through the store and the audio."""

    def __init__(self, app: BackfitApp, plan: RemindPlan) -> None:
        self.app = app
        self.plan = plan
        self.screen: RemindScreen | None = None

    def open(self) -> None:
        """Show the reminder screen."""
        self.screen = RemindScreen(self.plan.reminder, self.plan.routine.name, self.counts())
        self.app.push_screen(self.screen)
        if self.app.voice.on:  # the break's call, rendered long before it is due
            self.app.run_worker(lambda: self.app.voice.ready([self.call()]), thread=True, exit_on_error=False)

    def call(self) -> str:
        """What the voice says when the break is due."""
        return break_call(self.plan.routine.name)

    def counts(self) -> BreakCounts:
        """Today's and this week's sessions from the history (none without one)."""
        app = self.app
        today = this_week = 0
        if app.history is not None:
            from ..core.weeks import today_and_this_week
            from ..store.stats import recent_counting_starts

            try:
                now = app.wall_clock()
                today, this_week = today_and_this_week(recent_counting_starts(app.history, now), now, None)
            except HistoryUnavailable as err:
                app.controller.give_up_history(err)
        return BreakCounts(today, this_week, app.settings.weekly_goal)

    def due(self) -> None:
        """Call the break aloud (or chime), notify the desktop (or ring the bell), and put it in the title."""
        app = self.app
        if not app.voice.say(self.call()):  # said, in place of its chime, as in a session
            app.chimes.play(BREAK_CHIME)
        set_terminal_title(app, TITLE_DUE)
        body = f"{self.plan.routine.name}: Enter in backfit starts it, s snoozes, k skips"

        def notify() -> None:
            if not notify_desktop("Time for a break", body):
                app.call_from_thread(app.bell)

        app.run_worker(notify, thread=True, exit_on_error=False)

    def answered(self, answer: Answer, called: bool = True) -> None:
        """Keep the answer to a `called` break in the history; run the routine when the break is taken."""
        app = self.app
        set_terminal_title(app, TITLE_WAITING)
        if called and app.history is not None:
            from ..store.break_answers import record_answer

            try:
                record_answer(app.history, answer, app.wall_clock())
            except HistoryUnavailable as err:
                app.warn(f"The {answer.value} break is not kept: {err}")
        if answer is Answer.TAKEN:
            app.controller.run_routine(self.plan.routine)

    def back_from_break(self) -> None:
        """The routine (and its summary) is over: count to the next break, with the new counts."""
        self.screen.break_over(self.counts())

    def changed(self, reminder: Reminder) -> None:
        """Tell `backfit status` what the reminder now says."""
        counts = self.screen.counts if self.screen else self.counts()
        said = {"pid": os.getpid(), "started": process_start(os.getpid()), "state": reminder.state.value,
                "due_at": reminder.due_at, "today": counts.today, "this_week": counts.this_week,
                "goal": counts.goal}  # fmt: skip
        try:
            write_reminder_state(locations.reminder_state_file(), said)
        except OSError as err:
            self.app.log.warning(f"backfit status cannot be told of the next break: {err}")

    def close(self) -> None:
        """backfit is leaving: no reminder runs any more, and another may start."""
        forget_reminder_state(locations.reminder_state_file())
        if self.plan.lock is not None:
            self.plan.lock.release()


def set_terminal_title(app: BackfitApp, title: str) -> None:
    """Set the terminal window's (or tmux pane's) title with the xterm escape sequence, written by Textual's
    own driver so that it never splits a frame. Textual itself has no way to set it."""
    driver = app._driver
    if driver is not None and not app.is_headless:
        driver.write(f"\x1b]2;{title}\x07")
