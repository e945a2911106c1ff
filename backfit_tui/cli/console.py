"""The Rich console the commands draw their tables on (imported only by the commands that do)."""

from __future__ import annotations

from rich.console import Console


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich calls this while it handles a BrokenPipeError and would exit with status 1; raising
        # that error on lets `cli.main` end a closed pipe the same way, whatever printed to it.
        raise


def stdout_console() -> Console:
    """A console on stdout that leaves numbers and paths unhighlighted."""
    return _Console(highlight=False)
