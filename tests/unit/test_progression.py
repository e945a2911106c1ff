"""The suggestion rule: a step up after two sessions done as planned, a step back after two with sets undone."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st
from support.history_helpers import step_records
from support.strategies import EXERCISE, routine, step

from backfit_tui.core.model import DosageRange, Hold, Ranges, Reps, Sides
from backfit_tui.core.progression import Direction, accepted, suggestions
from backfit_tui.core.timeline import planned_amount

PLANK = replace(EXERCISE, ranges=Ranges(hold=DosageRange(20, 60, 5), reps=DosageRange(8, 15, 1),
                                        sets=DosageRange(1, 3, 1)))  # fmt: skip


def test_two_full_sessions_suggest_a_longer_hold():
    plank = replace(step(Hold(30)), exercise=PLANK)
    [suggestion] = suggestions(routine(plank), [step_records(plank), step_records(plank)])
    assert suggestion.direction is Direction.UP
    assert suggestion.changed.dosage == Hold(35)
    assert suggestion.change_words() == "Plank: 30 s → 35 s"


def test_at_the_top_of_the_hold_one_more_set_then_the_full_dosage():
    top = replace(step(Hold(60)), exercise=PLANK)
    [more_sets] = suggestions(routine(top), [step_records(top)] * 2)
    assert (more_sets.changed.dosage, more_sets.changed.sets) == (Hold(60), 2)
    full = replace(top, sets=3)
    [at_top] = suggestions(routine(full), [step_records(full)] * 2)
    assert (at_top.direction, at_top.changed) == (Direction.AT_TOP, None)
    assert at_top.words() == "Plank: at the articles' full dosage."


def test_one_session_is_not_enough_and_a_session_at_another_dosage_does_not_count():
    plank = replace(step(Hold(30)), exercise=PLANK)
    assert suggestions(routine(plank), [step_records(plank)]) == []
    earlier = replace(plank, dosage=Hold(25))
    assert suggestions(routine(plank), [step_records(plank), step_records(earlier)]) == []


def test_sets_undone_twice_in_a_row_suggest_a_step_back_and_once_suggest_nothing():
    reps = replace(step(Reps(12, 2.0), sets=3, sides=Sides.EACH), exercise=PLANK)
    undone = step_records(reps, skipped_sets=frozenset({3}))
    assert suggestions(routine(reps), [undone, step_records(reps)]) == []
    [back] = suggestions(routine(reps), [undone, undone])
    assert back.direction is Direction.BACK
    assert back.words() == "Plank: back to 11 reps × 3 next time?"


def test_a_step_back_from_the_top_of_the_amount_takes_off_a_set_first():
    top = replace(step(Hold(60), sets=2), exercise=PLANK)
    undone = step_records(top, skipped_sets=frozenset({2}))
    [back] = suggestions(routine(top), [undone, undone])
    assert (back.changed.dosage, back.changed.sets) == (Hold(60), 1)


def test_accepting_changes_only_the_suggested_step():
    plank = replace(step(Hold(30)), exercise=PLANK)
    other = replace(step(Hold(40)), exercise=PLANK)
    plan = routine(plank, other)
    [suggestion] = suggestions(plan, [step_records(plank)] * 2)
    assert accepted(plan, suggestion).steps == (replace(plank, dosage=Hold(35)), other)


def test_an_exercise_without_ranges_gets_no_suggestion():
    plank = step(Hold(30))
    assert suggestions(routine(plank), [step_records(plank)] * 2) == []


# --- properties ------------------------------------------------------------------------------

ranged_steps = st.builds(
    lambda low, span, step_by, sets_low, sets_span, amount, sets, held: replace(
        step(Hold(amount) if held else Reps(amount, 2.0), sets=sets),
        exercise=replace(EXERCISE, ranges=Ranges(
            hold=DosageRange(low, low + span, step_by), reps=DosageRange(low, low + span, step_by),
            sets=DosageRange(sets_low, sets_low + sets_span, 1))),
    ),  # fmt: skip
    st.integers(1, 60), st.integers(0, 30), st.integers(1, 10), st.integers(1, 3), st.integers(0, 3),
    st.integers(1, 100), st.integers(1, 6), st.booleans(),
)


@given(ranged_steps, st.data())
def test_a_suggestion_never_takes_a_step_past_its_range(a_step, data):
    done = [step_records(a_step), step_records(a_step)]
    for suggestion in suggestions(routine(a_step), done):
        if suggestion.changed is None:
            continue
        amount_range = a_step.exercise.ranges.hold or a_step.exercise.ranges.reps
        new_amount, old_amount = planned_amount(suggestion.changed)[0], planned_amount(a_step)[0]
        if new_amount != old_amount:
            assert amount_range.low <= new_amount <= amount_range.high
        if suggestion.changed.sets != a_step.sets:
            assert a_step.exercise.ranges.sets.low <= suggestion.changed.sets <= a_step.exercise.ranges.sets.high


@given(ranged_steps, st.integers(0, 1), st.data())
def test_nothing_is_suggested_after_a_skipped_set(a_step, which, data):
    skipped = frozenset({data.draw(st.integers(1, a_step.sets))})
    done = [step_records(a_step), step_records(a_step)]
    done[which] = step_records(a_step, skipped_sets=skipped)
    assert suggestions(routine(a_step), done) == []  # one session with a set undone: no step up, and no step back


@given(ranged_steps, st.lists(st.sets(st.integers(1, 6)), min_size=2, max_size=4))
def test_the_same_history_gives_the_same_answer(a_step, skipped_per_session):
    history = [step_records(a_step, skipped_sets=frozenset(skipped)) for skipped in skipped_per_session]
    assert suggestions(routine(a_step), history) == suggestions(routine(a_step), [list(s) for s in history])
