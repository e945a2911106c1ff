"""The history as people and scripts read it: Rich tables for `backfit history`, `backfit stats` and
the history screen alike, and JSON and CSV for scripts and spreadsheets.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TextIO

from rich.table import Table
from rich.text import Text

from ..core.formatting import counted, duration, literal
from ..core.outcome import active_seconds, amount, done_and_skipped, partial_sets, sets_count_toward_goal
from ..core.pain import MEDIAN_WEEKS, WORST
from ..store.history.stats import SPARK, Stats, sparkline
from ..store.history.store import StoredSession

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
HEAT = ("·", "▪", "■")  # no session, one, more


def iso(timestamp: float | None) -> str | None:
    """Local time with its offset, to the second: `2026-11-21T09:30:00+01:00`."""
    return None if timestamp is None else datetime.fromtimestamp(timestamp).astimezone().isoformat(timespec="seconds")


def session_json(session: StoredSession) -> dict:
    return {
        "routine_id": session.routine_id,
        "routine_name": session.routine_name,
        "started_at": iso(session.started_at),
        "ended_at": iso(session.ended_at),
        "finished": session.finished,
        "pain_before": session.pain_before,
        "pain_after": session.pain_after,
        "sets": [
            {"exercise": s.record.exercise_id, "side": s.record.side, "unit": s.record.unit,
             "planned": s.record.planned, "achieved": s.record.achieved, "skipped": s.record.skipped,
             "partial": s.record.partial}
            for s in session.sets
        ],  # fmt: skip
    }


CSV_COLUMNS = ("started_at", "routine_id", "finished", "exercise", "set", "side", "unit", "planned", "achieved",
               "skipped", "partial", "pain_before", "pain_after")  # fmt: skip


def write_csv(sessions: list[StoredSession], out: TextIO) -> None:
    """One row per set, oldest first, for a spreadsheet; `partial` marks a set left partway, as far as it went, and
    each row carries its session's ratings of the back (empty: not asked, or skipped).

    Into a file or a pipe the text is written as it is, for the spreadsheet; on a terminal it is shown literally.
    """
    on_terminal = out.isatty()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for session in reversed(sessions):
        for s in session.sets:
            r = s.record
            row = [iso(session.started_at), session.routine_id, session.finished, r.exercise_id, r.set_number,
                   r.side or "", r.unit, r.planned, r.achieved, r.skipped, r.partial, session.pain_before,
                   session.pain_after]  # fmt: skip
            writer.writerow([literal(v) if on_terminal and isinstance(v, str) else v for v in row])


def how_it_ended(session: StoredSession) -> str:
    if session.finished:
        return "finished"
    return "left early" if session.ended_at is not None else "interrupted"


def goal_mark(session: StoredSession) -> str:
    """` · not counted` for a session that does not count toward the weekly goal."""
    records = [s.record for s in session.sets]
    return "" if sets_count_toward_goal(records, session.planned_active_seconds, session.finished) else " · not counted"


def sessions_table(sessions: list[StoredSession]) -> Table:
    """Recent sessions: when, which routine, sets done, skipped and left partway, active time, how it ended and
    whether it counted."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("when", "routine", "sets", "active", "ended"):
        table.add_column(column)
    for session in sessions:
        records = [s.record for s in session.sets]
        done, skipped = done_and_skipped(records)
        when = datetime.fromtimestamp(session.started_at).strftime("%a %d %b %H:%M")
        partial = len(partial_sets(records))
        sets = f"{done}" + (f" (+{skipped} skipped)" if skipped else "") + (f" (+{partial} partial)" if partial else "")
        table.add_row(when, Text(literal(session.routine_name)), sets, duration(active_seconds(records)),
                      how_it_ended(session) + goal_mark(session))  # fmt: skip
    return table


def stats_json(stats: Stats) -> dict:
    return {
        "weekly_goal": stats.goal,
        "this_week": stats.this_week,
        "streak_weeks": stats.streak_weeks,
        "weeks": [{"week_of": week.isoformat(), "sessions": count} for week, count in stats.weeks],
        "bests": [
            {"exercise": b.exercise_id, "name": b.exercise_name, "unit": b.unit, "best": b.value,
             "trend": list(b.trend)}
            for b in stats.bests
        ],
        "pain": {"last": stats.pain.last, "median_4_weeks": stats.pain.median,
                 "weekly_trend": list(stats.pain.trend)},  # fmt: skip
    }


def pain_line(stats: Stats, trend: bool = True) -> str:
    """`Your back: last 3 of 10 · 4-week median 2.5 · 12 weeks ▁▂·▃▅`, a dot for a week without a rating; without
    the `trend` where a chart shows it."""
    pain = stats.pain
    median = "none" if pain.median is None else f"{pain.median:g}"
    line = f"Your back: last {pain.last} of {WORST} · {MEDIAN_WEEKS}-week median {median}"
    return f"{line} · {len(pain.trend)} weeks {pain.sparkline()}" if trend else line


def pain_chart(trend: Sequence[float | None], rows: int = 3) -> Table:
    """The weekly medians as a small bar chart, `rows` high on the scale from 0 to 10, a column per week, oldest
    on the left; a dot under a week without a rating."""
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1, 0, 0))
    table.add_column(justify="right")
    for _ in trend:
        table.add_column(justify="center")
    eighths = [0 if v is None else round(v / WORST * rows * 8) for v in trend]  # the bar's height in eighths of a row
    for row in reversed(range(rows)):
        cells = [SPARK[min(e - row * 8, 8) - 1] if e > row * 8 else " " for e in eighths]
        table.add_row(str(WORST) if row == rows - 1 else "", *cells)
    table.add_row("0", *(Text("·", style="dim") if v is None else "▔" for v in trend))
    return table


def goal_line(stats: Stats) -> str:
    """`This week: 4 sessions, goal 3: met · streak: 2 weeks meeting the goal`."""
    met = ": met" if stats.this_week >= stats.goal else ""
    return (f"This week: {counted(stats.this_week, 'session')}, goal {stats.goal}{met}"
            f" · streak: {counted(stats.streak_weeks, 'week')} meeting the goal")  # fmt: skip


def calendar(stats: Stats) -> Table:
    """The last weeks as a heatmap: a row per weekday, a column per week, oldest on the left."""
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1, 0, 0))
    table.add_column()
    for _ in stats.weeks:
        table.add_column(justify="center")
    for weekday, name in enumerate(DAY_NAMES):
        cells = []
        for monday, _ in stats.weeks:
            count = stats.days.get(monday + timedelta(days=weekday), 0)
            cells.append(Text(HEAT[min(count, 2)], style="green" if count else "dim"))
        table.add_row(name, *cells)
    return table


def bests_table(stats: Stats) -> Table:
    """Personal bests per exercise with their trend over recent sessions."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("exercise", "best", "trend"):
        table.add_column(column)
    for best in stats.bests:
        table.add_row(Text(literal(best.exercise_name)), amount(best.value, best.unit), sparkline(best.trend))
    return table
