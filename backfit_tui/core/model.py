"""The routine model: exercises, steps and routines, as frozen dataclasses (the kinds of dosage are in
`dosages`).

Nothing here reads files or knows about screens; `store/routines` builds these from TOML.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .beats import Pacing, Rep, Side
from .dosages import Dosage, Ranges


class Sides(StrEnum):
    """How a step treats the body's two sides."""

    NONE = "none"
    EACH = "each"  # left, a switch pause, then right, within every set
    ALTERNATING = "alternating"  # reps alternate left and right within the set


@dataclass(frozen=True)
class Exercise:
    """One exercise of the library, described once and referred to by id."""

    id: str
    name: str
    category: str
    targets: tuple[str, ...]
    equipment: tuple[str, ...]
    needs_floor: bool
    cues: tuple[str, ...]
    ranges: Ranges = Ranges()
    cautions: tuple[str, ...] = ()  # said with any cues, the library's or a routine's own
    sources: tuple[str, ...] = ()  # the articles it comes from, each with its number, title and where in it
    moves: tuple[str, str] = ("Hold", "Lower")  # the voice's words as a rep's hold starts and as it ends
    side_word: str = "side"  # what each side is, as the voice counts it: "three holds per leg"

@dataclass(frozen=True)
class Step:
    """One exercise of a routine with its dosage, sets, sides and rests."""

    exercise: Exercise
    dosage: Dosage
    sets: int = 1
    rest_between_sets: int = 0
    sides: Sides = Sides.NONE
    switch: int = 5
    rest_after: int = 0
    cues: tuple[str, ...] = ()

    @property
    def form_cues(self) -> tuple[str, ...]:
        """The routine's own cues for this step, or else the library's, then the exercise's cautions: a routine's
        cues replace the library's, never what keeps the exercise safe."""
        cues = self.cues or self.exercise.cues
        return cues + tuple(caution for caution in self.exercise.cautions if caution not in cues)

    @property
    def side_order(self) -> tuple[Side | None, ...]:
        """The sides each set is worked on, one work phase per entry."""
        if self.sides is Sides.EACH:
            return (Side.LEFT, Side.RIGHT)
        return (None,)

    @property
    def self_paced(self) -> bool:
        """Whether the person says when each set is done: reps with no tempo."""
        return self.dosage.pacing is Pacing.BY_HAND

    @property
    def reps_per_set(self) -> int:
        """Reps in one work phase: both sides' when they alternate within the set."""
        return self.dosage.amount * (2 if self.sides is Sides.ALTERNATING else 1)

    def reps_per_side(self, reps: int) -> int:
        """Of `reps` done in a work phase, the reps as counted: on each side (whole pairs) when sides alternate."""
        return reps // 2 if self.sides is Sides.ALTERNATING else reps

    def rep_of(self, n: int) -> Rep:
        """The `n`th rep of a work phase (from 1, in the order done); sides that alternate start on the left."""
        if self.sides is not Sides.ALTERNATING:
            return Rep(n, self.dosage.amount, None)
        return Rep((n + 1) // 2, self.dosage.amount, Side.LEFT if n % 2 else Side.RIGHT)

    @property
    def set_work_seconds(self) -> float:
        """Seconds of work in one set (per side when sides alternate within it)."""
        per_side = self.dosage.work_seconds
        return per_side * 2 if self.sides is Sides.ALTERNATING else per_side

    def describe_set(self) -> str:
        """One set's dosage, its amount and sides first and its pace after: `hold 30 s each side`,
        `10 reps each side, alternating (2 s per rep + 5 s hold)`."""
        sides = {Sides.NONE: "", Sides.EACH: " each side", Sides.ALTERNATING: " each side, alternating"}[self.sides]
        pace = self.dosage.describe_pace()
        return self.dosage.describe_amount() + sides + (f" ({pace})" if pace else "")

    def describe(self) -> str:
        """The dosage as one line: `Child's pose — hold 30 s × 3, rest 10 s`."""
        text = f"{self.exercise.name} — {self.describe_set()}"
        if self.sets > 1:
            text += f" × {self.sets}"
            if self.rest_between_sets:
                text += f", rest {self.rest_between_sets} s"
        return text


@dataclass(frozen=True)
class Routine:
    """A named, ordered list of steps; its id is its file name without `.toml`."""

    id: str
    name: str
    description: str
    steps: tuple[Step, ...]
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def equipment(self) -> tuple[str, ...]:
        """Every piece of equipment the routine needs, in order of first use."""
        return tuple(dict.fromkeys(e for s in self.steps for e in s.exercise.equipment))

    @property
    def needs_floor(self) -> bool:
        return any(step.exercise.needs_floor for step in self.steps)
