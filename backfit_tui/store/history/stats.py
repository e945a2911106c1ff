"""What the history says about coming back: sessions per week against a goal, the streak of weeks
that met it, the days trained, personal bests with their trend, how the back has been, a session's news for its
summary, and what a routine's last sessions and the back's ratings suggest for its next one.

Weeks start on Monday in the person's own time zone, and are counted on calendar dates, so a
daylight-saving change or a year's end moves nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from ...core.formatting import counted
from ...core.model import Routine
from ...core.outcome import counts_toward_goal
from ...core.pain import (
    RECENT_DAYS,
    TREND_WEEKS,
    WORST,
    Back,
    Rating,
    last_rating,
    read_back,
    recent_median,
    weekly_trend,
)
from ...core.progression import SESSIONS_WEIGHED, Suggestion, suggestions
from ...core.records import SessionRecord
from ...core.since_last import new_bests, since_last_time
from ...core.weeks import first_week, local_day, week_of
from .session_log import SessionLog
from .store import HistoryStore, SessionFigures

CALENDAR_WEEKS = 12
TREND_SESSIONS = 12  # how many sessions a best's trend shows
SPARK = "▁▂▃▄▅▆▇█"
NO_VALUE = "·"  # in a sparkline, a week without a rating


def streak(per_week: Counter[date], this_week: date, goal: int) -> int:
    """Weeks in a row that met `goal`, up to this week (a week still under way breaks nothing)."""
    week = this_week if per_week[this_week] >= goal else this_week - timedelta(weeks=1)
    weeks = 0
    while per_week[week] >= goal:
        weeks += 1
        week -= timedelta(weeks=1)
    return weeks


def sparkline(values: Iterable[float | None], low: float | None = None, high: float | None = None) -> str:
    """A trend in one line of block characters, from `low` to `high` (the values' own lowest and highest unless
    given); a dot for a None."""
    values = list(values)
    known = [v for v in values if v is not None]
    if not known:
        return NO_VALUE * len(values)
    low = min(known) if low is None else low
    span = ((max(known) if high is None else high) - low) or 1
    return "".join(NO_VALUE if v is None else SPARK[round((v - low) / span * (len(SPARK) - 1))] for v in values)


@dataclass(frozen=True)
class PainStats:
    """How the back has been: the last rating, the median of the last four weeks, each week's median (oldest first,
    None for a week without a rating)."""

    last: int | None = None
    median: float | None = None
    trend: tuple[float | None, ...] = (None,) * TREND_WEEKS

    def sparkline(self) -> str:
        """The weekly trend in one line, on the whole scale from 0 to 10."""
        return sparkline(self.trend, 0, WORST)


def pain_ratings(store: HistoryStore, tz: tzinfo | None, since: float = float("-inf")) -> list[Rating]:
    """Every rating of the back from `since` on, oldest first, on the person's own calendar days."""
    return [Rating(local_day(started, tz), value) for started, value in store.pain_ratings(since)]


def pain_stats(ratings: Sequence[Rating], today: date) -> PainStats:
    """The last rating, the four weeks' median and the weekly trend as of `today`."""
    return PainStats(last_rating(ratings), recent_median(ratings, today), tuple(weekly_trend(ratings, today)))


@dataclass(frozen=True)
class Best:
    exercise_id: str
    exercise_name: str
    unit: str  # "seconds" or "reps"
    value: float
    trend: tuple[float, ...]  # each session's best, oldest first (the last TREND_SESSIONS)


@dataclass(frozen=True)
class Stats:
    goal: int
    this_week: int
    streak_weeks: int
    weeks: tuple[tuple[date, int], ...]  # (Monday, sessions), the last CALENDAR_WEEKS weeks, oldest first
    days: dict[date, int]  # sessions on each day of those weeks
    bests: tuple[Best, ...]
    pain: PainStats = PainStats()


def counting_sessions(store: HistoryStore, since: float = float("-inf")) -> list[SessionFigures]:
    """The sessions (from `since` on) that count toward the weekly goal, oldest first."""
    return [
        s for s in store.session_figures(since)
        if counts_toward_goal(s.work_done_seconds, s.planned_active_seconds, s.finished, s.sets_done)
    ]  # fmt: skip


