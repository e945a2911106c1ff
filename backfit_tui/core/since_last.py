"""What changed since the last session of a routine, and which personal bests a session beat, in words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .formatting import plural
from .outcome import amount, done_and_skipped
from .records import SetRecord

FIRST_TIME = "First time with this routine."
SAME_AS_LAST_TIME = "Same as last time."
CHANGES_SAID = 3  # at most, for the line to stay short; the rest are counted

ExerciseKey = tuple[str, str]  # an exercise's id and the unit it was done in


@dataclass(frozen=True)
class ExerciseDone:
    """What one session did of one exercise: the sets done in full and its best set."""

    name: str
    unit: str
    sets_done: int
    best: float | None  # None: every set of it was skipped


def exercises_done(sets: Sequence[SetRecord]) -> dict[ExerciseKey, ExerciseDone]:
    """Each exercise of a session, in the order first done; a set counts as done when none of its sides was skipped
    and it was not left partway."""
    by_exercise: dict[ExerciseKey, list[SetRecord]] = {}
    for record in sets:
        by_exercise.setdefault((record.exercise_id, record.unit), []).append(record)
    done = {}
    for (exercise_id, unit), records in by_exercise.items():
        best = max((s.achieved for s in records if not s.skipped), default=None)
        done[exercise_id, unit] = ExerciseDone(records[0].exercise_name, unit, done_and_skipped(records)[0], best)
    return done


@dataclass(frozen=True)
class _Change:
    words: str
    new_best: bool


def since_last_time(
    now: Sequence[SetRecord], last: Sequence[SetRecord] | None, bests_before: Mapping[ExerciseKey, float]
) -> str:
    """`Since last time: Plank 35 s (was 30 s, a new best), 1 more set of Bird dog.`, that nothing changed, or
    that this is the first time (`last` is None).

    `bests_before` holds the best of each exercise before this session, to say which changes beat it.
    """
    if last is None:
        return FIRST_TIME
    before = exercises_done(last)
    changes = [
        change
        for key, done in exercises_done(now).items() if key in before
        for change in _changes(done, before[key], key in bests_before and _beats(done.best, bests_before[key]))
    ]  # fmt: skip
    if not changes:
        return SAME_AS_LAST_TIME
    changes.sort(key=lambda change: not change.new_best)  # a new best is said first, whatever else is left out
    said = [change.words for change in changes[:CHANGES_SAID]]
    if (left_out := len(changes) - CHANGES_SAID) > 0:
        said.append(f"{left_out} more {plural(left_out, 'change')}")
    return f"Since last time: {', '.join(said)}."


def new_bests(
    now: Sequence[SetRecord], last: Sequence[SetRecord] | None, bests_before: Mapping[ExerciseKey, float]
) -> list[str]:
    """`New best: Plank, 35 s (was 30 s).` for each best beaten that `since_last_time` does not already say: that of
    an exercise the last session did not do."""
    compared = {key for key, done in exercises_done(last or ()).items() if done.best is not None}
    return [
        f"New best: {done.name}, {amount(done.best, done.unit)} (was {amount(bests_before[key], done.unit)})."
        for key, done in exercises_done(now).items()
        if key in bests_before and key not in compared and _beats(done.best, bests_before[key])
    ]


def _beats(best: float | None, before: float) -> bool:
    return best is not None and best > before


def _changes(now: ExerciseDone, last: ExerciseDone, new_best: bool) -> list[_Change]:
    """How one exercise changed: its best set, then how many sets were done."""
    changes = []
    if now.best is not None and last.best is not None and now.best != last.best:
        was = f"was {amount(last.best, now.unit)}" + (", a new best" if new_best else "")
        changes.append(_Change(f"{now.name} {amount(now.best, now.unit)} ({was})", new_best))
    if more := now.sets_done - last.sets_done:
        how = "more" if more > 0 else "fewer"
        changes.append(_Change(f"{abs(more)} {how} {plural(abs(more), 'set')} of {now.name}", False))
    return changes
