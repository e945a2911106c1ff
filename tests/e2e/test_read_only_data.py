"""A data folder backfit cannot write, and a history it cannot read, as a user the file modes hold to.

Root reads and writes whatever the modes say, so where the tests run as root each command runs as the
unprivileged user `nobody` (with setpriv), in a folder of its own that that user can reach.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.history_helpers import a_month_of_sessions
from support.processes import backfit_script
from support.routine_texts import FIVE_SHORT_SETS

from backfit_tui.store.history.database import MIGRATIONS
from backfit_tui.store.locations import DATA_DIR_VARIABLE
from backfit_tui.store.settings import VOICE_VARIABLE

READING_COMMANDS = [["history"], ["history", "--json"], ["stats"], ["stats", "--json"], ["status"], ["history", "--check"]]


# Root reads and writes whatever the modes say: as root, each command runs as `nobody`.
AS_A_USER = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if os.geteuid() == 0 else []


@pytest.fixture
def place() -> Iterator[Path]:
    """A folder outside the tests' own (root's, which `nobody` cannot enter), holding a home, a routine and `data`."""
    place = Path(tempfile.mkdtemp(prefix="backfit-read-only-"))
    place.chmod(0o755)
    (place / "home").mkdir()
    (place / "data").mkdir()
    (place / "routine.toml").write_text(textwrap.dedent(FIVE_SHORT_SETS))
    (place / "data" / "settings.toml").write_text('mute = true\nvoice = "off"\n')
    (place / "data" / "safety-note-shown").touch()
    try:
        yield place
    finally:
        for folder, _, _ in os.walk(place):
            os.chmod(folder, 0o755)
        shutil.rmtree(place)


def backfit(place: Path, *args: str) -> subprocess.CompletedProcess:
    """`backfit ARGS` on `place`'s data folder, as a user the file modes hold to."""
    home = place / "home"
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update({DATA_DIR_VARIABLE: str(place / "data"), "HOME": str(home), VOICE_VARIABLE: "off"})
    return subprocess.run([*AS_A_USER, backfit_script(), *args], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=60, env=env, cwd=home)  # fmt: skip


@pytest.fixture
def user(place: Path) -> None:
    """Skip where the unprivileged user cannot run this backfit (no setpriv, an interpreter in a folder closed to it)."""
    if AS_A_USER and not shutil.which(AS_A_USER[0]):
        pytest.skip("running as root, and setpriv is not there to run backfit as a user the file modes hold to")
    started = backfit(place, "--version")
    if started.returncode != 0:
        pytest.skip(f"the user `nobody` cannot run this backfit: {started.stderr.strip()[-200:]}")


