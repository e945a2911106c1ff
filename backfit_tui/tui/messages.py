"""What the screens tell the App: every message a screen posts for a controller, in one cheap module.

Importing this module imports no screen, so the App routes these messages by class while the screens'
own modules are still imported only when first shown.

Who pushes a screen:
- a controller pushes every screen that follows from a request (a session, its summary, the editor,
  the history, the reminder) and the questions it asks on the way (the warm-up offer, a file changed
  on disk);
- a screen pushes only its own dialogs, which dismiss their answer back to it (a confirmation, the
  exercise picker);
- the App pushes only what answers no request: the safety note, the help and the too-small cover.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from textual.message import Message

if TYPE_CHECKING:
    from ..core.model import Routine
    from ..core.progression import Suggestion
    from ..core.records import SessionRecord
    from ..core.reminder import Answer, Reminder
    from ..store.routines.draft import Draft, OpenedFile
    from ..store.routines.routine_files import RoutineEntry


class ForController(Message):
    """A message a screen posts for a controller; the App hands each to the one controller that handles its class."""


# --- the menu ---------------------------------------------------------------------------------


@dataclass
class RoutineChosen(ForController):
    """Enter on a routine that loads: run it."""

    routine: Routine


@dataclass
class NewRoutineRequested(ForController):
    """ctrl+n (`copy_of` None) or ctrl+d on a routine that loads: open the editor on a new routine, or a copy."""

    copy_of: Routine | None = None


@dataclass
class EditRequested(ForController):
    """ctrl+e on one of the person's own routines: open its file in the editor."""

    entry: RoutineEntry


@dataclass
class DeleteRequested(ForController):
    """ctrl+x on one of the person's own routines, and yes to the question: delete its file."""

    entry: RoutineEntry


# --- the editor and the summary ---------------------------------------------------------------


class SavingEditor(Protocol):
    """What the controller needs of the editor that asked to save: its draft, and two ways to answer."""

    draft: Draft
    taken: Set[str]  # ids in use, for a new routine's file name

    def saved(self, written: OpenedFile) -> None: ...

    def reopened(self, draft: Draft) -> None: ...


class AnsweredSummary(Protocol):
    """What the controller needs of the summary whose suggestions were accepted or undone, or whose question of
    the back was answered."""

    record: SessionRecord

    def changed(self, accepted: bool) -> None: ...

    def show_suggestions(self, suggestions: tuple[Suggestion, ...], back_words: str | None) -> None: ...


@dataclass
class SaveRequested(ForController):
    """ctrl+s on a routine without problems: save it, then call `editor.saved` (or say why not)."""

    editor: SavingEditor
    routine: Routine


@dataclass
class AcceptRequested(ForController):
    """The person accepted the suggestions offered on a session's summary."""

    summary: AnsweredSummary
    suggestions: tuple[Suggestion, ...]


@dataclass
class PainRated(ForController):
    """The person rated their back after the session on its summary, 0 to 10: keep it, and suggest again."""

    summary: AnsweredSummary
    rating: int


@dataclass
class UndoRequested(ForController):
    """The person wants the change just accepted on the summary undone."""

    summary: AnsweredSummary


# --- the reminder of `backfit remind` ---------------------------------------------------------


@dataclass
class BreakDue(ForController):
    """The break has just become due."""


@dataclass
class BreakAnswered(ForController):
    """The person answered the break: took it (its routine is to run), snoozed or skipped it. A break taken
    early is `called` False: it answers no break the reminder called."""

    answer: Answer
    called: bool = True


@dataclass
class ReminderChanged(ForController):
    """What the reminder says of the next break changed (its state or due time)."""

    reminder: Reminder


@dataclass
class BackFromBreak(ForController):
    """The reminder screen is back on top after the break's routine."""
