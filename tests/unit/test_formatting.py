"""Numbers as a person reads them: counts whose nouns agree with them; text that is not printable as escapes."""

from __future__ import annotations

import json
import tomllib

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from backfit_tui.core.formatting import (
    NO_BREAK_SPACE,
    counted,
    json_text,
    literal,
    plural,
    toml_escapes,
    unbroken_units,
)


def test_one_thing_is_singular_and_any_other_count_plural():
    assert [counted(n, "set") for n in (0, 1, 2)] == ["0 sets", "1 set", "2 sets"]
    assert counted(1.5, "breath") == "1.5 breaths"
    assert [plural(n, "file has", "files have") for n in (1, 3)] == ["file has", "files have"]


@given(st.integers(0, 10_000) | st.floats(0, 10_000, allow_nan=False).map(lambda x: round(x, 1)))
def test_a_count_is_written_as_it_is_and_its_noun_agrees(count):
    number, noun = counted(count, "rep").split(" ")
    assert float(number) == count
    assert noun == ("rep" if count == 1 else "reps")


def test_a_number_is_held_to_the_word_after_it_by_a_non_breaking_space():
    held = unbroken_units("1. Cat-cow — 10 reps, hold 4 s each (1.5 s per rep) × 3, rest 10 s  (12 min 30 s)")
    assert held == "1. Cat-cow — 10_reps, hold 4_s each (1.5_s per rep) × 3, rest 10_s  (12_min_30_s)".replace(
        "_", NO_BREAK_SPACE
    )
    assert unbroken_units("Set 2/3 · left, × 3 (") == "Set 2/3 · left, × 3 ("  # no word after the number


def test_a_duration_is_held_whole():
    held = unbroken_units("its planned active time (5 min 15 s), 1 h 5 min; 3 min and 10 s, 2 min 30 sets")
    assert held == "its planned active time (5_min_15_s), 1_h_5_min; 3_min and 10_s, 2_min 30_sets".replace(
        "_", NO_BREAK_SPACE
    )


any_text = st.text(st.characters(exclude_categories=[]))  # lone surrogates too: a file name's bytes that are not UTF-8


@given(any_text)
def test_literal_text_is_one_printable_line(text):
    assert literal(text).isprintable()
    assert literal(text) == text or not text.isprintable()


@given(any_text)
def test_json_text_is_printable_but_for_its_own_newlines_and_decodes_back(text):
    written = json_text({text: [text]})
    assert all(line.isprintable() for line in written.split("\n"))
    assert json.loads(written) == {text: [text]}


@given(st.text(st.characters(exclude_categories=["Cs"])))  # TOML holds no lone surrogates
def test_toml_escapes_keep_tomli_w_text_printable_and_loading_back(text):
    written = toml_escapes(tomli_w.dumps({text: text, "list": [text]}))
    assert all(line.isprintable() for line in written.split("\n"))
    assert tomllib.loads(written) == {text: text, "list": [text]}
