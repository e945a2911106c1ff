"""What the report page says, worked out from the history's sessions: sessions per week, the routines done,
each exercise's sets and amounts from its first session to its latest, and the weekly pain ratings.

Weeks start on Monday in the person's own time zone, as in `backfit stats`; a session is done when it counts
toward the weekly goal (`core.outcome.counts_toward_goal`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from ..core.outcome import amounts, done_and_skipped, sets_count_toward_goal
from ..core.pain import Rating, weekly_trend
from ..core.records import SetRecord
from ..core.weeks import first_week, local_day, week_of
from ..store.history.store import StoredSession

MAX_WEEKS = 104  # two years: a report of more would no longer print on two pages


@dataclass(frozen=True)
class RoutineDone:
    """A routine done in the report's weeks: how many times, in how many of its weeks, and when last."""

    name: str
    sessions: int
    weeks: int
    last: date


@dataclass(frozen=True)
class ExerciseProgress:
    """One exercise (in one unit) in the report's weeks: its sets done, and what its first and latest sessions did."""

    name: str
    unit: str  # "seconds", "breaths" or "reps"
    sets_done: int
    first: str  # the first session's sets: `2 × 20 s`, `10, 8 reps each side`
    latest: str
    best: float
    trend: tuple[float, ...]  # each session's best, oldest first


@dataclass(frozen=True)
class ReportFigures:
    first_week: date  # the Monday the report starts on
    today: date
    weeks: tuple[tuple[date, int], ...]  # (Monday, sessions done), oldest first
    not_counted: int  # sessions in these weeks that did too little to count as done
    routines: tuple[RoutineDone, ...]  # the most done first
    exercises: tuple[ExerciseProgress, ...]  # by name


def window_start(today: date, weeks: int, tz: tzinfo | None) -> float:
    """The Unix time the report's first day begins, in `tz` (None: the machine's own zone)."""
    start = first_week(today, weeks)
    return datetime(start.year, start.month, start.day, tzinfo=tz).timestamp()


def report_figures(sessions: Sequence[StoredSession], today: date, weeks: int, tz: tzinfo | None) -> ReportFigures:
    """The figures of the `weeks` weeks up to `today` from `sessions` (any order; others are left out)."""
    start = first_week(today, weeks)
    within = sorted(
        (s for s in sessions if start <= local_day(s.started_at, tz) <= today), key=lambda s: (s.started_at, s.id)
    )
    done = [s for s in within if sets_count_toward_goal([t.record for t in s.sets], s.planned_active_seconds,
                                                         s.finished)]  # fmt: skip
    per_week = {start + timedelta(weeks=n): 0 for n in range(weeks)}
    for session in done:
        per_week[week_of(local_day(session.started_at, tz))] += 1
    return ReportFigures(start, today, tuple(per_week.items()), len(within) - len(done), _routines(done, tz),
                         _exercises(within))  # fmt: skip


def _routines(done: Sequence[StoredSession], tz: tzinfo | None) -> tuple[RoutineDone, ...]:
    by_routine: dict[str, list[StoredSession]] = {}
    for session in done:
        by_routine.setdefault(session.routine_id, []).append(session)
    rows = [
        RoutineDone(them[-1].routine_name, len(them), len({week_of(local_day(s.started_at, tz)) for s in them}),
                    local_day(them[-1].started_at, tz))  # fmt: skip
        for them in by_routine.values()
    ]
    return tuple(sorted(rows, key=lambda row: (-row.sessions, row.name.casefold())))


def _exercises(sessions: Sequence[StoredSession]) -> tuple[ExerciseProgress, ...]:
    """Each exercise's progress over `sessions` (oldest first), from its sets done in full."""
    by_exercise: dict[tuple[str, str], list[list[SetRecord]]] = {}
    for session in sessions:
        in_session: dict[tuple[str, str], list[SetRecord]] = {}
        for stored in session.sets:
            in_session.setdefault((stored.record.exercise_id, stored.record.unit), []).append(stored.record)
        for key, records in in_session.items():
            if _done_sets(records):
                by_exercise.setdefault(key, []).append(records)
    rows = []
    for (_, unit), per_session in by_exercise.items():
        trend = tuple(max(r.achieved for sides in _done_sets(records) for r in sides) for records in per_session)
        name = per_session[-1][-1].exercise_name
        sets_done = sum(done_and_skipped(records)[0] for records in per_session)
        rows.append(ExerciseProgress(name, unit, sets_done, _sets_words(per_session[0]), _sets_words(per_session[-1]),
                                     max(trend), trend))  # fmt: skip
    return tuple(sorted(rows, key=lambda row: (row.name.casefold(), row.unit)))


def _done_sets(records: Sequence[SetRecord]) -> list[list[SetRecord]]:
    """A session's sets of one exercise done in full, each as its sides' records (a set worked on each side is one
    set): a set with a side skipped or left partway is not one, as the summary counts them."""
    sets: dict[tuple[int, int], list[SetRecord]] = {}
    for record in records:
        sets.setdefault((record.step_index, record.set_number), []).append(record)
    return [sides for sides in sets.values() if not any(r.skipped or r.partial for r in sides)]


def _sets_words(records: Sequence[SetRecord]) -> str:
    """A session's sets of one exercise, `3 × 30 s`, with `each side` when they were worked on both (the lesser
    side's amount)."""
    done = _done_sets(records)
    words = amounts([min(r.achieved for r in sides) for sides in done], records[0].unit)
    return f"{words} each side" if any(r.side for sides in done for r in sides) else words


def pain_points(ratings: Sequence[Rating], today: date, weeks: int) -> list[tuple[date, float | None]]:
    """Each of the `weeks` weeks up to `today`, by its Monday, with the median of the back's ratings in it (None
    for a week without one), oldest first: the same weeks and medians as `backfit stats` draws."""
    first = first_week(today, weeks)
    return [(first + timedelta(weeks=n), median) for n, median in enumerate(weekly_trend(ratings, today, weeks))]
