"""What changed since the last session of a routine, and which bests were beaten, from the sets alone."""

from __future__ import annotations

from support.history_helpers import a_set

from backfit_tui.core.since_last import new_bests, since_last_time


def plank(*holds: float, skipped: int = 0):
    """A plank set of each hold, the last `skipped` of them skipped."""
    return [a_set("plank", hold, set_number=n, skipped=n > len(holds) - skipped) for n, hold in enumerate(holds, 1)]


def bird_dog(*reps: float):
    return [a_set("bird-dog", count, "reps", set_number=n, step=1) for n, count in enumerate(reps, 1)]


def test_the_first_session_of_a_routine_says_so():
    assert since_last_time(plank(30), None, {}) == "First time with this routine."


def test_a_session_like_the_last_says_so():
    assert since_last_time(plank(30, 30) + bird_dog(8), plank(30, 30) + bird_dog(8), {}) == "Same as last time."


def test_a_longer_hold_and_one_more_set_are_said_with_what_they_were():
    said = since_last_time(plank(35, 30) + bird_dog(8, 8), plank(30, 30) + bird_dog(8), {})
    assert said == "Since last time: Plank 35 s (was 30 s), 1 more set of Bird-dog."


def test_fewer_sets_and_less_are_said_plainly_too():
    said = since_last_time(plank(25) + bird_dog(6), plank(30, 30) + bird_dog(8), {})
    assert said == "Since last time: Plank 25 s (was 30 s), 1 fewer set of Plank, Bird-dog 6 reps (was 8 reps)."


def test_a_skipped_set_is_not_done_and_its_time_is_not_a_best():
    said = since_last_time(plank(30, 45, skipped=1), plank(30, 30), {})
    assert said == "Since last time: 1 fewer set of Plank."


def test_a_best_beaten_is_said_first_and_the_rest_only_counted():
    now = bird_dog(9, 9, 9) + plank(40)
    last = bird_dog(8) + plank(30, 30)
    said = since_last_time(now, last, {("plank", "seconds"): 35})
    assert said == (
        "Since last time: Plank 40 s (was 30 s, a new best), Bird-dog 9 reps (was 8 reps), 2 more sets of Bird-dog,"
        " 1 more change."
    )


def test_a_best_beaten_is_its_own_line_only_when_last_time_did_not_say_it():
    bests_before = {("plank", "seconds"): 35, ("bird-dog", "reps"): 8}
    assert new_bests(plank(40) + bird_dog(9), plank(30) + bird_dog(8), bests_before) == []
    assert new_bests(plank(40) + bird_dog(9), bird_dog(8), bests_before) == ["New best: Plank, 40 s (was 35 s)."]
    assert new_bests(plank(40), plank(30, skipped=1), bests_before) == ["New best: Plank, 40 s (was 35 s)."]
    assert new_bests(plank(40), None, {}) == []  # the first time ever is no best beaten
