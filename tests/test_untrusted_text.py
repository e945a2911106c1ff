"""Routine files are shared between people, so their text is untrusted: markup and terminal escapes
in names, descriptions, tags and cues are shown literally on every screen and in every CLI output.
"""

from __future__ import annotations

import html
import re

from fake_clock import FakeClock
from routine_texts import HOSTILE, HOSTILE_SHOWN
from tui_helpers import advance, make_app

from backfit_tui import cli
from backfit_tui.catalog import load_catalog


def screen_text(app) -> str:
    """Everything on the screen as plain text, read from Textual's own SVG export."""
    svg = app.export_screenshot()
    lines = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(re.sub(r"<[^>]+>", "", line) for line in lines)).replace("\xa0", " ")


def hostile_routine(data_dir, write_routine):
    write_routine(HOSTILE, data_dir / "routines" / "hostile.toml")


def test_list_and_show_print_markup_and_escapes_literally(data_dir, write_routine, capsys):
    hostile_routine(data_dir, write_routine)
    assert cli.main(["show", "hostile"]) == 0
    shown = capsys.readouterr().out
    assert "\x1b" not in shown
    for text in HOSTILE_SHOWN:
        assert text in shown
    assert cli.main(["list", "--json"]) == 0
    listed = capsys.readouterr().out
    assert "\x1b" not in listed and "[bold]B[/bold]" in listed


async def test_menu_session_and_summary_show_markup_and_escapes_literally(data_dir, write_routine):
    hostile_routine(data_dir, write_routine)
    clock = FakeClock(100.0)
    app = make_app(load_catalog(), clock, get_ready=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"hostile")
        menu = screen_text(app)
        for text in HOSTILE_SHOWN[:3]:
            assert text in menu
        await pilot.press("enter")
        session = screen_text(app)
        assert HOSTILE_SHOWN[3] in session and HOSTILE_SHOWN[4] in session
        await advance(pilot, clock, 2)
        summary = screen_text(app)
        assert "Finished: " + HOSTILE_SHOWN[0] in summary
        assert app.is_running  # no [@click=app.quit] ever ran


async def test_warnings_show_paths_and_file_text_literally(data_dir):
    (data_dir / "settings.toml").write_text('[chimes]\ncomplete = "[bold]x[/bold].wav"\n')
    from backfit_tui.app import BackfitApp
    from backfit_tui.settings import load_settings

    app = BackfitApp(load_catalog(), load_settings(data_dir / "settings.toml"), FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        (warning,) = [n for n in app._notifications if "chimes.complete" in n.message]
        assert "[bold]x[/bold].wav" in warning.message and warning.markup is False
