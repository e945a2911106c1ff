"""The editor's draft: edits as typed, checked by the routine loader with its own messages."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w

from backfit_tui.core.dosages import Hold, Reps
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.draft import (
    Draft,
    FormProblem,
    field_hint,
    field_text,
    free_id,
    kind_fields,
    save_draft,
    step_kind,
    typed_value,
)
from backfit_tui.store.routines.routine_files import parse_routine, routine_toml
from backfit_tui.store.validation import LoadError

CATALOG = load_catalog()
LIBRARY = CATALOG.library


def test_a_new_draft_becomes_a_routine_step_by_step():
    draft = Draft("mine", name="Mine", description="A plank and bird dogs.", tags="core, floor")
    assert draft.check(LIBRARY)[1] == [FormProblem("steps", "Steps: add at least one step (a) — up to 50")]
    draft.add_step(LIBRARY["plank"])
    draft.add_step(LIBRARY["bird-dog"])
    draft.set_step_field(1, "reps", "8")
    draft.set_step_field(1, "seconds_per_rep", "2.5")
    draft.set_step_field(1, "sides", "alternating")
    routine, problems = draft.check(LIBRARY)
    assert problems == []
    assert [s.dosage for s in routine.steps] == [Hold(20), Reps(8, 2.5)]
    assert routine.tags == ("core", "floor")


def texts(problems: list[FormProblem]) -> list[str]:
    return [problem.text for problem in problems]


def test_bad_entries_get_the_loaders_messages_named_as_the_form_names_them():
    draft = Draft("mine", name="Mine", description="x")
    draft.add_step(LIBRARY["plank"])
    draft.set_step_field(0, "hold", "0")
    draft.set_step_field(0, "sets", "two")
    draft.set_step_field(0, "inhale", "3")
    routine, problems = draft.check(LIBRARY)
    assert routine is None and texts(problems) == [
        "Step 1, inhale: belongs to a breaths step; remove it from this hold step",
        "Step 1, hold: must be a whole number of seconds between 1 and 3600, got 0",
        'Step 1, sets: must be a whole number of sets between 1 and 20, got "two"',
    ]
    assert {problem.field for problem in problems} == {"steps"}


def loader_says(document: dict) -> list[str]:
    with pytest.raises(LoadError) as raised:
        parse_routine(tomli_w.dumps(document).encode(), Path("mine.toml"), LIBRARY)
    return [f"{problem.key}: {problem.message}" for problem in raised.value.problems]


def test_one_rule_is_worded_for_the_file_by_the_loader_and_for_the_form_by_the_draft():
    draft = Draft("mine", name="", description="x", tags=", ".join(f"tag{n}" for n in range(11)))
    assert loader_says(draft.document()) == [
        "name: must be one line of 1 to 60 characters, got 0 characters",
        "tags: must be a list of 0 to 10 texts in quotes, got 11 items",
        "steps: must be 1 to 50 [[steps]] tables, got 0 steps",
    ]
    assert draft.check(LIBRARY)[1] == [
        FormProblem("name", "Name: must be one line of 1 to 60 characters, got 0 characters"),
        FormProblem("tags", "Tags: needs 0 to 10, got 11 items"),
        FormProblem("steps", "Steps: add at least one step (a) — up to 50"),
    ]
    for _ in range(51):
        draft.add_step(LIBRARY["plank"])
    assert "Steps: has 51 steps; remove some (x) — up to 50" in texts(draft.check(LIBRARY)[1])
    draft.steps[1:] = []
    draft.set_step_field(0, "hold", "")
    assert loader_says(draft.document())[-1] == (
        "steps[1]: needs exactly one of hold, breaths or reps (found none); e.g. `hold = 30`"
    )
    assert texts(draft.check(LIBRARY)[1])[-1] == "Step 1: needs an amount (hold, breaths or reps); type one"


def test_a_step_added_from_the_library_starts_as_its_exercise_does():
    draft = Draft("mine", name="Mine", description="x")
    for exercise in ("cat-cow", "childs-pose", "band-pull-apart", "cobra"):
        draft.add_step(LIBRARY[exercise])
    assert draft.steps == [
        {"exercise": "cat-cow", "breaths": 10},  # its range: 10 to 15 breaths
        {"exercise": "childs-pose", "hold": 30},  # 30 to 60 s
        {"exercise": "band-pull-apart", "reps": 12, "sets": 2},  # 12 to 15 reps, 2 to 3 sets
        {"exercise": "cobra", "breaths": 5},  # breaths or reps: the first kind it gives
    ]
    draft.set_step_kind(3, "reps", LIBRARY["cobra"])
    draft.set_step_kind(1, "reps", LIBRARY["childs-pose"])
    assert (draft.steps[3], draft.steps[1]) == (
        {"exercise": "cobra", "reps": 8},  # the low end of its reps
        {"exercise": "childs-pose", "reps": 10},  # no range of reps: the usual 10
    )
    assert draft.check(LIBRARY)[1] == []


def test_an_empty_field_shows_what_it_stands_for():
    cat_cow = LIBRARY["cat-cow"]
    hints = {key: field_hint(key, cat_cow) for key in kind_fields("breaths")}
    assert hints == {
        "breaths": "10 to 15", "inhale": "3 (default)", "exhale": "3 (default)", "sets": "1 (default)",
        "rest_between_sets": "0 (default)", "sides": "none (default)", "switch": "5 (default)",
        "rest_after": "0 (default)", "cues": "; ".join(cat_cow.cues),
    }  # fmt: skip
    assert [field_hint(key, cat_cow) for key in ("hold", "seconds_per_rep", "hold_per_rep")] == [
        "", "self-paced", "no hold",
    ]  # fmt: skip


def test_sides_are_chosen_and_the_default_leaves_the_file_as_it_was():
    draft = Draft("mine", name="Mine", description="x")
    draft.add_step(LIBRARY["bird-dog"])
    draft.set_step_field(0, "sides", "alternating")
    assert draft.steps[0] == {"exercise": "bird-dog", "reps": 8, "sides": "alternating"}
    draft.set_step_field(0, "sides", "none")
    assert draft.steps[0] == {"exercise": "bird-dog", "reps": 8}


def test_past_fifty_problems_the_editor_shows_how_many_more():
    draft = Draft("mine", name="Mine", description="x")
    for index in range(30):
        draft.add_step(LIBRARY["plank"])
        draft.set_step_field(index, "hold", "0")
        draft.set_step_field(index, "sets", "two")
    routine, problems = draft.check(LIBRARY)
    assert routine is None
    assert problems[49].text == 'Step 25, sets: must be a whole number of sets between 1 and 20, got "two"'
    assert problems[50:] == [FormProblem("", "and 10 more problems")]


def test_a_step_changes_kind_keeping_the_fields_every_kind_shares():
    draft = Draft("mine", name="Mine", description="x")
    cat_cow = LIBRARY["cat-cow"]
    draft.add_step(cat_cow)
    draft.set_step_field(0, "sets", "2")
    draft.set_step_kind(0, "hold", cat_cow)
    assert draft.steps == [{"exercise": "cat-cow", "hold": 30, "sets": 2}]
    draft.set_step_kind(0, "breaths", cat_cow)
    assert draft.steps == [{"exercise": "cat-cow", "breaths": 10, "sets": 2}]
    draft.set_step_field(0, "inhale", "4")
    draft.set_step_kind(0, "reps", cat_cow)
    assert draft.steps == [{"exercise": "cat-cow", "reps": 10, "sets": 2}]  # the breath's pace is gone
    draft.set_step_field(0, "reps", "6")
    draft.set_step_kind(0, "reps", cat_cow)
    assert draft.steps[0]["reps"] == 6  # already reps: nothing changes
    assert draft.check(LIBRARY)[1] == []


def test_each_kind_of_step_shows_its_own_fields_and_the_shared_ones():
    shared = ("sets", "rest_between_sets", "sides", "switch", "rest_after", "cues")
    assert kind_fields("hold") == ("hold", *shared)
    assert kind_fields("breaths") == ("breaths", "inhale", "exhale", *shared)
    assert kind_fields("reps") == ("reps", "seconds_per_rep", "hold_per_rep", *shared)
    assert [step_kind(s) for s in ({"hold": 5}, {"breaths": 3}, {"reps": 2, "sets": 2}, {})] == [
        "hold", "breaths", "reps", "hold",
    ]  # fmt: skip


def test_cues_are_typed_on_one_line_and_split_at_semicolons():
    draft = Draft("mine", name="Mine", description="x")
    draft.add_step(LIBRARY["plank"])
    draft.set_step_field(0, "cues", " Keep your hips level;  breathe out slowly ; ")
    assert draft.steps[0]["cues"] == ["Keep your hips level", "breathe out slowly"]
    routine, problems = draft.check(LIBRARY)
    assert problems == []
    assert routine.steps[0].form_cues == ("Keep your hips level", "breathe out slowly")
    assert field_text(draft.steps[0]["cues"]) == "Keep your hips level; breathe out slowly"
    draft.set_step_field(0, "cues", ";")
    assert texts(draft.check(LIBRARY)[1]) == ["Step 1, cues: needs 1 to 4, got 0 items"]
    draft.set_step_field(0, "cues", "")
    assert "cues" not in draft.steps[0]  # the library's cues apply again
    assert draft.check(LIBRARY)[0].steps[0].form_cues == LIBRARY["plank"].cues


def test_steps_move_and_go():
    draft = Draft("mine", name="Mine", description="x")
    for exercise in ("plank", "bridge", "superman"):
        draft.add_step(LIBRARY[exercise])
    assert draft.move_step(2, -1) == 1
    assert draft.move_step(0, -1) == 0
    draft.remove_step(0)
    assert [s["exercise"] for s in draft.steps] == ["superman", "bridge"]


def test_a_bundled_routine_is_a_draft_that_checks_back_to_itself():
    routine = next(e.routine for e in CATALOG.entries if e.id == "core-stability")
    copy = Draft.from_routine(routine, "my-core", "My core")
    checked, problems = copy.check(LIBRARY)
    assert problems == [] and checked.steps == routine.steps and checked.name == "My core"


def test_ids_come_from_names_and_never_clash():
    assert free_id("My back, gently!", set()) == "my-back-gently"
    assert free_id("Desk break", {"desk-break", "desk-break-2"}) == "desk-break-3"
    assert free_id("???", set()) == "routine"
    assert (typed_value("30"), typed_value("2.5"), typed_value(" x ")) == (30, 2.5, "x")


# --- saving into the opened file's own text ---------------------------------------------------

COMMENTED = """\
# My plank, after the physio's sheet.
name = "My plank"  # as the menu shows it
description = "A plank and bird dogs."
tags = [
    "core",
    "floor",
]

