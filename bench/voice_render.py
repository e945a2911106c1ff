"""Voice rendering: every phrase of the longest bundled routine rendered with espeak-ng, then again from the cache.

    python bench/voice_render.py [--runs N]

Lists the phrases a session of each bundled routine says, takes the routine that runs longest, and
times rendering all of its phrases with espeak-ng into an empty cache (in a temporary folder), as a
first session of it does, then again with that cache warm, as every later session does, counting
the engine's runs each time. The median and the slowest of N runs (default 5) of each. Needs espeak-ng.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from backfit_tui.audio.speech import RenderedSpeech
from backfit_tui.audio.speech_engines import find_engine
from backfit_tui.core.phrases import session_phrases
from backfit_tui.core.timeline import build_timeline, total_seconds
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.settings import Settings

GOAL_S = 1.0
SETTINGS = Settings(voice="espeak-ng")


def render(cache: Path, phrases: list[str]) -> tuple[float, int]:
    """Seconds to render `phrases` into `cache`, and how many times the engine ran."""
    speech = RenderedSpeech(find_engine(SETTINGS), cache, player=None)
    start = time.perf_counter()
    speech.prepare(phrases)
    elapsed = time.perf_counter() - start
    assert speech.problem is None, speech.problem
    return elapsed, speech.engine_calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not shutil.which("espeak-ng"):
        raise SystemExit("espeak-ng is not installed")
    routines = [entry.routine for entry in load_catalog().entries if entry.routine and entry.origin == "bundled"]
    longest = max(routines, key=lambda routine: total_seconds(build_timeline(routine, SETTINGS.get_ready)))
    start = time.perf_counter()
    phrases = session_phrases(longest, SETTINGS.get_ready, count_aloud=True)
    listed_ms = (time.perf_counter() - start) * 1000
    print(f"{longest.id}: {len(phrases)} phrases, listed in {listed_ms:.1f} ms")
    cold, warm = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="backfit-voice-") as folder:
            cold.append(render(Path(folder), phrases))
            warm.append(render(Path(folder), phrases))
    for name, runs in (("empty cache", cold), ("warm cache", warm)):
        times = [seconds * 1000 for seconds, _ in runs]
        print(f"  {name + ':':12} median {statistics.median(times):7.1f} ms, slowest {max(times):7.1f} ms,"
              f" engine runs {max(calls for _, calls in runs)}")  # fmt: skip
    print(f"\n  [{'pass' if max(s for s, _ in cold) < GOAL_S else 'FAIL'}] every phrase rendered in under {GOAL_S:g} s")
    print(f"  [{'pass' if all(calls == 0 for _, calls in warm) else 'FAIL'}] a warm cache runs no engine")


if __name__ == "__main__":
    main()
