"""The kinds of dosage, each answering the one `Dosage` protocol: a hold, paced breaths, reps; and the
ranges a dosage may progress within.

A kind is all a session, its tally, its words and its figure need to know of it: adding one is one class
here and one row of `DOSAGE_KINDS` in the store.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar, Protocol

from .beats import (
    COUNTDOWN_SECONDS,
    BreathPosition,
    Cue,
    CueKind,
    Pacing,
    Rep,
    RepPosition,
    completed,
    out_and_back,
)
from .formatting import counted
from .spoken import spoken_count, spoken_duration

# A self-paced rep has no tempo; plans and time-left estimates count it at this many seconds.
SELF_PACED_REP_ESTIMATE_S = 3.0

@dataclass(frozen=True)
class DosageRange:
    """How far one dosage of an exercise may go, as the articles say, and the step to progress by."""

    low: int
    high: int
    step: int
    articles_top: bool = False  # whether `high` is a number an article gives, rather than our choice
    source: str = ""  # the article and the words the range rests on, or that it is our choice

    def __contains__(self, amount: object) -> bool:
        return isinstance(amount, int | float) and self.low <= amount <= self.high


@dataclass(frozen=True)
class Ranges:
    """An exercise's range for each dosage it has; None where the library gives none.

    `held_reps` and `held_sets` bound reps that each hold a pose, where the article that gives the hold goes
    less far than the others: a 10 s bridge hold comes with its article's ten lifts, not another's fifteen.
    """

    hold: DosageRange | None = None
    breaths: DosageRange | None = None
    reps: DosageRange | None = None
    sets: DosageRange | None = None
    held_reps: DosageRange | None = None
    held_sets: DosageRange | None = None

    def for_held_reps(self) -> Ranges:
        """These ranges for reps with a hold each: the held ones where the library gives them."""
        return replace(self, reps=self.held_reps or self.reps, sets=self.held_sets or self.sets)


class RepCounts(Protocol):
    """What a kind needs of the step it is done in: how its reps fall within a set (a `model.Step`)."""

    @property
    def reps_per_set(self) -> int: ...

    def reps_per_side(self, reps: int) -> int: ...

    def rep_of(self, n: int) -> Rep: ...


class Dosage(Protocol):
    """What every dosage kind answers, so that nothing else asks which kind a step's dosage is.

    A kind is a frozen dataclass built from its amount alone, `Kind(amount)`; `store.routines` keeps its row,
    which reads it from a routine file and writes it back. Methods given a `step` are given the step whose
    dosage this is, for its sides. `position` is what a figure that moves with the work reads.
    """

    unit: ClassVar[str]  # what its amount counts, as a set is recorded: "seconds", "breaths", "reps"
    range_name: ClassVar[str]  # the field of an exercise's `Ranges` it progresses within

    @property
    def amount(self) -> int: ...  # what a set asks on one side: the seconds held, or the breaths or reps

    @property
    def pacing(self) -> Pacing: ...

    @property
    def work_seconds(self) -> float: ...  # one side's work in a set (an estimate when counted by hand)

    def with_amount(self, amount: int) -> Dosage: ...  # a step up or back

    def progresses_within(self, ranges: Ranges) -> Ranges: ...  # of an exercise's ranges, those it steps within

    def beats(self, step: RepCounts, length: float) -> list[Cue]:
        """The cues inside a work phase `length` seconds long, besides its countdown."""
        ...

    def achieved(self, step: RepCounts, elapsed: float, length: float | None, counted: int) -> float:
        """What a work phase achieved in `elapsed` seconds of `length`, in `unit` per side; `counted`: by hand."""
        ...

    def position(self, step: RepCounts, elapsed: float) -> BreathPosition | RepPosition | None:
        """The breath or rep under way `elapsed` seconds into a work phase its cues pace; else None."""
        ...

    def pose_fraction(self, step: RepCounts, elapsed: float) -> float:
        """How far the exercise's figure is from its start (0) to its end pose (1), `elapsed` s into a work phase."""
        ...

    def describe_amount(self) -> str: ...  # `hold 30 s`, `10 breaths`

    def describe_pace(self) -> str: ...  # `3 s in, 3 s out`, `self-paced`; "" when the amount says it all

    def amount_words(self) -> str: ...  # in short, as a suggestion offers it: `35 s`, `12 reps`

    def said_amount(self) -> str: ...  # as the voice says it: `hold thirty seconds`, `ten breaths`, `three holds`

    def said_pace(self) -> str: ...  # what the voice adds, `thirty seconds each`, or ""


