"""Routine files are shared between people, so their text is untrusted: markup and terminal escapes
in names, descriptions, tags and cues, and in file names (ids and paths), are shown literally on every
screen and in every CLI output; JSON and exported TOML write them as escapes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tomllib
from pathlib import Path

import pytest
from support.fake_clock import FakeClock
from support.routine_texts import HOSTILE, HOSTILE_SHOWN
from support.strategies import routine
from support.tui_helpers import advance, make_app
from support.untrusted_helpers import Terminal, history_of, one_hold, raw, screen_text

from backfit_tui.cli import command as cli
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.tui.screens.confirm import ConfirmScreen


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
        assert f"Well done — {HOSTILE_SHOWN[0]} finished" in summary
        assert app.is_running  # no [@click=app.quit] ever ran


async def test_warnings_show_paths_and_file_text_literally(data_dir):
    (data_dir / "settings.toml").write_text('[chimes]\ncomplete = "[bold]x[/bold].wav"\n')
    from backfit_tui.store.settings import load_settings

    app = make_app(load_catalog(), settings=load_settings(data_dir / "settings.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        (warning,) = [n for n in app._notifications if "chimes.complete" in n.message]
        assert "[bold]x[/bold].wav" in warning.message and warning.markup is False


# --- file names, ids and paths ---------------------------------------------------------------------------------

# A file name that sets the terminal's title and clears its screen when written raw.
EVIL_ID = "evil\x1b]0;TITLE\x07\x1b[2J"
EVIL_ID_SHOWN = r"evil\x1b]0;TITLE\x07\x1b[2J"
# C1 CSI, a right-to-left override and a zero-width space: no TOML escape needed, so a file holds them raw.
INVISIBLE = "Evil \x9b2J \u202egnp\u200b"


def evil_routine(data_dir, write_routine, name="Evil", cue="Keep still"):
    return write_routine(one_hold(name, cue), data_dir / "routines" / f"{EVIL_ID}.toml")


def test_history_csv_shows_ids_literally_on_a_terminal_and_as_they_are_in_a_file(data_dir, capsys, monkeypatch):
    history_of(EVIL_ID, "Evil")
    assert cli.main(["history", "--csv"]) == 0
    (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["routine_id"] == EVIL_ID  # a spreadsheet gets the text itself
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert cli.main(["history", "--csv"]) == 0
    shown = terminal.getvalue()
    assert not raw(shown) and EVIL_ID_SHOWN in shown


async def test_deleting_a_routine_asks_with_its_id_and_path_shown_literally(data_dir, write_routine):
    evil_routine(data_dir, write_routine, name="A first routine")
    app = make_app(load_catalog())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+x")
        assert isinstance(app.screen, ConfirmScreen)
        question = screen_text(app)
        assert not raw(question)
        assert question.count(EVIL_ID_SHOWN) == 2  # the id, and the file's name in its path


def test_a_file_name_that_is_not_utf8_is_a_problem_with_its_name_shown_escaped(data_dir, write_routine, capsys):
    path = write_routine(one_hold(), data_dir / "routines" / "good.toml")
    bad = Path(os.fsdecode(os.fsencode(path.parent) + b"/bad\x9b.toml"))
    path.rename(bad)
    assert cli.main(["run", str(bad), "--plain"]) == 1
    said = capsys.readouterr()
    assert r"bad\udc9b.toml: the file name is not UTF-8 (byte 0x9b); rename it" in said.err
    assert not raw(said.out + said.err)
    assert cli.main(["list"]) == 0
    listed = capsys.readouterr().out
    assert r"bad\udc9b" in listed and not raw(listed)
    assert cli.main(["list", "--json"]) == 0
    (entry,) = [e for e in json.loads(capsys.readouterr().out) if e["problems"]]
    assert entry["id"] == "bad\udc9b" and "the file name is not UTF-8" in entry["problems"][0]
    assert not (data_dir / "history.sqlite3").exists()


def test_json_and_export_write_c1_and_bidi_characters_as_escapes_that_decode_back(data_dir, write_routine, capsys):
    evil_routine(data_dir, write_routine, name=INVISIBLE, cue=INVISIBLE)
    history_of(EVIL_ID, INVISIBLE, exercise_name=INVISIBLE)
    written = {}
    for command in (["list", "--json"], ["history", "--json"], ["stats", "--json"], ["export", EVIL_ID]):
        assert cli.main(command) == 0
        written[command[0]] = capsys.readouterr().out
        assert not raw(written[command[0]]), command
    (listed,) = [r for r in json.loads(written["list"]) if r["id"] == EVIL_ID]
    assert listed["name"] == INVISIBLE
    assert json.loads(written["history"])[0]["routine_name"] == INVISIBLE
    assert json.loads(written["stats"])["bests"][0]["name"] == INVISIBLE
    exported = tomllib.loads(written["export"])
    assert exported["name"] == INVISIBLE and exported["steps"][0]["cues"] == [INVISIBLE]


def test_messages_show_file_names_literally(data_dir, write_routine, capsys):
    broken = write_routine("name = ", data_dir / f"{EVIL_ID}.toml")
    for command in (["run", str(broken)], ["show", str(broken)], ["validate", str(broken)], ["import", str(broken)]):
        assert cli.main(command) == 1
        said = capsys.readouterr()
        assert not raw(said.out + said.err), command
        assert EVIL_ID_SHOWN + ".toml:1:" in said.out + said.err, command


def test_usage_errors_quote_file_names_literally(capsys):
    with pytest.raises(SystemExit):
        cli.main(["list", f"{EVIL_ID}.toml"])  # as a glob of file names would give it
    said = capsys.readouterr().err
    assert not raw(said) and f"unrecognized arguments: {EVIL_ID_SHOWN}.toml" in said


async def test_the_editor_shows_text_literally_and_keeps_it_as_it_is_until_a_field_is_edited(data_dir, write_routine):
    path = evil_routine(data_dir, write_routine, name="A \x1b[2J name", cue="A \u202e cue")
    app = make_app(load_catalog())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+e")
        shown = screen_text(app)
        assert not raw(shown)
        assert r"A \x1b[2J name" in shown and r"A \u202e cue" in shown
        await pilot.press("ctrl+s")
        saved = tomllib.loads(path.read_text(encoding="utf-8"))
        assert saved["name"] == "A \x1b[2J name" and saved["steps"][0]["cues"] == ["A \u202e cue"]
        await pilot.press("end", "!", "ctrl+s")  # the name, edited: it keeps what was shown
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["name"] == r"A \x1b[2J name!" and saved["steps"][0]["cues"] == ["A \u202e cue"]


async def test_the_summary_shows_the_histories_news_literally():
    from textual.app import App

    from backfit_tui.core.engine import SessionRecord
    from backfit_tui.store.history.stats import SessionNews
    from backfit_tui.tui.screens.summary import SummaryScreen

    record = SessionRecord("hostile", "Hostile", (), finished=True, planned_active_seconds=60.0)
    news = SessionNews("Since last time: [i]C[/i] \x1b[2J 9 s (was 8 s).", ("New best: [bold]B[/bold] \x1b[2J, 30 s (was 20 s).",))
    app = App()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SummaryScreen(routine(), record, news))
        await pilot.pause()
        shown = screen_text(app)
        assert r"Since last time: [i]C[/i] \x1b[2J 9 s (was 8 s)." in shown
        assert r"New best: [bold]B[/bold] \x1b[2J, 30 s (was 20 s)." in shown


# --- the desktop notification ---------------------------------------------------------------------------------

MARKUP_NAME = "<a href='http://e.vil/'>click</a><img src='file:///x'> & \"co\" \\033[2J"


def test_a_desktop_notification_is_given_a_routines_name_as_text_never_as_markup():
    from backfit_tui.audio.desktop_notice import notify_send_arguments

    body = f"{MARKUP_NAME} {INVISIBLE}: Enter in backfit starts it"
    assert notify_send_arguments("/usr/bin/notify-send", "Time \x1b[2J for a break", body) == [
        "/usr/bin/notify-send", "--app-name=backfit", "--", r"Time \x1b[2J for a break",
        "&lt;a href=&apos;http://e.vil/&apos;&gt;click&lt;/a&gt;&lt;img src=&apos;file:///x&apos;&gt; &amp; "
        r"&quot;co&quot; \\033[2J Evil \\x9b2J \\u202egnp\\u200b: Enter in backfit starts it",
    ]  # fmt: skip
