"""Turning numbers and untrusted text into what a person reads, the same on every screen.

Text from files and file names is untrusted: a character `str.isprintable()` refuses (a control
character, and so every terminal escape sequence; a bidi override or other format character; a lone
surrogate that stands for a byte of a file name that is not UTF-8) is written as an escape wherever
it is shown, in the notation of what shows it: Python's in a terminal, JSON's or TOML's in those files.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

NO_BREAK_SPACE = "\u00a0"
# A space between a number and the word after it: `55 s`, `10 reps`, `hold 4 s each`.
NUMBER_THEN_WORD = re.compile(r"(?<=\d) (?=[^\W\d_])")
# A space inside a duration, between its hours or minutes and the number after them: `5 min 15 s`, `1 h 5 min`.
INSIDE_DURATION = re.compile(r"(?:(?<=\d h)|(?<=\d min)) (?=\d+ (?:min|s)\b)")


def duration(seconds: float) -> str:
    """`45 s`, `3 min`, `12 min 30 s`, `1 h 5 min`: a planned length, rounded up to the second."""
    total = math.ceil(seconds - 1e-9)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


def unbroken_units(text: str) -> str:
    """`text` with a non-breaking space between each number and the word after it, and inside each duration, so
    that a line wrapped on screen never leaves `55` at the end of one line and `s` at the start of the next, nor
    parts `5 min` from its `15 s`."""
    return NUMBER_THEN_WORD.sub(NO_BREAK_SPACE, INSIDE_DURATION.sub(NO_BREAK_SPACE, text))


def plural(count: float, singular: str, plural_form: str | None = None) -> str:
    """The words that agree with `count`: `singular` for one, else `plural_form` (by default with an s)."""
    if count == 1:
        return singular
    return plural_form or singular + "s"


def counted(count: float, singular: str, plural_form: str | None = None) -> str:
    """`1 set`, `3 sets`, `0 breaths`: a count and its noun, agreeing."""
    return f"{count:g} {plural(count, singular, plural_form)}"


def clock_face(seconds: float) -> str:
    """`0:07`, `12:30`, `1:05:00`: a countdown as the digits show it (whole seconds, rounded up)."""
    total = max(math.ceil(seconds - 1e-9), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def _escaped(text: str, escape: Callable[[str], str]) -> str:
    """`text` with each character that is not printable written as `escape` writes it."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else escape(ch) for ch in text)


def literal(text: str) -> str:
    """`text` as one line a terminal shows and never obeys: `\\x1b`, `\\u202e`, `\\n` for what is not printable."""
    return _escaped(text, lambda ch: repr(ch)[1:-1])


def json_text(data: Any) -> str:
    """`data` as indented JSON for scripts, with every character that is not printable as `\\uXXXX`.

    It is safe to print to a terminal and decodes back to the same text; other characters stay as
    they are, so names in any language are readable.
    """
    text = json.dumps(data, indent=2, ensure_ascii=False)
    # JSON's own newlines are the only ones left (a string's are `\n`), so each line is escaped alone.
    return "\n".join(_escaped(line, lambda ch: json.dumps(ch)[1:-1]) for line in text.split("\n"))


def toml_escapes(toml: str) -> str:
    """TOML text as tomli-w writes it, with every character that is not printable as `\\uXXXX` or `\\UXXXXXXXX`.

    tomli-w writes basic strings (no comments, no literal strings) and escapes only ASCII control
    characters in them, so whatever else is not printable stands in a basic string, where an escape
    means the same character; the newlines left are TOML's own.
    """
    return "\n".join(_escaped(line, _toml_escape) for line in toml.split("\n"))


def _toml_escape(ch: str) -> str:
    return f"\\u{ord(ch):04X}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08X}"