# The plank: hold it, don't hold your breath.
[[steps]]
exercise = "plank"
hold = 20  # up from 15 in May

[[steps]]
exercise = "bird-dog"
reps = 8
cues = ["Keep your hips level"]  # from the sheet
"""


def opened(tmp_path, text=COMMENTED) -> Draft:
    path = tmp_path / "my-plank.toml"
    path.write_text(text)
    return Draft.from_file(path, LIBRARY)


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if "#" in line]


def test_values_changed_added_and_removed_are_written_in_the_files_own_text(tmp_path):
    draft = opened(tmp_path)
    draft.set_step_field(0, "hold", "25")
    draft.set_step_field(1, "sets", "2")  # not in the file: a new line after its step's last key
    draft.set_step_field(1, "cues", "")  # removed, with the comment on its line
    draft.tags = "core"  # written over three lines, now one
    routine, _ = draft.check(LIBRARY)
    assert not draft.drops_own_text(routine, LIBRARY)
    written = save_draft(draft, routine, tmp_path, LIBRARY)
    text = written.path.read_text()
    assert text == COMMENTED.replace("hold = 20", "hold = 25").replace(
        'tags = [\n    "core",\n    "floor",\n]', 'tags = ["core"]'
    ).replace('cues = ["Keep your hips level"]  # from the sheet', "sets = 2")
    assert parse_routine(text.encode(), written.path, LIBRARY) == routine


def test_a_step_added_at_the_end_is_written_after_the_files_own_text(tmp_path):
    draft = opened(tmp_path)
    draft.add_step(LIBRARY["cat-cow"])
    draft.set_step_field(2, "breaths", "12")
    routine, _ = draft.check(LIBRARY)
    assert not draft.drops_own_text(routine, LIBRARY)
    assert draft.file_text(routine, LIBRARY) == COMMENTED + '\n[[steps]]\nexercise = "cat-cow"\nbreaths = 12\n'


def test_a_step_removed_moved_or_added_before_the_end_writes_the_file_anew_and_says_so_first(tmp_path):
    for edit in (
        lambda d: d.add_step(LIBRARY["cat-cow"], after=0),
        lambda d: d.remove_step(1),
        lambda d: d.move_step(0, 1),
    ):
        draft = opened(tmp_path)
        edit(draft)
        routine, _ = draft.check(LIBRARY)
        assert draft.drops_own_text(routine, LIBRARY)
        text = save_draft(draft, routine, tmp_path, LIBRARY).path.read_text()
        assert comments(text) == []
        assert parse_routine(text.encode(), tmp_path / "my-plank.toml", LIBRARY) == routine


def test_a_step_moved_and_moved_back_keeps_its_own_lines(tmp_path):
    draft = opened(tmp_path)
    draft.move_step(0, 1)
    draft.move_step(1, -1)
    draft.set_step_field(0, "hold", "25")
    routine, _ = draft.check(LIBRARY)
    assert not draft.drops_own_text(routine, LIBRARY)
    assert draft.file_text(routine, LIBRARY) == COMMENTED.replace("hold = 20", "hold = 25")


def test_a_file_without_comments_of_its_own_is_written_anew_without_a_word(tmp_path):
    draft = opened(tmp_path, routine_toml(CATALOG.find("desk-break").routine))
    draft.remove_step(0)
    routine, _ = draft.check(LIBRARY)
    assert not draft.drops_own_text(routine, LIBRARY)


def test_a_layout_not_followed_is_written_anew_and_loads_as_the_draft(tmp_path):
    inline = 'name = "My plank" # mine\ndescription = "A plank."\nsteps = [{exercise = "plank", hold = 20}]\n'
    draft = opened(tmp_path, inline)
    draft.set_step_field(0, "hold", "25")
    routine, _ = draft.check(LIBRARY)
    assert draft.drops_own_text(routine, LIBRARY)
    assert parse_routine(draft.file_text(routine, LIBRARY).encode(), tmp_path / "my-plank.toml", LIBRARY) == routine


def test_after_a_save_the_next_one_edits_the_file_as_saved(tmp_path):
    draft = opened(tmp_path)
    draft.add_step(LIBRARY["cat-cow"])
    routine, _ = draft.check(LIBRARY)
    draft.written(save_draft(draft, routine, tmp_path, LIBRARY))
    (tmp_path / "my-plank.toml").write_text("# mine now\n" + (tmp_path / "my-plank.toml").read_text())
    draft = Draft.from_file(tmp_path / "my-plank.toml", LIBRARY)
    draft.set_step_field(2, "breaths", "12")
    routine, _ = draft.check(LIBRARY)
    assert draft.file_text(routine, LIBRARY).startswith("# mine now\n")
