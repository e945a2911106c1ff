"""An exercise of the library as a page to read (`backfit exercises ID`): what it is for, its figure's start
and end side by side, how it is done, the ranges its dosage may take and the articles they come from."""

from __future__ import annotations

from dataclasses import fields

from .dosages import DosageRange, Ranges
from .figure_rows import trimmed
from .figures import Figure, Pixels, draw
from .formatting import literal
from .model import Exercise
from .plan import BULLET, INDENT, Line

# Each pose on the page at most as large as the session draws it at 100×30, and no smaller than reads.
POSE_COLS, POSE_ROWS, MIN_POSE_COLS = 30, 12, 14
GAP = 4  # between the start and the end
UNITS = {"hold": " s"}  # written after a range's numbers; the others count what they are named for


def poses_side_by_side(figure: Figure, width: int, pixels: Pixels = Pixels.HALF) -> list[str]:
    """The figure's start and end poses side by side within `width` columns, each named below it; none when
    `width` is too narrow for two poses that read."""
    cols = min(POSE_COLS, (width - GAP) // 2)
    if cols < MIN_POSE_COLS:
        return []
    rows = round(cols * POSE_ROWS / POSE_COLS)
    start, end = (draw(figure, fraction, cols, rows, pixels) for fraction in (0.0, 1.0))
    side_by_side = trimmed(f"{left}{' ' * GAP}{right}" for left, right in zip(start, end, strict=True))
    return [*side_by_side, f"{'start'.center(cols)}{' ' * GAP}{'end'.center(cols)}".rstrip()]


def range_words(kind: str, found: DosageRange) -> str:
    """`30 to 60 s, by 5 s`, `10 to 15, by 1`, `1`: how far a dosage, named by `kind`, may go, and its step."""
    unit = UNITS.get(kind, "")
    if found.low == found.high:
        return f"{found.low}{unit}"
    return f"{found.low} to {found.high}{unit}, by {found.step}{unit}"


def exercise_lines(exercise: Exercise, figure: Figure | None, width: int) -> list[Line]:
    """The page of `exercise`, its figure (if it has one) drawn to fit `width` columns; text made literal."""
    needs = ["on the floor" if exercise.needs_floor else "no floor needed",
             literal(", ".join(exercise.equipment)) if exercise.equipment else "no equipment"]  # fmt: skip
    lines = [
        Line(literal(exercise.name), "title"),
        Line(" · ".join([literal(exercise.id), literal(exercise.category), *needs]), "dim"),
        Line("Works: " + literal(", ".join(exercise.targets)), hang=len("Works: ")),
        Line(""),
    ]
    if figure is not None and (poses := poses_side_by_side(figure, width)):
        lines += [*(Line(row, "figure") for row in poses), Line("")]
    lines += _bullets("How to do it", exercise.cues)
    if exercise.cautions:
        lines += _bullets("Take care", exercise.cautions)
    lines += _ranges(exercise.ranges)
    if exercise.sources:
        lines += _bullets("From the articles", exercise.sources)
    return lines[:-1]  # no blank line at the end


def _bullets(heading: str, items: tuple[str, ...]) -> list[Line]:
    bullets = [Line(f"{INDENT}{BULLET}{literal(item)}", hang=len(INDENT + BULLET)) for item in items]
    return [Line(heading, "title"), *bullets, Line("")]


# The library's keys for the ranges of reps that hold the pose, in words.
RANGE_NAMES = {"held_reps": "reps held", "held_sets": "sets held"}


def _ranges(ranges: Ranges) -> list[Line]:
    """Each range the library gives, then the words it rests on."""
    found = [(RANGE_NAMES.get(field.name, field.name), getattr(ranges, field.name)) for field in fields(ranges)]
    found = [(kind, value) for kind, value in found if value is not None]
    if not found:
        return []
    width = max(len(kind) for kind, _ in found) + 2
    lines = [Line("Ranges", "title")]
    for kind, value in found:
        lines.append(Line(f"{INDENT}{kind.ljust(width)}{range_words(kind, value)}", hang=len(INDENT) + width))
        if value.source:
            lines.append(Line(f"{INDENT}{' ' * width}{literal(value.source)}", "dim", len(INDENT) + width))
    return [*lines, Line("")]
