"""The line under the big digits: breath pacer, rep counter, or what a phase asks for."""

from __future__ import annotations

import math

from ...core.engine import Session, Status
from ...core.formatting import counted
from ...core.model import Breaths, Reps, Sides
from ...core.timeline import PhaseKind, breath_at, rep_at

BAR_WIDTH = 20


def fill_bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A bar `fraction` full, in eighths of a cell."""
    eighths = round(max(0.0, min(fraction, 1.0)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (" ▏▎▍▌▋▊▉"[part] if part else "")).ljust(width)


def pacer_text(session: Session) -> str:
    """What the pacer line shows now for the current phase."""
    if session.status is Status.RESUMING:
        return f"resuming in {max(1, round(session.resumes_in() + 0.499))}…"
    if session.status is Status.PAUSED:
        return "paused: space to resume"
    phase = session.phase
    if phase.kind is not PhaseKind.WORK:
        return ""
    dosage = phase.step.dosage
    if isinstance(dosage, Breaths):
        breath = breath_at(dosage, session.elapsed())
        fraction = breath.fraction if breath.inhaling else 1 - breath.fraction
        word = "inhale" if breath.inhaling else "exhale"
        return f"{word:<7}{fill_bar(fraction)}  breath {breath.number}/{breath.count}"
    if isinstance(dosage, Reps) and dosage.paced:
        rep = rep_at(phase.step, session.elapsed())
        hold = f" · hold {math.ceil(rep.hold_left)} s" if rep.holding else ""
        return rep.describe() + hold
    if isinstance(dosage, Reps):
        each_side = " each side" if phase.step.sides is Sides.ALTERNATING else ""
        reps = counted(dosage.count, "rep")
        return f"{session.reps_done}/{reps}{each_side} · Enter per rep, or once when the set is done"
    return ""
