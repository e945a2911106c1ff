"""The file of figures: every library exercise has one that loads and draws, and each mistake in a
figure is one problem naming the file, the line, the key and what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.loader_helpers import toml

from backfit_tui.core.figures import Pixels, View, draw
from backfit_tui.store import locations
from backfit_tui.store.routines.figures import load_figures
from backfit_tui.store.routines.routine_files import load_library
from backfit_tui.store.validation import LoadError

GOOD = """
    [bridge]
    view = "side"
    side = "both"
    props = ["floor"]
    start = { base = "supine-knees-bent" }
    end = { base = "supine-knees-bent", lean = -115, hip = 0, knee = 105 }
"""


def figure_problems(tmp_path: Path, source: str, ids=("bridge", "plank")) -> tuple[Path, list[str]]:
    path = tmp_path / "figures.toml"
    path.write_text(toml(source), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_figures(path, ids)
    return path, [str(p) for p in caught.value.problems]


def test_every_library_exercise_has_a_figure_that_loads_and_draws():
    library = load_library(locations.bundled_library_file())
    figures = load_figures(locations.bundled_figures_file(), library)
    assert sorted(figures) == sorted(library)
    for exercise, figure in figures.items():
        for fraction in (0, 1):
            assert any(line.strip() for line in draw(figure, fraction, 30, 12, Pixels.HALF)[:-1]), exercise


def test_a_good_figure_loads_and_an_exercise_without_one_is_fine(tmp_path):
    path = tmp_path / "figures.toml"
    path.write_text(toml(GOOD), encoding="utf-8")
    figures = load_figures(path, ["bridge", "plank"])
    assert list(figures) == ["bridge"]
    bridge = figures["bridge"]
    assert bridge.view is View.SIDE and len(bridge.keyframes) == 2
    assert bridge.end.angle("right_knee") == bridge.end.angle("left_knee") == 105  # `knee` bends both
    assert bridge.end.angle("right_ankle") == -40  # from the base posture


def test_no_file_of_figures_is_no_figures(tmp_path):
    assert load_figures(tmp_path / "figures.toml", ["bridge"]) == {}


def test_a_spine_shares_its_bend_and_a_side_overrides_both(tmp_path):
    path = tmp_path / "figures.toml"
    path.write_text(toml(GOOD.replace("knee = 105", "knee = 105, right_knee = 90, spine = -30")), encoding="utf-8")
    end = load_figures(path)["bridge"].end
    assert (end.angle("right_knee"), end.angle("left_knee")) == (90, 105)
    assert [end.angle(part) for part in ("spine_low", "spine_mid", "spine_up")] == [-10, -10, -10]


def test_an_unknown_joint_is_named_with_the_nearest_one(tmp_path):
    path, found = figure_problems(tmp_path, GOOD.replace("hip = 0", "hipp = 0"))
    assert found == [f'{path}:6: bridge.end: has an unknown joint "hipp"; did you mean "hip"?']


def test_an_angle_that_is_not_a_number_says_what_an_angle_is(tmp_path):
    path, found = figure_problems(tmp_path, GOOD.replace("knee = 105", 'knee = "bent"'))
    assert found == [f'{path}:6: bridge.end: knee must be an angle in degrees, -360 to 360, got "bent"']


def test_an_unknown_base_posture_lists_the_postures(tmp_path):
    path, found = figure_problems(tmp_path, GOOD.replace('start = { base = "supine-knees-bent" }',
                                                        'start = { base = "lying" }'))  # fmt: skip
    assert found == [
        f'{path}:5: bridge.start: base must be one of "standing", "seated", "long-sitting", "kneeling", '
        '"all-fours", "prone", "supine", "supine-knees-bent", "side-lying", got "lying"'
    ]


def test_a_missing_start_or_end_is_asked_for(tmp_path):
    path, found = figure_problems(tmp_path, GOOD.replace('start = { base = "supine-knees-bent" }\n', ""))
    assert found == [f'{path}:1: bridge.start: is missing; add the pose, such as start = {{ base = "standing", hip = 90 }}']


def test_a_pose_between_is_counted_and_checked(tmp_path):
    source = GOOD.replace("    end =", '    between = [{ base = "supine" }, { base = "supine", elbow = true }]\n    end =')
    path, found = figure_problems(tmp_path, source)
    assert found == [f"{path}:6: bridge.between: pose 2 elbow must be an angle in degrees, -360 to 360, got true"]


def test_a_figure_for_no_exercise_of_the_library_is_a_problem(tmp_path):
    path, found = figure_problems(tmp_path, GOOD.replace("[bridge]", "[bridges]"))
    assert found == [f'{path}:1: bridges: no exercise has this id in the library; did you mean "bridge"?']


def test_a_wrong_view_side_prop_or_anchor_is_each_a_problem(tmp_path):
    source = (GOOD.replace('"side"', '"top"').replace('"both"', '"north"').replace('["floor"]', '["bed"]')
              + '    anchor = "elbow"\n')  # fmt: skip
    path, found = figure_problems(tmp_path, source)
    assert [line.split(": ", 2)[1] for line in found] == ["bridge.view", "bridge.side", "bridge.props", "bridge.anchor"]
    assert found[0] == f'{path}:2: bridge.view: must be one of "side", "front", got "top"'
