"""The big time and words: solid block elements, as large as the screen allows, never cut off."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.fake_clock import FakeClock
from support.tui_helpers import advance, short_routine_app

from backfit_tui.store.catalog import load_catalog
from backfit_tui.tui.widgets.big_text import FIGURES, WORDS, BigText, draw, fitting

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


@pytest.mark.parametrize(("size", "rows"), [((60, 20), 5), ((80, 24), 7), ((120, 40), 11), ((200, 60), 28)])
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


@pytest.mark.parametrize(("seconds", "pace"), [(18.25, 0.25), (18.75, 0.75), (34.5, 1.0)])
async def test_the_pacer_is_a_centred_band_as_wide_as_the_pace(seconds, pace):
    clock = FakeClock(100.0)
    async with short_routine_app(load_catalog(), clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, seconds)  # into cat-cow's first inhale, or bird dog's first hold
        pacer = pilot.app.screen.query_one("#pacer")
        line = str(pacer.render()).split("\n")[0]
        band = line.strip()
        left, right = len(line) - len(line.lstrip()), len(line) - len(line.rstrip())
        assert abs(len(band) - pace * pacer.size.width) <= 1 and abs(left - right) <= 1
