"""User settings, read from `settings.toml` in the data directory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .validation import LoadError, Problem, TableReader, read_toml, whole

SETTINGS_KEYS = ("get_ready",)


@dataclass(frozen=True)
class Settings:
    """What the user can change; every field has a default that works out of the box."""

    get_ready: int = 5  # seconds of get-ready countdown before each step


def load_settings(path: Path) -> Settings:
    """The settings in `path`, or the defaults when it does not exist; LoadError when it is bad."""
    if not path.exists():
        return Settings()
    document, source = read_toml(path)
    problems: list[Problem] = []
    reader = TableReader(path, source, problems)
    reader.table(document, (), SETTINGS_KEYS)
    get_ready = reader.field(document, (), "get_ready", whole(0, 60, "seconds"), Settings.get_ready)
    if problems:
        raise LoadError(problems)
    return Settings(get_ready=get_ready)
