"""Each step's figure where a routine is chosen and edited: in the menu's preview under each step, and beside the
editor's step form, drawn where it fits and left out where it does not; read once, by the app, not the screens."""

from __future__ import annotations

import pytest
import textual.constants
from support.tui_helpers import make_app
from textual.widgets import Static

from backfit_tui.core.exercise_page import poses_side_by_side
from backfit_tui.core.figure_rows import end_poses
from backfit_tui.core.figures import Pixels
from backfit_tui.core.formatting import NO_BREAK_SPACE
from backfit_tui.store import locations
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.figures import load_figures
from backfit_tui.tui.screens.editor import EditorScreen
from backfit_tui.tui.widgets.figure_preview import FigurePreview

BLOCKS = set("▀▄█▌▐▖▗▘▙▚▛▜▝▞▟")
CATALOG = load_catalog()
FIGURES = load_figures(locations.bundled_figures_file(), CATALOG.library)


def preview_lines(menu) -> list[str]:
    text = str(menu.query_one("#preview", Static).content).replace(NO_BREAK_SPACE, " ")
    return text.splitlines()


def drawn(lines: list[str]) -> bool:
    return any(BLOCKS & set(line) for line in lines)


async def test_the_menus_preview_draws_each_steps_end_pose_under_it_where_the_terminal_is_large():
    async with make_app(CATALOG).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        menu = pilot.app.screen
        routine = menu.current().routine
        lines = preview_lines(menu)
        poses = end_poses(FIGURES, (step.exercise.id for step in routine.steps), 18, 6, Pixels.QUADRANT)
        for number, step in enumerate(routine.steps, start=1):
            at = next(n for n, line in enumerate(lines) if line.startswith(f"{number}. "))
            while not drawn(lines[at + 1 : at + 2]):  # past the step's line, wrapped
                at += 1
            rows = poses[step.exercise.id]
            assert lines[at + 1 : at + 1 + len(rows)] == [f"   {row}" for row in rows], step.exercise.id
        await pilot.press("down")  # the next routine: its own steps' figures
        assert preview_lines(menu) != lines and drawn(preview_lines(menu))


async def test_the_menus_preview_leaves_the_figures_out_at_80_by_24_and_draws_them_once_it_grows():
    async with make_app(CATALOG).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = pilot.app.screen
        assert menu.figures and not drawn(preview_lines(menu))  # read, and no room to draw them
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert drawn(preview_lines(menu))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not drawn(preview_lines(menu))


async def test_broken_figures_are_said_once_and_the_menu_is_whole_without_them(tmp_path, monkeypatch):
    broken = tmp_path / "figures.toml"
    broken.write_text('[plank]\nview = "sidee"\nside = "both"\nstart = { base = "prone" }\nend = { base = "prone" }\n',
                      encoding="utf-8")  # fmt: skip
    monkeypatch.setattr(locations, "bundled_figures_file", lambda: broken)
    async with make_app(CATALOG).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        menu = pilot.app.screen
        assert not drawn(preview_lines(menu)) and "Total" in "\n".join(preview_lines(menu))
        warnings = [n.message for n in pilot.app._notifications]
        assert [w for w in warnings if "figures" in w] == [
            f'figures are not shown: {broken}:2: plank.view: must be one of "side", "front", got "sidee"'
        ]


def step_figure(editor: EditorScreen) -> FigurePreview:
    return editor.query_one(FigurePreview)


async def test_the_editor_draws_the_highlighted_steps_start_and_end_below_its_fields():
    async with make_app(CATALOG).run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+d")  # a copy of the first routine, to edit
        await pilot.pause()
        editor = pilot.app.screen
        assert isinstance(editor, EditorScreen)
        width = editor.query_one("#editor-step").scrollable_content_region.width
        for index, step in enumerate(editor.routine.steps[:2]):
            editor.query_one("#steps").highlighted = index
            await pilot.pause()
            shown = step_figure(editor)
            expected = poses_side_by_side(FIGURES[step.exercise.id], width, Pixels.QUADRANT)
            assert shown.display and str(shown.content).splitlines() == expected
            assert expected[-1].split() == ["start", "end"]


async def test_the_editor_leaves_the_figure_out_where_the_step_form_has_no_room():
    async with make_app(CATALOG).run_test(size=(60, 20)) as pilot:
        await pilot.press("ctrl+d")
        await pilot.pause()
        editor = pilot.app.screen
        assert not step_figure(editor).display  # two poses that read need 32 columns, and 9 rows under the fields
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert step_figure(editor).display


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_a_new_routine_without_steps_shows_no_figure(size):
    async with make_app(CATALOG).run_test(size=size) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not step_figure(pilot.app.screen).display


async def test_in_16_colours_the_figures_are_drawn_in_the_terminals_own_colour(monkeypatch):
    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "standard")
    async with make_app(CATALOG).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert drawn(preview_lines(pilot.app.screen))
        await pilot.press("ctrl+d")
        await pilot.pause()
        figure = step_figure(pilot.app.screen)
        assert figure.display and drawn(str(figure.content).splitlines())
        colours = {segment.style.color for line in figure.render_lines(figure.region.reset_offset)
                   for segment in line if segment.text.strip() and segment.style and segment.style.color}  # fmt: skip
        assert colours and all(colour.is_default for colour in colours), colours  # reads on black and on white
