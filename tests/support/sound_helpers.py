"""Sound programs that fail as playsound3 probes them, for the tests of a machine without sound."""

from __future__ import annotations

from pathlib import Path


def broken_players_on_path(tmp_path: Path, broken: str) -> str:
    """A PATH holding one WAV player that fails as playsound3 probes it when imported.

    "cannot run": gst-play-1.0 without execute permission, so running it is denied even to root, as
    a folder on PATH that cannot be entered denies it to anyone else. "fails": aplay whose
    `--version` exits with an error.
    """
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if broken == "cannot run":
        (bin_dir / "gst-play-1.0").write_text("#!/bin/sh\n")
    else:
        (bin_dir / "aplay").write_text("#!/bin/sh\nexit 1\n")
        (bin_dir / "aplay").chmod(0o755)
    return str(bin_dir)


BROKEN_PLAYERS = {
    "cannot run": "gst-play-1.0: Permission denied",
    "fails": "Command '['aplay', '--version']' returned non-zero exit status 1.",
}
