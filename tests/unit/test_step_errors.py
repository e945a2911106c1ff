"""Every mistake a person can make inside a `[[steps]]` table gets one exact, helpful problem.

Unknown step keys, a missing or doubled dosage, numbers of the wrong kind or out of range,
unknown exercises, sides, pacing keys that do not fit the dosage kind, and cues. Each test checks
the whole line `backfit validate` would print; the TOML starts on line 1, so the line numbers
can be counted by eye.
"""

from __future__ import annotations

from support.loader_helpers import HOLD_RANGE, problems

# --- Step keys and dosage kinds --------------------------------------------------------------


def test_unknown_step_key_suggests_the_nearest(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hodl = 30
    """
    assert problems(source, library) == [
        "floor.toml:4: steps[1]: needs exactly one of hold, breaths or reps (found none); e.g. `hold = 30`",
        'floor.toml:6: steps[1].hodl: unknown key; did you mean "hold"?',
    ]


def test_step_with_no_dosage_points_at_its_header(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        sets = 2
    """
    assert problems(source, library) == [
        "floor.toml:4: steps[1]: needs exactly one of hold, breaths or reps (found none); e.g. `hold = 30`"
    ]


def test_step_with_two_dosages(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = 30
        reps = 10
    """
    assert problems(source, library) == [
        "floor.toml:4: steps[1]: needs exactly one of hold, breaths or reps (found hold and reps); e.g. `hold = 30`"
    ]


def test_missing_exercise_points_at_the_step_header(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        hold = 30
    """
    assert problems(source, library) == ["floor.toml:4: steps[1].exercise: is missing; add it"]


def test_hold_out_of_range_in_the_second_step(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = 30

        [[steps]]
        exercise = "childs-pose"
        hold = -5
    """
    assert problems(source, library) == [f"floor.toml:10: steps[2].hold: {HOLD_RANGE}, got -5"]


def test_hold_above_the_maximum(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = 3601
    """
    assert problems(source, library) == [f"floor.toml:6: steps[1].hold: {HOLD_RANGE}, got 3601"]


def test_float_where_a_whole_number_is_needed(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = 30.5
    """
    assert problems(source, library) == [f"floor.toml:6: steps[1].hold: {HOLD_RANGE}, got 30.5"]


def test_whole_float_is_still_not_a_whole_number(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = 30
        sets = 2.0
    """
    assert problems(source, library) == [
        "floor.toml:7: steps[1].sets: must be a whole number of sets between 1 and 20, got 2.0"
    ]


def test_boolean_is_not_a_number(library):
    # TOML `true` must not sneak through as 1 (Python's bool is an int).
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = true
    """
    assert problems(source, library) == [f"floor.toml:6: steps[1].hold: {HOLD_RANGE}, got true"]


def test_boolean_is_not_a_number_for_decimal_keys_either(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "cat-cow"
        breaths = 10
        inhale = true
    """
    assert problems(source, library) == [
        "floor.toml:7: steps[1].inhale: must be a number of seconds between 1 and 20, got true"
    ]


def test_string_where_a_number_is_needed(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = "30"
    """
    assert problems(source, library) == [f'floor.toml:6: steps[1].hold: {HOLD_RANGE}, got "30"']


def test_nan_and_infinity_are_not_seconds(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "cat-cow"
        breaths = 10
        inhale = nan
        exhale = inf
    """
    assert problems(source, library) == [
        "floor.toml:7: steps[1].inhale: must be a number of seconds between 1 and 20, got nan",
        "floor.toml:8: steps[1].exhale: must be a number of seconds between 1 and 20, got inf",
    ]


def test_unknown_exercise_suggests_the_nearest_id(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plnak"
        hold = 30
    """
    assert problems(source, library) == [
        'floor.toml:5: steps[1].exercise: unknown exercise "plnak"; did you mean "plank"?'
    ]


def test_unknown_exercise_far_from_any_points_to_the_list(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "handstand"
        hold = 30
    """
    assert problems(source, library) == [
        'floor.toml:5: steps[1].exercise: unknown exercise "handstand"; `backfit exercises` lists the ids'
    ]


def test_bad_sides_value_lists_the_allowed_ones(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "seated-twist"
        hold = 30
        sides = "both"
    """
    assert problems(source, library) == [
        'floor.toml:7: steps[1].sides: must be one of "none", "each", "alternating", got "both"'
    ]


def test_alternating_sides_on_a_hold_step(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "seated-twist"
        hold = 30
        sides = "alternating"
    """
    assert problems(source, library) == [
        'floor.toml:7: steps[1].sides: can be "alternating" only on a reps step; '
        'use "each" to do one side, then the other'
    ]


def test_hold_per_rep_needs_seconds_per_rep(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "bird-dog"
        reps = 10
        hold_per_rep = 4
    """
    assert problems(source, library) == [
        "floor.toml:7: steps[1].hold_per_rep: needs seconds_per_rep too, so the app can time each held rep"
    ]


def test_hold_per_rep_problem_on_an_alternating_reps_step_does_not_blame_the_sides(library):
    # The step IS a reps step: "alternating only on a reps step" would be wrong here.
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "bird-dog"
        reps = 10
        hold_per_rep = 4
        sides = "alternating"
    """
    assert problems(source, library) == [
        "floor.toml:7: steps[1].hold_per_rep: needs seconds_per_rep too, so the app can time each held rep"
    ]


def test_bad_rep_count_on_an_alternating_reps_step_does_not_blame_the_sides(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "bird-dog"
        reps = 0
        sides = "alternating"
    """
    assert problems(source, library) == [
        "floor.toml:6: steps[1].reps: must be a whole number of reps between 1 and 200, got 0"
    ]


def test_inhale_on_a_hold_step(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = 30
        inhale = 4
    """
    assert problems(source, library) == [
        "floor.toml:7: steps[1].inhale: belongs to a breaths step; remove it from this hold step"
    ]


def test_seconds_per_rep_on_a_breaths_step(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "cat-cow"
        breaths = 10
        seconds_per_rep = 2
    """
    assert problems(source, library) == [
        "floor.toml:7: steps[1].seconds_per_rep: belongs to a reps step; remove it from this breaths step"
    ]


def test_too_many_cues(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = 30
        cues = ["one", "two", "three", "four", "five"]
    """
    assert problems(source, library) == [
        "floor.toml:7: steps[1].cues: must be a list of 1 to 4 texts in quotes, got 5 items"
    ]


def test_empty_cue_list(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = 30
        cues = []
    """
    assert problems(source, library) == [
        "floor.toml:7: steps[1].cues: must be a list of 1 to 4 texts in quotes, got 0 items"
    ]


def test_cue_that_is_not_text(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = 30
        cues = ["Brace", 3]
    """
    assert problems(source, library) == [
        "floor.toml:7: steps[1].cues: every item must be text in quotes, got 3"
    ]


def test_step_that_is_not_a_table(library):
    source = """
        name = "Floor"
        description = "A stretch"
        steps = ["plank"]
    """
    assert problems(source, library) == ['floor.toml: steps[1]: must be a table, got "plank"']
