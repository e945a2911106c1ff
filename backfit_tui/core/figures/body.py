"""A 2-D body: joint angles in, joint positions out, and the moves between two poses.

Angles are in degrees and anatomical, each relative to the segment before it, so a pose reads as a
person would describe it: `hip = 90` sits, `knee = 90` bends the knee square, `shoulder = 180`
reaches overhead, and every zero is standing tall with the arms by the sides. `lean` tips the whole
body forward (90 is face down, -90 face up); the spine's three parts round forward when positive and
arch when negative, so a cat is a positive spine and a cow a negative one.

In the side view the figure faces right and both arms and both legs bend in the same plane; in the
front view it faces the viewer, the spine bends sideways, and each arm and leg opens away from the
middle (an abduction) when positive. Lengths are in centimetres of a person some 1.7 m tall.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

SIDES = ("right", "left")
TRUNK_JOINTS = ("lean", "spine_low", "spine_mid", "spine_up", "neck", "head")
LIMB_JOINTS = ("shoulder", "elbow", "wrist", "hip", "knee", "ankle")
JOINTS = TRUNK_JOINTS + tuple(f"{side}_{joint}" for side in SIDES for joint in LIMB_JOINTS)

# The segment each joint turns, its length, and which way a positive angle turns it in the side
# view (+1 anticlockwise for a figure facing right): a hip bends the thigh forward, a knee the shin back.
SPINE = (("spine_low", 12.0), ("spine_mid", 14.0), ("spine_up", 20.0))
NECK_LENGTH, HEAD_RADIUS = 9.0, 13.0  # a head a little large for the body, as a drawn one reads best
ARM = (("shoulder", 30.0, 1), ("elbow", 26.0, 1), ("wrist", 9.0, 1))
LEG = (("hip", 44.0, 1), ("knee", 42.0, -1), ("ankle", 14.0, 1))
FORWARD_BEND = -1  # the spine, neck and lean bend clockwise for a figure facing right
FOOT_TURN = 90.0  # at a zero ankle the foot points forward, square to the shin
FRONT_FOOT_SCALE = 0.5  # seen from the front, a foot is mostly hidden: a short stub, turned out
SHOULDER_HALF_WIDTH, HIP_HALF_WIDTH = 19.0, 10.0  # seen from the front only


class View(StrEnum):
    """Where the figure is seen from."""

    SIDE = "side"
    FRONT = "front"


@dataclass(frozen=True)
class Pose:
    """Every joint's angle (degrees; a joint not named is at zero) and whether the figure is mirrored."""

    angles: Mapping[str, float] = field(default_factory=dict)
    mirrored: bool = False

    def __post_init__(self) -> None:
        unknown = set(self.angles) - set(JOINTS)
        if unknown:
            raise ValueError(f"unknown joints: {', '.join(sorted(unknown))}")
        object.__setattr__(self, "angles", MappingProxyType({j: float(a) for j, a in self.angles.items() if a}))

    def __hash__(self) -> int:
        return hash((frozenset(self.angles.items()), self.mirrored))

    def angle(self, joint: str) -> float:
        """The angle of `joint`, zero when the pose leaves it out."""
        return self.angles.get(joint, 0.0)

    def with_angles(self, changes: Mapping[str, float]) -> Pose:
        """This pose with some joints set otherwise."""
        return Pose({**self.angles, **changes}, self.mirrored)


Point = tuple[float, float]


@dataclass(frozen=True)
class Skeleton:
    """Where a pose puts each joint: named points, the bones between them, and the head."""

    points: Mapping[str, Point]
    bones: tuple[tuple[str, str], ...]
    head: Point
    head_radius: float = HEAD_RADIUS

    def lowest(self) -> float:
        """The lowest height anything reaches, the head's edge included."""
        return min(min(y for _, y in self.points.values()), self.head[1] - self.head_radius)

    def shifted(self, dx: float, dy: float) -> Skeleton:
        """The same skeleton moved by (dx, dy)."""
        points = {name: (x + dx, y + dy) for name, (x, y) in self.points.items()}
        return Skeleton(points, self.bones, (self.head[0] + dx, self.head[1] + dy), self.head_radius)

    def mirrored(self) -> Skeleton:
        """The mirror image, left to right, with each side's points named for the other side."""
        points = {_other_side(name): (-x, y) for name, (x, y) in self.points.items()}
        bones = tuple((_other_side(a), _other_side(b)) for a, b in self.bones)
        return Skeleton(points, bones, (-self.head[0], self.head[1]), self.head_radius)


def bone_length(parent: str, child: str, view: View = View.SIDE) -> float:
    """The length of the bone from joint `parent` to joint `child` of any skeleton seen from `view`.

    Every bone keeps its length in every pose; only a foot, seen from the front, is drawn shorter.
    """
    length = _LENGTHS[(parent, child)]
    return length * FRONT_FOOT_SCALE if view is View.FRONT and child.endswith("_toes") else length


