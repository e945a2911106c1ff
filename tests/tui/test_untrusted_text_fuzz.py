"""Property tests: whatever controls, escape sequences and bidi characters a routine's name, id (its file's
name) and cues hold, and the names its history holds, no output writes one raw, and JSON and TOML give
the same text back.

Every output is checked: list, list --json, show, export, validate, the history's table, JSON and CSV (on a
terminal, and into a file), stats and stats --json, the plain guide, and the screens of the TUI.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import json
import sys
import tempfile
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from support.fake_clock import FakeClock
from support.strategies import BIDI, CONTROLS, ESCAPE_SEQUENCES, LINE_BREAKS, untrusted_text
from support.tui_helpers import advance, make_app
from support.untrusted_helpers import Terminal, history_of, one_hold, raw, screen_text

from backfit_tui.cli import command as cli
from backfit_tui.cli.plain import run_plain
from backfit_tui.store.locations import DATA_DIR_VARIABLE, bundled_library_file
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.routine_files import load_library, load_routine
from backfit_tui.store.settings import Settings
from backfit_tui.tui.screens.confirm import ConfirmScreen
from backfit_tui.tui.screens.editor import EditorScreen
from backfit_tui.tui.screens.history import HistoryScreen
from backfit_tui.tui.screens.session import SessionScreen
from backfit_tui.tui.screens.summary import SummaryScreen

LIBRARY = load_library(bundled_library_file())
PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

ids = untrusted_text(40, one_line=False, leave_out="\0/")  # a file name holds any character but these
names = untrusted_text(58).map(lambda name: "0 " + name)  # sorted first in the menu, so it is highlighted
cues = untrusted_text(120)

# Every character and sequence at least once: an id of every C0 control but NUL, and NEL; a name
# of the bidi characters and a hyperlink (it holds a /, which no file name can); a cue of every other control.
EVERY_ID = "a" + "".join(CONTROLS[1:32]) + "\x85" + "".join(ESCAPE_SEQUENCES[:2]) + "z"
EVERY_NAME = "0 a" + "".join(BIDI) + ESCAPE_SEQUENCES[2] + "z"
EVERY_CUE = "a" + "".join(c for c in CONTROLS if c not in LINE_BREAKS) + "".join(ESCAPE_SEQUENCES[3:]) + "z"


@contextlib.contextmanager
def data_dir_with(monkeypatch, routine_id: str, name: str, cue: str):
    """A data directory of its own holding the routine and a session of it, whose exercise is named `cue`."""
    with tempfile.TemporaryDirectory() as folder:
        monkeypatch.setenv(DATA_DIR_VARIABLE, folder)
        routine = Path(folder) / "routines" / f"{routine_id}.toml"
        routine.parent.mkdir()
        routine.write_text(one_hold(name, cue), encoding="utf-8")
        history_of(routine_id, name, exercise_name=cue)
        yield routine


def output(capsys, argv: list[str], status: int = 0) -> str:
    """What `backfit ARGV` writes, stdout and stderr, checking its exit status."""
    assert cli.main(argv) == status, argv
    said = capsys.readouterr()
    return said.out + said.err


@PROPERTY
@given(ids, names, cues)
@example(EVERY_ID, EVERY_NAME, EVERY_CUE)
def test_no_command_writes_a_control_or_bidi_character_raw(monkeypatch, capsys, routine_id, name, cue):
    with data_dir_with(monkeypatch, routine_id, name, cue) as path:
        broken = path.parent.parent / "elsewhere" / path.name  # a file of the same name that is not TOML
        broken.parent.mkdir()
        broken.write_text("name = ")
        written = {
            " ".join(argv): output(capsys, argv, status)
            for argv, status in (
                (["list"], 0), (["list", "--json"], 0), (["show", routine_id], 0), (["export", routine_id], 0),
                (["validate", str(path), str(broken)], 1), (["run", str(broken)], 1),
                (["history"], 0), (["history", "--json"], 0), (["stats"], 0), (["stats", "--json"], 0),
            )
        }  # fmt: skip
        into_a_file = output(capsys, ["history", "--csv"])
        terminal = Terminal()
        with monkeypatch.context() as patched:
            patched.setattr(sys, "stdout", terminal)
            cli.main(["history", "--csv"])
        written["history --csv"] = terminal.getvalue()
        written["the plain guide"] = plain_guide(path)
    for command, text in written.items():
        assert not raw(text), command
    (listed,) = [entry for entry in json.loads(written["list --json"]) if entry["id"] == routine_id]
    assert (listed["name"], listed["path"]) == (name, str(path))
    (session,) = json.loads(written["history --json"])
    assert (session["routine_id"], session["routine_name"]) == (routine_id, name)
    assert json.loads(written["stats --json"])["bests"][0]["name"] == cue
    exported = tomllib.loads(written[f"export {routine_id}"])
    assert (exported["name"], exported["steps"][0]["cues"]) == (name, [cue])
    (row,) = csv.DictReader(io.StringIO(into_a_file))
    assert row["routine_id"] == routine_id  # a spreadsheet gets the text itself


def plain_guide(path: Path) -> str:
    """What the plain guide writes for the routine at `path`, run to the end on a clock that moves as it sleeps."""
    clock, out = FakeClock(), io.StringIO()
    run_plain(load_routine(path, LIBRARY), Settings(get_ready=1), out=out, clock=clock, sleep=clock.advance)
    return out.getvalue()


@settings(PROPERTY, max_examples=4)
@given(ids, names, cues)
@example(EVERY_ID, EVERY_NAME, EVERY_CUE)
def test_no_screen_shows_a_control_or_bidi_character_raw(monkeypatch, routine_id, name, cue):
    with data_dir_with(monkeypatch, routine_id, name, cue):
        shown = asyncio.run(every_screen())
    for screen, text in shown.items():
        assert not raw(text), screen


async def every_screen() -> dict[str, str]:
    """The text of each screen the routine and its history show on: the menu, the delete dialog, the editor, the
    session, its summary and the history."""
    from backfit_tui.store import locations
    from backfit_tui.store.history.store import HistoryStore

    clock = FakeClock(100.0)
    app = make_app(load_catalog(), clock, get_ready=1, history=HistoryStore(locations.history_file()))
    shown = {}
    async with app.run_test(size=(120, 40)) as pilot:
        shown["menu"] = screen_text(app)
        await pilot.press("ctrl+x")
        assert isinstance(app.screen, ConfirmScreen)
        shown["delete dialog"] = screen_text(app)
        await pilot.press("escape", "ctrl+e")
        assert isinstance(app.screen, EditorScreen)
        shown["editor"] = screen_text(app)
        await pilot.press("escape", "enter")
        assert isinstance(app.screen, SessionScreen)
        shown["session"] = screen_text(app)
        await advance(pilot, clock, 10)
        assert isinstance(app.screen, SummaryScreen)
        shown["summary"] = screen_text(app)
        await pilot.press("escape", "f2")
        assert isinstance(app.screen, HistoryScreen)
        shown["history"] = screen_text(app)
    return shown
