"""The footer's key hints drawn as one line of text: the screen's shown bindings, kept current.

Textual's Footer builds a widget per key; on the menu that was about a third of the first frame.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from ..key_rows import footer_keys, in_declared_order, key_rows, named

# From roomy to tight: keys by name (`enter`) or by sign (`⏎`), the gap between hints, and between a key
# and what it does.
LAYOUTS = ((True, "  ", " "), (True, " ", " "), (False, "  ", " "), (False, " ", " "), (False, " ", ""))


class KeyHints(Static):
    """`enter Start  ^n New  …  ? Help` (`⏎ Start` where room is short): what the screen's keys do now,
    updated as focus and state change.

    A screen may say what a key does now with a `key_hint(binding) -> str | None` method: the word to
    show, or None to leave out a key that does nothing at the moment. The App says it, the same way,
    for the keys that call its own actions (`app.toggle_mute`).
    """

    COMPONENT_CLASSES = {"key-hints--key"}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.show_bindings())
        self.show_bindings()

    def on_resize(self) -> None:
        self.show_bindings()

    def hints(self, by_name: bool = True) -> list[tuple[str, str]]:
        """(keys, word) for each row of keys shown now, the keys `by_name` (`enter`) or by sign (`⏎`)."""
        display = named(self.app.get_key_display) if by_name else self.app.get_key_display
        shown = []
        for row in key_rows(in_declared_order(self.screen.active_bindings.values())):
            keys = footer_keys(row, display)
            word = self.word_for(row[0]) if keys else None
            if word:
                shown.append((keys, word))
        return shown

    def word_for(self, binding: Binding) -> str | None:
        """What `binding`'s key does now, as the App (for its own actions) or the screen says; else its description."""
        owner = self.app if binding.action.startswith("app.") else self.screen
        key_hint = getattr(owner, "key_hint", None)
        return binding.description if key_hint is None else key_hint(binding)

    def show_bindings(self) -> None:
        """Draw the hints as roomy as the width allows."""
        shown: dict[bool, list[tuple[str, str]]] = {}
        key_style = self.get_component_rich_style("key-hints--key")
        for by_name, gap, joint in LAYOUTS:
            if by_name not in shown:  # the signs only if the names do not fit
                shown[by_name] = self.hints(by_name)
            hints = Text(no_wrap=True, overflow="ellipsis")
            for key, description in shown[by_name]:
                if hints:
                    hints.append(gap)
                hints.append(key, style=key_style)
                hints.append(joint + description)
            if hints.cell_len <= self.size.width:
                break
        self.update(hints)
