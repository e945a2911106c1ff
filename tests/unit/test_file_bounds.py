"""Every file read within the bound of its kind, refused past it with its size; and TOML refused before it is
parsed when its keys or nesting are past what tomllib can bear."""

from __future__ import annotations

from pathlib import Path

import pytest

from backfit_tui.store import locations
from backfit_tui.store.files import FileKind, FileTooLarge, read_regular_file
from backfit_tui.store.routines.routine_files import load_routine
from backfit_tui.store.settings import load_settings_or_defaults
from backfit_tui.store.toml_limits import MAX_KEY_PARTS, MAX_NESTING
from backfit_tui.store.validation import LoadError, parse_toml

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


# --- Keys and nesting tomllib never sees -------------------------------------------------------------------------


def key_of(parts: int) -> str:
    return ".".join(f"k{n}" for n in range(parts))


def test_a_key_of_too_many_dotted_parts_is_refused_at_its_line():
    for text, line in [(f"a = 1\n{key_of(MAX_KEY_PARTS + 1)} = 1\n", 2), (f"x = 1\n\n[{key_of(20)}]\n", 3),
                       ('x = 1\n"a"' + '."b"' * MAX_KEY_PARTS + " = 1\n", 2), (f"t = {{ {key_of(12)} = 1 }}\n", 1),
                       (f"a = 1\n{' . '.join(['k'] * 11)} = 1\n", 2)]:  # fmt: skip
        with pytest.raises(LoadError) as caught:
            parse_toml(text.encode(), Path("f.toml"))
        assert str(caught.value) == (f"f.toml:{line}: has a key of more than {MAX_KEY_PARTS} dotted parts, which no"
                                     " backfit file needs; is it the right file?")  # fmt: skip


def test_nesting_too_deep_is_refused_at_its_line():
    with pytest.raises(LoadError) as caught:
        parse_toml(("a = 1\nb = " + "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1)).encode(), Path("f.toml"))
    assert str(caught.value).startswith(f"f.toml:2: nests lists or tables more than {MAX_NESTING} deep")


def test_dots_and_brackets_that_are_not_keys_or_nesting_are_read_as_ever():
    text = "\n".join([
        f"{key_of(MAX_KEY_PARTS)} = 1",
        f'text = "{key_of(50)} = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["',
        f"literal = '{key_of(50)}'",
        f'multi = """\n{key_of(50)} = 1\n{"[" * 40}\n"""',
        f"multi_literal = '''\n{key_of(50)}\n'''",
        f"# {key_of(50)} {'[' * 40}",
        "numbers = [1.5, -2.25e3, +inf, 1979-05-27T07:32:00.999-07:00, 1979-05-27 07:32:00.5, 0x1F]",
        "deep = " + "[" * MAX_NESTING + "]" * MAX_NESTING,
    ])  # fmt: skip
    document, _ = parse_toml(text.encode(), Path("f.toml"))
    assert document["text"].startswith(key_of(50)) and document["multi"].startswith(key_of(50))
