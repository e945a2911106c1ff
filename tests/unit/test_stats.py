"""Statistics against hand-computed expectations: weeks, streaks across a year's end, empty weeks,
time zones, daylight-saving changes, bests and what a session improved.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from support.history_helpers import a_set, add_session, at

from backfit_tui.reports.history_report import goal_line
from backfit_tui.store.history.stats import SessionNews, Stats, compute_stats, session_news, sparkline
from backfit_tui.store.history.store import HistoryStore

BERLIN = ZoneInfo("Europe/Berlin")
UTC = ZoneInfo("UTC")


def store_with(tmp_path, *starts: float) -> HistoryStore:
    store = HistoryStore(tmp_path / "history.sqlite3")
    for start in starts:
        add_session(store, start)
    return store


def test_a_streak_runs_across_the_years_end(tmp_path):
    # ISO weeks starting Mon 22 Dec 2025, Mon 29 Dec 2025 (which holds 1 Jan 2026) and Mon 5 Jan 2026.
    sessions = [at("2025-12-22 08:00"), at("2025-12-24 08:00"), at("2025-12-26 08:00"),
                at("2025-12-30 08:00"), at("2026-01-01 08:00"), at("2026-01-02 08:00"),
                at("2026-01-05 08:00"), at("2026-01-06 08:00"), at("2026-01-08 08:00")]  # fmt: skip
    stats = compute_stats(store_with(tmp_path, *sessions), at("2026-01-09 20:00"), UTC, goal=3)
    assert (stats.this_week, stats.streak_weeks) == (3, 3)


def test_the_week_under_way_does_not_break_the_streak_but_an_empty_week_does(tmp_path):
    sessions = [at("2026-03-02 08:00"), at("2026-03-03 08:00"),  # week of 2 Mar: 2
                # week of 9 Mar: none
                at("2026-03-16 08:00"), at("2026-03-17 08:00"),  # week of 16 Mar: 2
                at("2026-03-23 08:00"), at("2026-03-25 08:00")]  # week of 23 Mar: 2
    store = store_with(tmp_path, *sessions)
    on_monday = compute_stats(store, at("2026-03-30 07:00"), UTC, goal=2)  # nothing yet this week
    assert (on_monday.this_week, on_monday.streak_weeks) == (0, 2)
    assert [count for _, count in on_monday.weeks][-5:] == [2, 0, 2, 2, 0]
    assert on_monday.weeks[-1][0] == date(2026, 3, 30)


def test_days_and_weeks_are_the_persons_own_local_dates(tmp_path):
    # 23:30 on Sunday 29 March 2026 in Berlin (clocks went forward that morning) is 21:30 UTC: Sunday
    # in both, but 00:30 on Monday 30 March in Berlin is still Sunday in UTC.
    late_sunday, early_monday = at("2026-03-29 23:30", "Europe/Berlin"), at("2026-03-30 00:30", "Europe/Berlin")
    store = store_with(tmp_path, late_sunday, early_monday)
    in_berlin = compute_stats(store, at("2026-03-30 12:00", "Europe/Berlin"), BERLIN, goal=3)
    assert in_berlin.this_week == 1
    assert in_berlin.days[date(2026, 3, 29)] == 1 and in_berlin.days[date(2026, 3, 30)] == 1
    in_utc = compute_stats(store, at("2026-03-30 12:00", "Europe/Berlin"), UTC, goal=3)
    assert in_utc.this_week == 0 and in_utc.days[date(2026, 3, 29)] == 2


def test_the_autumn_change_keeps_a_late_session_on_its_own_day(tmp_path):
    # Clocks go back at 03:00 on Sunday 25 October 2026 in Berlin: that day has 25 hours.
    store = store_with(tmp_path, at("2026-10-25 23:59", "Europe/Berlin"), at("2026-10-26 00:01", "Europe/Berlin"))
    stats = compute_stats(store, at("2026-10-26 12:00", "Europe/Berlin"), BERLIN, goal=1)
    assert (stats.days[date(2026, 10, 25)], stats.days[date(2026, 10, 26)]) == (1, 1)
    assert (stats.this_week, stats.streak_weeks) == (1, 2)


def test_a_session_of_only_skipped_sets_does_not_count(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    add_session(store, at("2026-03-02 08:00"), a_set(achieved=0, skipped=True), planned_active=30)
    assert compute_stats(store, at("2026-03-03 08:00"), UTC, goal=1).this_week == 0


def test_a_session_counts_only_when_half_its_planned_active_time_was_done(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    five_of_six_skipped = [a_set(achieved=20), *(a_set(achieved=0.4, skipped=True, set_number=n) for n in range(2, 7))]
    add_session(store, at("2026-03-02 08:00"), *five_of_six_skipped, planned_active=180)  # 22 s of 180
    add_session(store, at("2026-03-04 08:00"), a_set(achieved=30), a_set(achieved=30, set_number=2),
                a_set(achieved=30, set_number=3, skipped=True), planned_active=180)  # 90 s of 180  # fmt: skip
    stats = compute_stats(store, at("2026-03-05 08:00"), UTC, goal=1)
    assert (stats.this_week, stats.streak_weeks) == (1, 1)
    assert (stats.days[date(2026, 3, 2)], stats.days[date(2026, 3, 4)]) == (0, 1)


def test_a_session_saved_before_the_plan_was_kept_counts_if_it_ran_to_the_end_with_a_set_done(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    for day, finished, record in ((2, True, a_set(achieved=5)), (3, False, a_set()), (4, True, a_set(skipped=True))):
        session_id = add_session(store, at(f"2026-03-0{day} 08:00"), record, finished=finished)
        store.db.execute("UPDATE sessions SET planned_active_seconds = NULL WHERE id = ?", (session_id,))
    stats = compute_stats(store, at("2026-03-05 08:00"), UTC, goal=3)
    assert [stats.days[date(2026, 3, day)] for day in (2, 3, 4)] == [1, 0, 0]


def test_a_session_too_short_to_count_does_not_say_the_goal_is_met(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    add_session(store, at("2026-03-02 08:00"))
    latest = add_session(store, at("2026-03-03 08:00"), a_set(achieved=5, skipped=True), planned_active=60)
    assert session_news(store, latest, at("2026-03-03 09:00"), UTC, goal=1).improved == ()


def test_bests_are_the_longest_hold_and_most_reps_with_a_trend(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    add_session(store, at("2026-03-02 08:00"), a_set("plank", 20), a_set("plank", 25, set_number=2))
    add_session(store, at("2026-03-04 08:00"), a_set("plank", 30), a_set("bird-dog", 8, "reps", step=1))
    add_session(store, at("2026-03-06 08:00"), a_set("plank", 28), a_set("plank", 45, skipped=True, set_number=2))
    stats = compute_stats(store, at("2026-03-06 09:00"), UTC, goal=3)
    assert [(b.exercise_id, b.unit, b.value, b.trend) for b in stats.bests] == [
        ("bird-dog", "reps", 8, (8,)),
        ("plank", "seconds", 30, (25, 30, 28)),
    ]
    assert sparkline([25, 30, 28]) == "▁█▅"


def test_a_trend_shows_the_last_twelve_sessions_oldest_first(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    for day in range(1, 16):  # fifteen sessions: holds of 21 s to 35 s
        add_session(store, at(f"2026-03-{day:02d} 08:00"), a_set("plank", 20 + day))
    stats = compute_stats(store, at("2026-03-16 08:00"), UTC, goal=3)
    assert stats.bests[0].trend == tuple(range(24, 36))


def test_a_session_says_what_changed_since_the_routines_last_session_and_that_the_goal_is_met(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    add_session(store, at("2026-03-02 08:00"), a_set("plank", 30))
    add_session(store, at("2026-03-03 08:00"), a_set("plank", 30))
    latest = add_session(store, at("2026-03-04 08:00"), a_set("plank", 40), a_set("bird-dog", 8, "reps", step=1))
    assert session_news(store, latest, at("2026-03-04 09:00"), UTC, goal=3) == SessionNews(
        "Since last time: Plank 40 s (was 30 s, a new best).",
        ("That makes 3 sessions this week: the goal is met.",),
    )


def test_one_rep_and_a_goal_of_one_session_are_singular(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    add_session(store, at("2026-03-01 08:00"), a_set("bird-dog", 0, "reps"))  # the Sunday before
    latest = add_session(store, at("2026-03-02 08:00"), a_set("bird-dog", 1, "reps"))
    assert session_news(store, latest, at("2026-03-02 09:00"), UTC, goal=1) == SessionNews(
        "Since last time: Bird-dog 1 rep (was 0 reps, a new best).",
        ("That makes 1 session this week: the goal is met.",),
    )


def test_last_time_is_the_same_routines_last_session_even_left_early(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    add_session(store, at("2026-03-02 08:00"), a_set("plank", 30), a_set("plank", 30, set_number=2), finished=False)
    add_session(store, at("2026-03-03 08:00"), a_set("plank", 50), routine="evening-stretch")
    latest = add_session(store, at("2026-03-04 08:00"), a_set("plank", 30), a_set("plank", 30, set_number=2),
                         a_set("plank", 30, set_number=3))  # fmt: skip
    assert session_news(store, latest, at("2026-03-04 09:00"), UTC, goal=5).since_last_time == (
        "Since last time: 1 more set of Plank."
    )


def test_the_first_session_of_a_routine_says_so_and_still_names_a_best_beaten_in_another(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    add_session(store, at("2026-03-02 08:00"), a_set("plank", 30), routine="evening-stretch")
    latest = add_session(store, at("2026-03-03 08:00"), a_set("plank", 35))
    assert session_news(store, latest, at("2026-03-03 09:00"), UTC, goal=5) == SessionNews(
        "First time with this routine.", ("New best: Plank, 35 s (was 30 s).",)
    )


def test_a_later_session_of_the_routine_is_not_last_time_for_an_earlier_one(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    first = add_session(store, at("2026-03-02 08:00"), a_set("plank", 30))
    add_session(store, at("2026-03-03 08:00"), a_set("plank", 40))
    assert session_news(store, first, at("2026-03-03 09:00"), UTC, goal=5).since_last_time == (
        "First time with this routine."
    )


def test_the_goal_line_gives_this_weeks_sessions_and_the_goal():
    def goal_line_for(this_week: int, streak_weeks: int) -> str:
        return goal_line(Stats(3, this_week, streak_weeks, (), {}, ()))

    assert goal_line_for(1, 0) == "This week: 1 session, goal 3 · streak: 0 weeks meeting the goal"
    assert goal_line_for(4, 1) == "This week: 4 sessions, goal 3: met · streak: 1 week meeting the goal"
