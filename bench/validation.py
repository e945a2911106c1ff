"""How long `backfit validate` takes on routine files full of unknown keys, and on a 1 MB file.

    python bench/validation.py [--timeout SECONDS]

Writes routine files into a temporary folder: one step with 1,000, 2,000, 4,000 and 8,000
unknown keys, and a file of about 1 MB (50 steps, each with as many unknown keys as fit). Times
`backfit validate FILE` as a new process (start-up included, given up after `--timeout`), then
the same check in this process; each the best of three runs, or of fewer once they pass 5 s.
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
from collections.abc import Callable
from pathlib import Path

from backfit_tui.cli import command as cli

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


def fastest(action: Callable[[], object]) -> float:
    """The fastest of three runs of `action`, or of fewer when they pass 5 s in all."""
    times: list[float] = []
    while len(times) < 3 and sum(times) < 5:
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times)


def command(path: Path, timeout: float) -> None:
    """`backfit validate path`, a new process; TimeoutExpired after `timeout` seconds."""
    subprocess.run([sys.executable, "-m", "backfit_tui", "validate", str(path)], capture_output=True, timeout=timeout)


def in_process(path: Path) -> str:
    """What `cli.validate` prints for `path`, run in this process."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
        cli.validate([path])
    return printed.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=120, help="give up on a command after this many seconds")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"{'file':<28} {'size':>8} {'command':>10} {'in-process':>11} {'lines printed':>14}")
    with tempfile.TemporaryDirectory(prefix="backfit-bench-") as folder:
        files = {f"one step, {n:,} unknown keys": HEADER + step(n) for n in UNKNOWN_KEYS}
        files[f"{STEPS} steps, about 1 MB"] = megabyte_routine()
        for name, text in files.items():
            path = Path(folder) / "routine.toml"
            path.write_text(text, encoding="utf-8")
            try:
                seconds = fastest(lambda: command(path, args.timeout))
            except subprocess.TimeoutExpired:
                seconds = None
                print(f"{name:<28} {len(text) / 1e6:6.2f}MB {'> ' + str(args.timeout) + ' s':>10}")
                continue
            here = fastest(lambda: in_process(path))
            printed = len(in_process(path).splitlines())
            print(f"{name:<28} {len(text) / 1e6:6.2f}MB {seconds:9.2f}s {here:10.2f}s {printed:>14,}")
        goal = "pass" if seconds is not None and seconds < GOAL_S else "fail"  # the last file is the 1 MB one
        print(f"goal: a 1 MB routine file validates in under {GOAL_S:.0f} s (the command): {goal}")


if __name__ == "__main__":
    main()
