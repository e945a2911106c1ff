"""Numbers as a person reads them: counts whose nouns agree with them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from backfit_tui.formatting import counted, plural


def test_one_thing_is_singular_and_any_other_count_plural():
    assert [counted(n, "set") for n in (0, 1, 2)] == ["0 sets", "1 set", "2 sets"]
    assert counted(1.5, "breath") == "1.5 breaths"
    assert [plural(n, "file has", "files have") for n in (1, 3)] == ["file has", "files have"]


@given(st.integers(0, 10_000) | st.floats(0, 10_000, allow_nan=False).map(lambda x: round(x, 1)))
def test_a_count_is_written_as_it_is_and_its_noun_agrees(count):
    number, noun = counted(count, "rep").split(" ")
    assert float(number) == count
    assert noun == ("rep" if count == 1 else "reps")
