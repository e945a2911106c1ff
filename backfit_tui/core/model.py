"""The routine model: exercises, dosages, steps and routines, as frozen dataclasses.

Nothing here reads files or knows about screens; `routines.py` builds these from TOML.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .formatting import counted

# A self-paced rep has no tempo; plans and time-left estimates count it at this many seconds.
SELF_PACED_REP_ESTIMATE_S = 3.0


class Sides(StrEnum):
    """How a step treats the body's two sides."""

    NONE = "none"
    EACH = "each"  # left, a switch pause, then right, within every set
    ALTERNATING = "alternating"  # reps alternate left and right within the set


class Side(StrEnum):
    """The side a piece of work is done on."""

    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class DosageRange:
    """How far one dosage of an exercise may go, as the articles say, and the step to progress by."""

    low: int
    high: int
    step: int

    def __contains__(self, amount: object) -> bool:
        return isinstance(amount, int | float) and self.low <= amount <= self.high


@dataclass(frozen=True)
class Ranges:
    """An exercise's range for each dosage it has; None where the library gives none."""

    hold: DosageRange | None = None
    breaths: DosageRange | None = None
    reps: DosageRange | None = None
    sets: DosageRange | None = None


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


@dataclass(frozen=True)
class Hold:
    """Hold a position for a number of seconds."""

    seconds: int

    @property
    def work_seconds(self) -> float:
        return float(self.seconds)

    def describe_amount(self) -> str:
        return f"hold {self.seconds} s"

    def describe_pace(self) -> str:
        return ""


@dataclass(frozen=True)
class Breaths:
    """A count of paced breaths, each `inhale` seconds in and `exhale` seconds out."""

    count: int
    inhale: float = 3.0
    exhale: float = 3.0

    @property
    def breath_seconds(self) -> float:
        return self.inhale + self.exhale

    @property
    def work_seconds(self) -> float:
        return self.count * self.breath_seconds

    def describe_amount(self) -> str:
        return counted(self.count, "breath")

    def describe_pace(self) -> str:
        return f"{_num(self.inhale)} s in, {_num(self.exhale)} s out"


@dataclass(frozen=True)
class Reps:
    """A count of repetitions: paced at `seconds_per_rep`, or self-paced when that is None.

    `hold_per_rep` adds a timed hold to every paced rep (bird dog: hold 4 s each rep).
    """

    count: int
    seconds_per_rep: float | None = None
    hold_per_rep: int | None = None

    @property
    def paced(self) -> bool:
        return self.seconds_per_rep is not None

    @property
    def rep_seconds(self) -> float:
        """Seconds one rep takes: its tempo plus its hold, or the self-paced estimate."""
        if self.seconds_per_rep is None:
            return SELF_PACED_REP_ESTIMATE_S
        return self.seconds_per_rep + (self.hold_per_rep or 0)

    @property
    def work_seconds(self) -> float:
        return self.count * self.rep_seconds

    def describe_amount(self) -> str:
        return counted(self.count, "rep")

    def describe_pace(self) -> str:
        """`self-paced`, `2 s per rep`, `2 s per rep + 5 s hold` (the hold is part of each rep)."""
        if self.seconds_per_rep is None:
            return "self-paced"
        hold = f" + {self.hold_per_rep} s hold" if self.hold_per_rep else ""
        return f"{_num(self.seconds_per_rep)} s per rep{hold}"


Dosage = Hold | Breaths | Reps


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
        return isinstance(self.dosage, Reps) and not self.dosage.paced

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


def _num(value: float) -> str:
    """`3` for 3.0, `1.5` for 1.5: seconds as a person writes them."""
    return f"{value:g}"
