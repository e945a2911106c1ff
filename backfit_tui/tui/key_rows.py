"""Keys that do the same thing, as one row: `+/-  ±5 s` in the footer, `+ / -` in the help.

Each screen's BINDINGS are the one source of its keys: a binding's `description` is its word in the
footer, its `tooltip` what the help says it does, and its `group` the heading the help lists it under.
Bindings that share all three are one row, even across actions (`+` and `-`) or keys (`q`, `esc`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode


def in_declared_order(active: Iterable[ActiveBinding]) -> list[Binding]:
    """The active bindings in the order their classes list them, nearest the focus first.

    Textual keeps a key where a base class first bound it (the screen's ctrl+c copy, an Input's
    ctrl+e), so a screen's own bindings would otherwise come out in a jumble.
    """
    nodes: dict[DOMNode, list[Binding]] = {}
    for item in active:
        nodes.setdefault(item.node, []).append(item.binding)
    ordered = []
    for node, bindings in nodes.items():
        declared = {(b.key, b.action): index for index, b in enumerate(Binding.make_bindings(node.BINDINGS))}
        ordered += sorted(bindings, key=lambda b: declared.get((b.key, b.action), len(declared)))
    return ordered


def key_rows(bindings: Iterable[Binding]) -> list[list[Binding]]:
    """`bindings` gathered into rows of those that do the same thing, in the order each row first appears."""
    rows: dict[tuple[Binding.Group | None, str, str], list[Binding]] = {}
    for binding in bindings:
        rows.setdefault((binding.group, binding.description, binding.tooltip), []).append(binding)
    return list(rows.values())


# Signs for keys narrow enough for a tight footer, and the names that read better wherever there is room:
# in DejaVu Sans Mono ⏎ and ␣ are a few pixels tall.
KEY_NAMES = {"⏎": "enter", "␣": "space"}


def named(display: Callable[[Binding], str]) -> Callable[[Binding], str]:
    """`display` with the narrow signs spelled out: `enter` for `⏎`, `space` for `␣`."""

    def spelled_out(binding: Binding) -> str:
        shown = display(binding)
        return KEY_NAMES.get(shown, shown)

    return spelled_out


def footer_keys(row: list[Binding], display: Callable[[Binding], str]) -> str:
    """The row's keys for the footer, `+/-`: the first shown key of each action, so `q` stands for `q`, `esc`."""
    firsts: dict[str, Binding] = {}
    for binding in row:
        if binding.show:
            firsts.setdefault(binding.action, binding)
    return "/".join(dict.fromkeys(map(display, firsts.values())))


def help_keys(row: list[Binding], display: Callable[[Binding], str]) -> str:
    """Every key of the row for the help, `q / esc / ^c`, each once."""
    return " / ".join(dict.fromkeys(map(display, row)))
