"""When to suggest the next step of an exercise, or a step back: a pure rule over a routine's last sessions.

A step done as planned, every set to its full amount, in each of the routine's last two sessions, both counted toward
the weekly goal, is ready to go a step up within its exercise's range: first a longer hold or more breaths or
reps, then one more set. A session that did not count (left early, or mostly skipped) never asks for more.
A step with a set skipped in the last session suggests nothing; skipped in the last two sessions, it suggests
going back a step. Sets never reached, because the person left, are not skipped: leaving says nothing of the
step. A set left partway is kept as far as it went, which is not full: it holds back a step up. The back's
ratings have the last word (`pain`): a flare holds back every step up, and severe pain offers each step a step
back in each routine done before. Nothing here changes a routine until a person accepts a suggestion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from .dosages import Breaths, Dosage, DosageRange, Hold, Reps
from .model import Exercise, Routine, Step
from .outcome import sets_count_toward_goal
from .pain import CALM, Back
from .records import SessionRecord, SetRecord
from .timeline import planned_amount

SESSIONS_WEIGHED = 2  # the last sessions of a routine the rule looks at
# Where a new step of a kind starts when the library gives its exercise no range of that kind, by range.
USUAL_AMOUNTS = {"hold": 30, "breaths": 10, "reps": 10}
NEW_STEP_KINDS = (Hold, Breaths, Reps)  # a new step is of the first its exercise has a range for, else a hold


class Direction(StrEnum):
    """What a suggestion asks: a step up, a step back, or nothing more, as the step is at the top of its range."""

    UP = "up"
    BACK = "back"
    AT_TOP = "at_top"


@dataclass(frozen=True)
class Suggestion:
    """A change to one step of a routine, offered after its last sessions; `changed` is None at the top."""

    step_index: int
    direction: Direction
    step: Step
    changed: Step | None
    articles_top: bool = False  # at the top: whether the top of both its ranges is an article's number

    @property
    def exercise_name(self) -> str:
        return self.step.exercise.name

    def words(self) -> str:
        """`Child's pose: 35 s next time?`, `Plank: back to 30 s next time?`, or that it is at the top: of the
        articles' dosage where they give its top, else of the range."""
        name = self.exercise_name
        if self.changed is None:
            return f"{name}: at the articles' full dosage." if self.articles_top else (
                f"{name}: at the top of this exercise's range.")  # fmt: skip
        back = "back to " if self.direction is Direction.BACK else ""
        return f"{name}: {back}{dosage_words(self.changed)} next time?"

    def change_words(self) -> str:
        """What accepting changes: `Child's pose: hold 30 s → 35 s`."""
        if self.changed is None:
            return ""
        return f"{self.exercise_name}: {dosage_words(self.step)} → {dosage_words(self.changed)}"


def dosage_words(step: Step) -> str:
    """A step's amount and sets in short: `35 s`, `12 reps`, `10 breaths × 2`."""
    return step.dosage.amount_words() + (f" × {step.sets}" if step.sets > 1 else "")


def step_ranges(step: Step) -> tuple[DosageRange | None, DosageRange | None]:
    """The ranges the step's amount and its sets progress within, from its exercise; None where the library gives
    none."""
    ranges = step.dosage.progresses_within(step.exercise.ranges)
    return getattr(ranges, step.dosage.range_name), ranges.sets


def with_amount(step: Step, amount: int) -> Step:
    """The step with its hold's seconds, or its count of breaths or reps, set to `amount`."""
    return replace(step, dosage=step.dosage.with_amount(amount))


def starting_step(exercise: Exercise, kind: type[Dosage] | None = None) -> Step:
    """A new step of `exercise`, at the low end of the library's ranges: of the dosage `kind` if given, else
    of the first of `NEW_STEP_KINDS` the library gives a range for, or a hold; with more sets only if the range
    of sets starts above one."""
    ranges = exercise.ranges
    kind = kind or next((usual for usual in NEW_STEP_KINDS if getattr(ranges, usual.range_name)), Hold)
    amounts: DosageRange | None = getattr(ranges, kind.range_name)
    sets = ranges.sets.low if ranges.sets else Step.sets
    return Step(exercise, kind(amounts.low if amounts else USUAL_AMOUNTS[kind.range_name]), sets=sets)