# A hold shorter than this gets no halfway cue: it would crowd the 3-2-1 countdown.
HALFWAY_MIN_SECONDS = 8.0
HOLD_COUNTED_FROM_S = 10  # a rep's hold this long gets a halfway cue and a countdown to its end


@dataclass(frozen=True)
class Hold:
    """Hold a position for a number of seconds."""

    seconds: int

    unit: ClassVar[str] = "seconds"
    range_name: ClassVar[str] = "hold"
    pacing: ClassVar[Pacing] = Pacing.COUNTDOWN

    @property
    def amount(self) -> int:
        return self.seconds

    @property
    def work_seconds(self) -> float:
        return float(self.seconds)

    def with_amount(self, amount: int) -> Hold:
        return Hold(amount)

    def progresses_within(self, ranges: Ranges) -> Ranges:
        return ranges

    def beats(self, step: RepCounts, length: float) -> list[Cue]:
        return [Cue(length / 2, CueKind.HALFWAY)] if length >= HALFWAY_MIN_SECONDS else []

    def achieved(self, step: RepCounts, elapsed: float, length: float | None, counted: int) -> float:
        return round(min(elapsed, self.work_seconds if length is None else length), 1)

    def position(self, step: RepCounts, elapsed: float) -> None:
        return None

    def pose_fraction(self, step: RepCounts, elapsed: float) -> float:
        return 1.0  # the held pose, still

    def describe_amount(self) -> str:
        return f"hold {self.seconds} s"

    def describe_pace(self) -> str:
        return ""

    def amount_words(self) -> str:
        return f"{self.seconds} s"

    def said_amount(self) -> str:
        return f"hold {spoken_duration(self.seconds)}"

    def said_pace(self) -> str:
        return ""