def fingerprint(folder: Path) -> dict[str, str]:
    """Each file of `folder` by name, with a digest of its bytes."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir() if path.is_file()}


def history_in(place: Path, history_mode: int, folder_mode: int) -> Path:
    """A month of sessions in `place`'s data folder, the history and the folder given these modes and owned by the
    user the commands run as."""
    path = place / "data" / "history.sqlite3"
    a_month_of_sessions(path)
    return given(path, history_mode, folder_mode)


def given(path: Path, history_mode: int, folder_mode: int) -> Path:
    """The history at `path` and its folder given these modes, both owned by the user the commands run as."""
    if AS_A_USER:
        for owned in (path, path.parent):
            shutil.chown(owned, "nobody", "nogroup")
    path.chmod(history_mode)
    path.parent.chmod(folder_mode)
    return path


@pytest.mark.parametrize("history_mode", [0o444, 0o644], ids=oct)
@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_every_reading_command_reads_a_history_in_a_read_only_folder(place, user, history_mode, command):
    path = history_in(place, history_mode, folder_mode=0o555)
    before = fingerprint(path.parent)
    result = backfit(place, *command)
    assert (result.returncode, result.stderr) == (0, "")
    if command == ["stats", "--json"]:
        assert [best["exercise"] for best in json.loads(result.stdout)["bests"]] == ["plank"]
    elif command == ["history"]:
        assert result.stdout.count("Desk break") == 20  # the table's twenty latest sessions
    elif command == ["history", "--check"]:
        assert result.stdout == f"{path}: no problems found.\n"
    else:
        assert result.stdout.strip()
    assert fingerprint(path.parent) == before  # not even an empty -wal or -shm file beside it


def test_a_session_in_a_read_only_folder_says_once_that_it_is_not_kept(place, user):
    path = history_in(place, 0o644, folder_mode=0o555)
    before = fingerprint(path.parent)
    result = backfit(place, "run", "--plain", str(place / "routine.toml"))
    assert result.returncode == 0 and "Well done — Five short sets finished" in result.stdout
    assert result.stderr == (
        f"backfit: history is not being saved: {path} can only be read: {path.parent} is read-only. As its owner,"
        f" `chmod u+w {path.parent}` lets backfit keep your sessions.\n"
    )
    assert fingerprint(path.parent) == before


def test_a_read_only_history_in_a_folder_it_can_write_is_said_before_the_session_not_at_its_first_set(place, user):
    path = history_in(place, 0o444, folder_mode=0o755)
    result = backfit(place, "run", "--plain", str(place / "routine.toml"))
    assert result.returncode == 0 and "Well done — Five short sets finished" in result.stdout
    said, end = result.stderr.split("\n")  # one line, before the session began, with no word of SQLite's
    assert said.startswith(f"backfit: history is not being saved: {path} can only be read: {path}")
    assert f"`chmod u+w {path}" in said and said.endswith(" lets backfit keep your sessions.")
    assert end == ""
    assert len(json.loads(backfit(place, "history", "--json").stdout)) == 30


def test_a_session_where_no_history_can_be_made_says_why_and_makes_nothing(place, user):
    folder = place / "data"
    folder.chmod(0o555)
    result = backfit(place, "run", "--plain", str(place / "routine.toml"))
    assert result.returncode == 0 and "Well done — Five short sets finished" in result.stdout
    assert result.stderr == (
        f"backfit: history is not being saved: {folder / 'history.sqlite3'} cannot be made: {folder} is read-only."
        f" As its owner, `chmod u+w {folder}` lets backfit keep your sessions.\n"
    )
    assert not (folder / "history.sqlite3").exists()


def test_an_older_history_in_a_read_only_folder_says_it_cannot_be_brought_up_to_date(place, user):
    path = place / "data" / "history.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as db:
        for version in (1, 2, 3):
            db.executescript(MIGRATIONS[version])
        db.execute("PRAGMA user_version = 3")
    given(path, 0o644, folder_mode=0o555)
    result = backfit(place, "history")
    assert result.returncode == 1
    assert result.stderr == (
        f"backfit: {path} is from an older backfit and cannot be brought up to date: {path.parent} is read-only."
        f" As its owner, `chmod u+w {path.parent}` lets backfit bring it up to date.\n"
    )


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_history_that_cannot_be_read_is_said_with_how_to_mend_it(place, user, command):
    path = history_in(place, 0o000, folder_mode=0o555)
    result = backfit(place, *command)
    said = result.stdout if command == ["history", "--check"] else result.stderr.removeprefix("backfit: ")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert said == (
        f"{path} cannot be read (permission denied), and the history is left as it is. As its owner,"
        f" `chmod u+rw {path}` lets backfit use it again, or move the history aside to start a new one:"
        f" mv {path} {path}.unreadable\n"
    )
    path.chmod(0o644)
    assert len(json.loads(backfit(place, "history", "--json").stdout)) == 30  # left as it was


def test_a_session_beside_a_history_that_cannot_be_read_says_so_once(place, user):
    path = history_in(place, 0o000, folder_mode=0o755)
    result = backfit(place, "run", "--plain", str(place / "routine.toml"))
    assert result.returncode == 0 and "Well done — Five short sets finished" in result.stdout
    assert result.stderr.startswith(f"backfit: history is not being saved: {path} cannot be read (permission denied)")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("command", [["history"], ["stats"], ["status"]], ids=" ".join)
def test_a_data_folder_that_cannot_be_entered_is_said_with_how_to_mend_it(place, user, command):
    folder = place / "data"
    history_in(place, 0o644, folder_mode=0o000)
    result = backfit(place, *command)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.endswith(
        f"backfit: {folder} cannot be read (permission denied), and the history is left as it is. As its owner,"
        f" `chmod u+rwx {folder}` lets backfit use it again.\n"
    )
