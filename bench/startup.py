"""Start-up time: the menu in a real terminal against a bare Textual app, and the plain commands.

    python bench/startup.py [--runs N]

Needs tmux. Launches `backfit` and a one-Label Textual app in turn, each in a private tmux server
(100x30), N times each after one warm-up apiece, timing each until its text is on screen:
backfit's usual launch (its data folder made by the warm-up), and its first launch (a fresh data
folder: the history file is created and the safety note shown). Then times `backfit list` and
`backfit validate routines/desk-break.toml` to exit, and `backfit status` (with no reminder
running, and beside one), checks that none of them imports Textual, and marks the start-up goals
passed or failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from terminal import machine, pane

REPOSITORY = Path(__file__).resolve().parent.parent
MENU_MARKER = "Type to filter by name or tag"
BARE_MARKER = "bare textual ready"
BARE_APP = f"""from textual.app import App
from textual.widgets import Label


class Bare(App):
    def compose(self):
        yield Label({BARE_MARKER!r})


Bare().run()
"""
POLL_SECONDS, TIMEOUT_SECONDS = 0.005, 30.0
COMMAND_RUNS = 10
MENU_GOAL_RATIO, LIST_GOAL_MS, STATUS_GOAL_MS = 1.3, 150.0, 50.0


def backfit_command() -> str:
    """The `backfit` console script beside this interpreter, else the one on PATH."""
    beside = Path(sys.executable).parent / "backfit"
    found = str(beside) if beside.exists() else shutil.which("backfit")
    if found is None:
        sys.exit("no `backfit` command: install the package in this environment")
    return found


def byte_compile() -> None:
    """Write backfit's bytecode, as a first launch does (or pip, installing), unless it may not."""
    import backfit_tui

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(backfit_tui.__file__).parent)], check=True)


def seconds_to_screen(command: list[str], marker: str, data_dir: str | None = None) -> float:
    """Launch `command` in a fresh 100x30 tmux pane and time it until `marker` is on the screen.

    backfit keeps its files in `data_dir`, or in a new empty folder when it is None (a first launch).
    """
    with tempfile.TemporaryDirectory(prefix="backfit-bench-data-") as fresh_dir:
        with pane(command, {"BACKFIT_DATA_DIR": data_dir or fresh_dir}) as launched:
            while True:
                try:
                    shown = launched.screen()
                except subprocess.CalledProcessError:
                    raise RuntimeError(f"{command} exited before its text was on screen") from None
                if marker in shown:
                    return time.perf_counter() - launched.started
                if time.perf_counter() - launched.started > TIMEOUT_SECONDS:
                    raise TimeoutError(f"{marker!r} not on screen after {TIMEOUT_SECONDS:.0f} s: {command}")
                time.sleep(POLL_SECONDS)


def menu_against_bare(runs: int, backfit: str, bare_app: Path, data_dir: str) -> dict[str, list[float]]:
    """Time backfit's usual and first launches and the bare app in turn, `runs` times each after a warm-up."""
    menu = [backfit]
    bare = [sys.executable, str(bare_app)]
    seconds_to_screen(menu, MENU_MARKER, data_dir)  # makes the data folder the usual launches find
    seconds_to_screen(bare, BARE_MARKER)
    times: dict[str, list[float]] = {"usual": [], "first": [], "bare": []}
    for _ in range(runs):
        times["usual"].append(seconds_to_screen(menu, MENU_MARKER, data_dir))
        times["bare"].append(seconds_to_screen(bare, BARE_MARKER))
        times["first"].append(seconds_to_screen(menu, MENU_MARKER))
    return times


def seconds_to_exit(command: list[str], env: dict[str, str]) -> list[float]:
    """Wall time of `command` from launch to exit, `COMMAND_RUNS` times, run from the repository."""
    times = []
    for _ in range(COMMAND_RUNS):
        began = time.perf_counter()
        subprocess.run(command, cwd=REPOSITORY, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - began)
    return times


