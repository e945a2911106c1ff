"""Playing the one chime each moment of a session calls for, or the terminal bell when no sound can be played."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from ..core.chime_map import Chime, chime_for
from ..core.records import Event
from ..core.timeline import Phase
from ..store.locations import bundled_sounds_dir
from ..store.settings import Settings
from .playsound_player import NoSound, Player

SOFT = (Chime.BREATH_IN, Chime.BREATH_OUT, Chime.REP)  # too frequent for the terminal bell


def chime_files(settings: Settings, bundled: Path) -> dict[Chime, Path | None]:
    """The file each chime plays (None: turned off): the user's own, or the bundled one."""
    files: dict[Chime, Path | None] = {}
    for chime in Chime:
        wanted = settings.chimes.get(chime, True)
        files[chime] = wanted if isinstance(wanted, Path) else (bundled / f"{chime.value}.wav" if wanted else None)
    return files


class ChimePlayer:
    """Plays the one chime each moment of a session calls for, unless muted.

    When no sound can be played, it says so once (through `report`) and rings the terminal bell
    from then on, for every chime but the soft, frequent ones.
    """

    def __init__(
        self,
        files: Mapping[Chime, Path | None],
        player: Player | None,
        bell: Callable[[], None],
        report: Callable[[str], None],
        muted: bool = False,
    ) -> None:
        self.files = files
        self.player = player
        self.bell = bell
        self.report = report
        self.muted = muted

    def for_events(self, events: Sequence[Event], timeline: Sequence[Phase]) -> Chime | None:
        """Play the chime these events call for; return it (even when muted, for a visual cue)."""
        chime = chime_for(events, timeline)
        if chime is not None:
            self.play(chime)
        return chime

    def play(self, chime: Chime) -> None:
        path = self.files.get(chime)
        if self.muted or path is None:
            return
        if self.player is not None:
            try:
                self.player.play(path)
                return
            except NoSound as err:
                self.player = None
                self.report(f"No sound can be played here ({err}); the terminal bell rings instead.")
        if chime not in SOFT:
            self.bell()

    def stop(self) -> None:
        """Stop every chime still playing."""
        if self.player is not None:
            self.player.stop()

    def finish(self) -> None:
        """Wait for the chimes still playing to end."""
        if self.player is not None:
            self.player.wait()


def make_chime_player(
    settings: Settings, player: Player | None, bell: Callable[[], None], report: Callable[[str], None]
) -> ChimePlayer:
    """The chime player the settings ask for, on `player` (None: the terminal bell alone)."""
    return ChimePlayer(chime_files(settings, bundled_sounds_dir()), player, bell, report, settings.mute)
