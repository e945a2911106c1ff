"""The bar at the top of each screen: an icon that common monospace fonts have, not Textual's ⭘."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from support.fake_clock import FakeClock
from support.tui_helpers import drawn_lines, short_routine_app

from backfit_tui.store.history.store import HistoryStore
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.tui.widgets.title_bar import ICON

FONT = "DejaVu Sans Mono"  # xterm's usual font, and the one the issue was seen in


def drawn_icon(app) -> str:
    """What the title bar's icon draws (Textual's HeaderIcon, found by its name)."""
    return drawn_lines(app.screen.query_one("TitleBar HeaderIcon"))[0].strip()


async def test_every_screen_with_a_title_bar_draws_its_icon(tmp_path):
    history = HistoryStore(tmp_path / "history.sqlite3")
    app = short_routine_app(load_catalog(), FakeClock(100.0), get_ready=0, history=history)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q", "y")  # leave the session at once: its summary
        drawn = {"summary": drawn_icon(app)}
        app.pop_screen()
        await pilot.pause()
        drawn["menu"] = drawn_icon(app)
        await pilot.press("f2")
        drawn["history"] = drawn_icon(app)
        app.pop_screen()
        await pilot.press("ctrl+n")
        drawn["editor"] = drawn_icon(app)
    assert drawn == dict.fromkeys(["summary", "menu", "history", "editor"], ICON)


def families(pattern: str) -> str:
    return subprocess.run(["fc-list", pattern, "family"], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig is not installed")
def test_dejavu_sans_mono_has_the_icon():
    if FONT not in families(""):
        pytest.skip(f"{FONT} is not installed (fonts-dejavu-core)")
    assert FONT in families(f":charset={ord(ICON):x}")
