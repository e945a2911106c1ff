"""The exercise library file: each mistake in it gets one exact problem, and a small one works.

Each test writes an `exercises.toml` and checks the whole line `backfit validate` would print;
the TOML starts on line 1, so the line numbers can be counted by eye.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.loader_helpers import load, problems, toml

from backfit_tui.store.routines.routine_files import load_library
from backfit_tui.store.validation import LoadError

# --- The exercise library --------------------------------------------------------------------


def library_problems(tmp_path, source: str) -> tuple[Path, list[str]]:
    path = tmp_path / "exercises.toml"
    path.write_text(toml(source), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_library(path)
    return path, [str(p) for p in caught.value.problems]


def test_library_exercise_without_needs_floor_points_at_its_header(tmp_path):
    path, found = library_problems(
        tmp_path,
        """
        [cat-cow]
        name = "Cat-cow"
        category = "stretch"
        targets = ["lower back"]
        cues = ["On all fours", "Round and arch"]

        [plank]
        name = "Plank"
        category = "core"
        targets = ["abdominals"]
        cues = ["Forearms down", "Body in a line"]
        """,
    )
    assert found == [
        f"{path}:1: cat-cow.needs_floor: is missing; add it",
        f"{path}:7: plank.needs_floor: is missing; add it",
    ]


def test_library_bad_category(tmp_path):
    path, found = library_problems(
        tmp_path,
        """
        [plank]
        name = "Plank"
        category = "cardio"
        targets = ["abdominals"]
        needs_floor = true
        cues = ["Forearms down", "Body in a line"]
        """,
    )
    assert found == [
        f'{path}:3: plank.category: must be one of "stretch", "strength", "core", "mobility", got "cardio"'
    ]


def test_library_exercise_with_one_cue(tmp_path):
    path, found = library_problems(
        tmp_path,
        """
        [plank]
        name = "Plank"
        category = "core"
        targets = ["abdominals"]
        needs_floor = true
        cues = ["Forearms down"]
        """,
    )
    assert len(found) == 1
    assert found[0] == f"{path}:6: plank.cues: must be a list of 2 to 4 texts in quotes, got 1 item"


def test_library_unknown_key_and_needs_floor_that_is_not_a_boolean(tmp_path):
    path, found = library_problems(
        tmp_path,
        """
        [plank]
        name = "Plank"
        categroy = "core"
        targets = ["abdominals"]
        needs_floor = "yes"
        cues = ["Forearms down", "Body in a line"]
        """,
    )
    assert found == [
        f"{path}:1: plank.category: is missing; add it",
        f'{path}:3: plank.categroy: unknown key; did you mean "category"?',
        f'{path}:5: plank.needs_floor: must be true or false, got "yes"',
    ]


def test_library_entry_that_is_not_a_table(tmp_path):
    path, found = library_problems(tmp_path, 'plank = "Plank"\n')
    assert found == [f'{path}:1: plank: must be a table, got "Plank"']


def test_small_library_written_by_hand_serves_a_routine(tmp_path):
    lib_path = tmp_path / "exercises.toml"
    lib_path.write_text(
        toml(
            """
            [wall-sit]
            name = "Wall sit"
            category = "strength"
            targets = ["quadriceps"]
            needs_floor = false
            cues = ["Back flat on the wall", "Knees over ankles"]
            """
        ),
        encoding="utf-8",
    )
    small = load_library(lib_path)
    assert small["wall-sit"].equipment == ()
    assert small["wall-sit"].needs_floor is False
    routine = load(
        """
        name = "Legs"
        description = "One wall sit"

        [[steps]]
        exercise = "wall-sit"
        hold = 45
        """,
        small,
    )
    assert routine.steps[0].exercise is small["wall-sit"]
    assert routine.needs_floor is False
    # An id from the bundled library is unknown to this one.
    assert problems(
        """
        name = "Legs"
        description = "One plank"

        [[steps]]
        exercise = "plank"
        hold = 45
        """,
        small,
    ) == ['floor.toml:5: steps[1].exercise: unknown exercise "plank"; `backfit exercises` lists the ids']


def test_the_voices_words_for_an_exercise_are_kept_in_the_library(library):
    assert library["bird-dog"].moves == ("Hold", "Back")
    assert library["leg-elevation"].moves == ("Hold", "Lower") and library["leg-elevation"].side_word == "leg"
    assert library["bridge"].side_word == "side"


def test_an_exercises_moves_are_two_words(tmp_path):
    path, found = library_problems(
        tmp_path,
        """
        [plank]
        name = "Plank"
        category = "core"
        targets = ["abdominals"]
        needs_floor = true
        cues = ["Forearms down", "Body in a line"]
        moves = ["Hold"]
        """,
    )
    assert found == [f"{path}:7: plank.moves: must be a list of 2 to 2 texts in quotes, got 1 item"]
