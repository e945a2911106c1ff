"""Every path backfit reads or writes, in one place.

Bundled files are found beside the package in a source checkout, or inside it in an installed
wheel. The user's data directory is the platform's default unless `BACKFIT_DATA_DIR` (or the
`--data-dir` option, which sets it) moves it wholesale, the cache with it. Nothing here touches the
disk until asked.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_VARIABLE = "BACKFIT_DATA_DIR"
_PACKAGE = Path(__file__).resolve().parents[1]  # backfit_tui/, this module being in backfit_tui/store/


def _bundled(name: str) -> Path:
    inside = _PACKAGE / "bundled" / name  # an installed wheel
    return inside if inside.is_dir() else _PACKAGE.parent / name  # a source checkout


def bundled_routines_dir() -> Path:
    """The routines shipped with backfit."""
    return _bundled("routines")


def bundled_library_file() -> Path:
    """The exercise library every routine refers to."""
    return bundled_routines_dir() / "library" / "exercises.toml"


def bundled_figures_file() -> Path:
    """The figures of the library's exercises, beside the library."""
    return bundled_library_file().with_name("figures.toml")


def bundled_sounds_dir() -> Path:
    """The chimes shipped with backfit."""
    return _bundled("sounds")


def data_dir() -> Path:
    """The user's data directory (not created here)."""
    moved = os.environ.get(DATA_DIR_VARIABLE)
    if moved:
        return Path(moved).expanduser()
    import platformdirs  # only when asked: keeps imports of this module free

    return Path(platformdirs.user_data_dir("backfit", appauthor=False))


def cache_dir() -> Path:
    """Files backfit can make again at will, such as the voice's phrases (not created here).

    The platform's cache folder; inside the data directory when `BACKFIT_DATA_DIR` moves that, so
    the variable moves every file backfit writes.
    """
    if os.environ.get(DATA_DIR_VARIABLE):
        return data_dir() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("backfit", appauthor=False))


def speech_cache_dir() -> Path:
    """The voice's phrases, rendered to WAV files named for the engine, voice, rate and text."""
    return cache_dir() / "speech"


def user_routines_dir() -> Path:
    """Where the user's own routines live; they win over bundled ones with the same id."""
    return data_dir() / "routines"


def settings_file() -> Path:
    """The user's settings (TOML)."""
    return data_dir() / "settings.toml"


def history_file() -> Path:
    """The SQLite history database."""
    return data_dir() / "history.sqlite3"


def warm_up_choices_file() -> Path:
    """Each routine's last answer to the warm-up offer (JSON)."""
    return data_dir() / "warm-up-choices.json"


def status_cache_file() -> Path:
    """What `backfit status` last read from the history and the settings (JSON), for its next call."""
    return data_dir() / "status-cache.json"


def reminder_state_file() -> Path:
    """What a running `backfit remind` says of the next break, for `backfit status` to read."""
    return data_dir() / "reminder.json"


def reminder_lock_file() -> Path:
    """Locked by the running `backfit remind`, so that only one runs in a data folder."""
    return data_dir() / "reminder.lock"


def safety_note_marker() -> Path:
    """Present once the safety note has been shown."""
    return data_dir() / "safety-note-shown"


def ensure_dir(path: Path) -> Path:
    """Create `path` (and its parents) if it is missing; return it."""
    path.mkdir(parents=True, exist_ok=True)
    return path
