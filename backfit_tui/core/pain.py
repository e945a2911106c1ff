"""How the back has been: the 0 to 10 ratings kept with sessions, read as the last rating, the median of the last
weeks and a weekly trend, and what they ask of progress: a flare holds back a step up, and pain that is severe in
two of the last three ratings offers a step back and the articles' advice to see a health professional.

The articles backfit is built from give no numbers for any of this: every threshold below is our choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from .records import SetRecord
from .weeks import first_week, week_of

WORST = 10  # the top of the scale: 0 = no pain, 10 = the worst
TEN_KEY = "t"  # the one key for 10, as the others are 0 to 9
QUESTION = "How is your back now? 0 = no pain … 10 = worst"

# Our choice, all of them: the articles say to stop if anything hurts and to see someone about pain that is severe
# or lasts, but give no scale or numbers.
RECENT_DAYS = 14  # the rule weighs the ratings of the last two weeks: older ones say nothing of the back today
FLARE_RISE = 2  # a last rating this far above the median of the two weeks before it is a flare
FLARE_LEVEL = 5  # a last rating this high is a flare, whatever came before
SEVERE_LEVEL = 7  # a rating this high is severe pain
SEVERE_COUNT, SEVERE_OF = 2, 3  # severe in this many of the last ratings offers a step back, and advice
MEDIAN_WEEKS = 4  # the median `backfit stats` shows
TREND_WEEKS = 12  # the weeks of the trend

# 000 and 003: stop if anything hurts; see a health professional about back pain that is severe or lasts.
SEE_SOMEONE = (
    "Your back has hurt badly in two of your last three ratings. Stop any exercise that hurts, and see a health"
    " professional about pain that is severe or lasts."
)
FLARE_WORDS = "Your back is sorer than usual: no step up until it settles."


class Rating(NamedTuple):
    """One answer to the question: the day it was given (the person's own calendar day) and 0 to 10."""

    day: date
    value: int


def worth_asking(sets: Sequence[SetRecord]) -> bool:
    """Whether a session's sets did something, so that its end asks how the back is (a session left before
    anything was done asks nothing)."""
    return any(not s.skipped and s.achieved > 0 for s in sets)


def rating_of(key: str) -> int | None:
    """The rating one key gives (`0` to `9`, `t` for 10, as typed on a line `10` too); None for any other."""
    key = key.strip().lower()
    if key in (TEN_KEY, str(WORST)):
        return WORST
    return int(key) if len(key) == 1 and key in "0123456789" else None


def last_rating(ratings: Sequence[Rating]) -> int | None:
    """The newest rating (ratings are oldest first); None without one."""
    return ratings[-1].value if ratings else None


def median_since(ratings: Sequence[Rating], first_day: date) -> float | None:
    """The median of the ratings from `first_day` on; None without one."""
    values = [r.value for r in ratings if r.day >= first_day]
    return _median(values)


def recent_median(ratings: Sequence[Rating], today: date, weeks: int = MEDIAN_WEEKS) -> float | None:
    """The median of the last `weeks` weeks' ratings, today's among them."""
    return median_since(ratings, today - timedelta(weeks=weeks) + timedelta(days=1))


def weekly_trend(ratings: Sequence[Rating], today: date, weeks: int = TREND_WEEKS) -> list[float | None]:
    """Each week's median rating, the last `weeks` weeks (Monday to Sunday) oldest first; None for a week without
    a rating."""
    first = first_week(today, weeks)
    by_week: dict[date, list[int]] = {first + timedelta(weeks=n): [] for n in range(weeks)}
    for rating in ratings:
        if (week := week_of(rating.day)) in by_week:
            by_week[week].append(rating.value)
    return [_median(values) for values in by_week.values()]


@dataclass(frozen=True)
class Back:
    """What the recent ratings ask of progress: `flare`, no step up; `severe`, a step back offered, and advice."""

    flare: bool = False
    severe: bool = False

    def words(self) -> str | None:
        """What to tell the person, or None when the back asks nothing."""
        return SEE_SOMEONE if self.severe else FLARE_WORDS if self.flare else None


CALM = Back()


def read_back(ratings: Sequence[Rating], today: date) -> Back:
    """What the ratings of the last RECENT_DAYS (oldest first) ask of progress as of `today`."""
    recent = [r for r in ratings if today - timedelta(days=RECENT_DAYS) < r.day <= today]
    if not recent:
        return CALM
    *before, last = recent
    usual = _median([r.value for r in before])
    flare = last.value >= FLARE_LEVEL or (usual is not None and last.value - usual >= FLARE_RISE)
    severe = sum(r.value >= SEVERE_LEVEL for r in recent[-SEVERE_OF:]) >= SEVERE_COUNT
    return Back(flare=flare or severe, severe=severe)


def _median(values: Sequence[int]) -> float | None:
    """The median of `values`, None when there are none.

    `statistics` is imported here, not with the module: it brings decimal, fractions and random, some
    5 ms of `backfit status`, which reads the ratings only when a history has some.
    """
    if not values:
        return None
    import statistics

    return statistics.median(values)
