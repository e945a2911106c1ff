"""Every file backfit reads, read through the one reader that cannot hang or fill the memory, and what
the real `backfit` command does with a hostile file in its place: a named pipe, a link to /dev/zero, a
sparse file of gigabytes, a key of 20,000 dotted parts, a history it may not read, stdout on /dev/full.

Each command runs in its own process, under a memory bound (RLIMIT_AS) and a time bound: before these
fixes some of them took gigabytes, or waited forever.
"""

from __future__ import annotations

import ast
import json
import os
import resource
import subprocess
import textwrap
from pathlib import Path

import pytest
from support import processes
from support.processes import backfit_script

from backfit_tui.store.locations import DATA_DIR_VARIABLE

PACKAGE = Path(__file__).resolve().parents[2] / "backfit_tui"
THE_READER = PACKAGE / "store" / "files.py"
MEMORY = 256 * 2**20  # `backfit status` needs some 40 MB; a read without a bound, gigabytes
SECONDS = 20  # a command here takes well under a second; one that waits on a pipe, forever


# --- No module but the reader opens a file to read -------------------------------------------------------

# Modules whose `open(path, mode)` opens a file, as the built-in does; any other `X.open(mode)` is a method (Path's).
OPENING_MODULES = {"io", "codecs", "wave", "gzip", "bz2", "lzma", "tarfile", "zipfile"}
# Methods named `open` that open nothing on disk (the receiver, as written), and what they are.
NOT_FILES = {"self.remind_controller": "the reminder screen's controller"}
READ_METHODS = {"read_text", "read_bytes"}


def _writes_only(call: ast.Call, position: int) -> bool:
    """Whether the mode a call passes at `position`, or as `mode=`, only writes (no mode: it reads)."""
    given = call.args[position] if len(call.args) > position else None
    given = next((k.value for k in call.keywords if k.arg == "mode"), given)
    mode = given.value if isinstance(given, ast.Constant) and isinstance(given.value, str) else ""
    return any(c in mode for c in "wax") and "+" not in mode


def reads_in(source: str) -> list[tuple[int, str]]:
    """(line, call) for every call in `source` that opens a file to read: `open(…)` and `X.open(…)` without a
    mode that only writes, `os.open` without O_WRONLY, and `read_text`/`read_bytes`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func, called = node.func, ast.unparse(node.func)
        receiver = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
        if isinstance(func, ast.Attribute) and func.attr in READ_METHODS:
            found.append((node.lineno, called))
        elif called == "os.open":
            if len(node.args) < 2 or "O_WRONLY" not in ast.unparse(node.args[1]):
                found.append((node.lineno, called))
        elif called == "open" or isinstance(func, ast.Attribute) and func.attr == "open":
            mode_at = 1 if called == "open" or receiver in OPENING_MODULES else 0  # open(path, mode), path.open(mode)
            in_memory = bool(node.args) and "BytesIO(" in ast.unparse(node.args[0])
            if receiver not in NOT_FILES and not in_memory and not _writes_only(node, mode_at):
                found.append((node.lineno, called))
    return found


def test_no_module_but_the_reader_opens_a_file_to_read():
    """A file read any other way could be a named pipe that never ends, or /dev/zero that fills the memory."""
    modules = [path for path in PACKAGE.rglob("*.py") if path != THE_READER]
    assert len(modules) > 50
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {what}"
             for path in modules for line, what in reads_in(path.read_text(encoding="utf-8"))]  # fmt: skip
    assert found == [], "read these through store.files.read_regular_file:\n" + "\n".join(found)


def test_the_check_finds_each_way_of_opening_a_file_to_read():
    source = textwrap.dedent(
        """
        open(path)
        open(path, "rb")
        open(path, mode="r+")
        io.open(path, encoding="utf-8")
        path.open()
        path.open("rb")
        path.read_text()
        Path(name).read_bytes()
        os.open(path, os.O_RDONLY)
        os.open(path, flags)
        wave.open(path, "rb")
        """
    )
    assert [line for line, _ in reads_in(source)] == list(range(2, 13))
    allowed = """open(p, "w")\nopen(p, "a", encoding="utf-8")\nos.open(p, os.O_WRONLY | os.O_CREAT)
path.open("x")\nwave.open(io.BytesIO(data), "rb")\nself.remind_controller.open()\n"""
    assert reads_in(allowed) == []
    assert [called for _, called in reads_in(THE_READER.read_text(encoding="utf-8"))] == ["os.open"]


# --- The command against hostile files ---------------------------------------------------------------------


def bounded(argv: list[str], data_dir: Path, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:  # fmt: skip
    """Run `argv` with `data_dir` as backfit's, in at most MEMORY and SECONDS."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    return subprocess.run(
        argv, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=SECONDS,
        env={**os.environ, DATA_DIR_VARIABLE: str(data_dir), **(env or {})}, preexec_fn=limit_memory,
    )  # fmt: skip


