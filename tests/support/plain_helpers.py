"""The plain guide run in-process on a fake clock, and the small routine its tests run."""

from __future__ import annotations

import io

import pytest

from backfit_tui.cli.plain import run_plain
from backfit_tui.store.settings import Settings

TINY = """
    name = "Tiny"
    description = "A hold in two sets, two breaths and a self-paced set of reps."

    [[steps]]
    exercise = "childs-pose"
    hold = 3
    sets = 2
    rest_between_sets = 2

    [[steps]]
    exercise = "cat-cow"
    breaths = 2
    inhale = 1
    exhale = 1

    [[steps]]
    exercise = "band-pull-apart"
    reps = 5
"""


def assert_in_order(lines: list[str], expected: list[str]) -> None:
    """Every expected line appears, whole, in this order (other lines may come between)."""
    position = 0
    for want in expected:
        try:
            position = lines.index(want, position) + 1
        except ValueError:
            pytest.fail(f"{want!r} missing (or out of order) after line {position} of:\n" + "\n".join(lines))


class FakeTime:
    """A clock that only moves when the guide sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds


def run_fake(routine, settings: Settings, typed=("d",), read_line=None) -> tuple[int, list[str], FakeTime, list[float]]:
    """Run the guide on a fake clock, the person typing the lines `typed` in turn; also returns when each was read."""
    fake, out, reads, lines = FakeTime(), io.StringIO(), [], iter(typed)

    def type_a_line() -> str:
        reads.append(fake.now)
        return next(lines)

    status = run_plain(
        routine, settings, out=out, clock=fake.clock, sleep=fake.sleep, read_line=read_line or type_a_line,
    )  # fmt: skip
    return status, out.getvalue().splitlines(), fake, reads
