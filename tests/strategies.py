"""Hypothesis strategies and small builders for routines, shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from backfit_tui.model import Breaths, Exercise, Hold, Reps, Routine, Sides, Step

EXERCISE = Exercise(
    id="plank", name="Plank", category="core", targets=("abdominals",), equipment=(),
    needs_floor=True, cues=("Forearms under shoulders", "Body in one long line"),
)  # fmt: skip


def step(dosage, **options) -> Step:
    """A step of the test exercise with `dosage` and any step options."""
    return Step(exercise=EXERCISE, dosage=dosage, **options)


def routine(*steps: Step, routine_id: str = "test") -> Routine:
    """A routine made of `steps`."""
    return Routine(id=routine_id, name="Test", description="A test routine.", steps=tuple(steps))


halves = st.integers(2, 20).map(lambda n: n / 2)  # 1.0, 1.5, … 10.0 seconds


@st.composite
def dosages(draw, paced_only: bool = False):
    kind = draw(st.sampled_from(["hold", "breaths", "reps"]))
    if kind == "hold":
        return Hold(draw(st.integers(1, 90)))
    if kind == "breaths":
        return Breaths(draw(st.integers(1, 12)), draw(halves), draw(halves))
    paced = paced_only or draw(st.booleans())
    tempo = draw(halves) if paced else None
    hold = draw(st.none() | st.integers(1, 10)) if paced else None
    return Reps(draw(st.integers(1, 15)), tempo, hold)


@st.composite
def steps(draw, paced_only: bool = False):
    dosage = draw(dosages(paced_only))
    sides = draw(st.sampled_from(list(Sides) if isinstance(dosage, Reps) else [Sides.NONE, Sides.EACH]))
    return step(
        dosage,
        sets=draw(st.integers(1, 4)),
        rest_between_sets=draw(st.integers(0, 60)),
        sides=sides,
        switch=draw(st.integers(0, 10)),
        rest_after=draw(st.integers(0, 60)),
    )


@st.composite
def routines(draw, paced_only: bool = False):
    return routine(*draw(st.lists(steps(paced_only), min_size=1, max_size=5)))
