"""A field that filters a list as you type, and lets "?" through to open the help."""

from __future__ import annotations

from textual.widgets import Input


class FilterInput(Input):
    """Takes every printable key but "?": the screen's priority binding for "?" opens the help instead.

    Textual drops a priority binding for a key the focused field would consume, so the field must
    decline "?" for the binding to see it.
    """

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character != "?" and super().check_consume_key(key, character)
