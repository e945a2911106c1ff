"""The figures' body and drawing: bones keep their lengths, a move starts and ends on its keyframes, a
mirror undone is the pose, and every library figure fits whatever box it is drawn in."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from backfit_tui.core.figures import JOINTS, Pixels, Pose, Prop, View, along, between, draw, mirror, rasterize, skeleton
from backfit_tui.core.figures.body import bone_length
from backfit_tui.core.figures.cells import to_text
from backfit_tui.store import locations
from backfit_tui.store.routines.figures import load_figures

FIGURES = load_figures(locations.bundled_figures_file())

angles = st.floats(-360, 360, allow_nan=False)
poses = st.builds(Pose, st.dictionaries(st.sampled_from(JOINTS), angles), st.booleans())
views = st.sampled_from(View)


@given(poses, views)
def test_every_bone_keeps_its_length_in_any_pose(pose, view):
    body = skeleton(pose, view)
    for a, b in body.bones:
        assert math.dist(body.points[a], body.points[b]) == pytest_approx(bone_length(a, b, view))


@given(poses, poses, views, st.floats(0, 1))
def test_every_bone_keeps_its_length_in_every_frame_between_two_poses(start, end, view, fraction):
    body = skeleton(between(start, end, fraction), view)
    for a, b in body.bones:
        assert math.dist(body.points[a], body.points[b]) == pytest_approx(bone_length(a, b, view))


@given(poses, poses)
def test_a_move_starts_on_its_first_keyframe_and_ends_on_its_last(start, end):
    end = Pose(end.angles, start.mirrored)  # a move stays on one side
    assert between(start, end, 0) == start
    assert between(start, end, 1) == end


@given(st.lists(poses, min_size=2, max_size=5))
def test_a_move_through_several_keyframes_passes_each_at_its_share(keyframes):
    keyframes = [Pose(p.angles, keyframes[0].mirrored) for p in keyframes]
    steps = len(keyframes) - 1
    for n, pose in enumerate(keyframes):
        assert along(tuple(keyframes), n / steps).angles == pytest_approx_angles(pose.angles)
    assert along(tuple(keyframes), 1) == keyframes[-1]


@given(poses)
def test_a_mirror_of_a_mirror_is_the_pose(pose):
    assert mirror(mirror(pose)) == pose


@given(poses, views)
def test_the_mirror_puts_each_side_where_the_other_was_seen_from_the_other_way(pose, view):
    body, mirrored = skeleton(pose, view), skeleton(mirror(pose), view)
    for name, (x, y) in body.points.items():
        other = name.replace("right_", "LEFT_").replace("left_", "right_").replace("LEFT_", "left_")
        assert mirrored.points[other] == pytest_approx((-x, y))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(FIGURES)), st.integers(12, 60), st.integers(6, 20), st.sampled_from(Pixels),
       st.floats(0, 1), st.booleans())  # fmt: skip
def test_every_library_figure_fits_its_box_at_every_size(exercise, cols, rows, pixels, fraction, other_side):
    figure = FIGURES[exercise].mirrored() if other_side else FIGURES[exercise]
    grid = rasterize(figure, fraction, cols, rows, pixels, thickness=2)
    assert grid.spilled == 0
    assert grid.lit, "something is drawn"
    lines = to_text(grid.lit, cols, rows, pixels, floor=grid.floor)
    assert [len(line) for line in lines] == [cols] * rows


def test_half_blocks_quadrants_and_braille_each_light_the_pixel_asked_for():
    lit = {(0, 0), (1, 3)}  # top left, and the second column's fourth row
    assert to_text(lit, 2, 2, Pixels.HALF) == ("▀ ", " ▄")
    assert to_text(lit, 1, 2, Pixels.QUADRANT) == ("▘", "▗")
    assert to_text(lit, 1, 1, Pixels.BRAILLE) == (chr(0x2800 + 0x01 + 0x80),)
    assert to_text(set(), 1, 1, Pixels.BRAILLE) == (" ",)


def test_a_figure_stands_on_a_floor_thinner_than_its_lines_along_the_bottom_row():
    lines = draw(FIGURES["squat"], 0, 20, 8)
    assert lines[-1] == "▔" * 20, "the floor, an eighth of a cell, where a line of the body is half"
    assert lines[-2].strip() and set(lines[-2]) <= {" ", "▄", "█"}, "the feet stand right on it"
    assert lines[0].strip(), "standing tall, the head reaches the top row"


def test_a_figure_seen_from_above_has_no_floor_and_the_whole_box():
    figure = FIGURES["knee-rolls"]
    assert Prop.FLOOR not in figure.props
    for pixels in Pixels:
        lines = draw(figure, 1, 30, 12, pixels)
        assert "▔" not in "".join(lines)
        assert lines[0].strip() and lines[-1].strip(), "the arms reach the top and bottom rows"


def test_the_other_side_is_drawn_as_the_mirror_image():
    figure = FIGURES["bird-dog"]
    assert draw(figure.mirrored(), 1, 31, 10) == tuple(line[::-1] for line in draw(figure, 1, 31, 10))


def pytest_approx(value):
    import pytest

    return pytest.approx(value, abs=1e-6)


def pytest_approx_angles(angles):
    import pytest

    return pytest.approx(dict(angles), abs=1e-9)
