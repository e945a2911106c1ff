"""The footer's key hints drawn as one line of text: the screen's shown bindings, kept current.

Textual's Footer builds a widget per key; on the menu that was about a third of the first frame.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

# From roomy to tight: the gap between hints, and between a key and what it does.
SPACINGS = (("  ", " "), (" ", " "), (" ", ""))


class KeyHints(Static):
    """`⏎ Start  ^n New  …  ? Help`: every binding the screen shows, updated as focus moves."""

    COMPONENT_CLASSES = {"key-hints--key"}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.show_bindings())
        self.show_bindings()

    def on_resize(self) -> None:
        self.show_bindings()

    def show_bindings(self) -> None:
        """Draw the hints as roomy as the width allows."""
        shown, actions = [], set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                shown.append((self.app.get_key_display(binding), binding.description))
        key_style = self.get_component_rich_style("key-hints--key")
        for gap, joint in SPACINGS:
            hints = Text(no_wrap=True, overflow="ellipsis")
            for key, description in shown:
                if hints:
                    hints.append(gap)
                hints.append(key, style=key_style)
                hints.append(joint + description)
            if hints.cell_len <= self.size.width:
                break
        self.update(hints)
