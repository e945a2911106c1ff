"""The keys of the screen below, grouped, each with what it does, and the safety note.

Read from the bindings themselves (see `key_rows`): the screen's, its widgets', then the app's. Only
bindings with a group are listed, so Textual's own keys (tab, copy) stay out of it.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ...core.wording import SAFETY_LINE
from ..key_rows import help_keys, key_rows, named
from ..widgets.key_hints import KeyHints


def listed_bindings(screen: Screen) -> list[Binding]:
    """The bindings worth knowing on `screen`, each key once: its own first, then its widgets', then the app's."""
    nodes = [screen, *screen.walk_children(), screen.app]
    found, keys = [], set()
    for node in nodes:
        for binding in Binding.make_bindings(node.BINDINGS):
            if binding.group is not None and binding.key not in keys:
                keys.add(binding.key)
                found.append(binding)
    return found


class HelpScreen(ModalScreen[None]):
    """The keys of `screen` by group, with what each does, and the safety note; ? or Esc closes it."""

    CSS_PATH = "help.tcss"

    BINDINGS = [Binding("escape,question_mark", "dismiss", "Close")]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.below = screen

    def compose(self) -> ComposeResult:
        rows = key_rows(listed_bindings(self.below))
        listed = [(row[0].group, help_keys(row, self.key_name), row[0].tooltip) for row in rows]
        width = max((cell_len(keys) for _group, keys, _does in listed), default=0)
        groups: dict[Binding.Group, Table] = {}
        for group, keys, does in listed:
            if group not in groups:
                groups[group] = key_table(width)
            groups[group].add_row(keys, does)
        with VerticalScroll(id="help") as box:
            box.border_title = "Keys"
            box.border_subtitle = "? or Esc closes"
            for group, table in groups.items():
                yield Static(Text(group.description, style="bold"), classes="help-group")
                yield Static(table, classes="help-keys")
            with Vertical(id="help-care"):  # docked: in sight however small the screen, the keys scroll above it
                yield Static(Text("Take care", style="bold"))
                yield Static(SAFETY_LINE, id="help-safety")
        yield KeyHints()

    def key_name(self, binding: Binding) -> str:
        """A key as the help names it: `space` and `enter`, not the narrow `␣` and `⏎`."""
        return named(self.app.get_key_display)(binding)


def key_table(keys_width: int) -> Table:
    """An empty table of keys beside what they do, its keys column as wide as every group's."""
    table = Table(box=None, show_header=False, expand=True, padding=(0, 2, 0, 0))
    table.add_column("keys", style="bold", no_wrap=True, width=keys_width)
    table.add_column("does", ratio=1)
    return table
