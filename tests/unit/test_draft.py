"""The editor's draft: edits as typed, checked by the routine loader with its own messages."""

from __future__ import annotations

from backfit_tui.core.model import Hold, Reps
from backfit_tui.store.catalog import load_catalog
from backfit_tui.store.draft import Draft, field_text, free_id, kind_fields, step_kind, typed_value

CATALOG = load_catalog()
LIBRARY = CATALOG.library


def test_a_new_draft_becomes_a_routine_step_by_step():
    draft = Draft("mine", name="Mine", description="A plank and bird dogs.", tags="core, floor")
    assert draft.check(LIBRARY)[1] == ["steps: must be 1 to 50 [[steps]] tables, got 0 steps"]
    draft.add_step("plank")
    draft.add_step("bird-dog")
    draft.set_step_field(1, "hold", "")
    draft.set_step_field(1, "reps", "8")
    draft.set_step_field(1, "seconds_per_rep", "2.5")
    draft.set_step_field(1, "sides", "alternating")
    routine, problems = draft.check(LIBRARY)
    assert problems == []
    assert [s.dosage for s in routine.steps] == [Hold(30), Reps(8, 2.5)]
    assert routine.tags == ("core", "floor")


def test_bad_entries_get_the_loaders_messages():
    draft = Draft("mine", name="Mine", description="x")
    draft.add_step("plank")
    draft.set_step_field(0, "hold", "0")
    draft.set_step_field(0, "sets", "two")
    draft.set_step_field(0, "inhale", "3")
    assert draft.check(LIBRARY) == (None, [
        "steps[1].inhale: belongs to a breaths step; remove it from this hold step",
        "steps[1].hold: must be a whole number of seconds between 1 and 3600, got 0",
        'steps[1].sets: must be a whole number of sets between 1 and 20, got "two"',
    ])  # fmt: skip


def test_past_fifty_problems_the_editor_shows_how_many_more():
    draft = Draft("mine", name="Mine", description="x")
    for index in range(30):
        draft.add_step("plank")
        draft.set_step_field(index, "hold", "0")
        draft.set_step_field(index, "sets", "two")
    routine, problems = draft.check(LIBRARY)
    assert routine is None
    assert problems[49] == 'steps[25].sets: must be a whole number of sets between 1 and 20, got "two"'
    assert problems[50:] == ["and 10 more problems"]


def test_a_step_changes_kind_keeping_the_fields_every_kind_shares():
    draft = Draft("mine", name="Mine", description="x")
    draft.add_step("cat-cow")
    draft.set_step_field(0, "sets", "2")
    draft.set_step_kind(0, "breaths")
    assert draft.steps == [{"exercise": "cat-cow", "breaths": 10, "sets": 2}]
    draft.set_step_field(0, "inhale", "4")
    draft.set_step_kind(0, "reps")
    assert draft.steps == [{"exercise": "cat-cow", "reps": 10, "sets": 2}]  # the breath's pace is gone
    draft.set_step_field(0, "reps", "6")
    draft.set_step_kind(0, "reps")
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
    draft.add_step("plank")
    draft.set_step_field(0, "cues", " Keep your hips level;  breathe out slowly ; ")
    assert draft.steps[0]["cues"] == ["Keep your hips level", "breathe out slowly"]
    routine, problems = draft.check(LIBRARY)
    assert problems == []
    assert routine.steps[0].form_cues == ("Keep your hips level", "breathe out slowly")
    assert field_text(draft.steps[0]["cues"]) == "Keep your hips level; breathe out slowly"
    draft.set_step_field(0, "cues", ";")
    assert draft.check(LIBRARY)[1] == ["steps[1].cues: must be a list of 1 to 4 texts in quotes, got 0 items"]
    draft.set_step_field(0, "cues", "")
    assert "cues" not in draft.steps[0]  # the library's cues apply again
    assert draft.check(LIBRARY)[0].steps[0].form_cues == LIBRARY["plank"].cues


def test_steps_move_and_go():
    draft = Draft("mine", name="Mine", description="x")
    for exercise in ("plank", "bridge", "superman"):
        draft.add_step(exercise)
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
