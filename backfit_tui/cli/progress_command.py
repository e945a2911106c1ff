"""`backfit progress`: what each routine's last sessions suggest for its next one, as text or JSON."""

from __future__ import annotations

import time

from ..core.formatting import json_text
from ..core.progression import Suggestion
from ..core.timeline import planned_amount
from ..store.history.stats import back_now, routine_suggestions
from ..store.routines.catalog import Catalog
from .history_commands import open_history_to_read
from .say import find_routine, say

NOTHING_YET = (
    "No suggestions yet: a step is offered a step up after two sessions in a row that did every set of it as planned,"
    " and a step back after two that left sets of it undone."
)


def progress(catalog: Catalog, reference: str | None, as_json: bool) -> int:
    """Print the suggestions for one routine, or for every routine that can be loaded; 1 if the routine is unknown."""
    if reference is not None:
        entry = find_routine(catalog, reference)
        if entry is None:
            return 1
        entries = [entry]
    else:
        entries = [entry for entry in catalog.entries if entry.routine is not None]
    store = open_history_to_read()
    back = back_now(store, time.time(), None)
    found = [(entry.routine, routine_suggestions(store, entry.routine, back)) for entry in entries]
    found = [(routine, suggestions) for routine, suggestions in found if suggestions]
    if as_json:
        print(json_text([suggestion_json(routine.id, routine.name, s) for routine, ss in found for s in ss]))
        return 0
    if words := back.words():
        say(words)
    if not found:
        say(NOTHING_YET)
    for routine, suggestions in found:
        say(f"{routine.name} ({routine.id})", *(f"  {s.words()}" for s in suggestions))
    return 0


def suggestion_json(routine_id: str, routine_name: str, suggestion: Suggestion) -> dict:
    """One suggestion for scripts: the step (counted from 1), its dosage now and as suggested (null at the top)."""
    return {
        "routine_id": routine_id,
        "routine_name": routine_name,
        "step": suggestion.step_index + 1,
        "exercise": suggestion.step.exercise.id,
        "direction": suggestion.direction.value,
        "now": _dosage_json(suggestion.step),
        "next": None if suggestion.changed is None else _dosage_json(suggestion.changed),
        "words": suggestion.words(),
    }


def _dosage_json(step) -> dict:
    amount, unit = planned_amount(step)
    return {"amount": amount, "unit": unit, "sets": step.sets}
