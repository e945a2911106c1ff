"""Accepting suggestions: the routine's file rewritten at once and atomically, with a line saying what changed.

A bundled routine is never written: accepting writes the person's own copy, which then takes the bundled
one's place (see `catalog`). Each change is written into the file's own text, so its comments, the traces
of every dosage to its article, stay; a comment line at the top says what changed and when. What was there
before is kept, so the change can be undone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ...core.model import Exercise, Routine
from ...core.progression import Suggestion, accepted
from ..atomic import write_atomically
from ..key_lines import KeyLines
from ..locations import ensure_dir
from ..validation import LoadError, read_bytes
from .routine_files import RoutineEntry, parse_routine, routine_toml, row_of

NUMBER_AFTER_KEY = r"^(\s*{key}\s*=\s*)\d+"


@dataclass(frozen=True)
class Accepted:
    """Suggestions written into a routine file: where, and what the file held before (None: there was none)."""

    path: Path
    before: str | None
    routine: Routine


def accept_suggestions(
    entry: RoutineEntry, chosen: Sequence[Suggestion], library: Mapping[str, Exercise], user_folder: Path, now: float
) -> Accepted:
    """Write the routine with `chosen` made, into the person's routines; OSError or LoadError if it cannot be."""
    routine = entry.routine
    for suggestion in chosen:
        routine = accepted(routine, suggestion)
    path = entry.path if entry.origin == "user" else ensure_dir(user_folder) / f"{entry.id}.toml"
    before = read_bytes(path).decode("utf-8") if path.exists() else None
    source = read_bytes(entry.path).decode("utf-8-sig")
    when = datetime.fromtimestamp(now).strftime("%Y-%m-%d %H:%M")
    changes = "; ".join(s.change_words() for s in chosen)
    text = f"# {when}: {changes} (a suggestion accepted in backfit)\n" + _edited(source, chosen)
    if _loads_as(text, path, library) != routine.steps:  # a layout the edit does not follow: write it anew
        text = f"# {when}: {changes} (a suggestion accepted in backfit)\n" + routine_toml(routine)
    write_atomically(path, text)
    return Accepted(path, before, routine)


def undo(change: Accepted) -> None:
    """Put the file back as it was before the change: its old text, or no file at all."""
    if change.before is None:
        change.path.unlink(missing_ok=True)
    else:
        write_atomically(change.path, change.before)


def _edited(text: str, chosen: Sequence[Suggestion]) -> str:
    """The routine file's text with each suggested amount and count of sets written in place."""
    lines = text.split("\n")
    inserted: list[tuple[int, str]] = []
    where = KeyLines(text)
    for suggestion in chosen:
        step, changed, path = suggestion.step, suggestion.changed, ("steps", suggestion.step_index)
        kind = row_of(step.dosage).key
        _replace_number(lines, where.line((*path, kind)), kind, changed.dosage.amount)
        if changed.sets != step.sets:
            sets_line = where.line((*path, "sets"))
            if sets_line is not None and re.match(NUMBER_AFTER_KEY.format(key="sets"), lines[sets_line - 1]):
                _replace_number(lines, sets_line, "sets", changed.sets)
            else:
                inserted.append((where.line((*path, kind)) or 0, f"sets = {changed.sets}"))
    for after, line in sorted(inserted, reverse=True):
        lines.insert(after, line)
    return "\n".join(lines)


def _replace_number(lines: list[str], line: int | None, key: str, value: int) -> None:
    if line is not None:
        lines[line - 1] = re.sub(NUMBER_AFTER_KEY.format(key=key), rf"\g<1>{value}", lines[line - 1], count=1)


def _loads_as(text: str, path: Path, library: Mapping[str, Exercise]):
    """The steps `text` loads as, or None if it does not load."""
    try:
        return parse_routine(text.encode("utf-8"), path, library).steps
    except LoadError:
        return None
