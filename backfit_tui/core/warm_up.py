"""Which routines offer the bundled warm-up before they start.

002 asks for a warm-up before any workout, and most of all before back-strengthening exercises, to prepare the
body rather than tire it; so every routine tagged "strength" offers it, and so does every routine tagged "floor"
(each bundled routine that gets down on the floor is). A warm-up does not, the bundled one or a copy of it
(tagged "warm-up"), nor a routine with neither tag: the desk break is itself a few easy moves, standing or seated.
"""

from __future__ import annotations

from .model import Routine

WARM_UP_ID = "warm-up"
WARM_UP_TAG = "warm-up"
OFFERING_TAGS = frozenset({"strength", "floor"})


def offers_warm_up(routine: Routine) -> bool:
    """Whether `routine` offers the warm-up before it starts."""
    is_a_warm_up = routine.id == WARM_UP_ID or WARM_UP_TAG in routine.tags
    return not OFFERING_TAGS.isdisjoint(routine.tags) and not is_a_warm_up
