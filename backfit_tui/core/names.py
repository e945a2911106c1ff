"""Telling routines' names apart as a person reads them: names that only look alike are the same name."""

from __future__ import annotations

import unicodedata

# Cyrillic and Greek letters drawn like Latin ones in common fonts, and the Latin letter each passes for.
# Our own short table, by case (casefolding would part `В` from `B`), not Unicode's whole confusables list.
_LOOK_ALIKE_PAIRS = (
    ("АВЕКМНОРСТХЅІЈҮԚԜӀ", "ABEKMHOPCTXSIJYQWI"),  # Cyrillic capitals
    ("аеорсухѕіјһԁԛԝӏѵү", "aeopcyxsijhdqwlvy"),  # Cyrillic small letters
    ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"),  # Greek capitals
    ("αικνορυχ", "aikvopux"),  # Greek small letters
)
LOOK_ALIKES = {
    other: latin for others, latins in _LOOK_ALIKE_PAIRS for other, latin in zip(others, latins, strict=True)
}
_TO_LATIN = str.maketrans(LOOK_ALIKES)

# Characters drawn as nothing that are not format characters (those are all left out): the combining grapheme
# joiner, Hangul fillers, Mongolian free variation selectors and the variation selectors.
_INVISIBLE_RANGES = (
    (0x034F, 0x034F), (0x115F, 0x1160), (0x180B, 0x180D), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0),
    (0xE0100, 0xE01EF),
)  # fmt: skip


def invisible(ch: str) -> bool:
    """Whether `ch` is drawn as nothing: a format character (zero-width space or joiner, a bidi mark, override
    or isolate, a soft hyphen) or another default-ignorable one."""
    return unicodedata.category(ch) == "Cf" or any(low <= ord(ch) <= high for low, high in _INVISIBLE_RANGES)


def folded_name(name: str) -> str:
    """`name` as it is compared with other names: two names that read the same fold to the same text.

    Compatibility forms become plain ones (NFKC: `ﬁ` is `fi`, full-width letters are letters), case is
    folded, invisible characters are left out, Cyrillic and Greek look-alikes of Latin letters become
    those letters (with any accent they carry), and whitespace is one space between words. Folding a
    folded name changes nothing.
    """
    visible = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not invisible(ch))
    # Look-alikes are replaced before casefolding, by case, and after it for the small letters it makes.
    folded = unicodedata.normalize("NFKD", visible.translate(_TO_LATIN).casefold()).translate(_TO_LATIN)
    return " ".join(unicodedata.normalize("NFC", folded).split())
