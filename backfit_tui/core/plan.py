"""A routine's plan as lines to read: the same on `backfit show` and the menu's preview."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .formatting import duration, literal
from .model import Routine
from .timeline import build_timeline, total_seconds

if TYPE_CHECKING:
    from .progression import Suggestion

# How each line style is drawn with Rich, on `backfit show` and in the menu's preview alike.
RICH_STYLES = {"title": "bold", "dim": "dim", "": "", "figure": ""}  # a figure in the terminal's own colour
INDENT, BULLET = "   ", "· "  # what stands under a step, and a cue's mark


class Line(NamedTuple):
    """One line of a plan, how it is set ("title", "" for plain, "dim", or "figure": a row of a drawing, never
    wrapped), and how far its wrapped rows are indented to stand under the text after its number or bullet."""

    text: str
    style: str = ""
    hang: int = 0


def plan_lines(
    routine: Routine, get_ready: int, cues: bool = True, suggestions: Sequence[Suggestion] = (),
    figures: Mapping[str, Sequence[str]] | None = None,
) -> list[Line]:  # fmt: skip
    """The routine's facts, each step with its dosage and length (and its figure's rows in `figures`, by exercise
    id, if there), the total, and what the history suggests for next time; text made literal."""
    timeline = build_timeline(routine, get_ready)
    floor = " · needs the floor" if routine.needs_floor else " · no floor needed"
    before = f", with a {get_ready} s get-ready before each step" if get_ready else ""
    lines = [
        Line(literal(routine.name), "title"),
        Line(f"Total {duration(total_seconds(timeline))}{before}.", "title"),  # first, to be seen without scrolling
        Line(literal(routine.description)),
        Line("tags: " + literal(", ".join(routine.tags) or "none"), "dim"),
        Line("equipment: " + literal(", ".join(routine.equipment) or "none") + floor, "dim"),
        Line(""),
    ]
    for index, step in enumerate(routine.steps):
        seconds = total_seconds(p for p in timeline if p.step_index == index)
        number = f"{index + 1}. "
        lines.append(Line(f"{number}{literal(step.describe())}  ({duration(seconds)})", hang=len(number)))
        lines.extend(Line(INDENT + row, "figure") for row in (figures or {}).get(step.exercise.id, ()))
        if step.rest_after and index < len(routine.steps) - 1:
            lines.append(Line(f"{INDENT}then rest {step.rest_after} s", "dim", len(INDENT)))
        if cues:
            lines.extend(Line(f"{INDENT}{BULLET}{literal(cue)}", "dim", len(INDENT + BULLET)) for cue in step.form_cues)
    if suggestions:
        lines += [Line(""), *(Line("Next time: " + literal(s.words())) for s in suggestions)]
    if routine.sources:
        lines += [Line(""), Line("From: " + literal("; ".join(routine.sources)), "dim")]
    return lines


def at_a_glance(routine: Routine, get_ready: int) -> str:
    """How long the routine takes (as its plan counts it) and what it needs, for a list:
    `3 min 30 s`, `8 min 52 s · floor`, `4 min 4 s · resistance band`."""
    needs = (["floor"] if routine.needs_floor else []) + [literal(item) for item in routine.equipment]
    return " · ".join([duration(total_seconds(build_timeline(routine, get_ready))), *needs])
