"""Timer accuracy: a real two-minute routine in a real terminal, every event against when it was due.

    python bench/timer_accuracy.py [--quick] [--voice]

Runs `backfit run` on a routine of short holds, rests, sides, breaths and paced reps in tmux
(100x30) on the real clock, twice: on an idle machine, then with a busy process on every core.
backfit writes each event's due time, the time the screen handled it and the time its chime (or
phrase) was started to $BACKFIT_TRACE; chimes play through playsound3's ALSA backend into ALSA's
file plugin when `aplay` is installed (else the terminal bell). With --voice, espeak-ng speaks
the phrases too, through the same backend, each from a cache that starts empty, and each run is
made with the voice off as well, to show that no phase change or chime is later for the voice.
Prints the lateness of phase changes, chimes and phrases (p99 and max), and the session's length
against its plan (drift).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from terminal import machine, pane

ROUTINE = """
name = "Timer accuracy"
description = "Short holds, rests, sides, breaths and paced reps: about two minutes."
[[steps]]
exercise = "childs-pose"
hold = 15
sets = 2
rest_between_sets = 5
rest_after = 5
[[steps]]
exercise = "cat-cow"
breaths = 5
inhale = 2
exhale = 2
rest_after = 5
[[steps]]
exercise = "seated-twist"
hold = 10
sides = "each"
switch = 3
rest_after = 5
[[steps]]
exercise = "bridge"
reps = 6
seconds_per_rep = 2
rest_after = 5
[[steps]]
exercise = "bird-dog"
reps = 1
seconds_per_rep = 2
hold_per_rep = 10
sides = "alternating"
"""
QUICK_ROUTINE = """
name = "Timer accuracy, quick"
description = "A short hold, a rest and breaths."
[[steps]]
exercise = "childs-pose"
hold = 5
rest_after = 2
[[steps]]
exercise = "cat-cow"
breaths = 2
inhale = 1
exhale = 1
rest_after = 2
[[steps]]
exercise = "bird-dog"
reps = 1
seconds_per_rep = 1
hold_per_rep = 3
sides = "alternating"
"""
ALSA_CONFIG = """</usr/share/alsa/alsa.conf>
pcm.!default {{
    type file
    slave.pcm "null"
    file "{capture}"
    format "raw"
}}
"""
GOAL_MS = 50
NOISE_MS = 10  # what a run's p99 varies by from one run to the next on the same machine
DRIFT_GOAL_MS = 100


def run_session(folder: Path, routine: Path, timeout: float, voice: str) -> list[dict]:
    """Run the routine in tmux until it finishes, with the `voice` setting; return the trace's lines."""
    data = folder / "data"
    shutil.rmtree(data, ignore_errors=True)  # an empty speech cache: the phrases are rendered as a first session does
    data.mkdir()
    backend = "alsa" if shutil.which("aplay") else "bell"
    (data / "settings.toml").write_text(f'get_ready = 3\nsound_backend = "{backend}"\nvoice = "{voice}"\n')
    (data / "safety-note-shown").touch()
    (folder / "asound.conf").write_text(ALSA_CONFIG.format(capture=folder / "captured.raw"))
    trace = folder / "trace.jsonl"
    trace.unlink(missing_ok=True)
    env = {"BACKFIT_DATA_DIR": str(data), "BACKFIT_TRACE": str(trace), "ALSA_CONFIG_PATH": str(folder / "asound.conf")}
    with pane([shutil.which("backfit") or "backfit", "run", str(routine)], env) as launched:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if trace.exists() and '"session_finished"' in trace.read_text():
                break
            time.sleep(0.2)
        else:
            raise SystemExit(f"the session did not finish within {timeout:.0f} s; the screen was:\n"
                             + launched.screen())  # fmt: skip
        launched.press("C-q")
    return [json.loads(line) for line in trace.read_text().splitlines()]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(name: str, lines: list[dict], planned: float | None) -> list[tuple[str, bool]]:
    """Print the run's figures; return the goals with whether they were met.

    `planned`: the session's length as planned; None with the voice, whose get-readies may be made longer to
    say an introduction whole, so the engine's own deadlines say it.
    """
    changes = [(line["handled"] - line["due"]) * 1000 for line in lines if line["event"] == "phase_started"]
    chimes = {(line["due"], line["chime"]): (line["chimed"] - line["due"]) * 1000 for line in lines if line["chime"]}
    late = list(chimes.values())
    batches: dict[tuple[float, str], list[dict]] = {}  # a phrase is due with the latest event of its batch
    for line in lines:
        if line.get("phrase"):
            batches.setdefault((line["handled"], line["phrase"]), []).append(line)
    spoken = [(batch[0]["spoken"] - max(line["due"] for line in batch)) * 1000 for batch in batches.values()]
    first = next(line for line in lines if line["event"] == "phase_started")
    last = next(line for line in lines if line["event"] == "session_finished")
    planned = last["due"] - first["due"] if planned is None else planned
    planned_drift = (last["due"] - first["due"] - planned) * 1000
    felt_drift = (last["handled"] - first["handled"] - planned) * 1000
    print(f"\n{name}: {len(lines)} events, {len(changes)} phase changes, {len(late)} chimes")
    print(f"  phase changes late by   p99 {percentile(changes, 0.99):6.1f} ms   max {max(changes):6.1f} ms"
          f"   median {statistics.median(changes):5.1f} ms")  # fmt: skip
    print(f"  chimes started late by  p99 {percentile(late, 0.99):6.1f} ms   max {max(late):6.1f} ms"
          f"   median {statistics.median(late):5.1f} ms")  # fmt: skip
    if spoken:
        print(f"  phrases started late by p99 {percentile(spoken, 0.99):6.1f} ms   max {max(spoken):6.1f} ms"
              f"   median {statistics.median(spoken):5.1f} ms   ({len(spoken)} phrases)")  # fmt: skip
    print(f"  session length against its plan of {planned:.0f} s: deadlines {planned_drift:+.1f} ms,"
          f" as handled {felt_drift:+.1f} ms")  # fmt: skip
    goals = [
        (f"{name}: phase changes and chimes within {GOAL_MS} ms (p99)",
         max(percentile(changes, 0.99), percentile(late, 0.99)) <= GOAL_MS),
        (f"{name}: no drift (within {DRIFT_GOAL_MS} ms of the plan)", abs(felt_drift) <= DRIFT_GOAL_MS),
    ]  # fmt: skip
    if spoken:
        goals.append((f"{name}: phrases start within {GOAL_MS} ms (p99)", percentile(spoken, 0.99) <= GOAL_MS))
    return goals


