"""The back's ratings: the last, the median of recent weeks, the weekly trend, and what they ask of progress."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from support.history_helpers import step_records
from support.strategies import EXERCISE, histories, ranged_steps, routine, step

from backfit_tui.core.dosages import DosageRange, Hold, Ranges
from backfit_tui.core.pain import (
    CALM,
    FLARE_LEVEL,
    FLARE_RISE,
    RECENT_DAYS,
    SEE_SOMEONE,
    SEVERE_LEVEL,
    Back,
    Rating,
    last_rating,
    rating_of,
    read_back,
    recent_median,
    weekly_trend,
)
from backfit_tui.core.progression import Direction, suggestions
from backfit_tui.core.records import SessionRecord

TODAY = date(2026, 3, 18)  # a Wednesday
PLANK = replace(EXERCISE, ranges=Ranges(hold=DosageRange(20, 60, 5), sets=DosageRange(1, 3, 1)))


def rated(*values: int, every: int = 1) -> list[Rating]:
    """Ratings ending today, oldest first, one each `every` days."""
    return [Rating(TODAY - timedelta(days=every * (len(values) - 1 - n)), v) for n, v in enumerate(values)]


def sessions_of(history) -> list[SessionRecord]:
    """Sessions run to their end, each planned to take as long as its work did."""
    return [SessionRecord("test", "Test", tuple(s), True, sum(r.work_done_seconds for r in s)) for s in history]


def full_sessions(a_step) -> list[SessionRecord]:
    return sessions_of([step_records(a_step)] * 2)


def test_one_key_gives_a_rating_and_t_gives_ten():
    assert [rating_of(key) for key in "0123456789t"] == list(range(11))
    assert rating_of("10") == 10 and rating_of(" T\n") == 10
    assert [rating_of(key) for key in ("", "s", "11", "-1", "x", "٣")] == [None] * 6


def test_the_last_rating_and_the_median_of_the_last_four_weeks():
    ratings = [Rating(TODAY - timedelta(weeks=5), 9), *rated(2, 3, 6, every=3)]
    assert last_rating(ratings) == 6
    assert recent_median(ratings, TODAY) == 3  # the rating of five weeks ago is left out
    assert last_rating([]) is None and recent_median([], TODAY) is None


def test_the_weekly_trend_is_each_weeks_median_oldest_first_with_none_for_a_week_without_a_rating():
    monday = TODAY - timedelta(days=2)
    ratings = [Rating(monday - timedelta(weeks=11), 8), Rating(monday - timedelta(weeks=12), 1),
               Rating(monday - timedelta(days=1), 4), Rating(monday - timedelta(days=6), 6),
               Rating(TODAY, 2)]  # fmt: skip
    trend = weekly_trend(ratings, TODAY)
    assert len(trend) == 12
    assert trend[0] == 8  # the week of twelve weeks ago is past the trend
    assert trend[-2:] == [5, 2]  # last week's 4 and 6; this week's 2
    assert trend[1:-2] == [None] * 9
    assert weekly_trend([], TODAY, weeks=3) == [None, None, None]


def test_a_rating_of_five_or_more_is_a_flare_whatever_came_before():
    assert read_back(rated(FLARE_LEVEL), TODAY).flare
    assert read_back(rated(6, 6, 6, FLARE_LEVEL), TODAY).flare
    assert not read_back(rated(FLARE_LEVEL - 1), TODAY).flare


def test_a_rating_two_above_the_median_of_the_two_weeks_before_is_a_flare():
    assert read_back(rated(1, 2, 1, 1 + FLARE_RISE), TODAY).flare
    assert not read_back(rated(1, 2, 1, FLARE_RISE), TODAY).flare
    assert not read_back(rated(3, 3, 2), TODAY).flare


def test_ratings_older_than_two_weeks_say_nothing_of_the_back_today():
    old = [Rating(TODAY - timedelta(days=RECENT_DAYS), 9), Rating(TODAY - timedelta(days=RECENT_DAYS + 3), 9)]
    assert read_back(old, TODAY) == CALM
    assert not read_back([*old, Rating(TODAY, 3)], TODAY).flare


def test_two_of_the_last_three_at_seven_or_more_is_severe_and_says_to_see_someone():
    assert read_back(rated(SEVERE_LEVEL, 2, SEVERE_LEVEL + 1), TODAY) == Back(flare=True, severe=True)
    assert read_back(rated(8, 8, 2), TODAY).severe  # better today, but two of the last three were severe
    assert not read_back(rated(8, 2, 2, 8), TODAY).severe
    assert read_back(rated(8, 8), TODAY).words() == SEE_SOMEONE
    assert "health professional" in SEE_SOMEONE
    assert read_back(rated(1, 1, 4), TODAY).words() is not None  # a flare says why there is no step up
    assert CALM.words() is None


def test_a_flare_holds_back_the_step_up_two_full_sessions_earned():
    plank = replace(step(Hold(30)), exercise=PLANK)
    [up] = suggestions(routine(plank), full_sessions(plank))
    assert up.direction is Direction.UP
    assert suggestions(routine(plank), full_sessions(plank), read_back(rated(1, 1, 4), TODAY)) == []


def test_severe_pain_offers_each_step_a_step_back_even_after_full_sessions():
    plank = replace(step(Hold(30)), exercise=PLANK)
    lowest = replace(step(Hold(20)), exercise=PLANK)
    back = read_back(rated(8, 1, 7), TODAY)
    [down] = suggestions(routine(plank, lowest), full_sessions(plank), back)
    assert (down.direction, down.step_index, down.changed.dosage) == (Direction.BACK, 0, Hold(25))
    assert suggestions(routine(plank), full_sessions(plank)[:1], back) == [down]  # one session of it is enough
    assert suggestions(routine(plank), [], back) == []  # a routine not done yet has nothing to step back from


# --- properties ------------------------------------------------------------------------------


def ratings_lists(min_size: int = 0):
    """Ratings, oldest first, over the last month."""
    days = st.lists(st.integers(0, 30), min_size=min_size, max_size=8).map(sorted)
    return days.flatmap(lambda ds: st.tuples(*(st.builds(Rating, st.just(TODAY - timedelta(days=30 - d)),
                                                         st.integers(0, 10)) for d in ds)).map(list))  # fmt: skip


@given(ranged_steps(), ratings_lists(min_size=1), st.data())
def test_never_a_step_up_on_a_flare(a_step, ratings, data):
    back = read_back(ratings, TODAY)
    history = sessions_of(data.draw(histories(a_step)))
    if back.flare:
        assert not any(s.direction is Direction.UP for s in suggestions(routine(a_step), history, back))


@given(ranged_steps(), ratings_lists(), st.data())
def test_the_same_history_and_ratings_give_the_same_answer(a_step, ratings, data):
    history = sessions_of(data.draw(histories(a_step)))
    first = suggestions(routine(a_step), history, read_back(ratings, TODAY))
    assert suggestions(routine(a_step), list(history), read_back(list(ratings), TODAY)) == first


@given(ratings_lists(min_size=1))
def test_the_last_rating_at_five_or_more_is_always_a_flare_and_a_severe_back_always_holds_back(ratings):
    back = read_back(ratings, TODAY)
    recent = ratings[-1].day > TODAY - timedelta(days=RECENT_DAYS)
    assert back.flare == (back.flare or (recent and ratings[-1].value >= FLARE_LEVEL))
    assert not back.severe or back.flare


@given(ratings_lists(), st.integers(1, 20))
def test_the_trend_has_a_value_for_each_week_within_the_scale(ratings, weeks):
    trend = weekly_trend(ratings, TODAY, weeks)
    assert len(trend) == weeks
    assert all(value is None or 0 <= value <= 10 for value in trend)
