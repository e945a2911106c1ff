"""The bundled routines load, and keep the dosages the source articles state.

Every exercise, dosage and cue in ``routines/`` comes from five reference articles. Where an
article states a dosage (a hold time, a breath count, reps, sets, sides), the table below pins it,
so an edit that drifts from the article fails here. Values the articles leave open ("a few
seconds", pacing, rests) are our choice and are deliberately not pinned.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.model import Sides
from backfit_tui.store.locations import bundled_routines_dir
from backfit_tui.store.routines.routine_files import load_routine

ARTICLES = {
    "000": "Essential Back Exercises for Core Strength & Relief",
    "001": "What Workouts Are Good For Your Back?",
    "002": "How To Fix Back Pain",
    "003": "Strengthen Your Back Muscles and Alleviate Pain: A Comprehensive Guide",
    "004": "6 Back Strengthening Exercises",
}

PLANNED_ROUTINES = {
    "desk-break",
    "floor-stretch",
    "core-stability",
    "six-strengtheners",
    "upper-back-band",
    "back-pain-relief",
}

MAX_CUE_LENGTH = 70

ROUTINE_FILES = sorted(Path(bundled_routines_dir()).glob("*.toml"))
ROUTINE_IDS = [path.stem for path in ROUTINE_FILES]


@pytest.fixture(scope="module")
def routines(library):
    return {path.stem: load_routine(path, library) for path in ROUTINE_FILES}


def _load_or_fail(path, library):
    try:
        return load_routine(path, library)
    except Exception as error:  # RoutineError carries .problems; show them all
        problems = getattr(error, "problems", None) or [str(error)]
        pytest.fail(f"{path.name} does not load:\n" + "\n".join(map(str, problems)))


# --- Loading ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ROUTINE_FILES, ids=ROUTINE_IDS)
def test_every_bundled_routine_loads_without_problems(path, library):
    routine = _load_or_fail(path, library)
    assert routine.id == path.stem
    assert routine.steps, f"{path.name} has no steps"


def test_there_are_at_least_six_bundled_routines():
    assert len(ROUTINE_FILES) >= 6


def test_all_six_planned_routines_are_bundled():
    assert PLANNED_ROUTINES <= set(ROUTINE_IDS)


@pytest.mark.parametrize("path", ROUTINE_FILES, ids=ROUTINE_IDS)
def test_routine_sources_are_reference_article_titles(path, library):
    routine = _load_or_fail(path, library)
    assert routine.sources, f"{routine.id} names no source article"
    unknown = set(routine.sources) - set(ARTICLES.values())
    assert not unknown, f"{routine.id} cites titles that are not reference articles: {unknown}"


# --- Dosages stated in the articles ----------------------------------------------------------
#
# (article, routine id, step index from 0, exercise id, dosage kind, stated dosage fields,
#  sets, sides). Only what the article states is checked: for Reps that is `count` and, where
# the article gives a hold time, `hold_per_rep`; pacing (seconds_per_rep) is ours.

STATED_DOSAGES = [
    # 000 "Essential Back Exercises for Core Strength & Relief"
    ("000", "floor-stretch", 0, "cat-cow", Breaths, {"count": 10}, 1, Sides.NONE),
    ("000", "floor-stretch", 1, "childs-pose", Hold, {"seconds": 30}, 1, Sides.NONE),
    ("000", "floor-stretch", 3, "seated-twist", Hold, {"seconds": 30}, 1, Sides.EACH),
    # 001 "What Workouts Are Good For Your Back?"
    ("001", "core-stability", 0, "plank", Hold, {"seconds": 30}, 1, Sides.NONE),
    ("001", "core-stability", 1, "bridge", Reps, {"count": 10}, 2, Sides.NONE),
    ("001", "core-stability", 2, "bird-dog", Reps, {"count": 10}, 2, Sides.ALTERNATING),
    ("001", "back-pain-relief", 0, "childs-pose", Hold, {"seconds": 30}, 3, Sides.NONE),
    ("001", "back-pain-relief", 1, "knee-rolls", Reps, {"count": 3, "hold_per_rep": 30}, 1, Sides.EACH),
    ("001", "back-pain-relief", 2, "cat-cow", Breaths, {"count": 10}, 1, Sides.NONE),
    # 002 "How To Fix Back Pain"
    ("002", "upper-back-band", 0, "band-pull-apart", Reps, {"count": 12}, 2, Sides.NONE),
    ("002", "upper-back-band", 1, "band-seated-row", Reps, {"count": 12}, 2, Sides.NONE),
    # 004 "6 Back Strengthening Exercises": all seven steps of its six exercises, in order
    ("004", "six-strengtheners", 0, "bird-dog", Reps,
     {"count": 10, "hold_per_rep": 4}, 3, Sides.ALTERNATING),
    ("004", "six-strengtheners", 1, "prone-opposite-arm-leg", Reps,
     {"count": 10, "hold_per_rep": 4}, 3, Sides.ALTERNATING),
    ("004", "six-strengtheners", 2, "leg-elevation", Reps,
     {"count": 10, "hold_per_rep": 30}, 3, Sides.EACH),
    ("004", "six-strengtheners", 3, "bridge", Reps,
     {"count": 10, "hold_per_rep": 10}, 1, Sides.NONE),
    ("004", "six-strengtheners", 4, "standing-hip-flexion", Reps, {"count": 5}, 1, Sides.ALTERNATING),
    ("004", "six-strengtheners", 5, "lumbar-torso-raise", Reps, {"count": 8}, 4, Sides.NONE),
    ("004", "six-strengtheners", 6, "side-lying-oblique-lift", Reps, {"count": 10}, 3, Sides.EACH),
    ("004", "desk-break", 3, "standing-hip-flexion", Reps, {"count": 5}, 1, Sides.ALTERNATING),
]


def _case_id(case):
    article, routine_id, index, exercise_id = case[:4]
    return f"article{article}-{routine_id}-step{index + 1}-{exercise_id}"


@pytest.mark.parametrize(
    ("article", "routine_id", "index", "exercise_id", "kind", "fields", "sets", "sides"),
    STATED_DOSAGES,
    ids=[_case_id(case) for case in STATED_DOSAGES],
)
def test_step_keeps_the_dosage_its_article_states(
    routines, article, routine_id, index, exercise_id, kind, fields, sets, sides
):
    routine = routines[routine_id]
    assert ARTICLES[article] in routine.sources, (
        f"{routine_id} takes a dosage from {ARTICLES[article]!r} but does not cite it"
    )
    assert index < len(routine.steps), f"{routine_id} has no step {index + 1}"
    step = routine.steps[index]
    assert step.exercise.id == exercise_id
    assert isinstance(step.dosage, kind), f"expected a {kind.__name__} step, got {step.dosage!r}"
    for field, expected in fields.items():
        assert getattr(step.dosage, field) == expected, f"{field} of {step.dosage!r}"
    assert step.sets == sets
    assert step.sides == sides


def test_six_strengtheners_follows_the_article_order_and_nothing_else(routines):
    steps = routines["six-strengtheners"].steps
    assert [step.exercise.id for step in steps] == [
        "bird-dog",  # 1. arms and legs opposite, on hands and knees
        "prone-opposite-arm-leg",  # 2. arms and legs opposite, on the belly
        "leg-elevation",  # 3. leg elevation
        "bridge",  # 4. pelvis elevation
        "standing-hip-flexion",  # 5. hip flexion
        "lumbar-torso-raise",  # 6. lumbar ...
        "side-lying-oblique-lift",  # ... and obliques
    ]


def test_six_strengtheners_paces_every_held_rep(routines):
    # A hold per rep only works when the app paces the reps.
    for step in routines["six-strengtheners"].steps:
        if isinstance(step.dosage, Reps) and step.dosage.hold_per_rep is not None:
            assert step.dosage.seconds_per_rep is not None, step.exercise.id


# --- Routine-specific promises ---------------------------------------------------------------


def test_desk_break_never_sends_you_to_the_floor(routines):
    on_floor = [s.exercise.id for s in routines["desk-break"].steps if s.exercise.needs_floor]
    assert on_floor == []


def test_desk_break_needs_no_equipment(routines):
    with_kit = [s.exercise.id for s in routines["desk-break"].steps if s.exercise.equipment]
    assert with_kit == []


def test_upper_back_band_routine_uses_a_resistance_band(routines):
    for step in routines["upper-back-band"].steps:
        assert "resistance band" in step.exercise.equipment, step.exercise.id


# --- The exercise library --------------------------------------------------------------------


def test_every_library_exercise_has_two_to_four_cues(library):
    wrong = {ex_id: len(ex.cues) for ex_id, ex in library.items() if not 2 <= len(ex.cues) <= 4}
    assert wrong == {}


def test_every_cue_is_short_enough_to_read_mid_exercise(library, routines):
    cues = [cue for ex in library.values() for cue in ex.cues]
    cues += [cue for routine in routines.values() for step in routine.steps for cue in step.cues]
    too_long = [cue for cue in cues if len(cue) > MAX_CUE_LENGTH]
    assert too_long == []


def test_every_library_exercise_names_its_target_muscles(library):
    assert [ex_id for ex_id, ex in library.items() if not ex.targets] == []



@pytest.mark.parametrize(
    ("exercise_id", "says", "never_says"),
    [
        # Lying face down, the arm and leg start level with the floor: they lift just off it.
        ("prone-opposite-arm-leg", "just off the floor", "level with the floor"),
        # Each breath is in and out, one shape each: not one shape per breath.
        ("cat-cow", "in to one shape, out to the other", "one shape per breath"),
        # Both shoulder blades stay on the floor: the person lies on the back.
        ("knee-rolls", "on your back", "lie down with"),
    ],
)
def test_the_cues_say_how_the_move_is_done(library, exercise_id, says, never_says):
    cues = " ".join(library[exercise_id].cues).lower()
    assert says in cues and never_says not in cues