def lateness(lines: list[dict]) -> float:
    """The p99 lateness of a run's phase changes and chimes, in ms: the later of the two."""
    changes = [(line["handled"] - line["due"]) * 1000 for line in lines if line["event"] == "phase_started"]
    chimes = [(line["chimed"] - line["due"]) * 1000 for line in lines if line["chime"]]
    return max(percentile(changes, 0.99), percentile(chimes, 0.99))


def compare(name: str, silent: list[dict], spoken: list[dict]) -> tuple[str, bool]:
    """Whether the voice made phase changes or chimes later than they are without it (beyond a run's noise)."""
    without, with_voice = lateness(silent), lateness(spoken)
    print(f"  {name}: phase changes and chimes p99 {with_voice:.1f} ms with the voice, {without:.1f} ms without")
    return (f"{name}: no phase change or chime later with the voice (p99 within {NOISE_MS} ms of without)",
            with_voice <= without + NOISE_MS)  # fmt: skip


def run_pair(folder: Path, routine: Path, timeout: float, voice: str, planned: float, name: str):
    """Run the session with `voice`, and with --voice without it too; report each; return the goals."""
    lines = run_session(folder, routine, timeout, voice)
    goals = report(name, lines, None if voice != "off" else planned)
    if voice != "off":
        silent = run_session(folder, routine, timeout, "off")
        goals += report(f"{name}, voice off", silent, planned)
        goals.append(compare(name, silent, lines))
    return goals


def busy() -> None:
    while True:
        pass


def planned_seconds(routine: Path) -> float:
    from backfit_tui.core.timeline import build_timeline, total_seconds
    from backfit_tui.store.routines.catalog import load_catalog
    from backfit_tui.store.routines.routine_files import load_routine

    return total_seconds(build_timeline(load_routine(routine, load_catalog().library), 3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 15-second routine, to try the script")
    parser.add_argument("--voice", action="store_true", help="speak the phrases with espeak-ng too")
    args = parser.parse_args()
    if args.voice and not shutil.which("espeak-ng"):
        raise SystemExit("--voice needs espeak-ng")
    voice = "espeak-ng" if args.voice else "off"
    folder = Path(tempfile.mkdtemp(prefix="backfit-accuracy-"))
    routine = folder / "timer-accuracy.toml"
    routine.write_text(QUICK_ROUTINE if args.quick else ROUTINE)
    planned = planned_seconds(routine)
    print(f"machine: {machine()}; chimes through {'ALSA (aplay)' if shutil.which('aplay') else 'the terminal bell'};"
          f" voice {voice}")  # fmt: skip
    goals = run_pair(folder, routine, planned + 60, voice, planned, "idle")
    loaders = [multiprocessing.Process(target=busy, daemon=True) for _ in range(os.cpu_count() or 2)]
    for loader in loaders:
        loader.start()
    try:
        goals += run_pair(folder, routine, planned + 90, voice, planned, f"loaded ({len(loaders)} busy processes)")
    finally:
        for loader in loaders:
            loader.terminate()
    print()
    for goal, met in goals:
        print(f"  [{'pass' if met else 'FAIL'}] {goal}")


if __name__ == "__main__":
    main()
