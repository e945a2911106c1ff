"""Hearing what backfit played, through ALSA's `file` plugin, at once or at a sound card's pace; a sound card that
is not there; sound programs that fail as playsound3 probes them, for the tests of a machine without sound; and a
terminal for the bell to ring on.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import subprocess
import threading
import time
import wave
from pathlib import Path
from typing import NamedTuple

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


def failing_alsa(tmp_path: Path) -> dict[str, str]:
    """An environment whose default ALSA device cannot be opened, as on a machine with no sound card: aplay
    starts, then exits 1 ("audio open error")."""
    config = tmp_path / "no-card.conf"
    config.write_text("</usr/share/alsa/alsa.conf>\npcm.!default {\n    type hw\n    card 31\n}\n")
    return {"ALSA_CONFIG_PATH": str(config)}


class PacedSpeaker:
    """A default ALSA device that plays in real time, as a sound card does, and keeps what reached it.

    ALSA's `file` plugin writes into a FIFO that `listen` reads at `bytes_per_second`; the FIFO holds
    one page, so aplay is held back to the pace it would play at on a card. (Over a `null` device, a
    1.4 s sound is done in milliseconds, and stopping it could never cut it short.)
    """

    def __init__(self, tmp_path: Path, bytes_per_second: int) -> None:
        self.bytes_per_second = bytes_per_second
        fifo = tmp_path / "speaker"
        os.mkfifo(fifo)
        # Opened and shrunk before aplay opens it, so not a byte is written into a larger pipe.
        self._fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        fcntl.fcntl(self._fd, fcntl.F_SETPIPE_SZ, os.sysconf("SC_PAGE_SIZE"))
        config = tmp_path / "paced.conf"
        config.write_text(
            "</usr/share/alsa/alsa.conf>\n"
            f'pcm.!default {{\n    type file\n    slave.pcm "null"\n    file "{fifo}"\n    format "raw"\n}}\n'
        )
        self.env = {"ALSA_CONFIG_PATH": str(config)}
        self.heard = bytearray()
        self._listener = threading.Thread(target=self._listen, daemon=True)
        self._listener.start()

    def _listen(self) -> None:
        """Read what is played, at the device's pace, until the player closes the device."""
        poller = select.poll()
        poller.register(self._fd, select.POLLIN)
        started = None
        while True:
            poller.poll(100)
            try:
                chunk = os.read(self._fd, 1024)
            except BlockingIOError:  # the player has the device open, and has sent nothing more yet
                continue
            if not chunk:
                if started is None:  # no player has opened the device yet
                    time.sleep(0.01)
                    continue
                return  # the player closed the device
            started = started or time.monotonic()
            self.heard += chunk
            time.sleep(max(0.0, started + len(self.heard) / self.bytes_per_second - time.monotonic()))

    def heard_all(self, timeout: float) -> bytes:
        """What was played, once the player has closed the device (at most `timeout` seconds from now)."""
        self._listener.join(timeout)
        assert not self._listener.is_alive(), f"no player had closed the device {timeout} s later"
        os.close(self._fd)
        return bytes(self.heard)


class Run(NamedTuple):
    """How a process beside a terminal ended: its exit status, stdout, stderr (None: it was the terminal), and
    what the terminal was sent."""

    returncode: int
    stdout: str
    stderr: str | None
    terminal: str


def run_beside_a_terminal(argv: list[str], env: dict[str, str], stderr_on_terminal: bool, timeout: float = 30) -> Run:
    """Run `argv` with stdout into a pipe, beside a terminal of its own, and say how it went.

    `stderr_on_terminal`: stderr is the terminal, as in a shell; otherwise stderr goes into a pipe too, and the
    terminal is only the process's controlling terminal (/dev/tty), as for `backfit run --plain 2>log | cat`.
    """
    main, side = pty.openpty()
    terminal = os.ttyname(side)

    def take_the_terminal() -> None:  # in the child, a session leader by now: opening a tty makes it its own
        os.close(os.open(terminal, os.O_RDWR))

    process = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=side if stderr_on_terminal else subprocess.PIPE,
        env=env, text=True, start_new_session=True, preexec_fn=None if stderr_on_terminal else take_the_terminal,
    )  # fmt: skip
    shown, ended = bytearray(), threading.Event()
    reader = threading.Thread(target=_read_terminal, args=(main, shown, ended), daemon=True)
    reader.start()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    finally:
        ended.set()
        reader.join(5)
        os.close(side)  # held open till now: a process that opens /dev/tty only to ring leaves it closed between rings
        os.close(main)
    return Run(process.returncode, stdout, stderr, shown.decode().replace("\r\n", "\n"))


def _read_terminal(main: int, shown: bytearray, ended: threading.Event) -> None:
    """Keep what the terminal shows, until the process has `ended` and nothing more comes."""
    poller = select.poll()
    poller.register(main, select.POLLIN)
    while True:
        if poller.poll(100):
            shown += os.read(main, 4096)
        elif ended.is_set():
            return


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
