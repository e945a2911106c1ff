"""Mistakes in reading a routine file and in its top-level keys each get one exact, helpful problem.

Each test writes a small routine with one mistake (or, under "Line numbers", several) and checks
the whole line `backfit validate` would print: file, line (and column for TOML syntax), key path
with steps counted from 1, what is wrong and what is allowed. The TOML in each test starts on
line 1, so the line numbers in the expected messages can be counted by eye. Mistakes inside a
step are in test_step_errors.py; the exercise library's own in test_exercise_library.py.
"""

from __future__ import annotations

import pytest
from support.loader_helpers import FILE, HOLD_RANGE, problems

from backfit_tui.store.routines.routine_files import load_routine, parse_routine
from backfit_tui.store.validation import LoadError

# --- Reading the file ------------------------------------------------------------------------


def test_toml_syntax_error_gives_line_and_column(library):
    source = """
        name = "Floor"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold =
    """
    assert problems(source, library) == [
        "floor.toml:6:7: invalid TOML: Invalid value; fix the syntax at this spot"
    ]


def test_unclosed_string_is_a_toml_syntax_error_at_the_end_of_its_line(library):
    source = """
        name = "Floor
        description = "A stretch"
    """
    assert problems(source, library) == [
        "floor.toml:1:14: invalid TOML: Illegal character '\\n'; fix the syntax at this spot"
    ]


def test_toml_syntax_error_at_the_end_of_the_document_gives_the_last_line(library):
    source = b'name = "Floor"\ndescription = "A stretch"\ntags = ["floor",'
    assert problems(source, library) == [
        "floor.toml:3: invalid TOML: Invalid value; fix the syntax at this spot"
    ]


def test_file_that_is_not_utf8_names_the_byte_and_its_line(library):
    source = b'name = "Floor"\ndescription = "Caf\xe9 stretch"\n'  # Latin-1, not UTF-8
    assert problems(source, library) == [
        "floor.toml:2: is not UTF-8 text (byte 0xe9); save it as UTF-8"
    ]


def test_unreadable_file_says_why(tmp_path, library):
    # A directory named like a routine: cannot be read, even by root (chmod would not stop root).
    path = tmp_path / "x.toml"
    path.mkdir()
    with pytest.raises(LoadError) as caught:
        load_routine(path, library)
    assert [str(p) for p in caught.value.problems] == [f"{path}: cannot be read: Is a directory"]


def test_windows_line_endings_keep_line_numbers_right(library):
    source = 'name = "Floor"\r\ndescription = "A stretch"\r\n\r\n[[steps]]\r\nexercise = "plank"\r\nhold = -5\r\n'
    assert problems(source.encode(), library) == [
        f"floor.toml:6: steps[1].hold: {HOLD_RANGE}, got -5"
    ]


def test_utf8_byte_order_mark_is_not_reported_as_a_syntax_error(library):
    # Some Windows editors save "UTF-8 with BOM". Either accept it or say what it is; a bare
    # "Invalid statement" at 1:1 leaves the person staring at a first line that looks fine.
    source = '\ufeffname = "Floor"\ndescription = "A stretch"\n\n[[steps]]\nexercise = "plank"\nhold = 30\n'
    try:
        routine = parse_routine(source.encode("utf-8"), FILE, library)
    except LoadError as err:
        message = "\n".join(str(p) for p in err.problems)
        assert "byte order mark" in message.lower() or "bom" in message.lower(), message
    else:
        assert routine.name == "Floor"


# --- Top-level keys --------------------------------------------------------------------------


def test_missing_name_description_and_steps_are_each_reported(library):
    source = """
        tags = ["floor"]
    """
    # A missing top-level key has no line of its own to point at; the key path names it.
    assert problems(source, library) == [
        "floor.toml: name: is missing; add it",
        "floor.toml: description: is missing; add it",
        "floor.toml: steps: is missing; add it",
    ]


def test_empty_steps_list(library):
    source = """
        name = "Floor"
        description = "A stretch"
        steps = []
    """
    assert problems(source, library) == [
        "floor.toml:3: steps: must be 1 to 50 [[steps]] tables, got 0 steps"
    ]


def test_steps_that_is_not_a_list_of_tables(library):
    source = """
        name = "Floor"
        description = "A stretch"
        steps = "plank"
    """
    assert problems(source, library) == [
        'floor.toml:3: steps: must be 1 to 50 [[steps]] tables, got "plank"'
    ]


def test_unknown_top_level_key_suggests_the_nearest(library):
    source = """
        name = "Floor"
        description = "A stretch"
        tgas = ["floor"]

        [[steps]]
        exercise = "plank"
        hold = 30
    """
    assert problems(source, library) == ['floor.toml:3: tgas: unknown key; did you mean "tags"?']


def test_unknown_top_level_key_far_from_any_lists_the_allowed_keys(library):
    source = """
        name = "Floor"
        description = "A stretch"
        difficulty = 3

        [[steps]]
        exercise = "plank"
        hold = 30
    """
    assert problems(source, library) == [
        "floor.toml:3: difficulty: unknown key; allowed keys: name, description, tags, sources, steps"
    ]


def test_misspelled_steps_header_points_at_the_header(library):
    # `[[step]]` instead of `[[steps]]` is an easy slip; the problem should point at line 4.
    source = """
        name = "Floor"
        description = "A stretch"

        [[step]]
        exercise = "plank"
        hold = 30
    """
    assert problems(source, library) == [
        'floor.toml:4: step: unknown key; did you mean "steps"?',
        "floor.toml: steps: is missing; add it",
    ]


def test_name_that_is_not_text(library):
    source = """
        name = 42
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = 30
    """
    assert problems(source, library) == ["floor.toml:1: name: must be text in quotes, got 42"]


