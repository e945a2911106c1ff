"""Text drawn so that no number is parted from its unit where a line wraps, at any width."""

from __future__ import annotations

import io
import re

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text
from support.strategies import routines

from backfit_tui.core.formatting import NO_BREAK_SPACE
from backfit_tui.core.plan import plan_lines
from backfit_tui.tui.widgets.unbroken_text import UnbrokenText


def render(text: Text, width: int):
    """The lines of segments `UnbrokenText(text)` draws at `width`, as Rich draws them in a Static."""
    console = Console(file=io.StringIO(), width=width, color_system=None)
    return console.render_lines(UnbrokenText(text), console.options, pad=False)


def drawn(text: Text, width: int) -> list[str]:
    """The lines `UnbrokenText(text)` draws at `width`, as text."""
    return ["".join(segment.text for segment in line) for line in render(text, width)]


def test_a_length_in_brackets_moves_to_the_next_line_whole():
    lines = drawn(Text("1. Seated leg lift — 5 reps (3 s per rep) each side  (50 s)"), 57)
    assert [line.replace(NO_BREAK_SPACE, " ").rstrip() for line in lines] == [
        "1. Seated leg lift — 5 reps (3 s per rep) each side",
        "(50 s)",
    ]
    assert lines[1] == f"(50{NO_BREAK_SPACE}s)"


def test_the_styles_stay_on_their_words():
    (first, second) = render(Text.assemble(("Total ", "bold"), ("3 min 30 s", "dim")), 10)
    assert [(s.text.strip(), str(s.style)) for s in first if s.text.strip()] == [("Total", "bold")]
    assert [(s.text, str(s.style)) for s in second] == [(f"3{NO_BREAK_SPACE}min{NO_BREAK_SPACE}30{NO_BREAK_SPACE}s", "dim")]


@given(routines(), st.integers(14, 80))
def test_no_plan_line_ends_in_a_number_whose_word_wraps_to_the_next(routine, width):
    for line in plan_lines(routine, get_ready=5):
        lines = drawn(Text(line.text), width)
        assert all(len(drawn_line) <= width for drawn_line in lines)
        parted = [(a, b) for a, b in zip(lines, lines[1:]) if re.search(r"\d\s*$", a) and re.match(r"[^\W\d_]", b)]
        assert parted == []
        assert " ".join(lines).replace(NO_BREAK_SPACE, " ").split() == line.text.split()  # nothing lost


def test_a_wrapped_step_stands_under_the_words_after_its_number():
    text = Text("12. Seated leg lift — 5 reps each side (3 s per rep)  (50 s)\n   · Lift from the hip, knee bent")
    lines = drawn_with_hangs(text, [4, 5], 30)
    assert [line.replace(NO_BREAK_SPACE, " ").rstrip() for line in lines] == [
        "12. Seated leg lift — 5 reps",
        "    each side (3 s per rep)",
        "    (50 s)",
        "   · Lift from the hip, knee",
        "     bent",
    ]


@given(routines(), st.integers(14, 80))
def test_every_wrapped_row_of_a_plan_line_hangs_under_its_text(routine, width):
    for line in plan_lines(routine, get_ready=5):
        lines = drawn_with_hangs(Text(line.text), [line.hang], width)
        assert all(len(drawn_line) <= width for drawn_line in lines)
        if width >= 30:  # room for the hang and any word after it
            assert all(row.startswith(" " * line.hang) for row in lines[1:])
        assert " ".join(lines).replace(NO_BREAK_SPACE, " ").split() == line.text.split()  # nothing lost


def drawn_with_hangs(text: Text, hangs: list[int], width: int) -> list[str]:
    """The lines `UnbrokenText(text, hangs)` draws at `width`, as text."""
    console = Console(file=io.StringIO(), width=width, color_system=None)
    lines = console.render_lines(UnbrokenText(text, hangs), console.options, pad=False)
    return ["".join(segment.text for segment in line) for line in lines]
