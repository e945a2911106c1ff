"""An exercise's figure: its keyframes and what it is done on, placed on the floor frame by frame."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .body import Point, Pose, Skeleton, View, along, mirror, skeleton


class Prop(StrEnum):
    """What is drawn with the body."""

    FLOOR = "floor"  # a line under the figure
    CHAIR = "chair"  # a seat under the pelvis, its back behind the figure
    BAND = "band"  # a resistance band: between the hands seen from the front, to an anchor ahead seen from the side


class ShownSide(StrEnum):
    """Which side a figure shows working; the other side is its mirror."""

    RIGHT = "right"
    LEFT = "left"
    BOTH = "both"  # both sides work at once: the mirror is the same exercise


@dataclass(frozen=True)
class Figure:
    """How an exercise looks: seen from `view`, moving through `keyframes` (start first, end last)."""

    view: View
    keyframes: tuple[Pose, ...]
    side: ShownSide = ShownSide.BOTH
    props: frozenset[Prop] = frozenset({Prop.FLOOR})
    anchor: str = "pelvis"  # the joint that keeps its place from frame to frame, as a foot on the floor does

    def __post_init__(self) -> None:
        if len(self.keyframes) < 2:
            raise ValueError("a figure needs a start and an end pose")

    @property
    def start(self) -> Pose:
        """The pose the exercise starts from."""
        return self.keyframes[0]

    @property
    def end(self) -> Pose:
        """The pose the exercise moves to."""
        return self.keyframes[-1]

    def mirrored(self) -> Figure:
        """The figure done with the other side."""
        return Figure(self.view, tuple(mirror(p) for p in self.keyframes), self.side, self.props, self.anchor)


@dataclass(frozen=True)
class Scene:
    """One frame, placed: the body with its lowest point on the floor (height 0), and the props' lines."""

    body: Skeleton
    lines: tuple[tuple[Point, Point], ...]
    floor: bool


CHAIR_BELOW_PELVIS, CHAIR_BEHIND, CHAIR_AHEAD, CHAIR_BACK = 9.0, 22.0, 16.0, 42.0
BAND_AHEAD = 40.0  # seen from the side, the band is anchored this far ahead of the hands at the start


def scene(figure: Figure, fraction: float) -> Scene:
    """The figure `fraction` (0..1) of the way through its keyframes."""
    pose = along(figure.keyframes, fraction)
    facing = -1.0 if pose.mirrored else 1.0
    body = _grounded(skeleton(pose, figure.view), figure.anchor)
    lines: list[tuple[Point, Point]] = []
    if Prop.CHAIR in figure.props:
        lines += _chair(body.points["pelvis"], facing)
    if Prop.BAND in figure.props:
        lines += _band(figure, body, facing)
    return Scene(body, tuple(lines), Prop.FLOOR in figure.props or Prop.CHAIR in figure.props)


def _grounded(body: Skeleton, anchor: str) -> Skeleton:
    return body.shifted(-body.points[anchor][0], -body.lowest())


def _chair(pelvis: Point, facing: float) -> list[tuple[Point, Point]]:
    x, y = pelvis
    seat = y - CHAIR_BELOW_PELVIS
    back, front = x - facing * CHAIR_BEHIND, x + facing * CHAIR_AHEAD
    return [((back, seat), (front, seat)), ((back, 0.0), (back, seat + CHAIR_BACK)), ((front, 0.0), (front, seat))]


def _band(figure: Figure, body: Skeleton, facing: float) -> list[tuple[Point, Point]]:
    hands = body.points["right_wrist"], body.points["left_wrist"]
    if figure.view is View.FRONT:
        return [hands]
    first = _grounded(skeleton(figure.start, figure.view), figure.anchor).points["right_wrist"]
    anchor = (first[0] + facing * BAND_AHEAD, first[1])
    return [(hands[0], anchor), (hands[1], anchor)]