@dataclass(frozen=True)
class Breaths:
    """A count of paced breaths, each `inhale` seconds in and `exhale` seconds out."""

    count: int
    inhale: float = 3.0
    exhale: float = 3.0

    unit: ClassVar[str] = "breaths"
    range_name: ClassVar[str] = "breaths"
    pacing: ClassVar[Pacing] = Pacing.CUES

    @property
    def amount(self) -> int:
        return self.count

    @property
    def breath_seconds(self) -> float:
        return self.inhale + self.exhale

    @property
    def work_seconds(self) -> float:
        return self.count * self.breath_seconds

    def with_amount(self, amount: int) -> Breaths:
        return replace(self, count=amount)

    def progresses_within(self, ranges: Ranges) -> Ranges:
        return ranges

    def beats(self, step: RepCounts, length: float) -> list[Cue]:
        found = []
        for n in range(self.count):
            found.append(Cue(n * self.breath_seconds, CueKind.BREATH_IN, n + 1))
            found.append(Cue(n * self.breath_seconds + self.inhale, CueKind.BREATH_OUT, n + 1))
        return found

    def achieved(self, step: RepCounts, elapsed: float, length: float | None, counted: int) -> float:
        return completed(self.count, elapsed, self.breath_seconds)

    def position(self, step: RepCounts, elapsed: float) -> BreathPosition:
        index = min(int(elapsed // self.breath_seconds), self.count - 1)
        within = min(elapsed - index * self.breath_seconds, self.breath_seconds)
        if within < self.inhale:
            return BreathPosition(index + 1, self.count, True, within / self.inhale)
        return BreathPosition(index + 1, self.count, False, min((within - self.inhale) / self.exhale, 1.0))

    def pose_fraction(self, step: RepCounts, elapsed: float) -> float:
        breath = self.position(step, elapsed)  # to the end pose over the in-breath, back over the out-breath
        return breath.fraction if breath.inhaling else 1.0 - breath.fraction

    def describe_amount(self) -> str:
        return counted(self.count, "breath")

    def describe_pace(self) -> str:
        return f"{_num(self.inhale)} s in, {_num(self.exhale)} s out"

    def amount_words(self) -> str:
        return self.describe_amount()

    def said_amount(self) -> str:
        return spoken_count(self.count, "breath")

    def said_pace(self) -> str:
        return ""


@dataclass(frozen=True)
class Reps:
    """A count of repetitions: paced at `seconds_per_rep`, or self-paced when that is None.

    `hold_per_rep` adds a timed hold to every paced rep (bird dog: hold 4 s each rep).
    """

    count: int
    seconds_per_rep: float | None = None
    hold_per_rep: int | None = None

    unit: ClassVar[str] = "reps"
    range_name: ClassVar[str] = "reps"

    @property
    def amount(self) -> int:
        return self.count

    @property
    def paced(self) -> bool:
        return self.seconds_per_rep is not None

    @property
    def pacing(self) -> Pacing:
        return Pacing.CUES if self.paced else Pacing.BY_HAND

    @property
    def rep_seconds(self) -> float:
        """Seconds one rep takes: its tempo plus its hold, or the self-paced estimate."""
        if self.seconds_per_rep is None:
            return SELF_PACED_REP_ESTIMATE_S
        return self.seconds_per_rep + (self.hold_per_rep or 0)

    @property
    def work_seconds(self) -> float:
        return self.count * self.rep_seconds

    def with_amount(self, amount: int) -> Reps:
        return replace(self, count=amount)

    def progresses_within(self, ranges: Ranges) -> Ranges:
        """With a hold each, within the article that gives the hold, where the library says how far it goes."""
        return ranges.for_held_reps() if self.hold_per_rep else ranges

    def beats(self, step: RepCounts, length: float) -> list[Cue]:
        if self.seconds_per_rep is None:
            return []
        found = []
        for n in range(step.reps_per_set):
            found.append(Cue(n * self.rep_seconds, CueKind.REP, n + 1))
            if self.hold_per_rep:
                held, released = n * self.rep_seconds + self.seconds_per_rep, (n + 1) * self.rep_seconds
                found += [Cue(held, CueKind.REP_HOLD, n + 1), Cue(released, CueKind.REP_RELEASE, n + 1)]
                if self.hold_per_rep >= HOLD_COUNTED_FROM_S:  # long enough to lose count of with eyes closed
                    found.append(Cue(held + self.hold_per_rep / 2, CueKind.HALFWAY, n + 1))
                    found += [Cue(released - s, CueKind.COUNTDOWN, s) for s in COUNTDOWN_SECONDS]
        return sorted(found, key=lambda cue: cue.offset)

    def achieved(self, step: RepCounts, elapsed: float, length: float | None, counted: int) -> float:
        if not self.paced:
            return counted
        return step.reps_per_side(completed(step.reps_per_set, elapsed, self.rep_seconds))

    def position(self, step: RepCounts, elapsed: float) -> RepPosition | None:
        if self.seconds_per_rep is None:
            return None
        index = min(int(elapsed // self.rep_seconds), step.reps_per_set - 1)
        within = elapsed - index * self.rep_seconds
        holding = bool(self.hold_per_rep) and within >= self.seconds_per_rep
        hold_left = max(self.rep_seconds - within, 0.0) if holding else 0.0
        moving = 1.0 if holding else min((elapsed % self.rep_seconds) / self.seconds_per_rep, 1.0)
        rep = step.rep_of(index + 1)
        return RepPosition(rep.number, rep.count, rep.side, holding, hold_left, moving)

    def pose_fraction(self, step: RepCounts, elapsed: float) -> float:
        if self.seconds_per_rep is None:
            return 1.0  # the end pose while the set is under way: the person's own pace is not guessed
        return out_and_back(elapsed % self.rep_seconds, self.seconds_per_rep, self.hold_per_rep or 0)

    def describe_amount(self) -> str:
        return counted(self.count, "rep")

    def describe_pace(self) -> str:
        """`self-paced`, `2 s per rep`, `2 s per rep + 5 s hold` (the hold is part of each rep)."""
        if self.seconds_per_rep is None:
            return "self-paced"
        hold = f" + {self.hold_per_rep} s hold" if self.hold_per_rep else ""
        return f"{_num(self.seconds_per_rep)} s per rep{hold}"

    def amount_words(self) -> str:
        return self.describe_amount()

    def said_amount(self) -> str:
        return spoken_count(self.count, "hold" if self.hold_per_rep else "rep")

    def said_pace(self) -> str:
        return f"{spoken_duration(self.hold_per_rep)} each" if self.hold_per_rep else ""


def _num(value: float) -> str:
    """`3` for 3.0, `1.5` for 1.5: seconds as a person writes them."""
    return f"{value:g}"
