"""The settings of `backfit remind`: how often a break comes, which routine it starts, and the hours and days
it may come in. Read with the rest of settings.toml (as `remind_every`, `remind_routine`, …), a bad value
costing only itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..core.remind_window import ALL_DAY, EVERY_DAY, RemindWindow, parse_days, parse_hours, parse_interval
from .setting_keys import setting
from .validation import Invalid, show_value

MAX_TEXT = 200  # room for a routine id, or the path of a routine file


def _text_read_by(parse: Callable[[str], Any]) -> Callable[[Any], str]:
    """A check of a text setting: the text itself, if `parse` can read it; else its ValueError's words."""

    def check(value: Any) -> str:
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
            raise Invalid(f"must be text in quotes, got {show_value(value)}")
        try:
            parse(value)
        except ValueError as err:
            raise Invalid(str(err)) from None
        return value

    return check


def _text(written: str, parse: Callable[[str], Any]) -> Any:
    """A setting written as text that `parse` reads; checked as text, so a warning shows the default as written."""
    return setting(written, _text_read_by(parse), means=parse)


@dataclass(frozen=True)
class RemindSettings:
    """A break every `every` seconds, running `routine` (an id or a file), within `hours` on `days`."""

    every: int = _text("50m", parse_interval)
    routine: str = _text("desk-break", str.strip)
    hours: tuple[int, int] = _text(ALL_DAY, parse_hours)  # minutes after midnight it opens and closes
    days: frozenset[int] = _text(EVERY_DAY, parse_days)  # Monday 0

    @property
    def window(self) -> RemindWindow:
        """The hours and days a break may come in."""
        return RemindWindow(*self.hours, self.days)
