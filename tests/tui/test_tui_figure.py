"""The session's figure on a fake clock: it breathes, keeps a rep's pace, freezes in a pause, shows the next
exercise in a rest and the other side as its mirror, and stands beside the time only where there is room."""

from __future__ import annotations

import pytest
from support.fake_clock import FakeClock
from support.tui_helpers import advance, make_app

from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.figures import draw
from backfit_tui.core.model import Routine, Sides, Step
from backfit_tui.core.moving_figure import DEMONSTRATION_S
from backfit_tui.store import locations
from backfit_tui.store.routines.catalog import Catalog, load_catalog
from backfit_tui.tui.widgets.exercise_figure import ExerciseFigure

WIDE = (100, 30)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def routine_of(catalog: Catalog, *steps: tuple[str, object, dict]) -> Routine:
    built = tuple(Step(catalog.library[exercise], dosage, **options) for exercise, dosage, options in steps)
    return Routine("figure-test", "Figure test", "", built)


def figure_widget(pilot) -> ExerciseFigure:
    return pilot.app.screen.query_one(ExerciseFigure)


def drawn_as(pilot, exercise: str, fraction: float, mirrored: bool = False) -> tuple[str, ...]:
    """What the figure widget should show: the exercise's figure drawn at its size, straight from the core."""
    figure = pilot.app.state.figures[exercise]
    width, height = figure_widget(pilot).size
    return draw(figure.mirrored() if mirrored else figure, fraction, width, height)


async def test_the_figure_breathes_the_end_pose_in_and_the_start_pose_out(catalog):
    clock = FakeClock(100.0)
    routine = routine_of(catalog, ("cat-cow", Breaths(3, inhale=3, exhale=3), {}))
    async with make_app(catalog, clock, routine, get_ready=0).run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert figure_widget(pilot).lines() == drawn_as(pilot, "cat-cow", 0.0)
        await advance(pilot, clock, 3.0)  # the end of the first in-breath
        assert figure_widget(pilot).lines() == drawn_as(pilot, "cat-cow", 1.0)
        await advance(pilot, clock, 1.5)  # halfway out
        assert figure_widget(pilot).lines() == drawn_as(pilot, "cat-cow", 0.5)
        await advance(pilot, clock, 1.5)  # the end of the out-breath
        assert figure_widget(pilot).lines() == drawn_as(pilot, "cat-cow", 0.0)
        assert drawn_as(pilot, "cat-cow", 0.0) != drawn_as(pilot, "cat-cow", 1.0)


async def test_a_paced_reps_frames_follow_its_pace(catalog):
    clock = FakeClock(100.0)
    routine = routine_of(catalog, ("bridge", Reps(3, seconds_per_rep=4), {}))
    async with make_app(catalog, clock, routine, get_ready=0).run_test(size=WIDE) as pilot:
        await pilot.pause()
        for elapsed, fraction in ((1.0, 0.5), (2.0, 1.0), (3.0, 0.5), (4.0, 0.0), (6.0, 1.0)):
            await advance(pilot, clock, elapsed - (clock.now - 100.0))
            assert figure_widget(pilot).lines() == drawn_as(pilot, "bridge", fraction), f"{elapsed} s in"


async def test_a_pause_freezes_the_figure(catalog):
    clock = FakeClock(100.0)
    routine = routine_of(catalog, ("cat-cow", Breaths(3, inhale=4, exhale=4), {}))
    async with make_app(catalog, clock, routine, get_ready=0).run_test(size=WIDE) as pilot:
        await pilot.pause()
        await advance(pilot, clock, 1.0)
        await pilot.press("space")
        frozen = figure_widget(pilot).lines()
        await advance(pilot, clock, 2.0)
        assert figure_widget(pilot).lines() == frozen == drawn_as(pilot, "cat-cow", 0.25)
        assert not pilot.app.screen.figure_moves  # nothing wakes the screen for frames that cannot change


async def test_the_next_exercise_is_shown_slowly_during_the_rest(catalog):
    clock = FakeClock(100.0)
    routine = routine_of(catalog, ("plank", Hold(10), {"rest_after": 20}), ("bridge", Reps(5, 3), {}))
    async with make_app(catalog, clock, routine, get_ready=0).run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert figure_widget(pilot).lines() == drawn_as(pilot, "plank", 1.0)  # the hold, held
        await advance(pilot, clock, 10.0 + DEMONSTRATION_S / 2)
        assert figure_widget(pilot).lines() == drawn_as(pilot, "bridge", 1.0)
        await advance(pilot, clock, DEMONSTRATION_S / 2)
        assert figure_widget(pilot).lines() == drawn_as(pilot, "bridge", 0.0)


async def test_the_other_side_is_the_mirror(catalog):
    clock = FakeClock(100.0)
    routine = routine_of(catalog, ("leg-elevation", Hold(10), {"sides": Sides.EACH, "switch": 4}))
    async with make_app(catalog, clock, routine, get_ready=0).run_test(size=WIDE) as pilot:
        await pilot.pause()
        left = figure_widget(pilot).lines()
        assert left == drawn_as(pilot, "leg-elevation", 1.0)  # the figure shows the left leg working
        await advance(pilot, clock, 10.0 + 4.0 + 1.0)
        right = figure_widget(pilot).lines()
        assert right == drawn_as(pilot, "leg-elevation", 1.0, mirrored=True)
        assert right != left


@pytest.mark.parametrize(
    ("size", "getting_ready", "working"),
    [((120, 40), True, True), ((100, 30), True, True), ((80, 24), True, False), ((60, 20), False, False)],
)
async def test_the_figure_stands_beside_the_time_only_where_both_have_room(catalog, size, getting_ready, working):
    clock = FakeClock(100.0)
    routine = routine_of(catalog, ("cat-cow", Breaths(3), {}))
    async with make_app(catalog, clock, routine, get_ready=5).run_test(size=size) as pilot:
        await pilot.pause()
        assert figure_widget(pilot).display is getting_ready
        await advance(pilot, clock, 6.0)
        assert figure_widget(pilot).display is working
        if working:  # the time keeps 7 rows or more and the figure 10
            time_rows = pilot.app.screen.query_one("#figure").size.height
            assert time_rows >= 7 and figure_widget(pilot).size.height >= 10


async def test_a_broken_file_of_figures_is_said_once_and_no_figure_is_shown(catalog, tmp_path, monkeypatch):
    broken = tmp_path / "figures.toml"
    broken.write_text('[cat-cow]\nview = "sideways"\n')
    monkeypatch.setattr(locations, "bundled_figures_file", lambda: broken)
    clock = FakeClock(100.0)
    routine = routine_of(catalog, ("cat-cow", Breaths(1), {}))
    app = make_app(catalog, clock, routine, get_ready=0)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert not figure_widget(pilot).display
        warned = [n.message for n in app._notifications if "figures" in n.message]
        assert len(warned) == 1 and str(broken) in warned[0]
        assert app.state.figures == {}
        assert len([n for n in app._notifications if "figures" in n.message]) == 1  # said once