def skeleton(pose: Pose, view: View = View.SIDE) -> Skeleton:
    """Forward kinematics: each joint's position for `pose`, the pelvis at the origin.

    A mirrored pose is drawn as the mirror image of the pose it mirrors, each side's points where the
    other side's were: seen from the front, turning the figure round would show the same picture.
    """
    if pose.mirrored:
        return skeleton(mirror(pose), view).mirrored()
    points: dict[str, Point] = {"pelvis": (0.0, 0.0)}
    bones: list[tuple[str, str]] = []
    heading = 90.0 + FORWARD_BEND * pose.angle("lean")  # the trunk's direction, up when standing
    previous = "pelvis"
    for joint, length in SPINE:
        heading += FORWARD_BEND * pose.angle(joint)
        points[joint] = _step(points[previous], heading, length)
        bones.append((previous, joint))
        previous = joint
    chest, trunk = previous, heading
    heading += FORWARD_BEND * pose.angle("neck")
    points["neck"] = _step(points[chest], heading, NECK_LENGTH)
    bones.append((chest, "neck"))
    head = _step(points["neck"], heading + FORWARD_BEND * pose.angle("head"), HEAD_RADIUS)
    pelvis_heading = 90.0 + FORWARD_BEND * pose.angle("lean")
    for side in SIDES:
        outward = _outward(side, view)
        _limb(pose, side, ARM, view, points, bones, chest, trunk, SHOULDER_HALF_WIDTH * outward)
        _limb(pose, side, LEG, view, points, bones, "pelvis", pelvis_heading, HIP_HALF_WIDTH * outward)
    return Skeleton(points, tuple(bones), head)


def _outward(side: str, view: View) -> float:
    """+1 where a side's limbs open anticlockwise: the figure's left, on the viewer's right, seen from the front."""
    if view is View.SIDE:
        return 0.0
    return 1.0 if side == "left" else -1.0


def _limb(pose, side, chain, view, points, bones, root, trunk_heading, offset) -> None:
    """Add one arm or leg, hung from `root` (offset sideways by `offset` in the front view)."""
    base = _step(points[root], trunk_heading - 90.0, offset) if offset else points[root]
    anchor = f"{side}_base_{chain[0][0]}"
    points[anchor] = base
    if offset:
        bones.append((root, anchor))
    heading, previous = trunk_heading + 180.0, anchor  # hanging down along the trunk
    for joint, length, sense in chain:
        turn = pose.angle(f"{side}_{joint}")
        if view is View.FRONT:
            sense = 1 if offset > 0 else -1  # every joint opens away from the middle
        heading += sense * turn
        if joint == "ankle":
            heading += (FOOT_TURN if view is View.SIDE else 90.0 * (1 if offset > 0 else -1))
            length *= 1.0 if view is View.SIDE else FRONT_FOOT_SCALE
        name = f"{side}_{_END[joint]}"
        points[name] = _step(points[previous], heading, length)
        bones.append((previous, name))
        previous = name


_END = {"shoulder": "elbow", "elbow": "wrist", "wrist": "fingers", "hip": "knee", "knee": "ankle", "ankle": "toes"}


def _step(start: Point, heading: float, length: float) -> Point:
    radians = math.radians(heading)
    return (start[0] + length * math.cos(radians), start[1] + length * math.sin(radians))


def _lengths() -> dict[tuple[str, str], float]:
    lengths: dict[tuple[str, str], float] = {}
    previous = "pelvis"
    for joint, length in SPINE:
        lengths[(previous, joint)] = length
        previous = joint
    lengths[(previous, "neck")] = NECK_LENGTH
    for side in SIDES:
        for chain, root, half_width in ((ARM, previous, SHOULDER_HALF_WIDTH), (LEG, "pelvis", HIP_HALF_WIDTH)):
            before = f"{side}_base_{chain[0][0]}"
            lengths[(root, before)] = half_width
            for joint, length, _ in chain:
                lengths[(before, f"{side}_{_END[joint]}")] = length
                before = f"{side}_{_END[joint]}"
    return lengths


_LENGTHS = _lengths()
# Every point a skeleton names, such as "pelvis", "neck", "right_wrist" or "left_toes".
POINTS = ("pelvis", *(j for j, _ in SPINE), "neck", *(f"{side}_{end}" for side in SIDES for end in _END.values()))


def mirror(pose: Pose) -> Pose:
    """The same pose done with the other side: left and right swap, and the figure turns around."""
    swapped = {_other_side(joint): angle for joint, angle in pose.angles.items()}
    return Pose(swapped, not pose.mirrored)


def _other_side(joint: str) -> str:
    side, _, rest = joint.partition("_")
    if side not in SIDES:
        return joint
    return f"{SIDES[1 - SIDES.index(side)]}_{rest}"


def between(start: Pose, end: Pose, fraction: float) -> Pose:
    """The pose `fraction` of the way from `start` (0) to `end` (1), joint by joint."""
    fraction = min(1.0, max(0.0, fraction))
    joints = set(start.angles) | set(end.angles)
    # Written so that 0 and 1 give each end's angles exactly, with no rounding on the way.
    angles = {j: start.angle(j) * (1.0 - fraction) + end.angle(j) * fraction for j in joints}
    return Pose(angles, start.mirrored)


def along(keyframes: tuple[Pose, ...], fraction: float) -> Pose:
    """The pose `fraction` of the way through `keyframes`, each step between two of them an equal share."""
    if len(keyframes) == 1:
        return keyframes[0]
    fraction = min(1.0, max(0.0, fraction))
    steps = len(keyframes) - 1
    index = min(int(fraction * steps), steps - 1)
    return between(keyframes[index], keyframes[index + 1], fraction * steps - index)
