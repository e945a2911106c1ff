"""`backfit remind`: what the reminder runs, from its options or else the settings."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..core.reminder import Reminder, RemindPlan
from ..store import locations
from ..store.reminder_state import ReminderRunning, lock_reminder
from ..store.routines.catalog import Catalog
from ..store.settings import Settings
from .say import error, find_routine


def remind_plan(
    args: argparse.Namespace, catalog: Catalog, settings: Settings, wall_clock: Callable[[], float]
) -> RemindPlan | None:
    """A break every `--every` (else `remind_every`) running `--routine` (else `remind_routine`), in the
    settings' hours and days, on `wall_clock`, holding the data folder's lock for as long as it runs; None,
    after saying why, when another reminder runs there or the routine cannot be run."""
    entry = find_routine(catalog, args.routine or settings.remind.routine)
    if entry is None:
        return None
    try:
        lock = lock_reminder(locations.reminder_lock_file())
    except ReminderRunning as running:
        error(str(running))
        return None
    every = args.every or settings.remind.every
    return RemindPlan(Reminder(every, wall_clock, settings.remind.window), entry.routine, lock)
