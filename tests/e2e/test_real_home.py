"""The tests leave the home of the person running them alone: each test has its own, the fixtures that
tests share run in another, and a shell in the test terminal keeps no history."""

from __future__ import annotations

import os
import pwd
import shutil
from pathlib import Path

import pytest
from support.terminal import Terminal

REAL_HOME = Path(pwd.getpwuid(os.getuid()).pw_dir)


def test_each_test_has_an_empty_home_and_xdg_folders_of_its_own(home):
    assert Path.home() == home != REAL_HOME and list(home.iterdir()) == []
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        assert not Path(os.environ[variable]).is_relative_to(REAL_HOME), variable


@pytest.fixture(scope="module")
def home_of_a_shared_fixture() -> Path:
    """$HOME as a fixture that many tests share sees it, set up before any test's own home."""
    return Path(os.environ["HOME"])


def test_fixtures_shared_by_many_tests_run_away_from_the_real_home_too(home_of_a_shared_fixture):
    assert not home_of_a_shared_fixture.is_relative_to(REAL_HOME)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")
def test_a_shell_in_the_test_terminal_runs_in_the_tests_home_and_leaves_it_untouched(home):
    term = Terminal(["bash", "--norc", "--noprofile", "-i"], {"PS1": "$ "})
    try:
        term.tmux("send-keys", 'echo "home is $HOME"', "Enter")
        term.wait_for(f"home is {home}")
        term.tmux("send-keys", "exit", "Enter")  # bash saves its history as it exits
        term.wait_for_exit()
    finally:
        term.close()
    assert list(home.iterdir()) == []
