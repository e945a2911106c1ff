"""The big time and words: solid block elements, as large as the screen allows, never cut off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.style import Style
from rich.text import Text
from support.fake_clock import FakeClock
from support.tui_helpers import advance, short_routine_app

from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.tui.widgets.big_text import FIGURES, WORD_SPACE, WORDS, BigText, bitmap, draw, fitting, painted

BLOCKS = set("█▀▄ ")


def test_figures_are_drawn_in_block_elements_at_every_scale():
    for scale in FIGURES.scales:
        lines = draw(FIGURES, "10:59", scale)
        assert set("".join(lines)) <= BLOCKS and len({len(line) for line in lines}) == 1
    assert [len(draw(FIGURES, "0:30", scale)) for scale in FIGURES.scales] == [35, 28, 21, 18, 14, 11, 7, 4]


def test_the_largest_scale_that_fits_is_chosen_and_none_when_nothing_fits():
    assert len(fitting(FIGURES, "0:30", 60, 9)) == 7
    assert len(fitting(FIGURES, "0:30", 200, 12)) == 11
    assert fitting(WORDS, "SWITCH SIDES", 20, 3) is None


@given(st.text("0123456789:/", min_size=1, max_size=8), st.integers(1, 220), st.integers(1, 70))
def test_what_is_drawn_always_fits(text, width, height):
    lines = fitting(FIGURES, text, width, height)
    assert lines is None or (len(lines) <= height and all(len(line) <= width for line in lines))


@pytest.mark.parametrize(("size", "rows"), [((60, 20), 5), ((80, 24), 7), ((120, 40), 11), ((200, 60), 21)])
async def test_the_time_left_is_the_largest_thing_on_the_screen_and_grows_with_it(size, rows):
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=size) as pilot:
        await advance(pilot, clock, 3.5)  # into the first hold
        figure = pilot.app.screen.query_one("#figure", BigText)
        drawn = [line for line in figure.drawn() if line.strip()]
        assert figure.text == "0:04" and len(drawn) >= rows
        assert set("".join(drawn)) <= BLOCKS
        word = pilot.app.screen.query_one("#phase-word", BigText)
        assert len([line for line in word.drawn() if line.strip()]) >= 3  # the phase's word in big letters too


def _as_blocks(line: Text) -> str:
    """A line of the pacer as it looks: a reversed space is a full block."""
    cells = list(line.plain)
    for span in line.spans:
        if Style.parse(str(span.style)).reverse:
            cells[span.start : span.end] = "█" * (span.end - span.start)
    return "".join(cells)


@pytest.mark.parametrize(("seconds", "pace"), [(18.25, 0.25), (18.75, 0.75), (34.5, 1.0)])
async def test_the_pacer_is_a_centred_band_as_wide_as_the_pace(seconds, pace):
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, seconds)  # into cat-cow's first inhale, or bird dog's first hold
        pacer = pilot.app.screen.query_one("#pacer")
        line = _as_blocks(pacer.render().split("\n")[0])
        band = line.strip()
        left, right = len(line) - len(line.lstrip()), len(line) - len(line.rstrip())
        assert abs(len(band) - pace * pacer.size.width) <= 1 and abs(left - right) <= 1


def _pixels_apart(font, first: str, second: str) -> int:
    """How many pixels two letters differ by, each padded to the larger's size."""
    one, other = bitmap(font, first), bitmap(font, second)
    height, width = max(len(one), len(other)), max(len(one[0]), len(other[0]))

    def padded(pixels):
        return [(*row, *[False] * (width - len(row))) for row in pixels] + [(False,) * width] * (height - len(pixels))

    return sum(a != b for row, other_row in zip(padded(one), padded(other)) for a, b in zip(row, other_row))


@pytest.mark.parametrize(("first", "second"), [("W", "M"), ("W", "N"), ("M", "N"), ("W", "H"), ("M", "H"), ("N", "H")])
def test_the_band_letters_w_m_and_n_are_unlike_each_other_and_unlike_h(first, second):
    assert _pixels_apart(WORDS, first, second) >= 2  # 3x5's W and M were an H but for one pixel


@pytest.mark.parametrize("word", ["GET READY", "WORK RIGHT", "SWITCH SIDES", "BREATHE OUT", "RESUMING IN 3", "PAUSED"])
def test_every_band_word_is_drawn_in_big_letters_at_80_columns(word):
    assert fitting(WORDS, word, 78, 3) is not None  # the band is the width less its padding


def test_letters_are_set_a_column_apart_and_words_further():
    assert bitmap(WORDS, "I I") == tuple(row[:3] + (False,) * (WORD_SPACE + 2) + row[:3] for row in bitmap(WORDS, "I"))


async def test_each_row_of_ink_is_painted_by_the_cells_background_so_rows_join():
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=(120, 40)) as pilot:
        await advance(pilot, clock, 3.5)  # 0:04 in 11 rows: a scale with half rows
        for widget in pilot.app.screen.query(BigText):
            for y, line in enumerate(widget.drawn()):
                cells = [(char, style) for text, style, _ in widget.render_line(y) for char in text]
                assert [char for char, _ in cells if char in "█▀"] == []  # glyphs that fall short of the cell's top
                assert [bool(style.reverse) for _, style in cells] == [block in "█▀" for block in line], (y, line)


def test_a_character_other_than_a_block_is_painted_as_itself_in_the_ink():
    ink, paper = Style(color="green"), Style(bgcolor="black")
    segments = painted("▔▔█ ", ink, paper)
    assert [(segment.text, bool(segment.style.reverse)) for segment in segments] == [("▔▔", False), (" ", True), (" ", False)]
    assert segments[0].style.color == ink.color


async def test_the_pacers_rows_are_painted_by_the_cells_background_so_they_join():
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=(120, 40)) as pilot:
        await advance(pilot, clock, 18.75)  # cat-cow's first inhale, in a pacer two rows tall
        rows = pilot.app.screen.query_one("#pacer").render().split("\n")
        assert len(rows) == 2 and all("█" not in row.plain and _as_blocks(row).count("█") > 10 for row in rows)


def _readme_sizes() -> list[tuple[tuple[int, int], int]]:
    """The heights of the time the README gives, `7 rows tall at 80×24, 21 at 120×40`: ((columns, rows), height)."""
    text = " ".join((Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8").split())
    sentence = re.search(r"grow with the terminal: ([^.]*)\.", text).group(1)
    sizes = re.findall(r"(\d+)(?: rows tall)? at (\d+)×(\d+)", sentence)
    return [((int(w), int(h)), int(rows)) for rows, w, h in sizes]


@pytest.mark.parametrize(("size", "rows"), _readme_sizes())
async def test_the_time_is_as_tall_as_the_readme_says(size, rows):
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=size) as pilot:
        await advance(pilot, clock, 3.5)  # into the first hold
        assert len([line for line in pilot.app.screen.query_one("#figure", BigText).drawn() if line.strip()]) == rows
