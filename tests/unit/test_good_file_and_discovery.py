"""A good routine file loads into exactly the routine it describes, and folders of them are found.

`discover` lists every routine file in the bundled and user folders: a broken or unreadable file
becomes an entry with its problems rather than hiding the others, and a user's file replaces the
bundled one with the same id.
"""

from __future__ import annotations

import pytest
from support.loader_helpers import HOLD_RANGE, load, toml

from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.model import Routine, Sides, Step
from backfit_tui.store.locations import bundled_routines_dir
from backfit_tui.store.routines.routine_files import discover, load_routine

# --- A good file -----------------------------------------------------------------------------


GOOD = """
    name = "Morning back"
    description = "Breaths, a plank, bird dogs, a twist and bridges."
    tags = ["floor", "core"]
    sources = ["How To Fix Back Pain"]

    [[steps]]
    exercise = "cat-cow"
    breaths = 10

    [[steps]]
    exercise = "plank"
    hold = 30
    sets = 3
    rest_between_sets = 10
    rest_after = 15

    [[steps]]
    exercise = "bird-dog"
    reps = 10
    seconds_per_rep = 2.5
    hold_per_rep = 4
    sides = "alternating"
    cues = ["Reach long", "Keep the hips level"]

    [[steps]]
    exercise = "seated-twist"
    hold = 20
    sides = "each"

    [[steps]]
    exercise = "bridge"
    reps = 8
"""


def test_good_file_loads_into_the_expected_routine(tmp_path, library):
    path = tmp_path / "morning-back.toml"
    path.write_text(toml(GOOD), encoding="utf-8")
    assert load_routine(path, library) == Routine(
        id="morning-back",
        name="Morning back",
        description="Breaths, a plank, bird dogs, a twist and bridges.",
        tags=("floor", "core"),
        sources=("How To Fix Back Pain",),
        steps=(
            Step(library["cat-cow"], Breaths(10, inhale=3.0, exhale=3.0)),
            Step(library["plank"], Hold(30), sets=3, rest_between_sets=10, rest_after=15),
            Step(
                library["bird-dog"],
                Reps(10, seconds_per_rep=2.5, hold_per_rep=4),
                sides=Sides.ALTERNATING,
                cues=("Reach long", "Keep the hips level"),
            ),
            Step(library["seated-twist"], Hold(20), sides=Sides.EACH, switch=5),
            Step(library["bridge"], Reps(8, seconds_per_rep=None, hold_per_rep=None)),
        ),
    )


def test_good_file_defaults(library):
    routine = load(GOOD, library)
    breaths, plank, bird_dog, twist, bridge = routine.steps
    assert breaths.dosage == Breaths(10, 3.0, 3.0)
    assert (breaths.sets, breaths.rest_between_sets, breaths.rest_after) == (1, 0, 0)
    assert breaths.sides is Sides.NONE
    assert twist.switch == 5
    assert bridge.dosage.paced is False
    assert bird_dog.dosage.paced is True
    assert plank.cues == () and plank.form_cues == library["plank"].cues
    assert bird_dog.form_cues == ("Reach long", "Keep the hips level")


def test_text_is_trimmed(library):
    routine = load(
        """
        name = "  Floor  "
        description = " A stretch "

        [[steps]]
        exercise = "plank"
        hold = 30
        """,
        library,
    )
    assert (routine.name, routine.description) == ("Floor", "A stretch")


def test_routine_id_is_the_file_name_without_toml(tmp_path, library):
    path = tmp_path / "my-own.toml"
    path.write_text(toml(GOOD), encoding="utf-8")
    assert load_routine(path, library).id == "my-own"


# --- Discovering routine folders -------------------------------------------------------------


BROKEN = """
    name = "Broken"
    description = "Has a bad hold"

    [[steps]]
    exercise = "plank"
    hold = -5
"""