def backfit(data_dir: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return bounded([backfit_script(), *args], data_dir, **kwargs)


def no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr, result.stderr


def hostile(path: Path, kind: str) -> None:
    """Put a file of `kind` at `path`: a named pipe, or a link to /dev/zero."""
    if kind == "named pipe":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")


HOSTILE = ["named pipe", "link to /dev/zero"]
STATE_FILES = ["reminder.json", "status-cache.json"]


@pytest.mark.parametrize("kind", HOSTILE)
@pytest.mark.parametrize("name", STATE_FILES)
def test_status_reads_past_a_state_file_that_never_ends(data_dir, name, kind):
    hostile(data_dir / name, kind)
    result = backfit(data_dir, "status")
    no_traceback(result)
    assert (result.returncode, result.stdout) == (0, "0/3 this week\n")


@pytest.mark.parametrize("kind", HOSTILE)
def test_the_warm_up_choices_are_as_none_when_they_never_end(data_dir, kind):
    path = data_dir / "warm-up-choices.json"
    hostile(path, kind)
    code = f"from pathlib import Path\nfrom backfit_tui.store.warm_up_choices import load_warm_up_choices as load\n" \
           f"print(load(Path({str(path)!r})))"  # fmt: skip
    result = bounded([str(Path(backfit_script()).with_name("python")), "-c", code], data_dir)
    assert (result.returncode, result.stdout, result.stderr) == (0, "{}\n", "")


@pytest.mark.parametrize("kind", ["named pipe", "link to /dev/zero"])
@pytest.mark.parametrize("command", [["status"], ["history"], ["history", "--check"], ["stats"]], ids=" ".join)
def test_a_history_that_is_not_a_file_is_refused_unopened(data_dir, command, kind):
    path = data_dir / "history.sqlite3"
    hostile(path, kind)
    result = backfit(data_dir, *command)
    no_traceback(result)
    assert result.returncode == 1
    what = "a named pipe" if kind == "named pipe" else "a device"
    said = result.stdout if command == ["history", "--check"] else result.stderr
    assert f"{what}, not a history file" in said


def test_a_key_of_twenty_thousand_dotted_parts_is_refused_before_it_is_parsed(tmp_path, data_dir):
    routine = tmp_path / "dotted.toml"
    routine.write_text('name = "Dotted"\n' + "a" + ".a" * 20_000 + " = 1\n", encoding="utf-8")
    result = backfit(data_dir, "validate", str(routine))
    no_traceback(result)
    assert result.returncode == 1
    assert f"{routine}:2: has a key of more than 10 dotted parts, which no backfit file needs" in result.stdout


def test_a_sparse_routine_of_two_gigabytes_is_refused_unread(tmp_path, data_dir):
    routine = tmp_path / "huge.toml"
    with routine.open("wb") as file:
        file.truncate(2 * 2**30)
    result = backfit(data_dir, "validate", str(routine))
    no_traceback(result)
    assert result.returncode == 1
    assert f"{routine}: is 2 GB, more than the 1 MB a routine may hold" in result.stdout


def test_a_settings_file_of_300_megabytes_is_not_read(data_dir):
    with (data_dir / "settings.toml").open("wb") as file:
        file.truncate(300 * 2**20)
    result = backfit(data_dir, "status")
    assert (result.returncode, result.stdout) == (0, "0/3 this week\n")
    listed = backfit(data_dir, "list")
    assert "settings.toml: is 300 MB, more than the 256 KB a settings file may hold" in listed.stderr


@pytest.mark.parametrize("args", [["status"], ["status", "--json"], ["--data-dir", "DATA", "status"]], ids=" ".join)
def test_status_on_a_full_disk_says_so_in_one_line(data_dir, args):
    with open("/dev/full", "w") as full:
        result = backfit(data_dir, *[str(data_dir) if a == "DATA" else a for a in args], stdout=full)
    assert result.returncode == 1
    assert result.stderr == "backfit: cannot write the status: No space left on device\n"


# --- Files and folders backfit may not read, as a person without root's override ----------------------------


def as_a_person(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    """`backfit ARGS` without root's power to read and write past a file's mode (a person's own account)."""
    return bounded(processes.as_a_person([backfit_script(), *args]), data_dir)


@pytest.fixture
def kept_history(data_dir: Path) -> Path:
    from support.history_helpers import a_month_of_sessions

    path = data_dir / "history.sqlite3"
    a_month_of_sessions(path)
    return path


@pytest.mark.parametrize("args", [["status"], ["status", "--json"]], ids=" ".join)
def test_status_with_a_history_it_may_not_read_says_so(data_dir, kept_history, args):
    kept_history.chmod(0o000)
    result = as_a_person(data_dir, *args)
    no_traceback(result)
    assert result.returncode == 1
    if args == ["status"]:
        assert result.stdout == "?/3 this week\n"
    else:
        assert json.loads(result.stdout) | {"goal": 3} == {"running": False, "due_in_s": None, "state": "not running",
                                                           "today": None, "this_week": None, "goal": 3}  # fmt: skip
    assert result.stderr.startswith(f"backfit: {kept_history} cannot be read (permission denied)")


@pytest.mark.parametrize("mode", [0o555, 0o000])
def test_status_in_a_data_folder_it_may_not_write_or_read(data_dir, kept_history, mode):
    data_dir.chmod(mode)
    try:
        result = as_a_person(data_dir, "status")
    finally:
        data_dir.chmod(0o755)
    no_traceback(result)
    assert result.stdout.endswith("/3 this week\n")  # the week, or "?" when the history cannot be read
    why = result.stderr.splitlines()
    assert (result.returncode, why) == (0, []) or result.returncode == 1 and why[0].startswith(f"backfit: {data_dir}")
    assert len(why) <= 1
    if mode == 0o000:
        assert (result.returncode, result.stdout) == (1, "?/3 this week\n")
