"""`backfit exercises ID`, `backfit show --figures` and `backfit validate` of figures, as a person uses them.

Commands run in-process through `backfit_tui.cli.command.main`; conftest.py gives every test an empty data dir.
"""

from __future__ import annotations

import re

import pytest
from support.cli_helpers import backfit
from support.loader_helpers import toml

from backfit_tui.core.figure_rows import end_poses
from backfit_tui.core.figures import Pixels, draw
from backfit_tui.store import locations
from backfit_tui.store.routines.figures import load_figures

COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7])[0-9;]*m")  # an SGR sequence that sets a colour


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Rich wraps at $COLUMNS (80 in a pipe); the page's poses are drawn at their full 30 columns each."""
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture(scope="module")
def figures(library):
    return load_figures(locations.bundled_figures_file(), library)


# --- the page of an exercise -----------------------------------------------------------------


def test_an_exercises_page_says_what_it_works_how_to_do_it_its_ranges_and_their_articles(capsys, library):
    bridge = library["bridge"]
    status, out, err = backfit(capsys, "exercises", "bridge")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == ["Bridge", "bridge · core · on the floor · no equipment",
                         "Works: glutes, erector spinae, multifidus, abdominals"]  # fmt: skip
    for cue in (*bridge.cues, *bridge.cautions):
        assert f"   · {cue}" in lines
    assert "   reps       10 to 15, by 1" in lines and "   sets       1 to 3, by 1" in lines
    assert "   reps held  10" in lines and "   sets held  1" in lines  # reps that hold the pose: 004's count
    assert bridge.ranges.reps.source in " ".join(line.strip() for line in lines)  # a source may wrap
    assert '   · 004 "6 Back Strengthening Exercises": pelvis elevation' in lines


def test_an_exercises_page_draws_its_start_and_end_side_by_side(capsys, figures):
    _, out, _ = backfit(capsys, "exercises", "bird-dog")
    start, end = (draw(figures["bird-dog"], fraction, 30, 12, Pixels.HALF) for fraction in (0.0, 1.0))
    lines = out.splitlines()
    labels = lines.index(f"{'start'.center(30)}    {'end'.center(30)}".rstrip())
    side_by_side = [f"{left}    {right}".rstrip() for left, right in zip(start, end, strict=True)]
    first_drawn = next(n for n, row in enumerate(side_by_side) if row)  # the sky above a figure lying down is left out
    assert lines[3:labels] == ["", *side_by_side[first_drawn:]]
    assert any("█" in row[:30] for row in side_by_side) and any("█" in row[34:] for row in side_by_side)


def test_a_narrow_terminal_draws_the_poses_smaller_and_a_very_narrow_one_leaves_them_out(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "44")
    out = backfit(capsys, "exercises", "plank")[1]
    assert max(len(line) for line in out.splitlines()) <= 44 and "█" in out
    monkeypatch.setenv("COLUMNS", "30")
    out = backfit(capsys, "exercises", "plank")[1]
    assert "█" not in out and "How to do it" in out


