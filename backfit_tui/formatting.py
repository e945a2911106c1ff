"""Turning numbers and untrusted text into what a person reads, the same on every screen."""

from __future__ import annotations

import math


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


def plural(count: float, singular: str, plural_form: str | None = None) -> str:
    """The words that agree with `count`: `singular` for one, else `plural_form` (by default with an s)."""
    if count == 1:
        return singular
    return plural_form or singular + "s"


def counted(count: float, singular: str, plural_form: str | None = None) -> str:
    """`1 set`, `3 sets`, `0 breaths`: a count and its noun, agreeing."""
    return f"{count:g} {plural(count, singular, plural_form)}"


def clock(seconds: float) -> str:
    """`0:07`, `12:30`, `1:05:00`: a countdown as the digits show it (whole seconds, rounded up)."""
    total = max(math.ceil(seconds - 1e-9), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def literal(text: str) -> str:
    """`text` with control characters (terminal escape sequences among them) made visible."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
