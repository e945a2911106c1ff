"""Start-up time: the menu in a real terminal against a bare Textual app, and the plain commands.

    python bench/startup.py [--runs N]

Needs tmux. Launches `backfit` and a one-Label Textual app alternately, each in a private tmux
server (100x30), N times each after one warm-up apiece, timing each until its text is on screen.
Then times `backfit list` and `backfit validate routines/desk-break.toml` to exit, checks that
neither imports Textual, and marks the start-up goals passed or failed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

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
MENU_GOAL_RATIO, LIST_GOAL_MS = 1.3, 150.0


def backfit_command() -> str:
    """The `backfit` console script beside this interpreter, else the one on PATH."""
    beside = Path(sys.executable).parent / "backfit"
    found = str(beside) if beside.exists() else shutil.which("backfit")
    if found is None:
        sys.exit("no `backfit` command: install the package in this environment")
    return found


def tmux(socket: str, *args: str, check: bool = True) -> str:
    """Run one tmux command against the private server on `socket` and return what it printed."""
    return subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", *args],
                          capture_output=True, text=True, check=check).stdout  # fmt: skip


def screen_text(socket: str, command: list[str]) -> str:
    """What the pane shows now; the pane and its server are gone if the app has exited."""
    try:
        return tmux(socket, "capture-pane", "-p")
    except subprocess.CalledProcessError:
        raise RuntimeError(f"{command} exited before its text was on screen") from None


def seconds_to_screen(command: list[str], marker: str) -> float:
    """Launch `command` in a fresh 100x30 tmux pane and time it until `marker` is on the screen."""
    socket = f"backfit-bench-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory(prefix="backfit-bench-data-") as data_dir:
        tmux(socket, "new-session", "-d", "-x", "100", "-y", "30", "sleep", "600")
        socket_file = Path(tmux(socket, "display-message", "-p", "#{socket_path}").strip())
        try:
            tmux(socket, "set-option", "-g", "window-size", "manual")
            began = time.perf_counter()
            # The app's stderr stays on the pane: Textual draws its screen there.
            tmux(socket, "respawn-pane", "-k", "-e", f"BACKFIT_DATA_DIR={data_dir}", *command)
            while marker not in screen_text(socket, command):
                if time.perf_counter() - began > TIMEOUT_SECONDS:
                    raise TimeoutError(f"{marker!r} not on screen after {TIMEOUT_SECONDS:.0f} s: {command}")
                time.sleep(POLL_SECONDS)
            return time.perf_counter() - began
        finally:
            tmux(socket, "kill-server", check=False)  # gone already if the app exited early
            socket_file.unlink(missing_ok=True)  # tmux leaves its socket behind


def menu_against_bare(runs: int, backfit: str, bare_app: Path) -> tuple[list[float], list[float]]:
    """Time backfit's menu and the bare app alternately, `runs` times each after one warm-up of each."""
    menu = [backfit]
    bare = [sys.executable, str(bare_app)]
    seconds_to_screen(menu, MENU_MARKER)
    seconds_to_screen(bare, BARE_MARKER)
    menu_times, bare_times = [], []
    for _ in range(runs):
        menu_times.append(seconds_to_screen(menu, MENU_MARKER))
        bare_times.append(seconds_to_screen(bare, BARE_MARKER))
    return menu_times, bare_times


def seconds_to_exit(command: list[str], env: dict[str, str]) -> list[float]:
    """Wall time of `command` from launch to exit, `COMMAND_RUNS` times, run from the repository."""
    times = []
    for _ in range(COMMAND_RUNS):
        began = time.perf_counter()
        subprocess.run(command, cwd=REPOSITORY, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - began)
    return times


def imports_textual(arguments: list[str], env: dict[str, str]) -> bool:
    """Whether `python -X importtime -m backfit_tui ARGUMENTS` imports anything from Textual."""
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "backfit_tui", *arguments],
                         cwd=REPOSITORY, env=env, capture_output=True, text=True, check=True)  # fmt: skip
    return any("textual" in line for line in run.stderr.splitlines())


def machine() -> str:
    """Platform, CPU count, Python and tmux versions, on one line."""
    tmux_version = subprocess.run(["tmux", "-V"], capture_output=True, text=True, check=True).stdout.strip()
    return (f"{platform.platform()}, {os.cpu_count()} CPUs, {platform.python_implementation()}"
            f" {platform.python_version()}, {tmux_version}")  # fmt: skip


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
    with tempfile.TemporaryDirectory(prefix="backfit-bench-") as folder:
        bare_app = Path(folder) / "bare_app.py"
        bare_app.write_text(BARE_APP)
        menu_times, bare_times = menu_against_bare(args.runs, backfit, bare_app)
        env = {**os.environ, "BACKFIT_DATA_DIR": folder}
        commands = {"list": ["list"], "validate": ["validate", "routines/desk-break.toml"]}
        exit_times = {name: seconds_to_exit([backfit, *arguments], env) for name, arguments in commands.items()}
        textual = {name: imports_textual(arguments, env) for name, arguments in commands.items()}
    ratio = statistics.median(menu_times) / statistics.median(bare_times)
    print(f"\n{'median':>12} {'min':>12}")
    print(row(f"backfit to the menu in tmux ({args.runs} runs)", menu_times))
    print(row(f"bare Textual app to its Label in tmux ({args.runs} runs)", bare_times))
    print(f"{ratio:11.2f}x {'':12}  menu / bare Textual (medians)")
    for name, arguments in commands.items():
        command = " ".join(["backfit", *arguments])
        print(row(f"{command} to exit ({COMMAND_RUNS} runs), imports Textual: {'yes' if textual[name] else 'no'}",
                  exit_times[name]))  # fmt: skip
    list_ms = statistics.median(exit_times["list"]) * 1000
    goals = {
        f"menu within {MENU_GOAL_RATIO}x bare Textual start-up": ratio <= MENU_GOAL_RATIO,
        f"backfit list under {LIST_GOAL_MS:.0f} ms": list_ms < LIST_GOAL_MS,
    }
    print()
    for goal, met in goals.items():
        print(f"{'PASS' if met else 'FAIL'}  {goal}")


if __name__ == "__main__":
    main()
