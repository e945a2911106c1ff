"""The postures an exercise's poses start from: a figure names one and changes a few joints.

Each is seen from the side, facing right, unless its name says otherwise; the angles follow
`body.py` (anatomical, zero is standing tall).
"""

from __future__ import annotations

from types import MappingProxyType

from .body import Pose

_BOTH = ("right", "left")


def _pose(trunk: dict[str, float], **limbs: float) -> Pose:
    """A pose with the same angle for each side's limb joint named in `limbs`."""
    angles = dict(trunk)
    for joint, angle in limbs.items():
        angles.update({f"{side}_{joint}": angle for side in _BOTH})
    return Pose(angles)


# Standing and sitting tall; on hands and knees with the shoulders above the hands; lying face down
# with the arms reaching past the head; lying face up, legs long or knees bent with the feet flat.
POSTURES = MappingProxyType(
    {
        "standing": _pose({}),
        "seated": _pose({}, hip=90, knee=90, shoulder=25, elbow=45),
        "long-sitting": _pose({}, hip=90, shoulder=40, elbow=20),
        "kneeling": _pose({}, knee=90, ankle=-90),
        "all-fours": _pose({"lean": 75}, hip=75, knee=90, ankle=-90, shoulder=75, wrist=90),
        "prone": _pose({"lean": 90}, shoulder=180, ankle=-90),
        "supine": _pose({"lean": -90}, ankle=-20),
        "supine-knees-bent": _pose({"lean": -90}, hip=50, knee=100, ankle=-40),
        "side-lying": _pose({"lean": 90}),  # seen from the front: on one side, head to the right
    }
)
