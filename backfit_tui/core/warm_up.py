"""Which routines offer the bundled warm-up before they start.

002 asks for a warm-up before back-strengthening exercises, to prepare the body rather than tire it;
so every routine tagged "strength" offers it, and the warm-up itself does not.
"""

from __future__ import annotations

from .model import Routine

WARM_UP_ID = "warm-up"
STRENGTH_TAG = "strength"


def offers_warm_up(routine: Routine) -> bool:
    """Whether `routine` offers the warm-up before it starts."""
    return STRENGTH_TAG in routine.tags and routine.id != WARM_UP_ID
