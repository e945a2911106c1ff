"""Days and weeks as the person lives them: calendar dates in their own time zone, weeks from Monday.

Counted on dates, so a daylight-saving change or a year's end moves nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo


def local_day(timestamp: float, tz: tzinfo | None) -> date:
    """The calendar date of a Unix time in `tz` (None: the machine's own zone)."""
    return datetime.fromtimestamp(timestamp, tz).date()


def week_of(day: date) -> date:
    """The Monday that starts `day`'s week."""
    return day - timedelta(days=day.weekday())


def first_week(today: date, weeks: int) -> date:
    """The Monday of the first of `weeks` weeks that end with `today`'s week."""
    return week_of(today) - timedelta(weeks=weeks - 1)


def today_and_this_week(started: Iterable[float], now: float, tz: tzinfo | None) -> tuple[int, int]:
    """Of the sessions started at `started` (Unix times), how many fall on `now`'s day and in its week."""
    today = local_day(now, tz)
    days = [local_day(timestamp, tz) for timestamp in started]
    return days.count(today), sum(week_of(day) == week_of(today) for day in days)
