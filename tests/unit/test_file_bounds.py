"""Every file read within the bound of its kind, and refused past it with its size."""

from __future__ import annotations

from pathlib import Path

import pytest

from backfit_tui.store import locations
from backfit_tui.store.files import FileKind, FileTooLarge, read_regular_file
from backfit_tui.store.routines import load_routine
from backfit_tui.store.settings import load_settings_or_defaults
from backfit_tui.store.validation import LoadError

# --- Every kind's bound --------------------------------------------------------------------------------------


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as file:
        file.truncate(size)
    return path


@pytest.mark.parametrize("kind", FileKind)
def test_each_kind_of_file_is_read_up_to_its_bound_and_refused_past_it(tmp_path, kind):
    assert read_regular_file(sparse(tmp_path / "at", kind.limit), kind) == bytes(kind.limit)
    with pytest.raises(FileTooLarge, match=f"more than the .* a {kind.noun} may hold"):
        read_regular_file(sparse(tmp_path / "past", kind.limit + 1), kind)


def test_a_routine_past_its_bound_is_refused_with_its_size(tmp_path, library):
    path = sparse(tmp_path / "big.toml", 5 * 2**20)
    with pytest.raises(LoadError) as caught:
        load_routine(path, library)
    assert str(caught.value) == f"{path}: is 5 MB, more than the 1 MB a routine may hold; is it the right file?"


def test_a_settings_file_past_its_bound_leaves_the_defaults_and_says_so():
    sparse(locations.settings_file(), 300 * 2**20)
    settings = load_settings_or_defaults(locations.settings_file())
    assert settings.weekly_goal == 3
    assert [p.message for p in settings.warnings] == [
        "is 300 MB, more than the 256 KB a settings file may hold; is it the right file?; "
        "the default settings are used until it is fixed"
    ]
