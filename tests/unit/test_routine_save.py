"""Saving routines: tidy TOML that loads back into exactly the same routine, written atomically."""

from __future__ import annotations

import os
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.model import Routine, Sides, Step
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.routine_files import load_routine, routine_toml, save_routine

CATALOG = load_catalog()
LIBRARY = CATALOG.library

one_line = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=20)
words = one_line.map(str.strip).filter(bool)
tenths = st.integers(10, 200).map(lambda n: n / 10)  # 1.0 … 20.0 seconds


@st.composite
def dosages(draw):
    kind = draw(st.sampled_from(["hold", "breaths", "reps"]))
    if kind == "hold":
        return Hold(draw(st.integers(1, 3600)))
    if kind == "breaths":
        return Breaths(draw(st.integers(1, 100)), draw(tenths), draw(tenths))
    tempo = draw(st.none() | tenths)
    hold = draw(st.none() | st.integers(1, 120)) if tempo is not None else None
    return Reps(draw(st.integers(1, 200)), tempo, hold)


@st.composite
def steps(draw):
    dosage = draw(dosages())
    sides = draw(st.sampled_from(list(Sides) if isinstance(dosage, Reps) else [Sides.NONE, Sides.EACH]))
    return Step(
        exercise=LIBRARY[draw(st.sampled_from(sorted(LIBRARY)))], dosage=dosage,
        sets=draw(st.integers(1, 20)), rest_between_sets=draw(st.integers(0, 600)), sides=sides,
        switch=draw(st.integers(0, 60)), rest_after=draw(st.integers(0, 600)),
        cues=tuple(draw(st.lists(words, max_size=4))),
    )  # fmt: skip


@st.composite
def routines(draw):
    return Routine(
        id="saved", name=draw(words), description=draw(words), steps=tuple(draw(st.lists(steps(), min_size=1, max_size=6))),
        tags=tuple(draw(st.lists(words, max_size=10))), sources=tuple(draw(st.lists(words, max_size=3))),
    )  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(routine=routines())
def test_any_valid_routine_survives_save_and_load_unchanged(routine, tmp_path_factory):
    folder = tmp_path_factory.mktemp("saved")
    assert load_routine(save_routine(routine, folder), LIBRARY) == routine


@pytest.mark.parametrize("entry", CATALOG.entries, ids=lambda e: e.id)
def test_every_bundled_routine_round_trips(entry, tmp_path):
    assert load_routine(save_routine(entry.routine, tmp_path), LIBRARY) == entry.routine


def test_the_file_is_tidy_for_a_person(tmp_path):
    routine = Routine("mine", "Mine", "Two steps.", (
        Step(LIBRARY["plank"], Hold(30), sets=2, rest_between_sets=15),
        Step(LIBRARY["cat-cow"], Breaths(10, 3.0, 4.5)),
    ))  # fmt: skip
    assert routine_toml(routine) == (
        'name = "Mine"\ndescription = "Two steps."\n\n'
        '[[steps]]\nexercise = "plank"\nhold = 30\nsets = 2\nrest_between_sets = 15\n\n'
        '[[steps]]\nexercise = "cat-cow"\nbreaths = 10\nexhale = 4.5\n'
    )


def test_a_crash_between_write_and_rename_leaves_the_old_file_intact(tmp_path, monkeypatch):
    plank = next(e.routine for e in CATALOG.entries if e.id == "core-stability")
    path = save_routine(plank, tmp_path)
    before = path.read_bytes()

    def crash(*args):
        raise OSError("the machine went down")

    monkeypatch.setattr(os, "replace", crash)
    changed = Routine(plank.id, "Changed", plank.description, plank.steps)
    with pytest.raises(OSError):
        save_routine(changed, tmp_path)
    assert path.read_bytes() == before
    assert list(tmp_path.glob(".*")) == []  # the temporary file is gone too


def test_a_saved_routine_gets_the_permissions_the_umask_gives(tmp_path, umask):
    umask(0o022)
    path = save_routine(CATALOG.entries[0].routine, tmp_path / "new")  # the folder is made too
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
