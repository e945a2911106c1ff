"""Saving a routine whose file another program changed since it was opened: keep which?"""

from __future__ import annotations

from enum import StrEnum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.formatting import literal


class Keep(StrEnum):
    """What to do with the edits and the file changed under them."""

    MINE = "mine"  # overwrite the file with the edits
    THEIRS = "theirs"  # drop the edits and open the file as it is now
    COPY = "copy"  # save the edits as a new routine, leaving the file as it is


class DiskChangedScreen(ModalScreen[Keep | None]):
    """Says what happened to the file (`news`, shown literally: it names the file) and dismisses with a `Keep`,
    or None to go back to editing (Enter or Esc).

    Enter is the safe answer, as in the yes/no question: an Enter meant for a field, after ctrl+s, must
    neither overwrite the other program's change nor throw the edits away.
    """

    CSS_PATH = "disk_changed.tcss"

    BINDINGS = [
        Binding("k", f"answer('{Keep.MINE}')", "Keep mine"),
        Binding("r", f"answer('{Keep.THEIRS}')", "Reload theirs"),
        Binding("c", f"answer('{Keep.COPY}')", "Save as a copy"),
        Binding("enter,escape", "answer(None)", "Back to editing"),
    ]

    def __init__(self, news: str) -> None:
        super().__init__()
        self.news = news

    def compose(self) -> ComposeResult:
        with Vertical(id="disk-changed"):
            yield Static(literal(self.news), markup=False, id="disk-changed-news")
            yield Static(
                "k: keep mine, overwriting theirs\n"
                "r: reload theirs, dropping my edits\n"
                "c: save mine as a copy, a new routine\n"
                "Enter / Esc: back to editing",
                classes="dim",
            )

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(None if answer is None else Keep(answer))