def test_the_page_in_a_terminal_without_colour_still_draws_the_figure(capsys, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")  # Rich draws as for a terminal: styles, and colours unless NO_COLOR
    monkeypatch.setenv("NO_COLOR", "1")
    out = backfit(capsys, "exercises", "cat-cow")[1]
    assert "\x1b[1m" in out and not COLOUR.search(out)  # bold headings, no colour
    assert "▄" in out and "█" in out


def test_the_page_through_a_pipe_is_plain_text(capsys):
    out = backfit(capsys, "exercises", "cat-cow")[1]
    assert "\x1b" not in out and "█" in out


def test_an_unknown_exercise_names_the_closest_id(capsys):
    status, out, err = backfit(capsys, "exercises", "bird-dgo")
    assert (status, out) == (1, "")
    assert err == 'backfit: no exercise "bird-dgo" in the library; did you mean "bird-dog"?\n'


def test_the_library_is_listed_with_its_text_shown_literally(capsys, monkeypatch, tmp_path):
    library = tmp_path / "library" / "exercises.toml"
    library.parent.mkdir()
    library.write_text(toml("""
        [plank]
        name = "Plank \\u001b[31m red"
        category = "core"
        targets = ["core"]
        equipment = ["mat \\u001b]0;title\\u0007"]
        needs_floor = true
        cues = ["Forearms down", "Body in a line"]
    """), encoding="utf-8")  # fmt: skip
    monkeypatch.setattr(locations, "bundled_library_file", lambda: library)
    status, out, _ = backfit(capsys, "exercises")
    assert status == 0 and "\x1b" not in out and "\x07" not in out
    assert r"Plank \x1b[31m red" in out and r"mat \x1b]0;title\x07" in out
    assert "`backfit exercises ID` shows one" in out


# --- show --figures --------------------------------------------------------------------------


def test_show_with_figures_draws_each_steps_end_pose_under_it(capsys, figures, library):
    from backfit_tui.store.routines.routine_files import load_routine

    routine = load_routine(locations.bundled_routines_dir() / "desk-break.toml", library)
    status, out, _ = backfit(capsys, "show", "desk-break", "--figures")
    assert status == 0
    lines = out.splitlines()
    poses = end_poses(figures, (step.exercise.id for step in routine.steps))
    for number, step in enumerate(routine.steps, start=1):
        at = next(n for n, line in enumerate(lines) if line.startswith(f"{number}. {step.describe()}"))
        drawn = poses[step.exercise.id]
        assert lines[at + 1 : at + 1 + len(drawn)] == [f"   {row}".rstrip() for row in drawn], step.exercise.id


def test_show_with_figures_in_a_narrow_terminal_draws_them_within_it(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "20")
    out = backfit(capsys, "show", "desk-break", "--figures")[1]
    assert "█" in out and all(len(line) <= 20 for line in out.splitlines() if set(line) & set("▀▄█"))


def test_show_without_figures_draws_none(capsys):
    assert "█" not in backfit(capsys, "show", "desk-break")[1]


# --- validate figures ------------------------------------------------------------------------


def test_validate_alone_checks_the_bundled_figures(capsys, library):
    status, out, _ = backfit(capsys, "validate")
    assert status == 0
    assert out == f"{locations.bundled_figures_file()}: ok (23 figures of the library's 23 exercises)\n"


def test_validate_a_figures_file_names_each_broken_figure_by_file_and_line(capsys, tmp_path):
    path = tmp_path / "mine" / "figures.toml"
    path.parent.mkdir()
    path.write_text(toml("""
        [bridge]
        view = "side"
        side = "both"
        start = { base = "supine-knees-bent" }
        end = { base = "supine-knees-bent", hipp = 20 }

        [bird-dgo]
        view = "side"
    """), encoding="utf-8")  # fmt: skip
    status, out, err = backfit(capsys, "validate", str(path))
    assert status == 1
    assert out.splitlines() == [
        f'{path}:5: bridge.end: has an unknown joint "hipp"; did you mean "hip"?',
        f'{path}:7: bird-dgo: no exercise has this id in the library; did you mean "bird-dog"?',
    ]
    assert err == "1 of 1 file has problems.\n"


def test_validate_a_figures_file_beside_routines_and_an_exercise_without_a_figure_is_fine(capsys, tmp_path):
    path = tmp_path / "figures.toml"
    path.write_text(toml("""
        [plank]
        view = "side"
        side = "both"
        start = { base = "prone" }
        end = { base = "prone", elbow = 90 }
    """), encoding="utf-8")  # fmt: skip
    routine = locations.bundled_routines_dir() / "desk-break.toml"
    status, out, _ = backfit(capsys, "validate", str(routine), str(path))
    assert status == 0
    assert out.splitlines()[1] == f"{path}: ok (1 figure of the library's 23 exercises)"


def test_validate_a_missing_figures_file(capsys, tmp_path):
    status, out, _ = backfit(capsys, "validate", str(tmp_path / "figures.toml"))
    assert status == 1 and "figures.toml: cannot be read" in out
