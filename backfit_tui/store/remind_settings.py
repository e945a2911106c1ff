"""The settings of `backfit remind`: how often a break comes, which routine it starts, and the hours and days
it may come in. Read with the rest of settings.toml, a bad value costing only itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.remind_window import ALL_DAY, EVERY_DAY, RemindWindow, parse_days, parse_hours, parse_interval
from .validation import Invalid, show_value

if TYPE_CHECKING:
    from .settings import _FallbackReader

REMIND_KEYS = ("remind_every", "remind_routine", "remind_hours", "remind_days")
MAX_TEXT = 200  # room for a routine id, or the path of a routine file


@dataclass(frozen=True)
class RemindSettings:
    """A break every `every` seconds, running `routine` (an id or a file), within `window`."""

    every: int = 50 * 60
    routine: str = "desk-break"
    window: RemindWindow = RemindWindow()


def read_remind_settings(reader: _FallbackReader, document: dict[str, Any]) -> RemindSettings:
    """The reminder's settings in `document`, each bad one replaced by its default with a warning from `reader`.

    Each is checked as the text it is written in, so that a warning shows the default as it would be written.
    """
    every = reader.setting(document, "remind_every", _text_read_by(parse_interval), "50m")
    routine = reader.setting(document, "remind_routine", _text_read_by(str.strip), RemindSettings.routine)
    hours = reader.setting(document, "remind_hours", _text_read_by(parse_hours), ALL_DAY)
    days = reader.setting(document, "remind_days", _text_read_by(parse_days), EVERY_DAY)
    return RemindSettings(parse_interval(every), routine.strip(), RemindWindow.parse(hours, days))


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
