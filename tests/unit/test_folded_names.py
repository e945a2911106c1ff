"""Routines' names folded as a person reads them: names that only look alike fold to the same text."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from backfit_tui.core.names import LOOK_ALIKES, folded_name

any_text = st.text(st.characters(exclude_categories=[]))  # lone surrogates too, as a file name may hold

# A name as people write them: Latin letters (some accented), digits, punctuation and single spaces.
WRITTEN = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éüñ-,'()& "))
INVISIBLES = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066", "\u034f"])
SPACES = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u2003", " \u3000"])


def look_alikes(letter: str) -> list[str]:
    """`letter` and every character that passes for it in either case: itself, its other case, its look-alikes."""
    others = (other for other, latin in LOOK_ALIKES.items() if latin.lower() == letter.lower())
    return [letter, letter.swapcase(), *others]


@st.composite
def written_alike(draw, name: str) -> str:
    """A name that reads as `name`: letters in another case or script, invisible characters here and there, other
    spaces between the words and around them, accents composed or not."""
    alike = draw(SPACES) if draw(st.booleans()) else ""
    for ch in name:
        if ch == " ":
            alike += draw(SPACES)
        elif ch.isascii() and ch.isalpha():
            alike += draw(st.sampled_from(look_alikes(ch)))
        else:
            alike += ch
        if draw(st.integers(0, 3)) == 0:
            alike += draw(INVISIBLES)
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), alike)


@settings(max_examples=1000)
@given(any_text)
def test_folding_a_folded_name_changes_nothing(name):
    assert folded_name(folded_name(name)) == folded_name(name)


@settings(max_examples=500)
@given(st.data())
def test_a_name_and_the_names_that_look_like_it_fold_the_same(data):
    name = data.draw(WRITTEN)
    assert folded_name(data.draw(written_alike(name))) == folded_name(name)


def test_names_that_only_look_alike_fold_the_same():
    desk_break = folded_name("Desk break")
    assert desk_break == "desk break"
    for alike in (
        "Desk  break", " desk break\t", "DESK BREAK", "Desk\u00a0break", "De\u200bsk break", "Desk bre\u200dak",
        "D\u0435sk br\u0435ak",  # Cyrillic е
        "Dеsk brеаk",  # Cyrillic е and а
        "\u202eDesk break", "Ｄｅｓｋ ｂｒｅａｋ",  # a bidi override; full-width letters
    ):  # fmt: skip
        assert folded_name(alike) == desk_break, alike
    assert folded_name("Café") == folded_name("Cafe\u0301") == folded_name("CAFÉ")
    assert folded_name("Ёлка") == folded_name("Ëлка")  # a look-alike keeps its accent


def test_names_that_read_differently_stay_apart():
    assert len({folded_name(n) for n in ("Desk break", "Desk breaks", "Deskbreak", "Desk-break", "Desk break 2")}) == 5
