"""Running the `backfit` command in-process, as the CLI tests do."""

from __future__ import annotations

from backfit_tui.cli import command as cli


def backfit(capsys, *argv: str) -> tuple[int, str, str]:
    """Run `backfit ARGV...` in-process: (exit status, stdout, stderr)."""
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err
