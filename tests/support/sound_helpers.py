"""Hearing what backfit played, through ALSA's `file` plugin; and sound programs that fail as playsound3 probes them,
for the tests of a machine without sound.
"""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

from backfit_tui.store.locations import bundled_sounds_dir

# A settings.toml line for the tests of the screen that are not about sound: each chime rings the
# terminal bell, as on a machine that cannot play sound, but without the toast that says so, which
# would cover the text the test reads. The tests' $BACKFIT_VOICE keeps the voice off.
BELL_ALONE = 'sound_backend = "bell"\n'


def capturing_alsa(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose default ALSA device writes what it is sent to files, one per playback.

    With `truncate false`, ALSA's file plugin leaves an existing capture alone and writes the next
    to `captured.raw.0001`, `.0002`, … so each sound played lands in its own file, in order.
    """
    capture = tmp_path / "captured.raw"
    config = tmp_path / "asound.conf"
    config.write_text(
        "</usr/share/alsa/alsa.conf>\n"
        "pcm.!default {\n"
        '    type file\n    slave.pcm "null"\n'
        f'    file "{capture}"\n    format "raw"\n    truncate false\n'
        "}\n"
    )
    return {"ALSA_CONFIG_PATH": str(config)}, capture


def captures(capture: Path) -> list[bytes]:
    """Each playback's capture, in the order they were played."""
    files = sorted(capture.parent.glob(capture.name + "*"), key=lambda p: (len(p.name), p.name))
    return [p.read_bytes() for p in files]


def samples_of(wav: Path) -> bytes:
    """The samples of a WAV file, as ALSA's file plugin captures them."""
    with wave.open(str(wav), "rb") as sound:
        return sound.readframes(sound.getnframes())


def chime_samples(chime: str) -> bytes:
    return samples_of(bundled_sounds_dir() / f"{chime}.wav")


def played_as_it_is(played: bytes, source: bytes) -> bool:
    """Whether a capture is `source`, bit for bit, padded with nothing but zeros (to ALSA's period)."""
    return played[: len(source)] == source and played[len(source) :].count(0) == len(played) - len(source)


def only_on_path(tmp_path: Path, *programs: str) -> str:
    """A PATH on which `programs` (found on this one) are all there is, as on a fresh Debian with just those."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for program in programs:
        (bin_dir / program).symlink_to(shutil.which(program))
    return str(bin_dir)


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