def compute_stats(store: HistoryStore, now: float, tz: tzinfo | None, goal: int) -> Stats:
    """The statistics as of `now`, for a person in time zone `tz`."""
    days = Counter(local_day(s.started_at, tz) for s in counting_sessions(store))
    per_week: Counter[date] = Counter()
    for day, count in days.items():
        per_week[week_of(day)] += count
    today = local_day(now, tz)
    this_week, first = week_of(today), first_week(today, CALENDAR_WEEKS)
    weeks = tuple((first + timedelta(weeks=n), per_week[first + timedelta(weeks=n)]) for n in range(CALENDAR_WEEKS))
    recent_days = {first + timedelta(days=n): days[first + timedelta(days=n)] for n in range(CALENDAR_WEEKS * 7)}
    bests = tuple(
        Best(exercise_id, name, unit, value, tuple(store.recent_bests(exercise_id, unit, TREND_SESSIONS)))
        for exercise_id, name, unit, value in store.bests()
    )
    pain = pain_stats(pain_ratings(store, tz), local_day(now, tz))
    return Stats(goal, per_week[this_week], streak(per_week, this_week, goal), weeks, recent_days, bests, pain)


@dataclass(frozen=True)
class SessionNews:
    """What the history says about a session just done, for its summary."""

    since_last_time: str  # what changed since the routine's last session, or that this is its first
    improved: tuple[str, ...]  # bests beaten that `since_last_time` does not say, and this week's goal met


def session_news(store: HistoryStore, session_id: int, now: float, tz: tzinfo | None, goal: int) -> SessionNews:
    """What changed since the last session of the same routine, the personal bests beaten, and this week's goal met."""
    session, previous = store.with_previous(session_id)
    bests_before = {
        (exercise_id, unit): before
        for exercise_id, _, unit, _ in store.session_bests(session_id)
        if (before := store.best_before(exercise_id, unit, session_id)) is not None
    }
    now_sets = [s.record for s in session.sets]
    last_sets = None if previous is None else [s.record for s in previous.sets]
    improved = new_bests(now_sets, last_sets, bests_before)
    this_week = week_of(local_day(now, tz))
    recent = counting_sessions(store, since=now - 8 * 86_400)  # time enough for any week, across a clock change
    week = [s.id for s in recent if week_of(local_day(s.started_at, tz)) == this_week]
    if session_id in week and len(week) == goal:
        improved.append(f"That makes {counted(goal, 'session')} this week: the goal is met.")
    return SessionNews(since_last_time(now_sets, last_sets, bests_before), tuple(improved))


def logged_news(log: SessionLog, goal: int) -> SessionNews | None:
    """The news of the session `log` has written, as of now in the machine's own time zone; None if it wrote none.

    Raises HistoryUnavailable if the history cannot be read.
    """
    if log.session_id is None or log.failed:
        return None
    return session_news(log.store, log.session_id, log.wall_clock(), None, goal)


def back_now(store: HistoryStore, now: float, tz: tzinfo | None) -> Back:
    """What the back's recent ratings ask of progress as of `now` (see `core.pain.read_back`)."""
    return read_back(pain_ratings(store, tz, since=now - (RECENT_DAYS + 2) * 86_400), local_day(now, tz))


def routine_suggestions(store: HistoryStore, routine: Routine, back: Back) -> list[Suggestion]:
    """What the routine's last sessions in the history and the back's ratings (`back_now`) suggest for each of its
    steps (see `core.progression`)."""
    sessions = store.routine_sessions(routine.id, SESSIONS_WEIGHED)
    return suggestions(routine, [
        SessionRecord(s.routine_id, s.routine_name, tuple(stored.record for stored in s.sets), s.finished,
                      s.planned_active_seconds)
        for s in sessions
    ], back)  # fmt: skip


def recent_counting_starts(store: HistoryStore, now: float) -> list[float]:
    """When the sessions that count toward the goal started, over the last eight days: enough for any week,
    across a clock change (`core.weeks.today_and_this_week` counts them)."""
    return [s.started_at for s in counting_sessions(store, since=now - 8 * 86_400)]