def step_up(step: Step) -> Suggestion | None:
    """The next step up within the ranges, or that the step is at their top; None without ranges."""
    amounts, sets = step_ranges(step)
    if amounts is None or sets is None:
        return None
    amount, _unit = planned_amount(step)
    if amount < amounts.high:
        changed = with_amount(step, max(amounts.low, min(amount + amounts.step, amounts.high)))
    elif step.sets < sets.high:
        changed = replace(step, sets=max(sets.low, min(step.sets + sets.step, sets.high)))
    else:
        return Suggestion(-1, Direction.AT_TOP, step, None, amounts.articles_top and sets.articles_top)
    return Suggestion(-1, Direction.UP, step, changed)


def step_back(step: Step) -> Suggestion | None:
    """The step before this one, undoing the last step up (a set first, at the amount's top); None at the bottom."""
    amounts, sets = step_ranges(step)
    if amounts is None or sets is None:
        return None
    amount, _unit = planned_amount(step)
    if step.sets > sets.low and amount >= amounts.high:
        changed = replace(step, sets=max(sets.low, step.sets - sets.step))
    elif amount > amounts.low:
        changed = with_amount(step, max(amounts.low, amount - amounts.step))
    else:
        return None
    return Suggestion(-1, Direction.BACK, step, changed)


class Done(StrEnum):
    """How one session went for one step, as the routine plans it now."""

    AS_PLANNED = "as_planned"  # every set complete, its whole amount done, at today's dosage
    UNDONE = "undone"  # some of its sets were skipped, at today's dosage
    OTHER = "other"  # not reached, left before or partway through its last set, a set ended short, or done at another
    # dosage


def how_done(step: Step, step_index: int, sets: Sequence[SetRecord]) -> Done:
    """How a session's sets did the step at `step_index`, weighed against the step as it is planned now."""
    records = [s for s in sets if s.step_index == step_index]
    amount, unit = planned_amount(step)
    if not records or any(s.exercise_id != step.exercise.id or s.unit != unit or s.planned != amount for s in records):
        return Done.OTHER
    if any(s.skipped for s in records):
        return Done.UNDONE
    if len(records) < step.sets * len(step.side_order) or any(s.partial or s.achieved < s.planned for s in records):
        return Done.OTHER  # left before the end, partway through a set, or a set ended short: not a full set
    return Done.AS_PLANNED


def suggestions(routine: Routine, sessions: Sequence[SessionRecord], back: Back = CALM) -> list[Suggestion]:
    """Each step's suggestion from the routine's sessions, newest first (only the last two are weighed), and what
    the back's recent ratings ask (`pain.read_back`)."""
    if back.severe and sessions:  # a routine not done yet has nothing to step back from
        return [replace(s, step_index=i) for i, step in enumerate(routine.steps) if (s := step_back(step)) is not None]
    last = list(sessions[:SESSIONS_WEIGHED])
    if len(last) < SESSIONS_WEIGHED:
        return []
    all_counted = all(sets_count_toward_goal(s.sets, s.planned_active_seconds, s.finished) for s in last)
    found = []
    for index, step in enumerate(routine.steps):
        done = {how_done(step, index, session.sets) for session in last}
        ready = done == {Done.AS_PLANNED} and all_counted and not back.flare
        suggestion = step_up(step) if ready else step_back(step) if done == {Done.UNDONE} else None
        if suggestion is not None:
            found.append(replace(suggestion, step_index=index))
    return found


def accepted(routine: Routine, suggestion: Suggestion) -> Routine:
    """The routine with the suggested change made to its step."""
    steps = list(routine.steps)
    steps[suggestion.step_index] = suggestion.changed or steps[suggestion.step_index]
    return replace(routine, steps=tuple(steps))
