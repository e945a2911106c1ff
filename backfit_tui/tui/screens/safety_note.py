"""The safety note, shown once before the first session, until the person says they have read it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.wording import SAFETY_NOTE
from ..widgets.key_hints import KeyHints


class SafetyNoteScreen(ModalScreen[None]):
    """SAFETY_NOTE over the first screen; Enter (or Esc) dismisses it, ctrl+c quits as on the menu."""

    CSS_PATH = "safety_note.tcss"

    BINDINGS = [
        Binding("enter,escape", "dismiss", "Got it", key_display="⏎"),
        Binding("ctrl+c", "app.quit", "Quit", tooltip="Quit backfit"),  # what a terminal user tries first
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="safety-note"):
            yield Static("Before you start", id="safety-note-title")
            yield Static(SAFETY_NOTE)
        yield KeyHints()
