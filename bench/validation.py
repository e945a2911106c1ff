"""How long `backfit validate` takes on routine files full of unknown keys, and on a 1 MB file.

    python bench/validation.py [--timeout SECONDS]

Writes routine files into a temporary folder: one step with 1,000, 2,000, 4,000 and 8,000
unknown keys, and a file of about 1 MB (50 steps, each with as many unknown keys as fit). Times
`backfit validate FILE` as a new process (start-up included; best of three, or one run when a
run takes over 5 s, and given up after `--timeout`), then the same check in this process.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from backfit_tui import cli

UNKNOWN_KEYS = (1_000, 2_000, 4_000, 8_000)
STEPS, MEGABYTE = 50, 1_000_000
GOAL_S = 1.0  # a 1 MB routine file validates in under a second
HEADER = 'name = "Bench"\ndescription = "A routine full of keys backfit does not know."\n'


def step(keys: int, first: int = 0) -> str:
    """A `[[steps]]` table: a good hold, then `keys` unknown keys numbered from `first`."""
    lines = ["[[steps]]", 'exercise = "plank"', "hold = 30"]
    lines += [f'note_{n:06d} = "a remark the routine format has no place for"' for n in range(first, first + keys)]
    return "\n".join(lines) + "\n"


def megabyte_routine() -> str:
    """About 1 MB: the most steps a routine may have, their unknown keys spread evenly."""
    keys_per_step = (MEGABYTE - len(HEADER)) // STEPS // len(step(1, 0).splitlines()[-1] + "\n")
    return HEADER + "".join(step(keys_per_step, n * keys_per_step) for n in range(STEPS))


def command_seconds(path: Path, timeout: float) -> tuple[float | None, int]:
    """The fastest `backfit validate path` of up to three (None after `timeout`), and the lines it printed."""
    times, printed = [], 0
    while len(times) < 3 and sum(times) < 5:
        began = time.perf_counter()
        try:
            run = subprocess.run([sys.executable, "-m", "backfit_tui", "validate", str(path)], capture_output=True,
                                 text=True, timeout=timeout)  # fmt: skip
        except subprocess.TimeoutExpired:
            return None, 0
        times.append(time.perf_counter() - began)
        printed = len(run.stdout.splitlines())
    return min(times), printed


def in_process_seconds(path: Path) -> float:
    """How long `cli.validate` takes here, without start-up (one run)."""
    began = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        cli.validate([path])
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=120, help="give up on a command after this many seconds")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"{'file':<28} {'size':>8} {'command':>10} {'in-process':>11} {'lines printed':>14}")
    with tempfile.TemporaryDirectory(prefix="backfit-bench-") as folder:
        files = {f"one step, {n:,} unknown keys": HEADER + step(n) for n in UNKNOWN_KEYS}
        files[f"{STEPS} steps, about 1 MB"] = megabyte_routine()
        for name, text in files.items():
            path = Path(folder) / "routine.toml"
            path.write_text(text, encoding="utf-8")
            seconds, printed = command_seconds(path, args.timeout)
            command = f"{seconds:9.2f}s" if seconds is not None else f"> {args.timeout:.0f} s".rjust(10)
            here = f"{in_process_seconds(path):10.2f}s" if seconds is not None else "-".rjust(11)
            print(f"{name:<28} {len(text) / 1e6:6.2f}MB {command} {here} {printed:>14,}")
        goal = "pass" if seconds is not None and seconds < GOAL_S else "fail"
        print(f"goal: a 1 MB routine file validates in under {GOAL_S:.0f} s (the command): {goal}")


if __name__ == "__main__":
    main()