def test_discover_lists_a_bad_file_with_its_problems_next_to_the_good_ones(tmp_path, library):
    user = tmp_path / "routines"
    user.mkdir()
    (user / "mine.toml").write_text(toml(GOOD), encoding="utf-8")
    (user / "broken.toml").write_text(toml(BROKEN), encoding="utf-8")
    (user / "notes.txt").write_text("not a routine", encoding="utf-8")

    entries = discover([(bundled_routines_dir(), "bundled"), (user, "user")], library)
    by_id = {entry.id: entry for entry in entries}

    bundled_ids = {path.stem for path in bundled_routines_dir().glob("*.toml")}
    assert set(by_id) == bundled_ids | {"mine", "broken"}
    assert all(by_id[i].routine is not None and by_id[i].problems == () for i in bundled_ids)
    assert by_id["mine"].routine is not None and by_id["mine"].origin == "user"
    broken = by_id["broken"]
    assert broken.routine is None
    assert broken.origin == "user"
    assert broken.path == user / "broken.toml"
    assert [str(p) for p in broken.problems] == [
        f"{user / 'broken.toml'}:6: steps[1].hold: {HOLD_RANGE}, got -5"
    ]


def test_discover_lists_an_unreadable_file_as_an_entry_with_problems(tmp_path, library):
    user = tmp_path / "routines"
    user.mkdir()
    (user / "folder.toml").mkdir()
    (user / "loop.toml").symlink_to("loop.toml")
    (user / "mine.toml").write_text(toml(GOOD), encoding="utf-8")
    entries = {e.id: e for e in discover([(user, "user")], library)}
    assert entries["mine"].routine is not None
    assert entries["folder"].routine is None
    assert [str(p) for p in entries["folder"].problems] == [
        f"{user / 'folder.toml'}: cannot be read: Is a directory"
    ]
    assert [str(p) for p in entries["loop"].problems] == [
        f"{user / 'loop.toml'}: is a symbolic link that loops; point it at a file, or remove it"
    ]


def test_discover_survives_a_file_the_toml_parser_chokes_on(tmp_path, library):
    # Deep nesting makes tomllib raise RecursionError; one such file must not hide the rest.
    user = tmp_path / "routines"
    user.mkdir()
    (user / "mine.toml").write_text(toml(GOOD), encoding="utf-8")
    (user / "deep.toml").write_text("x = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    failure = None
    try:
        entries = {e.id: e for e in discover([(user, "user")], library)}
    except Exception as err:  # noqa: BLE001 - a RecursionError traceback is thousands of lines
        failure = f"discover raised {type(err).__name__}: {err}"
    if failure:
        pytest.fail(failure)
    assert entries["mine"].routine is not None
    assert entries["deep"].routine is None
    assert entries["deep"].problems
    assert str(entries["deep"].problems[0]).startswith(str(user / "deep.toml"))


def test_user_routine_wins_over_the_bundled_one_with_the_same_id(tmp_path, library):
    user = tmp_path / "routines"
    user.mkdir()
    mine = toml(GOOD).replace('name = "Morning back"', 'name = "My floor stretch"')
    (user / "floor-stretch.toml").write_text(mine, encoding="utf-8")

    entries = discover([(bundled_routines_dir(), "bundled"), (user, "user")], library)
    floor = [entry for entry in entries if entry.id == "floor-stretch"]
    assert len(floor) == 1
    assert floor[0].origin == "user"
    assert floor[0].path == user / "floor-stretch.toml"
    assert floor[0].routine.name == "My floor stretch"


def test_a_broken_user_copy_still_wins_so_its_problems_are_shown(tmp_path, library):
    user = tmp_path / "routines"
    user.mkdir()
    (user / "floor-stretch.toml").write_text(toml(BROKEN), encoding="utf-8")
    entries = [e for e in discover([(bundled_routines_dir(), "bundled"), (user, "user")], library)
               if e.id == "floor-stretch"]
    assert len(entries) == 1
    assert entries[0].origin == "user" and entries[0].routine is None and entries[0].problems


def test_discover_skips_a_missing_folder(tmp_path, library):
    entries = discover([(tmp_path / "nowhere", "user"), (bundled_routines_dir(), "bundled")], library)
    assert {e.id for e in entries} == {p.stem for p in bundled_routines_dir().glob("*.toml")}


def test_discover_sorts_by_name(tmp_path, library):
    user = tmp_path / "routines"
    user.mkdir()
    for file_id, name in [("a", "Zebra walk"), ("b", "apple stretch"), ("c", "Mango twist")]:
        (user / f"{file_id}.toml").write_text(
            toml(GOOD).replace('name = "Morning back"', f'name = "{name}"'), encoding="utf-8"
        )
    assert [e.id for e in discover([(user, "user")], library)] == ["b", "c", "a"]
