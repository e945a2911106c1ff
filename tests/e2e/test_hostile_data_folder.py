"""Every command against a data folder with one of backfit's files made hostile.

For each file backfit keeps in its data folder (the history, its write-ahead log, the settings, the reminder's
state file and lock, the status cache, the warm-up choices and a routine of the person's own), each of: missing,
empty, garbage, of the wrong shape (valid JSON, TOML or SQLite of another shape), huge (a sparse file of 2 GB), a
named pipe, a link to /dev/zero, a folder, mode 000, and the data folder itself read-only (mode 555); against
each command a status bar, a script or a person runs. Every cell runs the real `backfit` in its own process and
holds it to: no traceback, an end within SECONDS (its process group killed after), at most MEMORY_KB of address
space, every file it does not own as it was (it may rewrite its state files and caches, and the history and its
log when the history is a valid one), and, when it fails, a message on stderr that names the file. Where nothing
keeps the command from its work (a missing file, state files or settings that do not fit, which count as none,
a read-only folder, which reading never needs to write), it succeeds; settings that do not fit are said.

Mode 000 and read-only cells run without root's override of file modes, as a person's own account meets them.
The cells run side by side, a few processes at a time, so the whole takes under a minute on two cores.

The matrix: 8 files x 10 variants x 11 commands = 880 cells, each a test of its own; 301 run, 579 are skipped
as meaningless, each with its reason:
  - 520: the command never opens that file (`test_each_command_opens_what_its_cells_say` holds every command to
    the files its cells try, in the folder as backfit keeps it): 220 of them are every cell of reminder.lock and
    warm-up-choices.json, which only `backfit remind` and the screen open, and both need a terminal; 50 are
    `validate`, which reads only the file it is given;
  - 7: a write-ahead log has no shape but its bytes (garbage is its wrong shape);
  - 2: with no routine file of the person's own, `run desk-break` runs the bundled one, for minutes.
Result (2 cores, 6 processes at a time, some 55 s): all 301 pass. Before [15], 17 failed: each command that only
reads the history (status, status --json, history, history --json, stats) in a read-only data folder, and the
8 runs there (the voice's cache could not be made). With them run the 11 tests that each command opens what
its cells say.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from support.hostile_folder import KeptFile, history_with_a_log, kept_files, make, picture
from support.processes import as_a_person, backfit_script, cannot_run_as_a_person

from backfit_tui.store import locations
from backfit_tui.store.locations import DATA_DIR_VARIABLE
from backfit_tui.store.settings import VOICE_VARIABLE

SECONDS = 20  # a command here takes well under a second, a run some 2 s (7 s with the default get-ready)
MEMORY_KB = 2**20  # 1 GB of address space: backfit needs some 40 MB; a read without a bound, gigabytes
WORKERS = 6  # processes at a time: the runs mostly wait on their clock

VARIANTS = ["missing", "empty", "garbage", "wrong shape", "huge", "FIFO", "link to /dev/zero", "folder",
            "mode 000", "read-only folder"]  # fmt: skip
WITHOUT_OVERRIDE = {"mode 000", "read-only folder"}
KEPT = {kept.name: kept for kept in kept_files(b"", b"")}
HISTORY, LOG, SETTINGS, REMINDER, LOCK, STATUS_CACHE, WARM_UP, ROUTINE = KEPT


@dataclass(frozen=True)
class Command:
    """A command as run in a cell, its standard input (empty, or closed), and the kept files it opens."""

    words: tuple[str, ...]
    opens: frozenset[str]
    stdin: str = "empty"

    @property
    def id(self) -> str:
        return " ".join(self.words) + (" <&-" if self.stdin == "closed" else "")


RUN = ("run", "desk-break", "--plain", "--mute")  # muted: the chimes would only try the machine's sound
COMMANDS = [
    Command(("status",), frozenset({HISTORY, LOG, SETTINGS, REMINDER, STATUS_CACHE})),
    Command(("status", "--json"), frozenset({HISTORY, LOG, SETTINGS, REMINDER, STATUS_CACHE})),
    Command(("history",), frozenset({HISTORY, LOG})),
    Command(("history", "--json"), frozenset({HISTORY, LOG})),
    Command(("stats",), frozenset({HISTORY, LOG, SETTINGS})),
    Command(("list",), frozenset({SETTINGS, ROUTINE})),
    Command(("show", "desk-break"), frozenset({SETTINGS, ROUTINE})),
    Command(("validate", ROUTINE), frozenset({ROUTINE})),
    Command(RUN, frozenset({HISTORY, LOG, SETTINGS, ROUTINE})),
    Command(RUN, frozenset({HISTORY, LOG, SETTINGS, ROUTINE}), stdin="closed"),
    Command(("export", "desk-break"), frozenset({ROUTINE})),
]


@dataclass(frozen=True)
class Cell:
    """One hostile file, one command."""

    name: str
    variant: str
    command: Command


def why_meaningless(cell: Cell) -> str:
    """Why a cell would try nothing ("" when it tries something)."""
    if cell.name not in cell.command.opens:
        return f"`backfit {cell.command.id}` never opens {cell.name}"
    if cell.variant == "wrong shape" and KEPT[cell.name].wrong_shape is None:
        return f"{cell.name} has no shape but its bytes: garbage is its wrong shape"
    if (cell.name, cell.variant, cell.command.words) == (ROUTINE, "missing", RUN):
        return "with no routine file of the person's own, the bundled desk-break runs, for minutes"
    if cell.variant in WITHOUT_OVERRIDE:
        return cannot_run_as_a_person()
    return ""


def cells() -> list:
    params = []
    for name in KEPT:
        for variant in VARIANTS:
            for command in COMMANDS:
                cell = Cell(name, variant, command)
                why = why_meaningless(cell)
                marks = [pytest.mark.skip(reason=why)] if why else []
                params.append(pytest.param(cell, id=f"{name}-{variant}-{command.id}".replace(" ", "_"), marks=marks))
    return params


# --- Running a cell ---------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What a command did: its exit status (None when it did not end in time), what it said, and the folder's
    picture before and after."""

    folder: Path
    returncode: int | None
    stdout: str
    stderr: str
    before: dict[str, tuple]
    after: dict[str, tuple]


