"""The one place BackfitApp is built: for the `backfit` command (which the benchmarks launch) and the tests alike."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from textual.theme import BUILTIN_THEMES

from .app import BackfitApp
from .observers import TraceWriter

if TYPE_CHECKING:
    from ..audio.playsound_player import Player
    from ..audio.speech import Speech
    from ..core.clocks import Clocks
    from ..core.model import Routine
    from ..core.reminder import RemindPlan
    from ..store.history.store import HistoryStore
    from ..store.routines.catalog import Catalog
    from ..store.settings import Settings
    from .observers import EventObserver

THEMES = tuple(BUILTIN_THEMES)
"""The themes the app offers, Textual's own (it adds none): what `theme` in the settings may name."""


def make_app(
    *,
    catalog: Catalog,
    settings: Settings,
    clocks: Clocks,
    player: Player | None = None,
    history: HistoryStore | None = None,
    history_problem: str | None = None,
    start_with: Routine | None = None,
    first_run: bool = False,
    observers: Sequence[EventObserver] = (),
    trace: TextIO | None = None,
    find_speech: Callable[[str], Speech] | None = None,
    remind: RemindPlan | None = None,
) -> BackfitApp:
    """The app, ready to run: the menu of `catalog`, or `start_with` straight away.

    `player` plays the chimes (None: the terminal bell); `history` keeps each set (None: nothing is kept,
    and `history_problem` says why, on the menu). `first_run` shows the safety note. `clocks` time the
    sessions (`monotonic`) and date what is kept (`wall`). Each of `observers` is told of every session event
    as it is handled; with `trace`, a file, one more writes each event's timing to it (see
    `observers.TraceWriter`).
    `find_speech` gives the voice's speech for a `voice` setting (None: the voice never speaks).
    With `remind`, the reminder of `backfit remind` is shown over the menu.
    """
    if trace is not None:
        observers = [*observers, TraceWriter(trace, clocks.monotonic)]
    return BackfitApp(
        catalog=catalog, settings=settings, clocks=clocks, player=player, history=history,
        history_problem=history_problem, start_with=start_with, first_run=first_run, observers=tuple(observers),
        find_speech=find_speech, remind=remind,
    )  # fmt: skip
