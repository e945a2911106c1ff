"""When reminders may come: an interval (`50m`, `90s`, `1h`), and the hours and days of the week they are
allowed (`09:00-18:00`, `mon-fri`), read from text and asked about a local time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ALL_DAY = "00:00-24:00"
EVERY_DAY = "mon-sun"
MIN_INTERVAL_S, MAX_INTERVAL_S = 1, 24 * 3600
_INTERVAL = re.compile(r"^\s*(\d+)\s*([smh]?)\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "": 60}  # a bare number is minutes, as people say "every 50"
_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_interval(text: str) -> int:
    """Seconds in `50m`, `90s`, `1h` (a bare number is minutes); ValueError saying what is allowed."""
    found = _INTERVAL.match(text)
    seconds = int(found[1]) * _UNIT_SECONDS[found[2].lower()] if found else 0
    if not MIN_INTERVAL_S <= seconds <= MAX_INTERVAL_S:
        raise ValueError(f"must be a time such as 50m, 90s or 1h, from 1s to 24h, got {text!r}")
    return seconds


def parse_hours(text: str) -> tuple[int, int]:
    """Minutes after midnight at which `09:00-18:00` opens and closes; the close may be past midnight
    (`22:00-06:00`) or `24:00`. ValueError when it is not such a range."""
    found = _HOURS.match(text)
    if found:
        opens, closes = int(found[1]) * 60 + int(found[2]), int(found[3]) * 60 + int(found[4])
        if int(found[2]) < 60 and int(found[4]) < 60 and opens < 24 * 60 and closes <= 24 * 60 and opens != closes:
            return opens, closes
    raise ValueError(f'must be a range of hours such as "09:00-18:00", got {text!r}')


def parse_days(text: str) -> frozenset[int]:
    """The weekdays (Monday 0) in `mon-fri`, `sat,sun`, `mon-wed,fri` (a range may wrap: `fri-mon`)."""
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        first, _, last = part.partition("-")
        if first not in DAY_NAMES or (last and last not in DAY_NAMES):
            raise ValueError(f'must be days such as "mon-fri" or "sat,sun", got {text!r}')
        start, end = DAY_NAMES.index(first), DAY_NAMES.index(last or first)
        days.update((start + n) % 7 for n in range((end - start) % 7 + 1))
    return frozenset(days)


@dataclass(frozen=True)
class RemindWindow:
    """The hours of the day (minutes after midnight, `closes` may be below `opens` to run past midnight)
    and the weekdays (Monday 0) in which a reminder may come."""

    opens: int = 0
    closes: int = 24 * 60
    days: frozenset[int] = frozenset(range(7))

    @classmethod
    def parse(cls, hours: str = ALL_DAY, days: str = EVERY_DAY) -> RemindWindow:
        """The window `remind_hours` and `remind_days` describe; ValueError if either is not understood."""
        return cls(*parse_hours(hours), parse_days(days))

    def allows(self, moment: datetime) -> bool:
        """Whether a reminder may come at the local time `moment`."""
        minute = moment.hour * 60 + moment.minute
        if self.opens < self.closes:
            in_hours = self.opens <= minute < self.closes
        else:  # runs past midnight
            in_hours = minute >= self.opens or minute < self.closes
        return in_hours and moment.weekday() in self.days
