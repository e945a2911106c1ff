"""The suggestion rule: a step up after two sessions done as planned, a step back after two with sets undone."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.history_helpers import step_records
from support.strategies import EXERCISE, histories, ranged_steps, routine, step

from backfit_tui.core.dosages import DosageRange, Hold, Ranges, Reps
from backfit_tui.core.model import Routine, Sides
from backfit_tui.core.progression import Direction, Suggestion, accepted, suggestions
from backfit_tui.core.records import SessionRecord, SetRecord
from backfit_tui.core.timeline import planned_amount

PLANK = replace(EXERCISE, ranges=Ranges(hold=DosageRange(20, 60, 5), reps=DosageRange(8, 15, 1),
                                        sets=DosageRange(1, 3, 1)))  # fmt: skip


def session(sets: list[SetRecord], finished: bool = True, planned_active: float | None = None) -> SessionRecord:
    """A session of `sets`, planned to take as long as their work did unless told otherwise."""
    planned = sum(s.work_done_seconds for s in sets) if planned_active is None else planned_active
    return SessionRecord("test", "Test", tuple(sets), finished, planned)


def suggested(plan: Routine, sets_of_each: list[list[SetRecord]]) -> list[Suggestion]:
    """What sessions that did `sets_of_each`, newest first, each run to its end and counted, suggest for `plan`."""
    return suggestions(plan, [session(sets) for sets in sets_of_each])


def test_two_full_sessions_suggest_a_longer_hold():
    plank = replace(step(Hold(30)), exercise=PLANK)
    [suggestion] = suggested(routine(plank), [step_records(plank), step_records(plank)])
    assert suggestion.direction is Direction.UP
    assert suggestion.changed.dosage == Hold(35)
    assert suggestion.change_words() == "Plank: 30 s → 35 s"


def test_at_the_top_of_the_hold_one_more_set_then_the_full_dosage():
    top = replace(step(Hold(60)), exercise=PLANK)
    [more_sets] = suggested(routine(top), [step_records(top)] * 2)
    assert (more_sets.changed.dosage, more_sets.changed.sets) == (Hold(60), 2)
    full = replace(top, sets=3)
    [at_top] = suggested(routine(full), [step_records(full)] * 2)
    assert (at_top.direction, at_top.changed) == (Direction.AT_TOP, None)
    assert at_top.words() == "Plank: at the top of this exercise's range."  # its ranges' tops are ours


def test_at_the_top_of_ranges_whose_tops_are_the_articles_it_is_at_their_full_dosage():
    articles = Ranges(hold=DosageRange(20, 60, 5, articles_top=True), sets=DosageRange(1, 3, 1, articles_top=True))
    full = replace(step(Hold(60), sets=3), exercise=replace(EXERCISE, name="Pose", ranges=articles))
    [at_top] = suggested(routine(full), [step_records(full)] * 2)
    assert at_top.words() == "Pose: at the articles' full dosage."
    full = replace(full, exercise=replace(full.exercise, ranges=replace(articles, sets=DosageRange(1, 3, 1))))
    [at_top] = suggested(routine(full), [step_records(full)] * 2)
    assert at_top.words() == "Pose: at the top of this exercise's range."


def test_one_session_is_not_enough_and_a_session_at_another_dosage_does_not_count():
    plank = replace(step(Hold(30)), exercise=PLANK)
    assert suggested(routine(plank), [step_records(plank)]) == []
    earlier = replace(plank, dosage=Hold(25))
    assert suggested(routine(plank), [step_records(plank), step_records(earlier)]) == []


def test_sets_undone_twice_in_a_row_suggest_a_step_back_and_once_suggest_nothing():
    reps = replace(step(Reps(12, 2.0), sets=3, sides=Sides.EACH), exercise=PLANK)
    undone = step_records(reps, skipped_sets=frozenset({3}))
    assert suggested(routine(reps), [undone, step_records(reps)]) == []
    [back] = suggested(routine(reps), [undone, undone])
    assert back.direction is Direction.BACK
    assert back.words() == "Plank: back to 11 reps × 3 next time?"


def test_a_step_back_from_the_top_of_the_amount_takes_off_a_set_first():
    top = replace(step(Hold(60), sets=2), exercise=PLANK)
    undone = step_records(top, skipped_sets=frozenset({2}))
    [back] = suggested(routine(top), [undone, undone])
    assert (back.changed.dosage, back.changed.sets) == (Hold(60), 1)


def test_two_sessions_left_early_and_not_counted_suggest_no_step_up():
    plank = replace(step(Hold(30)), exercise=PLANK)
    bridge = replace(step(Hold(30), sets=3), exercise=PLANK)
    left_early = session(step_records(plank), finished=False, planned_active=100.0)  # the bridge never reached
    assert suggestions(routine(plank, bridge), [left_early, left_early]) == []


def test_a_set_ended_short_of_its_amount_is_not_full():
    plank = replace(step(Hold(30)), exercise=PLANK)
    ended_at_once = [replace(s, achieved=0.1) for s in step_records(plank)]
    assert suggestions(routine(plank), [session(step_records(plank)), session(ended_at_once, planned_active=1.0)]) == []


def test_a_session_left_early_counts_when_most_of_it_was_done():
    plank = replace(step(Hold(30)), exercise=PLANK)
    mostly_done = session(step_records(plank), finished=False, planned_active=1.5)
    [up] = suggestions(routine(plank), [mostly_done, mostly_done])
    assert up.direction is Direction.UP


def test_leaving_in_the_middle_of_a_step_is_not_a_reason_to_step_back():
    reps = replace(step(Reps(12, 2.0), sets=3), exercise=PLANK)
    left_in_set_two = session(step_records(reps)[:1], finished=False)  # counted: its planned time is what was done
    assert suggestions(routine(reps), [left_in_set_two, left_in_set_two]) == []


def test_a_step_back_stops_at_the_bottom_of_the_range():
    near_bottom = replace(step(Hold(22)), exercise=PLANK)  # 5 s less would be 17 s, below the range's 20 s
    undone = step_records(near_bottom, skipped_sets=frozenset({1}))
    [back] = suggested(routine(near_bottom), [undone, undone])
    assert back.changed.dosage == Hold(20)


def test_accepting_changes_only_the_suggested_step():
    plank = replace(step(Hold(30)), exercise=PLANK)
    other = replace(step(Hold(40)), exercise=PLANK)
    plan = routine(plank, other)
    [suggestion] = suggested(plan, [step_records(plank)] * 2)
    assert accepted(plan, suggestion).steps == (replace(plank, dosage=Hold(35)), other)


def test_an_exercise_without_ranges_gets_no_suggestion():
    plank = step(Hold(30))
    assert suggested(routine(plank), [step_records(plank)] * 2) == []


# --- properties ------------------------------------------------------------------------------


def outside_by(amounts: DosageRange, amount: int) -> int:
    """How far `amount` lies outside the range: 0 within it."""
    return max(amounts.low - amount, 0, amount - amounts.high)


def moves_within(amounts: DosageRange, old: int, new: int) -> bool:
    """Whether going from `old` to `new` stays within the range, or, from outside it, comes closer."""
    return new == old or new in amounts or outside_by(amounts, new) < outside_by(amounts, old)


@pytest.mark.parametrize("undone", [False, True], ids=["up", "back"])
@settings(max_examples=300)
@given(a_step=ranged_steps(), data=st.data())
def test_a_suggestion_never_takes_a_step_past_its_range(undone, a_step, data):
    ranges = a_step.exercise.ranges
    for suggestion in suggested(routine(a_step), data.draw(histories(a_step, undone=undone))):
        if suggestion.changed is not None:
            assert moves_within(ranges.hold, planned_amount(a_step)[0], planned_amount(suggestion.changed)[0])
            assert moves_within(ranges.sets, a_step.sets, suggestion.changed.sets)


@given(ranged_steps(), st.integers(0, 1), st.data())
def test_nothing_is_suggested_after_a_skipped_set(a_step, which, data):
    skipped = frozenset({data.draw(st.integers(1, a_step.sets))})
    done = [step_records(a_step), step_records(a_step)]
    done[which] = step_records(a_step, skipped_sets=skipped)
    assert suggested(routine(a_step), done) == []  # one session with a set undone: no step up, and no step back


@given(ranged_steps(), st.lists(st.tuples(st.booleans(), st.floats(0.5, 4.0)), min_size=2, max_size=2), st.data())
def test_no_step_up_from_sessions_that_did_not_count(a_step, ways, data):
    """Full sets every time, but at least one of the two sessions left early or planned so long that it did not count."""
    ways[data.draw(st.integers(0, 1))] = (False, data.draw(st.floats(2.01, 50.0)))
    done = step_records(a_step)
    work = sum(s.work_done_seconds for s in done)
    history = [session(done, finished, planned_active=work * share) for finished, share in ways]
    assert not any(s.direction is Direction.UP for s in suggestions(routine(a_step), history))


@given(ranged_steps(), st.data())
def test_the_same_history_gives_the_same_answer_whatever_order_its_sets_were_recorded_in(a_step, data):
    history = data.draw(histories(a_step))
    reordered = [data.draw(st.permutations(session)) for session in history]
    assert suggested(routine(a_step), reordered) == suggested(routine(a_step), history)


@given(ranged_steps(), st.data())
def test_sessions_before_the_last_two_change_nothing(a_step, data):
    last_two, before = data.draw(histories(a_step)), data.draw(histories(a_step, min_size=1))
    assert suggested(routine(a_step), last_two[:2] + before) == suggested(routine(a_step), last_two[:2])


def test_a_set_left_partway_holds_back_a_step_up_even_when_it_reached_its_amount():
    plank = replace(step(Hold(30)), exercise=PLANK)
    [full] = step_records(plank)
    left_at_the_end = replace(full, partial=True)  # left as the hold was ending: 30 of 30 s, but not run out
    assert suggested(routine(plank), [[full], [full]]) != []
    assert suggested(routine(plank), [[left_at_the_end], [full]]) == []
