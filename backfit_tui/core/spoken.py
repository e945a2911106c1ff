"""Words as a voice says them: numbers and lengths of time in words, and a routine's text made safe to speak.

A speech engine reads digits its own way ("30 s" may come out as "thirty s"), so the voice's phrases
spell numbers out. Text from a routine file is untrusted: an engine may take markup (SSML, espeak's
`[[phonemes]]`) or options from it, so only letters, digits, spaces and plain punctuation are kept.
"""

from __future__ import annotations

import re
import unicodedata

ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
PUNCTUATION = set(".,'’-!?:;()")  # what punctuation an engine only pauses or joins words at
NAME_LIMIT = 60  # the longest name a phrase takes from a routine: the library's own limit


def number_words(number: int) -> str:
    """`21` as "twenty-one", `300` as "three hundred", `1500` as "one thousand five hundred" (below a million)."""
    if number < 20:
        return ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return TENS[tens] + (f"-{ONES[ones]}" if ones else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{ONES[hundreds]} hundred" + (f" {number_words(rest)}" if rest else "")
    if number < 1_000_000:
        thousands, rest = divmod(number, 1000)
        return f"{number_words(thousands)} thousand" + (f" {number_words(rest)}" if rest else "")
    return str(number)


def spoken_count(count: int, singular: str) -> str:
    """`three sets`, `one set`: a count in words and its noun, agreeing."""
    return f"{number_words(count)} {singular}" + ("" if count == 1 else "s")


def spoken_duration(seconds: float) -> str:
    """`thirty seconds`, `one minute`, `two minutes ten seconds`: a length of time, to the nearest second."""
    minutes, secs = divmod(int(seconds + 0.5), 60)
    parts = [spoken_count(minutes, "minute")] if minutes else []
    if secs or not minutes:
        parts.append(spoken_count(secs, "second"))
    return " ".join(parts)


def spoken_about(seconds: float) -> str:
    """A length as said in passing: to five seconds under a minute, else to the half minute:
    `thirty seconds`, `one minute`, `three and a half minutes`."""
    if seconds < 57.5:
        return spoken_duration(max(round(seconds / 5) * 5, 5))
    minutes, half = divmod(round(seconds / 30), 2)
    if not half:
        return spoken_count(minutes, "minute")
    return f"{number_words(minutes)} and a half minutes"


def speakable(text: str, limit: int = NAME_LIMIT) -> str:
    """`text` as a speech engine may be given it: letters, marks, digits, single spaces and plain punctuation.

    Everything else (control characters, markup, brackets, slashes) becomes a space. It starts with a
    letter or a digit, so an engine never takes it for an option, and keeps to `limit` characters, cut
    at a word. "" when nothing speakable is left.
    """
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" or ch in PUNCTUATION else " " for ch in text)
    words = re.sub(r"\s+", " ", kept)
    start = next((i for i, ch in enumerate(words) if unicodedata.category(ch)[0] in "LN"), len(words))
    words = words[start:].strip()
    if len(words) > limit:
        words = words[: limit + 1].rsplit(" ", 1)[0] if " " in words[:limit] else words[:limit]
    return words.rstrip()
