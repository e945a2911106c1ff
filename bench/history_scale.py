"""Ten years of daily sessions: how long the history screen's and `backfit stats`' queries take.

    python bench/history_scale.py [--keep DIR]

Builds a database of 4,000 sessions and 60,000 sets (15 per session, four exercises) in a
temporary folder, then times opening it (with the checks made before anything is written), each
query the history screen and the CLI make, and `backfit history --check`'s full integrity check,
best of five runs.
"""

from __future__ import annotations

import argparse
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from backfit_tui.core.records import SetRecord
from backfit_tui.store.history.database import integrity_problems
from backfit_tui.store.history.stats import compute_stats
from backfit_tui.store.history.store import HistoryStore

SESSIONS, SETS_PER_SESSION = 4_000, 15
EXERCISES = (("plank", "Plank", "seconds"), ("bridge", "Bridge", "seconds"), ("bird-dog", "Bird dog", "reps"),
             ("cat-cow", "Cat-cow", "breaths"))  # fmt: skip


def build(path: Path) -> HistoryStore:
    store = HistoryStore(path)
    rng = random.Random(1)
    start = time.time() - SESSIONS * 86_400
    store.db.execute("BEGIN")  # one transaction: building is not what is measured
    for n in range(SESSIONS):
        session = store.begin("core-stability", "Core stability", start + n * 86_400, 600.0)
        for k in range(SETS_PER_SESSION):
            exercise_id, name, unit = EXERCISES[k % len(EXERCISES)]
            achieved = float(rng.randint(10, 60))
            record = SetRecord(k // 4, exercise_id, name, k // 4 + 1, None, unit, 30.0, achieved, False, achieved,
                               min(achieved, 30.0))  # fmt: skip
            store.add_set(session, record, start + n * 86_400 + 60 * k)
        store.end(session, start + n * 86_400 + 1800, True)
    store.db.execute("COMMIT")
    return store


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build the database in DIR and leave it there")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="backfit-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "history.sqlite3"
    path.unlink(missing_ok=True)
    began = time.perf_counter()
    store = build(path)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()},"
          f" SQLite {__import__('sqlite3').sqlite_version}")  # fmt: skip
    print(f"built {SESSIONS:,} sessions and {SESSIONS * SETS_PER_SESSION:,} sets in {time.perf_counter() - began:.1f} s"
          f" ({path.stat().st_size / 1e6:.1f} MB)")  # fmt: skip
    now = time.time()
    figures = {
        "open to write (checked: quick check and schema; migrations)": lambda: HistoryStore(path).close(),
        "open to read (checked, as history and stats do)": lambda: HistoryStore(path, read_only=True).close(),
        "full integrity check (history --check)": lambda: integrity_problems(path),
        "recent 20 sessions with sets": lambda: store.sessions(20),
        "statistics (weeks, streak, calendar, bests, trends)": lambda: compute_stats(store, now, None, 3),
        "all sessions with sets (history --json)": lambda: store.sessions(),
    }
    for name, action in figures.items():
        print(f"{best_of(5, action) * 1000:9.1f} ms  {name}")
    for command in (["stats"], ["history"]):
        run = lambda: subprocess.run(  # noqa: E731
            [sys.executable, "-m", "backfit_tui", *command], capture_output=True, check=True,
            env={"BACKFIT_DATA_DIR": str(folder), "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
        print(f"{best_of(5, run) * 1000:9.1f} ms  backfit {' '.join(command)} (a new process, start-up included)")


if __name__ == "__main__":
    main()
