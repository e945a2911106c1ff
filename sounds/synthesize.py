"""Make backfit's chimes: `python sounds/synthesize.py [DIR]` writes them as WAV files (into this
folder by default). Standard library only, and deterministic: the same script gives the same bytes.

Each chime is a few bell-like notes. A note is a sum of partials, each with its own decay, behind a
short attack; every chime ends on a fade-out, and is normalised so that its loudest tenth of a
second has the same loudness as every other chime's (the breath cues a little softer, as asked).
"""

from __future__ import annotations

import math
import sys
import wave
from array import array
from pathlib import Path

RATE = 44100
ATTACK_S = 0.004
FADE_S = 0.03
LOUDNESS_DBFS = -16.0  # short-term RMS of the loudest 100 ms window
SOFT_DB = -6.0  # breath cues sit under the others
PEAK_LIMIT = 0.9  # never closer than this to full scale: no clipping

# (ratio to the fundamental, amplitude, decay time in seconds): a small bell's partials.
BELL = ((1.0, 1.0, 0.45), (2.0, 0.5, 0.25), (2.76, 0.35, 0.18), (5.4, 0.15, 0.08))
WOOD = ((1.0, 1.0, 0.03), (2.3, 0.4, 0.015))  # a short knock
TICK = ((1.0, 1.0, 0.02), (3.0, 0.3, 0.01))

C5, E5, G5, C6, E6 = 523.25, 659.25, 783.99, 1046.5, 1318.5


def note(frequency: float, partials, length: float) -> list[float]:
    """One struck note `length` seconds long."""
    samples = []
    for n in range(int(length * RATE)):
        t = n / RATE
        value = sum(a * math.exp(-t / d) * math.sin(2 * math.pi * frequency * r * t) for r, a, d in partials)
        samples.append(value * min(t / ATTACK_S, 1.0))
    return samples


def glide(start: float, end: float, length: float) -> list[float]:
    """A soft tone sliding from `start` to `end` Hz, swelling in and out: one breath."""
    samples, phase, count = [], 0.0, int(length * RATE)
    for n in range(count):
        position = n / count
        frequency = start + (end - start) * position
        phase += 2 * math.pi * frequency / RATE
        envelope = math.sin(math.pi * position) ** 2
        samples.append(envelope * (math.sin(phase) + 0.2 * math.sin(2 * phase)))
    return samples


def sequence(*notes: tuple[float, list[float]], length: float) -> list[float]:
    """Notes placed at their start times (seconds) in a chime `length` seconds long."""
    out = [0.0] * int(length * RATE)
    for start, samples in notes:
        offset = int(start * RATE)
        for i, value in enumerate(samples[: len(out) - offset]):
            out[offset + i] += value
    return out


def finished(samples: list[float], soft: bool = False) -> array:
    """Faded out, normalised to the shared loudness (softer if asked), as 16-bit samples."""
    fade = int(FADE_S * RATE)
    for i in range(fade):
        samples[-1 - i] *= 0.5 - 0.5 * math.cos(math.pi * i / fade)
    window = RATE // 10
    loudest = max(
        math.sqrt(sum(v * v for v in samples[i : i + window]) / window)
        for i in range(0, max(len(samples) - window, 1), window // 4)
    )
    target = 10 ** ((LOUDNESS_DBFS + (SOFT_DB if soft else 0.0)) / 20)
    gain = min(target / loudest, PEAK_LIMIT / max(abs(v) for v in samples))
    return array("h", (round(v * gain * 32767) for v in samples))


def chimes() -> dict[str, array]:
    """Every chime by its file name (without `.wav`)."""
    return {
        "countdown": finished(note(1760.0, TICK, 0.12)),
        "rep": finished(note(880.0, WOOD, 0.15)),
        "work_start": finished(sequence((0, note(G5, BELL, 0.8)), (0.12, note(C6, BELL, 0.68)), length=0.8)),
        "work_end": finished(sequence((0, note(C6, BELL, 0.9)), (0.15, note(G5, BELL, 0.75)), length=0.9)),
        "switch": finished(sequence((0, note(E5, BELL, 0.7)), (0.18, note(E5, BELL, 0.52)), length=0.7)),
        "rest_end": finished(
            sequence((0, note(C5, BELL, 1.0)), (0.12, note(E5, BELL, 0.88)), (0.24, note(G5, BELL, 0.76)), length=1.0)
        ),
        "breath_in": finished(glide(330.0, 440.0, 0.6), soft=True),
        "breath_out": finished(glide(440.0, 330.0, 0.6), soft=True),
        "complete": finished(
            sequence(
                (0, note(C5, BELL, 1.4)), (0.15, note(E5, BELL, 1.25)), (0.3, note(G5, BELL, 1.1)),
                (0.45, note(C6, BELL, 0.95)), (0.6, note(E6, BELL, 0.8)),
                length=1.4,
            )  # fmt: skip
        ),
    }


def write(directory: Path) -> list[Path]:
    """Write every chime into `directory`; return the files written."""
    written = []
    for name, samples in chimes().items():
        path = directory / f"{name}.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            if sys.byteorder == "big":  # WAV samples are little-endian; array("h") is native
                samples.byteswap()
            out.writeframes(samples.tobytes())
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    for path in write(target):
        print(path)
