"""The small JSON files backfit keeps for itself, read against the shape each one declares.

The reminder's state, the status cache and the warm-up choices are backfit's own, rewritten often and
read by a status bar many times a minute. A file restored from a backup, left by another version or
edited by hand may hold anything: what does not fit its declared shape (a key's type, a number that is
finite and in range) is ignored, as if the file were not there, and rewritten the next time.

A shape is a check: a function that returns the value it was given, checked, or raises OffShape.
Kept to the standard library's quickest modules, as `backfit status` imports it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .files import FileKind, read_regular_file

Check = Callable[[Any], Any]
LATEST_TIME = 1e11  # a Unix time in the year 5138: no clock wrote a later one
MAX_COUNT = 100_000  # more sessions or breaks than a week can hold


class OffShape(ValueError):
    """A value does not fit the shape declared for it."""


def read_state_file(path: Path, kind: FileKind, shape: Check) -> Any | None:
    """What the JSON file at `path` holds, checked against `shape`; None when it is missing, unreadable, larger
    than `kind` allows, not JSON, or anything in it does not fit."""
    try:
        return shape(json.loads(read_regular_file(path, kind), parse_constant=_refuse_constant))
    except (OSError, ValueError, RecursionError):  # OffShape and JSON's errors are ValueErrors
        return None


def fields(declared: Mapping[str, Check]) -> Check:
    """An object with each declared key, its value passing that key's check; other keys are left out."""

    def check(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict) or not declared.keys() <= value.keys():
            raise OffShape("not an object with every declared key")
        return {key: key_check(value[key]) for key, key_check in declared.items()}

    return check


def table_of(item: Check, max_items: int) -> Check:
    """An object of at most `max_items` keys, each value passing `item`."""

    def check(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict) or len(value) > max_items:
            raise OffShape("not an object of few enough keys")
        return {key: item(each) for key, each in value.items()}

    return check


def list_of(item: Check, max_items: int) -> Check:
    """A list of at most `max_items`, each passing `item`."""

    def check(value: Any) -> list[Any]:
        if not isinstance(value, list) or len(value) > max_items:
            raise OffShape("not a list of few enough items")
        return [item(each) for each in value]

    return check


def whole(low: int, high: int) -> Check:
    """A whole number from `low` to `high` (true and false are not numbers here)."""

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise OffShape(f"not a whole number from {low} to {high}")
        return value

    return check


def number(low: float, high: float) -> Check:
    """A number from `low` to `high`: never infinite nor NaN, which no range holds."""

    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise OffShape(f"not a number from {low:g} to {high:g}")
        return value

    return check


def one_of(*words: str) -> Check:
    """One of `words`."""

    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in words:
            raise OffShape(f"not one of {words}")
        return value

    return check


def optional(inner: Check) -> Check:
    """null, or a value passing `inner`."""
    return lambda value: None if value is None else inner(value)


def boolean(value: Any) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        raise OffShape("not true or false")
    return value


def _refuse_constant(name: str) -> None:
    raise OffShape(f"{name} is not a number a state file holds")  # Infinity, -Infinity, NaN