def test_name_that_is_too_long(library):
    source = f"""
        name = "{'x' * 61}"
        description = "A stretch"

        [[steps]]
        exercise = "plank"
        hold = 30
    """
    assert problems(source, library) == [
        "floor.toml:1: name: must be one line of 1 to 60 characters, got 61 characters"
    ]


# --- Line numbers ----------------------------------------------------------------------------


def test_key_in_the_second_steps_table_points_at_its_exact_line(library):
    # Both steps have `sets`; comments and blank lines sit between them. Only step 2's is wrong.
    source = """
        # Comment on line 1
        name = "Floor"
        description = "A stretch"

        [[steps]]               # line 5
        exercise = "plank"
        hold = 30
        sets = 2

        # a comment between the steps
        [[steps]]               # line 11
        exercise = "childs-pose"

        hold = 30
        sets = 0                # line 15
        rest_after = 10
    """
    assert problems(source, library) == [
        "floor.toml:15: steps[2].sets: must be a whole number of sets between 1 and 20, got 0"
    ]


def test_line_numbers_count_only_newlines(library):
    # A comment pasted from the web can carry U+2028 (LINE SEPARATOR); TOML, editors and the
    # syntax-error path count lines by "\n" only, so the problem is still on line 6.
    source = 'name = "Floor"\ndescription = "A stretch"\n# pasted\u2028note\n[[steps]]\nexercise = "plank"\nhold = -5\n'
    assert problems(source.encode("utf-8"), library) == [
        f"floor.toml:6: steps[1].hold: {HOLD_RANGE}, got -5"
    ]


def test_several_problems_in_one_file_are_all_reported(library):
    source = """
        name = "Floor"
        description = "A stretch"
        tgas = ["floor"]

        [[steps]]
        exercise = "plnak"
        hold = 30

        [[steps]]
        exercise = "cat-cow"
        breaths = 0
        inhale = 30

        [[steps]]
        exercise = "seated-twist"
        hold = 30
        sides = "alternating"
        switch = -1
    """
    assert problems(source, library) == [
        'floor.toml:3: tgas: unknown key; did you mean "tags"?',
        'floor.toml:6: steps[1].exercise: unknown exercise "plnak"; did you mean "plank"?',
        "floor.toml:11: steps[2].breaths: must be a whole number of breaths between 1 and 100, got 0",
        "floor.toml:12: steps[2].inhale: must be a number of seconds between 1 and 20, got 30",
        'floor.toml:17: steps[3].sides: can be "alternating" only on a reps step; '
        'use "each" to do one side, then the other',
        "floor.toml:18: steps[3].switch: must be a whole number of seconds between 0 and 60, got -1",
    ]


def test_problems_are_listed_in_the_order_of_their_lines(library):
    source = """
        description = "A stretch"
        tags = "floor"
        difficulty = 3

        [[steps]]
        exercise = "plank"
        hold = -1
        setz = 2

        [[steps]]
        exercise = "plonk"
        sets = 0
    """
    assert problems(source, library) == [
        "floor.toml:2: tags: must be a list of 0 to 10 texts in quotes, got \"floor\"",
        "floor.toml:3: difficulty: unknown key; allowed keys: name, description, tags, sources, steps",
        f"floor.toml:7: steps[1].hold: {HOLD_RANGE}, got -1",
        'floor.toml:8: steps[1].setz: unknown key; did you mean "sets"?',
        "floor.toml:10: steps[2]: needs exactly one of hold, breaths or reps (found none); e.g. `hold = 30`",
        'floor.toml:11: steps[2].exercise: unknown exercise "plonk"; did you mean "plank"?',
        "floor.toml:12: steps[2].sets: must be a whole number of sets between 1 and 20, got 0",
        "floor.toml: name: is missing; add it",  # no line of its own: after those that have one
    ]


def test_a_key_that_needs_quotes_is_shown_quoted():
    from backfit_tui.store.validation import format_key

    assert format_key(("steps", 0, ".0")) == 'steps[1].".0"'
    assert format_key(("chimes", "work_start")) == "chimes.work_start"


# --- A flood of problems ---------------------------------------------------------------------


def test_past_twenty_unknown_keys_one_line_counts_the_rest(library):
    notes = "".join(f"note_{n} = 1\n" for n in range(1, 2021))
    source = f'name = "Floor"\ndescription = "A stretch"\n[[steps]]\nexercise = "plank"\nhold = 30\n{notes}'
    found = problems(source.encode(), library)
    assert len(found) == 21
    assert found[0].startswith("floor.toml:6: steps[1].note_1: unknown key; ")
    assert found[19].startswith("floor.toml:25: steps[1].note_20: unknown key; ")
    assert found[20] == "floor.toml: and 2,000 more unknown keys"


def test_other_problems_are_listed_after_the_unknown_keys_up_to_fifty_in_all(library):
    notes = "".join(f"note_{n} = 1\n" for n in range(1, 26))
    bad_steps = '[[steps]]\nexercise = "plank"\nhold = -5\n' * 40
    source = f'name = "Floor"\ndescription = "A stretch"\n[[steps]]\nexercise = "plank"\nhold = 30\n{notes}{bad_steps}'
    found = problems(source.encode(), library)
    assert len(found) == 51
    assert found[19].startswith("floor.toml:25: steps[1].note_20: unknown key; ")
    assert found[20] == f"floor.toml:33: steps[2].hold: {HOLD_RANGE}, got -5"
    assert found[49] == f"floor.toml:120: steps[31].hold: {HOLD_RANGE}, got -5"
    assert found[50] == "floor.toml: and 15 more problems"
