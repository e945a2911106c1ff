"""Weeks of sessions in a history, as someone coming back to their routines keeps them, for the report's tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from backfit_tui.core.records import SetRecord
from backfit_tui.store.history.store import HistoryStore


def hold(seconds: float, set_number: int, exercise: str = "plank", step: int = 0, skipped: bool = False) -> SetRecord:
    """A timed hold of `exercise`, planned at 30 s."""
    done = 0.0 if skipped else min(seconds, 30.0)
    return SetRecord(step, exercise, exercise.replace("-", " ").capitalize(), set_number, None, "seconds", 30.0,
                     seconds, skipped, seconds, done)  # fmt: skip


def reps_each_side(reps: int, set_number: int, exercise: str = "bird-dog", step: int = 1) -> list[SetRecord]:
    """A set of reps on the left, then on the right, planned at 10 each side."""
    return [SetRecord(step, exercise, exercise.replace("-", " ").capitalize(), set_number, side, "reps", 10.0, reps,
                      False, reps * 3.0, reps * 3.0) for side in ("left", "right")]  # fmt: skip


def keep(store: HistoryStore, started: datetime, routine: tuple[str, str], sets: list[SetRecord], finished=True,
         planned: float | None = None) -> int:  # fmt: skip
    """A session of `routine` (id, name) started at local time `started`, with `sets`, each a minute apart."""
    begun = started.timestamp()
    session = store.begin(*routine, begun, sum(s.work_done_seconds for s in sets) if planned is None else planned)
    for n, record in enumerate(sets):
        store.add_set(session, record, begun + 60 * (n + 1))
    store.end(session, begun + 60 * (len(sets) + 1), finished)
    return session


def weeks_of_sessions(store: HistoryStore, today: date, weeks: int) -> None:
    """`weeks` weeks up to `today` (local time) of a desk break on Mondays and a floor routine on Thursdays, the
    plank held 2 s longer and the bird dog one rep more every few weeks; every third week the floor routine is left
    early, after too little to count."""
    first = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    for week in range(weeks):
        monday = datetime.combine(first + timedelta(weeks=week), datetime.min.time()).replace(hour=8)
        plank = 20 + 2 * week
        if monday.date() <= today:
            keep(store, monday, ("desk-break", "Desk break"), [hold(plank, 1), hold(plank, 2)])
        thursday = monday + timedelta(days=3, hours=10)
        if thursday.date() > today:
            continue
        if week % 3 == 2:
            keep(store, thursday, ("floor-stretch", "Floor stretch"), [hold(5, 1, skipped=True)], finished=False,
                 planned=200)  # fmt: skip
        else:
            sets = [hold(plank, 1), *reps_each_side(6 + week // 3, 1), *reps_each_side(6 + week // 3, 2)]
            keep(store, thursday, ("floor-stretch", "Floor stretch"), sets)
