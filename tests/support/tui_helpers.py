"""Building the app on a fake clock and moving that clock, for the Pilot and snapshot tests."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widget import Widget

from backfit_tui.core.clocks import Clocks
from backfit_tui.store.routines.catalog import Catalog
from backfit_tui.store.routines.routine_files import load_routine
from backfit_tui.store.settings import Settings
from backfit_tui.tui import factory
from backfit_tui.tui.app import BackfitApp
from support.fake_clock import FakeClock

SHORT = Path(__file__).parent / "routines" / "short.toml"


def make_app(
    catalog: Catalog, clock=None, start_with=None, get_ready=3, player=None, mute=False, history=None, wall_clock=None,
    settings: Settings | None = None, **options,
) -> BackfitApp:  # fmt: skip
    """The app as `backfit` builds it (through the same factory), on fake clocks and without sound by default.

    `settings` replaces the ones made of `get_ready` and `mute`; `options` go to the factory as they are
    (`first_run`, `history_problem`, `observers`, `trace`).
    """
    clocks = Clocks(monotonic=clock or FakeClock(100.0), wall=wall_clock or FakeClock(1_780_000_000.0))
    return factory.make_app(
        catalog=catalog, settings=settings or Settings(get_ready=get_ready, mute=mute), clocks=clocks,
        start_with=start_with, player=player, history=history, **options,
    )  # fmt: skip


def short_routine_app(catalog: Catalog, clock: FakeClock, get_ready: int = 3, **options) -> BackfitApp:
    """The app going straight to the short test routine, on `clock`."""
    return make_app(catalog, clock, load_routine(SHORT, catalog.library), get_ready, **options)


async def advance(pilot, clock: FakeClock, seconds: float) -> None:
    """Move the fake clock and let the session screen catch up, as its timer would."""
    clock.now += seconds
    pilot.app.screen.tick()
    await pilot.pause()


def screen_lines(app) -> list[str]:
    """What the terminal shows now, line by line as plain text: modal screens over those they cover."""
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


def drawn_lines(widget: Widget) -> list[str]:
    """The lines `widget` draws, as text: all of them, whether scrolled into view or not."""
    height = max(widget.size.height, widget.virtual_size.height)
    return [strip.text for strip in widget.render_lines(Region(0, 0, widget.size.width, height))]
