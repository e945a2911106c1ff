"""Where a session's figure is at a moment: which exercise, how far from its start to its end pose, which side.

During work each dosage kind moves its figure with its own time (`Dosage.pose_fraction`): with the breath,
at the rep's pace, or still. Getting ready, resting and switching sides show the work that comes next,
demonstrated slowly, so the rest is when a new exercise is learned. Time is the engine's, so a pause freezes
the figure; the screen only draws what this says.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .beats import RepPosition, Side
from .engine import Session, Status
from .figures.figure import ShownSide
from .glance import upcoming_work
from .timeline import PhaseKind

# One demonstration, start → end → start, in the rests: as long as a calm breath, slow enough that each pose
# is seen held for a moment, and still twice over a get-ready of 10 s.
DEMONSTRATION_S = 5.0
# A moving figure (and the pacer beside it) is drawn this often: smooth enough for a slow move, and each frame
# repaints some rows of the screen, which costs the terminal UI about 2 ms; ten a second would cost 2 % of a core.
FRAME_S = 0.25


@dataclass(frozen=True)
class FigureMoment:
    """The figure to show: `exercise_id`'s, `fraction` (0..1) of the way from its start to its end pose, done
    on `side` (None: as the figure is drawn); `moving` while it changes within the next frame as the session runs."""

    exercise_id: str
    fraction: float
    side: Side | None
    moving: bool


def figure_moment(session: Session) -> FigureMoment:
    """The figure of the session's moment: the work under way, or else the work that comes next."""
    phase, elapsed = session.phase, session.elapsed()
    running = session.status is Status.RUNNING
    if phase.kind is PhaseKind.WORK:
        step = phase.step
        position = step.dosage.position(step, elapsed)
        side = position.side if isinstance(position, RepPosition) and position.side else phase.side
        fraction = step.dosage.pose_fraction(step, elapsed)
        # Asked of the kind's own time, so a hold, a rep's hold and a set counted by hand wake nothing.
        moving = running and step.dosage.pose_fraction(step, elapsed + FRAME_S) != fraction
        return FigureMoment(step.exercise.id, fraction, side, moving)
    work = upcoming_work(session)
    return FigureMoment(work.step.exercise.id, demonstration(elapsed), work.side, running)


def demonstration(elapsed: float) -> float:
    """The pose of a slow demonstration `elapsed` seconds in: from the start to the end pose and back, eased at
    each end so that the turns are calm."""
    return (1.0 - math.cos(2.0 * math.pi * elapsed / DEMONSTRATION_S)) / 2.0


def mirrored(shown: ShownSide, side: Side | None) -> bool:
    """Whether a figure drawn working `shown` is turned to its mirror for work on `side`."""
    return side is not None and shown is not ShownSide.BOTH and shown.value != side.value
