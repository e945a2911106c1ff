"""CPU and peak memory during a session: backfit against termdown, in the same 100x30 tmux pane.

    python bench/cpu_memory.py [--seconds N]

Runs `backfit run` on two one-step routines, a 600 s plank (a hold: its figure still) and a cat-cow of 100
breaths paced 3 s in and 3 s out (its pacer and its figure moving), and then `termdown`, each in a private
tmux server, lets each settle for 3 s, then counts the CPU time of the process and its descendants over the
next N seconds (default 60) and reads their peak resident memory. The first run builds a small venv with
termdown from PyPI in bench/.venv-termdown and reuses it afterwards.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from terminal import machine, pane

SETTLE = 3.0  # seconds between starting a tool and starting the window
SIZE = (100, 30)
TERMDOWN_VENV = Path(__file__).resolve().parent / ".venv-termdown"
FLOOR = 0.43  # % of a core: a minimal Textual countdown redrawn at 1 Hz, measured the same way
RSS_GOAL_MB = 80
HOLD_GOAL = 0.7  # % of a core for the plank, its figure still beside the time: what the hold cost before it
BREATHING_GOAL, BREATHING_AIM = 1.2, 0.8  # the cat-cow, its figure moving with the breath and the pacer
ROUTINES = {
    "plank": """\
name = "Bench hold"
description = "One long hold for the CPU benchmark."
[[steps]]
exercise = "plank"
hold = 600
""",
    "cat-cow": """\
name = "Bench breaths"
description = "Ten minutes of paced breaths for the CPU benchmark."
[[steps]]
exercise = "cat-cow"
breaths = 100
inhale = 3
exhale = 3
""",
}
SETTINGS = 'get_ready = 0\nsound_backend = "bell"\n'


def termdown() -> Path:
    """The termdown executable, installed into its own venv on first use."""
    executable = TERMDOWN_VENV / "bin" / "termdown"
    if not executable.exists():
        print(f"installing termdown into {TERMDOWN_VENV} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(TERMDOWN_VENV)], check=True)
        subprocess.run([str(TERMDOWN_VENV / "bin" / "pip"), "install", "-q", "termdown"], check=True)
    return executable


def backfit_command(folder: Path, name: str) -> tuple[list[str], dict[str, str]]:
    """The command and environment that run routine `name` of `ROUTINES` in backfit, files written into `folder`."""
    backfit = Path(sys.executable).parent / "backfit"
    if not backfit.exists():
        sys.exit(f"no {backfit}: activate the development environment first")
    routine = folder / f"bench-{name}.toml"
    routine.write_text(ROUTINES[name])
    data = folder / "data"
    data.mkdir()
    (data / "settings.toml").write_text(SETTINGS)
    (data / "safety-note-shown").touch()  # or the first run's note would wait on screen, not the hold
    return [str(backfit), "run", str(routine)], {"BACKFIT_DATA_DIR": str(data)}


def process_tree(root: int) -> list[int]:
    """`root` and every live descendant of it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int(stat_fields(int(entry.name))[1])
            except OSError:
                continue  # it exited while we looked
            children.setdefault(parent, []).append(int(entry.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending.extend(children.get(pid, []))
    return tree


def stat_fields(pid: int) -> list[str]:
    """The fields of /proc/<pid>/stat after the command name, so index 0 is field 3 (state)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()


def cpu_ticks(root: int) -> int:
    """User and system clock ticks of `root`'s tree, with those of children already reaped."""
    total = 0
    for pid in process_tree(root):
        try:
            fields = stat_fields(pid)
        except OSError:
            continue
        total += sum(int(fields[k]) for k in (11, 12, 13, 14))  # utime, stime, cutime, cstime
    return total


def peak_rss_mb(root: int) -> float:
    """The largest VmHWM (peak resident set) in `root`'s tree, in MB."""
    peak_kb = 0
    for pid in process_tree(root):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peak_kb = max(peak_kb, int(line.split()[1]))
    return peak_kb * 1024 / 1e6


def measure(name: str, command: list[str], env: dict[str, str], seconds: float) -> tuple[float, float]:
    """Run `command` in a private tmux pane and return (CPU seconds per second, peak RSS MB) over the window."""
    width, height = SIZE
    with pane(command, env, width, height) as launched:
        pid = launched.pid()
        print(f"{name}: {shlex.join(command)} (pid {pid}), {SETTLE:.0f} s settle + {seconds:.0f} s window", flush=True)
        time.sleep(SETTLE)
        began, ticks = time.monotonic(), cpu_ticks(pid)
        time.sleep(seconds)
        ticks, elapsed = cpu_ticks(pid) - ticks, time.monotonic() - began
        if not Path(f"/proc/{pid}").exists():
            sys.exit(f"{name} exited before the end of the window")
        return ticks / os.sysconf("SC_CLK_TCK") / elapsed, peak_rss_mb(pid)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="length of the measured window (default 60)")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    # termdown exits at zero, so its countdown outlasts the settle time and the window.
    countdown = [str(termdown()), str(int(SETTLE + args.seconds) + 10)]
    measured: dict[str, tuple[float, float]] = {}
    for name in ROUTINES:
        with tempfile.TemporaryDirectory(prefix="backfit-bench-") as folder:
            command, env = backfit_command(Path(folder), name)
            measured[f"backfit {name}"] = measure(f"backfit {name}", command, env, args.seconds)
    measured["termdown"] = reference = measure("termdown", countdown, {}, args.seconds)
    print(f"\n{'tool':<18} {'CPU % of a core':>16} {'CPU s per minute':>17} {'peak RSS MB':>12}")
    for name, (cpu, rss) in measured.items():
        print(f"{name:<18} {cpu * 100:>16.2f} {cpu * 60:>17.2f} {rss:>12.1f}")
    plank, cat_cow = measured["backfit plank"], measured["backfit cat-cow"]
    print("\ngoals:")
    print(f"  [{'pass' if plank[0] <= reference[0] else 'FAIL'}] the plank's CPU no more than termdown's"
          f" ({plank[0] * 100:.2f} % vs {reference[0] * 100:.2f} %)")  # fmt: skip
    print(f"  [{'pass' if plank[0] * 100 <= HOLD_GOAL else 'FAIL'}] the plank's CPU at most {HOLD_GOAL} % of a core"
          f" ({plank[0] * 100:.2f} %)")  # fmt: skip
    print(f"  [{'pass' if cat_cow[0] * 100 <= BREATHING_GOAL else 'FAIL'}] the cat-cow's CPU at most"
          f" {BREATHING_GOAL} % of a core ({cat_cow[0] * 100:.2f} %; aim for {BREATHING_AIM} %)")  # fmt: skip
    peak = max(rss for _, rss in (plank, cat_cow))
    print(f"  [{'pass' if peak < RSS_GOAL_MB else 'FAIL'}] backfit peak RSS under {RSS_GOAL_MB} MB ({peak:.1f} MB)")
    print(f"  reference: a minimal Textual countdown at 1 Hz uses about {FLOOR} % of a core on this kind of machine")


if __name__ == "__main__":
    main()
