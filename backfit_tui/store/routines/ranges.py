"""Reading an exercise's dosage ranges from the library: `hold = { from = 30, to = 60, step = 5, top = "article" }`.

`top` says whose number the range's top is: "article" when an article gives it, "ours" (the default) when not.
`held_reps` and `held_sets` bound reps that hold a pose each, as the article that gives the hold does.
"""

from __future__ import annotations

from typing import Any

from ...core.dosages import DosageRange, Ranges
from ..validation import Invalid, TableReader, show_value, text

# Each range's key in a library exercise, with the limits a routine's step of that kind has, and its unit.
RANGE_LIMITS = {"hold": (3600, "seconds"), "breaths": (100, "breaths"), "reps": (200, "reps"), "sets": (20, "sets"),
                "held_reps": (200, "reps"), "held_sets": (20, "sets")}  # fmt: skip
RANGE_KEYS = tuple(RANGE_LIMITS)
RANGE_FIELDS = ("from", "to", "step")
TOPS = {"article": True, "ours": False}  # whose number a range's top is: an article's, or our choice
source_text = text(160)  # a range's `source`: the article and the words it rests on


def dosage_range(kind: str):
    """A check for one range table: whole numbers `from` ≤ `to` within the kind's limits, and a `step` of at least 1."""
    limit, unit = RANGE_LIMITS[kind]
    example = f"e.g. `{kind} = {{ from = 10, to = 15, step = 1 }}`"

    def check(value: Any) -> DosageRange:
        if not isinstance(value, dict):
            raise Invalid(f"must be a table of from, to and step, got {show_value(value)}; {example}")
        unknown = [key for key in value if key not in (*RANGE_FIELDS, "top", "source")]
        missing = [key for key in RANGE_FIELDS if key not in value]
        if unknown or missing:
            wrong = f"unknown {', '.join(unknown)}" if unknown else f"missing {', '.join(missing)}"
            raise Invalid(f"needs exactly from, to and step, and may say its top and source ({wrong}); {example}")
        top = value.get("top", "ours")
        if top not in TOPS:
            raise Invalid(f'top must be "article" or "ours" (whose number the top is), got {show_value(top)}')
        numbers = [value[key] for key in RANGE_FIELDS]
        if any(isinstance(n, bool) or not isinstance(n, int) for n in numbers):
            raise Invalid(f"from, to and step must be whole numbers of {unit}; {example}")
        low, high, step = numbers
        if not 1 <= low <= high <= limit:
            raise Invalid(f"must have 1 ≤ from ≤ to ≤ {limit} {unit}, got from = {low}, to = {high}; {example}")
        if not 1 <= step <= max(high - low, 1):
            raise Invalid(f"step must be 1 to {max(high - low, 1)} (the span from `from` to `to`), got {step}")
        try:
            source = source_text(value["source"]) if "source" in value else ""
        except Invalid as err:
            raise Invalid(f"source {err}") from None
        return DosageRange(low, high, step, TOPS[top], source)

    return check


def read_ranges(reader: TableReader, table: dict[str, Any], exercise_id: str) -> Ranges:
    """The ranges a library exercise gives, each checked; a bad one is a problem and is left out."""
    found = {kind: reader.field(table, (exercise_id,), kind, dosage_range(kind), None) for kind in RANGE_KEYS}
    return Ranges(**found)