def pretend_a_reminder_runs(folder: str) -> None:
    """The state file `backfit remind` keeps, naming this process as the reminder, so `backfit status`
    takes its quick way, as it does in a status bar beside a running reminder."""
    due_at = time.time() + 720
    state = {"pid": os.getpid(), "state": "counting", "due_at": due_at, "today": 1, "this_week": 2, "goal": 3}
    (Path(folder) / "reminder.json").write_text(json.dumps(state), encoding="utf-8")


def imports_textual(arguments: list[str], env: dict[str, str]) -> bool:
    """Whether `python -X importtime -m backfit_tui ARGUMENTS` imports anything from Textual."""
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "backfit_tui", *arguments],
                         cwd=REPOSITORY, env=env, capture_output=True, text=True, check=True)  # fmt: skip
    return any("textual" in line for line in run.stderr.splitlines())


def row(name: str, times: list[float]) -> str:
    """One line of the table: median and minimum in milliseconds."""
    return f"{statistics.median(times) * 1000:9.0f} ms {min(times) * 1000:9.0f} ms  {name}"


def main() -> None:
    """Measure everything once and print the table and the goals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=12, help="launches of each app in tmux (default 12)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if shutil.which("tmux") is None:
        sys.exit("tmux is not installed")
    backfit = backfit_command()
    print(f"machine: {machine()}")
    byte_compile()
    with tempfile.TemporaryDirectory(prefix="backfit-bench-") as folder:
        bare_app = Path(folder) / "bare_app.py"
        bare_app.write_text(BARE_APP)
        times = menu_against_bare(args.runs, backfit, bare_app, folder)
        env = {**os.environ, "BACKFIT_DATA_DIR": folder}
        commands = {"list": ["list"], "validate": ["validate", "routines/desk-break.toml"], "status": ["status"]}
        exit_times = {"status, no reminder": seconds_to_exit([backfit, "status"], env)}  # the week from the history
        pretend_a_reminder_runs(folder)
        exit_times |= {name: seconds_to_exit([backfit, *arguments], env) for name, arguments in commands.items()}
        textual = {name: imports_textual(arguments, env) for name, arguments in commands.items()}
    bare = statistics.median(times["bare"])
    ratio = {launch: statistics.median(times[launch]) / bare for launch in ("usual", "first")}
    print(f"\n{'median':>12} {'min':>12}")
    print(row(f"backfit to the menu in tmux ({args.runs} runs)", times["usual"]))
    print(row(f"backfit's first launch to the menu in tmux ({args.runs} runs)", times["first"]))
    print(row(f"bare Textual app to its Label in tmux ({args.runs} runs)", times["bare"]))
    print(f"{ratio['usual']:11.2f}x {'':12}  menu / bare Textual (medians)")
    print(f"{ratio['first']:11.2f}x {'':12}  first launch's menu / bare Textual (medians)")
    for name, arguments in commands.items():
        command = " ".join(["backfit", *arguments])
        print(row(f"{command} to exit ({COMMAND_RUNS} runs), imports Textual: {'yes' if textual[name] else 'no'}",
                  exit_times[name]))  # fmt: skip
    print(row(f"backfit status to exit, no reminder running ({COMMAND_RUNS} runs)", exit_times["status, no reminder"]))
    list_ms = statistics.median(exit_times["list"]) * 1000
    status_ms = statistics.median(exit_times["status"]) * 1000
    alone_ms = statistics.median(exit_times["status, no reminder"]) * 1000  # the first run reads the history
    goals = {
        f"menu within {MENU_GOAL_RATIO}x bare Textual start-up": ratio["usual"] <= MENU_GOAL_RATIO,
        f"first launch's menu within {MENU_GOAL_RATIO}x bare Textual start-up": ratio["first"] <= MENU_GOAL_RATIO,
        f"backfit list under {LIST_GOAL_MS:.0f} ms": list_ms < LIST_GOAL_MS,
        f"backfit status beside a running reminder under {STATUS_GOAL_MS:.0f} ms": status_ms < STATUS_GOAL_MS,
        f"backfit status with no reminder running under {STATUS_GOAL_MS:.0f} ms": alone_ms < STATUS_GOAL_MS,
    }
    print()
    for goal, met in goals.items():
        print(f"{'PASS' if met else 'FAIL'}  {goal}")


if __name__ == "__main__":
    main()
