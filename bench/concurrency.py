"""Guides started together on a new history, and a history locked mid-session: sets lost and the longest stall.

    python bench/concurrency.py [--guides 2 4 8] [--rounds N] [--opens N] [--lock SECONDS]

For each number of guides, starts that many `backfit run --plain` of a short routine (three one-second
holds with a second of rest, no get-ready, muted) at the same moment on an empty data folder, N rounds
(default 5). Then one guide of eight such sets while another process holds the history's write lock for
8 s from the second second on, as a long write or a backup would. Each guide's lines are read as they come, with the
time each arrived: a phase's line is due when the first phase's line arrived plus the phases' planned
lengths before it, and its stall is how late it arrived. Prints the sets lost against the sets done
(goal 0), the guides that said the history was not being saved, the slowest start (launch to the first
phase's line) and the longest stall. Between, it opens the history from that many processes at one
instant (released together from a barrier, past their start-up) on a new history, 100 times (`--opens`),
and counts the times one of them could not open it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from backfit_tui.cli.plain import phase_heading
from backfit_tui.core.timeline import build_timeline
from backfit_tui.store.history.store import HistoryStore, HistoryUnavailable
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.routine_files import load_routine

ROUTINE = """
name = "{sets} sets"
description = "One-second holds with a second of rest between them."
[[steps]]
exercise = "plank"
hold = 1
sets = {sets}
rest_between_sets = 1
"""
LOCK_FROM = 2.0  # seconds after the guides start


class Guide:
    """One `backfit run --plain`, its lines kept with the monotonic time each arrived."""

    def __init__(self, routine: Path, data: Path) -> None:
        self.launched = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "backfit_tui", "run", "--plain", str(routine)], stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "BACKFIT_DATA_DIR": str(data)},
        )  # fmt: skip
        self.lines: list[tuple[float, str]] = []
        self.reader = threading.Thread(target=self._read)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line.rstrip("\n")))

    def finish(self) -> str:
        """Wait for the guide to end; return what it said on stderr."""
        said = self.process.stderr.read()
        self.process.wait(timeout=120)
        self.reader.join()
        return said


def sets_saved(data: Path) -> int:
    path = data / "history.sqlite3"
    if not path.exists():
        return 0
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM sets").fetchone()[0]


def new_data_folder(root: Path) -> Path:
    data = Path(tempfile.mkdtemp(dir=root))
    (data / "settings.toml").write_text("get_ready = 0\nmute = true\n")
    (data / "safety-note-shown").touch()
    return data


def hold_lock(path: Path, seconds: float) -> subprocess.Popen:
    """Another process that holds `path`'s write lock for `seconds` from LOCK_FROM seconds on."""
    script = (f"import sqlite3, time; time.sleep({LOCK_FROM});"
              f" db = sqlite3.connect({str(path)!r}, isolation_level=None);"
              f" db.execute('BEGIN IMMEDIATE'); time.sleep({seconds}); db.execute('ROLLBACK')")  # fmt: skip
    return subprocess.Popen([sys.executable, "-c", script])


class Routine:
    """A routine of `sets` one-second holds written in `root`, with each phase's line and when it is due."""

    def __init__(self, root: Path, sets: int) -> None:
        self.sets = sets
        self.path = root / f"{sets}-sets.toml"
        self.path.write_text(ROUTINE.format(sets=sets))
        timeline = build_timeline(load_routine(self.path, load_catalog().library), get_ready=0)
        due, self.phases = 0.0, []
        for phase in timeline:
            self.phases.append((due, phase_heading(phase).strip()))
            due += phase.seconds or 0


def timings(guide: Guide, routine: Routine) -> tuple[float, float]:
    """(start, longest stall) in seconds: from launch to the first phase's line, and the latest phase's line."""
    arrived = iter(guide.lines)
    times = [next(at for at, line in arrived if line.strip() == text) for _, text in routine.phases]
    return times[0] - guide.launched, max(at - times[0] - due for at, (due, _) in zip(times, routine.phases))


class Round:
    """`guides` guides of `routine` started together on a new data folder (the history made first, and locked
    for `lock` seconds from LOCK_FROM on, when `lock` is given), and what came of them."""

    def __init__(self, root: Path, routine: Routine, guides: int, lock: float | None = None) -> None:
        data = new_data_folder(root)
        if lock is not None:
            HistoryStore(data / "history.sqlite3").close()
            holder = hold_lock(data / "history.sqlite3", lock)
        running = [Guide(routine.path, data) for _ in range(guides)]
        said = [guide.finish() for guide in running]
        if lock is not None:
            holder.wait(timeout=60)
        self.sets = guides * routine.sets
        self.lost = self.sets - sets_saved(data)
        self.said = sum("not being saved" in text for text in said)
        self.starts, self.stalls = zip(*(timings(guide, routine) for guide in running))


def open_at_once(path: Path, barrier: multiprocessing.Barrier) -> None:
    barrier.wait()
    try:
        HistoryStore(path).close()
    except HistoryUnavailable:
        sys.exit(1)


def failed_opens(root: Path, openers: int, times: int) -> int:
    """How many of `times` new histories, each opened by `openers` processes at one instant, one could not open."""
    fork = multiprocessing.get_context("fork")
    failed = 0
    for _ in range(times):
        path = Path(tempfile.mkdtemp(dir=root)) / "history.sqlite3"
        barrier = fork.Barrier(openers)
        processes = [fork.Process(target=open_at_once, args=(path, barrier)) for _ in range(openers)]
        for process in processes:
            process.start()
        for process in processes:
            process.join()
        failed += any(process.exitcode for process in processes)
    return failed


def report(name: str, guides: int, rounds: list[Round]) -> None:
    lost, sets = sum(r.lost for r in rounds), sum(r.sets for r in rounds)
    said = sum(r.said for r in rounds)
    start = max(s for r in rounds for s in r.starts)
    stall = max(s for r in rounds for s in r.stalls)
    print(f"{name:<36} {lost:>3} of {sets:<5} {said:>6} of {guides * len(rounds):<5} {start * 1000:9.0f} ms"
          f" {stall * 1000:9.0f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guides", type=int, nargs="+", default=[2, 4, 8], help="guides started together")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each (default 5)")
    parser.add_argument("--opens", type=int, default=100, help="new histories opened at one instant (default 100)")
    parser.add_argument("--lock", type=float, default=8.0, help="seconds another process holds the lock (default 8)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="backfit-concurrency-"))
    try:
        measure(args, root)
    finally:
        shutil.rmtree(root)


def measure(args: argparse.Namespace, root: Path) -> None:
    short, long = Routine(root, 3), Routine(root, 8)
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.python_implementation()}"
          f" {platform.python_version()}, SQLite {sqlite3.sqlite_version}")  # fmt: skip
    print(f"{'':<36} {'sets lost':<11} {'said not saved':<14} {'slowest start':>12} {'longest stall':>12}")
    for guides in args.guides:
        rounds = [Round(root, short, guides) for _ in range(args.rounds)]
        report(f"{guides} guides together, new history", guides, rounds)
    report(f"1 guide, history locked {args.lock:g} s", 1, [Round(root, long, 1, lock=args.lock)])
    for openers in args.guides:
        failed = failed_opens(root, openers, args.opens)
        print(f"{openers} opening a new history at one instant: {failed} of {args.opens} times one could not open it")


if __name__ == "__main__":
    main()
