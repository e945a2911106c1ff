"""`backfit show`, `validate` and `exercises` as a person uses them: what they print, where, and how they exit.

Commands run in-process through `backfit_tui.cli.command.main`; conftest.py gives every test an empty data dir.
"""

from __future__ import annotations

import re

import pytest
from support.cli_helpers import backfit
from support.routine_texts import BAD, ESCAPES, GOOD

from backfit_tui.core.formatting import duration
from backfit_tui.core.timeline import build_timeline, total_seconds
from backfit_tui.store.locations import bundled_routines_dir
from backfit_tui.store.routines.routine_files import load_routine
from backfit_tui.store.settings import Settings

BUNDLED_FILES = sorted(bundled_routines_dir().glob("*.toml"))


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Rich wraps at $COLUMNS (80 in a pipe); tests of content use a wide one so lines stay whole."""
    monkeypatch.setenv("COLUMNS", "250")


# --- show ------------------------------------------------------------------------------------


def test_show_prints_each_step_and_the_total(capsys, library):
    routine = load_routine(bundled_routines_dir() / "floor-stretch.toml", library)
    status, out, err = backfit(capsys, "show", "floor-stretch")
    assert status == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == routine.name
    for number, step in enumerate(routine.steps, start=1):
        assert any(line.startswith(f"{number}. {step.describe()}  (") for line in lines), step.describe()
    total = duration(total_seconds(build_timeline(routine, Settings().get_ready)))
    assert f"Total {total}, with a 5 s get-ready before each step." in lines


def test_show_unknown_id_suggests_the_close_one(capsys):
    status, out, err = backfit(capsys, "show", "floor-strech")
    assert status == 1
    assert out == ""
    assert 'did you mean "floor-stretch"' in err
    assert "Traceback" not in err


def test_show_a_file_anywhere(capsys, tmp_path, monkeypatch, write_routine):
    path = write_routine(GOOD, tmp_path / "somewhere" / "deep" / "my-plan.toml")
    status, out, _ = backfit(capsys, "show", str(path))
    assert status == 0
    assert "My plan" in out and "1. Plank — hold 20 s" in out and "Total" in out
    monkeypatch.chdir(tmp_path / "somewhere")
    status, out, _ = backfit(capsys, "show", "deep/my-plan.toml")
    assert status == 0 and "My plan" in out


def test_show_a_missing_file(capsys, tmp_path):
    status, out, err = backfit(capsys, "show", str(tmp_path / "nope.toml"))
    assert status == 1
    assert "nope.toml" in err and "no such file" in err


def test_show_a_broken_file_prints_its_problems(capsys, write_routine):
    path = write_routine(BAD, "bad.toml")
    status, out, err = backfit(capsys, "show", str(path))
    assert status == 1
    assert out == ""
    assert f"{path}:6: steps[1].hold:" in err


def test_show_escapes_control_characters(capsys, write_routine):
    path = write_routine(ESCAPES, "escapes.toml")
    status, out, _ = backfit(capsys, "show", str(path))
    assert status == 0
    assert "\x1b" not in out
    assert r"Red \x1b[31m alert" in out
    assert r"Clears your screen \x1b[2J maybe." in out
    assert r"Bold \x1b[1m cue" in out


# --- validate --------------------------------------------------------------------------------


def test_validate_reports_ok_and_every_problem(capsys, write_routine):
    good = write_routine(GOOD, "good.toml")
    bad = write_routine(BAD, "bad.toml")
    status, out, err = backfit(capsys, "validate", str(good), str(bad))
    assert status == 1
    lines = out.splitlines()
    assert any(line.startswith(f"{good}: ok (My plan") for line in lines), out
    assert any(re.fullmatch(rf"{re.escape(str(bad))}:5: steps\[1\]\.exercise: unknown exercise \"cat-cw\"; did you mean \"cat-cow\"\?", line) for line in lines), out  # fmt: skip
    assert any(re.fullmatch(rf"{re.escape(str(bad))}:6: steps\[1\]\.hold: .*-5", line) for line in lines), out
    assert any(re.fullmatch(rf"{re.escape(str(bad))}:7: steps\[1\]\.setz: unknown key; did you mean \"sets\"\?", line) for line in lines), out  # fmt: skip
    assert "1 of 2 files has problems." in err


def test_validate_says_how_many_files_have_problems_in_agreeing_words(capsys, write_routine):
    bad = write_routine(BAD, "bad.toml")
    assert backfit(capsys, "validate", str(bad))[2] == "1 of 1 file has problems.\n"
    two = [str(write_routine(BAD, f"bad-{n}.toml")) for n in range(2)]
    assert backfit(capsys, "validate", *two)[2] == "2 of 2 files have problems.\n"


def test_validate_all_good_exits_0(capsys, write_routine):
    files = [str(write_routine(GOOD, f"good-{n}.toml")) for n in range(2)] + [str(BUNDLED_FILES[0])]
    status, out, err = backfit(capsys, "validate", *files)
    assert status == 0
    assert err == ""
    assert [line.split(": ok")[0] for line in out.splitlines()] == files


def test_validate_a_toml_syntax_error(capsys, write_routine):
    path = write_routine('name = "x\n', "syntax.toml")
    status, out, _ = backfit(capsys, "validate", str(path))
    assert status == 1
    assert out.startswith(f"{path}:1:") and "invalid TOML" in out


def test_validate_a_missing_file(capsys, tmp_path):
    status, out, _ = backfit(capsys, "validate", str(tmp_path / "nope.toml"))
    assert status == 1
    assert "nope.toml" in out and "cannot be read" in out


# --- exercises, version, settings ------------------------------------------------------------


def test_exercises_lists_every_id(capsys, library):
    status, out, _ = backfit(capsys, "exercises")
    assert status == 0
    *table, hint = out.splitlines()
    assert [line.split()[0] for line in table[1:] if line.strip()] == list(library)
    assert hint == "`backfit exercises ID` shows one: how it is done, its ranges and its figure."
