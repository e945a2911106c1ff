"""A player for tests: it remembers what it was asked to play instead of playing it."""

from __future__ import annotations

from pathlib import Path


class RecordingPlayer:
    def __init__(self) -> None:
        self.played: list[str] = []  # the file names (without .wav), in order
        self.stopped = 0

    def play(self, path: Path) -> None:
        self.played.append(path.stem)

    def stop(self) -> None:
        self.stopped += 1

    def wait(self) -> None:
        pass