def bounded(argv: list[str], data_dir: Path, env: dict[str, str], stdin: str = "empty") -> tuple:
    """(exit status or None, stdout, stderr) of `argv` in at most MEMORY_KB and SECONDS; its process group is
    killed when time is up. The memory bound is set by a shell: a preexec_fn is not safe beside threads."""
    closing = " <&-" if stdin == "closed" else ""
    shell = ["sh", "-c", f'ulimit -v {MEMORY_KB} && exec "$@"{closing}', "sh", *argv]
    with subprocess.Popen(shell, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env={**env, DATA_DIR_VARIABLE: str(data_dir)}, start_new_session=True) as process:  # fmt: skip
        try:
            stdout, stderr = process.communicate(timeout=SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
            return None, stdout, stderr
    return process.returncode, stdout, stderr


def child_env() -> dict[str, str]:
    """The tests' environment, with the voice left to the settings: its default, auto, has a speech engine
    installed here render its phrases into the data folder's cache, as it does for a person."""
    return {name: value for name, value in os.environ.items() if name != VOICE_VARIABLE}


def data_folder(root: Path, kept: dict[str, KeptFile], name: str | None = None, variant: str = "") -> Path:
    """A data folder holding every kept file as backfit writes it (but the log, which it leaves only when a process
    dies), the file `name` made as `variant` says."""
    folder = root / "data"
    (folder / ROUTINE).parent.mkdir(parents=True)
    (folder / "safety-note-shown").touch()
    for each in kept.values():
        if each.name != LOG:
            (folder / each.name).write_bytes(each.valid)
    if name is not None:
        make(folder / name, kept[name], variant)
    if variant == "read-only folder":
        (folder / ROUTINE).parent.chmod(0o555)
        folder.chmod(0o555)
    return folder


def trial(cell: Cell, root: Path, kept: dict[str, KeptFile], env: dict[str, str]) -> Outcome:
    folder = data_folder(root, kept, cell.name, cell.variant)
    argv = [backfit_script(), *(str(folder / w) if w == ROUTINE else w for w in cell.command.words)]
    if cell.variant in WITHOUT_OVERRIDE:
        argv = as_a_person(argv)
    before = picture(folder)
    returncode, stdout, stderr = bounded(argv, folder, env, cell.command.stdin)
    return Outcome(folder, returncode, stdout, stderr, before, picture(folder))


@pytest.fixture(scope="module")
def kept(tmp_path_factory) -> dict[str, KeptFile]:
    """Every kept file by name, with a history of a month and a log of frames not yet checkpointed."""
    history = history_with_a_log(tmp_path_factory.mktemp("template") / HISTORY)
    return {each.name: each for each in kept_files(history.read_bytes(), Path(f"{history}-wal").read_bytes())}


@pytest.fixture(scope="module")
def outcomes(request, tmp_path_factory, kept) -> dict[Cell, Future]:
    """Each selected cell's outcome, to come: every one starts at once, a few processes at a time."""
    selected = [item.callspec.params["cell"] for item in request.session.items
                if item.module is request.module and item.originalname == test_a_hostile_file.__name__
                and not item.get_closest_marker("skip")]  # fmt: skip
    selected.sort(key=lambda cell: cell.command.words != RUN)  # the runs first: they take longest
    env = child_env()
    with ThreadPoolExecutor(WORKERS) as pool:
        futures = {cell: pool.submit(trial, cell, tmp_path_factory.mktemp("cell"), kept, env) for cell in selected}
        yield futures
        pool.shutdown(cancel_futures=True)  # when the run was stopped early


# --- What every cell holds to -----------------------------------------------------------------------------------


def may_change(path: str, cell: Cell) -> bool:
    """Whether backfit may rewrite `path` in this cell: its state files and caches, its safety note's marker, and
    the history and its log when the history is a valid one."""
    if path in (LOG, HISTORY, f"{HISTORY}-shm", f"{HISTORY}-journal"):
        return cell.name != HISTORY or cell.variant in ("missing", "empty")
    return path == "safety-note-shown" or path in KEPT and KEPT[path].owned


def changes(cell: Cell, outcome: Outcome) -> list[str]:
    """What the command changed that it should have left as it was: a file it does not own, or one of its own
    but not by writing a file there or removing one (a folder in its place is a person's, and kept)."""
    found = []
    cache = locations.cache_dir().relative_to(locations.data_dir()).as_posix()  # in the data folder the tests set
    for path in sorted(outcome.before.keys() | outcome.after.keys()):
        before, after = outcome.before.get(path), outcome.after.get(path)
        if before == after or path.split("/")[0] == cache:  # the cache: made again at will
            continue
        owner = next((name for name in KEPT if path.startswith(f"{name}/")), path)
        rewritten = owner == path and (before is None or not stat.S_ISDIR(before[0])) \
            and (after is None or stat.S_ISREG(after[0]))  # fmt: skip
        if not (rewritten and may_change(owner, cell)):
            found.append(f"{path}: {before} -> {after}")
    return found


def must_succeed(cell: Cell) -> bool:
    """Whether nothing in the cell keeps the command from doing its work: a missing file is as on a first run, a
    state file or settings that do not fit are as none (the settings said), an empty history is a new one, an
    empty log is no log, and reading never needs to write."""
    if cell.variant == "missing":
        return cell.command.words[0] != "validate"
    return cell.name in (SETTINGS, REMINDER, STATUS_CACHE) or cell.variant == "read-only folder" \
        or cell.variant == "empty" and cell.name in (HISTORY, LOG)  # fmt: skip


def settings_said(cell: Cell) -> bool:
    """Whether the command must say that the settings cannot be used (an empty file is every default; the status
    line keeps to its one line)."""
    fine = ("missing", "empty", "read-only folder")
    return cell.name == SETTINGS and cell.variant not in fine and cell.command.words[0] != "status"


@pytest.mark.parametrize("cell", cells())
def test_a_hostile_file(cell: Cell, outcomes):
    """No hang, no traceback, nothing of the person's changed, and a message naming the file when it fails."""
    outcome = outcomes[cell].result()
    said = f"stdout:\n{outcome.stdout}\nstderr:\n{outcome.stderr}"
    assert outcome.returncode is not None, f"did not end within {SECONDS} s\n{said}"
    assert outcome.returncode >= 0, f"killed by signal {-outcome.returncode}\n{said}"
    assert "Traceback" not in outcome.stderr + outcome.stdout, said
    assert changes(cell, outcome) == [], said
    if must_succeed(cell):
        assert outcome.returncode == 0, said
    if settings_said(cell):
        assert Path(SETTINGS).name in outcome.stderr, said
    if outcome.returncode != 0:
        names = {Path(cell.name).name, Path(HISTORY).name if cell.name == LOG else ""} - {""}
        if cell.variant == "read-only folder":
            names.add(str(outcome.folder))
        message = outcome.stdout if cell.command.words[0] == "validate" else outcome.stderr  # validate's report
        assert any(name in message for name in names), f"exit status {outcome.returncode} without naming the file\n{said}"


# --- The folder as backfit keeps it, and what each command opens in it ------------------------------------------

# Runs `backfit` as the console script does, writing each path an audit event names (a file opened, a folder
# listed, a database connected) to the file named by the first argument.
OPENS_WRITTEN = """
import atexit, os, sys
report, seen = open(sys.argv.pop(1), "w"), set()
def note(event, args):
    if event in ("open", "os.scandir", "os.listdir", "sqlite3.connect") and isinstance(args[0], (str, bytes, os.PathLike)):
        seen.add(os.fsdecode(args[0]))
atexit.register(lambda: (report.write("\\n".join(sorted(seen))), report.close()))
sys.addaudithook(note)
from backfit_tui.cli.launch import main
sys.exit(main())
"""


def opened_kept_files(report: Path, folder: Path) -> set[str]:
    """The kept files whose paths the report names (a listed folder names the files in it; the history, its log)."""
    named = [Path(unquote(urlsplit(line).path) if line.startswith("file:") else line)  # SQLite's URIs
             for line in report.read_text().splitlines()]  # fmt: skip
    paths = {path.relative_to(folder).as_posix() for path in named if path.is_relative_to(folder)}
    opened = {name for name in KEPT if any(name == path or name.startswith(f"{path}/") for path in paths - {"."})}
    return opened | ({LOG} if HISTORY in opened else set())


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.id)
def test_each_command_opens_what_its_cells_say(command, kept, tmp_path):
    """In the folder as backfit keeps it, each command ends well within the memory bound, and opens exactly the
    files its cells try: the cells skipped as never opened are so."""
    folder = data_folder(tmp_path, kept)
    report = tmp_path / "opened"
    python = str(Path(backfit_script()).with_name("python"))
    words = [str(folder / w) if w == ROUTINE else w for w in command.words]
    returncode, stdout, stderr = bounded([python, "-c", OPENS_WRITTEN, str(report), *words], folder,
                                         child_env(), command.stdin)  # fmt: skip
    assert (returncode, stderr) == (0, ""), stdout
    assert opened_kept_files(report, folder) == command.opens
