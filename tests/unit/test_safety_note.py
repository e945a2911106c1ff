"""The safety note: shown on the first run only, and again whenever `?` is pressed.

The plain guide's side of it is checked end to end in test_plain_guide.py.
"""

from __future__ import annotations

import pytest
from support.tui_helpers import make_app
from textual.widgets import Static

from backfit_tui.core.wording import SAFETY_LINE, SAFETY_NOTE
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.safety import note_first_run
from backfit_tui.store.settings import Settings
from backfit_tui.tui.app import BackfitApp
from backfit_tui.tui.screens.help import HelpScreen
from backfit_tui.tui.screens.safety_note import SafetyNoteScreen


def test_the_first_time_is_remembered(tmp_path):
    marker = tmp_path / "data" / "safety-note-shown"
    assert note_first_run(marker) is True
    assert marker.exists()
    assert note_first_run(marker) is False


def test_where_nothing_can_be_remembered_the_note_is_shown_every_time(tmp_path):
    (tmp_path / "not-a-dir").write_text("a file where the data directory should be")
    marker = tmp_path / "not-a-dir" / "safety-note-shown"
    assert note_first_run(marker) is True
    assert note_first_run(marker) is True


def notes(app: BackfitApp) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.mark.parametrize("first_run", [True, False])
async def test_the_menu_shows_the_note_only_on_the_first_run(first_run):
    app = make_app(load_catalog(), settings=Settings(), first_run=first_run)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyNoteScreen) is first_run


async def test_question_mark_shows_the_note_with_the_keys():
    app = make_app(load_catalog(), settings=Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert str(help_screen.query_one("#help-safety", Static).render()) == SAFETY_LINE


def test_the_note_and_the_help_line_carry_every_caution_the_articles_give():
    for text in (SAFETY_NOTE, SAFETY_LINE):
        lowered = text.lower()
        for caution in ("back problem", "professional", "hurts", "severe or last", "extremes", "rest", "drink water"):
            assert caution in lowered, (caution, text)


def test_the_rest_days_come_between_strength_sessions_only():
    # 000 asks for rest days in a strengthening workout; 001's bridges are daily and a desk break is taken often.
    for text in (SAFETY_NOTE, SAFETY_LINE):
        assert "rest days between strength sessions" in text, text
