"""Inside a set of work: what paces it, the moments it marks, and where a set under way stands.

Each dosage kind (`model`) says which cues its work phase marks and, while its own cues pace it, which
breath or rep is under way; the timeline, the engine and the screens read these shapes alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

COUNTDOWN_SECONDS = (3, 2, 1)  # the last seconds counted aloud or ticked: of a phase, or of a rep's long hold


class Side(StrEnum):
    """The side a piece of work is done on."""

    LEFT = "left"
    RIGHT = "right"


class Pacing(StrEnum):
    """What sets the pace of a set of work."""

    COUNTDOWN = "countdown"  # a clock: its big digits count down, and ±5 s changes it (a hold)
    CUES = "cues"  # its own cues, breath by breath or rep by rep
    BY_HAND = "by_hand"  # the person: they count it, and say when it is done


class CueKind(StrEnum):
    """A moment inside a phase that the screen or a chime marks."""

    COUNTDOWN = "countdown"
    HALFWAY = "halfway"
    BREATH_IN = "breath_in"
    BREATH_OUT = "breath_out"
    REP = "rep"
    REP_HOLD = "rep_hold"
    REP_RELEASE = "rep_release"  # a rep's hold is over: lower, or come back
    SECONDS_LEFT = "seconds_left"  # a milestone: 10 or 5 seconds left


@dataclass(frozen=True)
class Cue:
    """A cue `offset` seconds into a phase; `value` is the countdown second, seconds left, breath or rep number."""

    offset: float
    kind: CueKind
    value: int = 0


@dataclass(frozen=True)
class BreathPosition:
    """Where a breaths phase is: breath `number` of `count`, breathing in or out, and how far."""

    number: int
    count: int
    inhaling: bool
    fraction: float  # 0 → 1 through the current inhale or exhale


@dataclass(frozen=True)
class Rep:
    """A rep as a person counts it: rep `number` of `count`, on its own side when sides alternate."""

    number: int
    count: int
    side: Side | None  # with sides that alternate within the set


@dataclass(frozen=True)
class RepPosition(Rep):
    """Where a paced reps phase is: the rep under way, how far through its movement, and its hold if any."""

    holding: bool
    hold_left: float  # seconds left in this rep's hold (0 when not holding)
    fraction: float  # 0 → 1 through the rep's movement (1 while it is held)


def completed(count: int, elapsed: float, unit_seconds: float) -> int:
    """Whole units (breaths, reps) finished after `elapsed` seconds, at most `count`."""
    return min(count, math.floor(elapsed / unit_seconds + 1e-9))


def out_and_back(within: float, moving: float, hold: float) -> float:
    """How far out (0 → 1) a paced rep of `moving` seconds and a `hold` after them is, `within` seconds into it.

    Without a hold: out over the first half of the movement, back over the second. With one: out over the
    whole movement, as the pacer fills and until the hold is called, held, and back over the hold's last
    part (as long as half the movement, at most half the hold): a rep's timing keeps no time for the way back.
    """
    if not hold:
        return max(0.0, 1.0 - abs(2 * within / moving - 1.0))
    if within < moving:
        return within / moving
    return max(0.0, min(1.0, (moving + hold - within) / (min(moving, hold) / 2)))
