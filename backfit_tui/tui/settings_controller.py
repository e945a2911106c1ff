"""The settings the person changes as the app runs: the mute, the voice and the theme, each remembered in the
settings file for the next start (or said to be kept for this session only)."""

from __future__ import annotations

from dataclasses import replace

from ..store import locations
from ..store.settings import save_setting
from ..store.validation import LoadError
from .state import AppState, Host, prepare_voice


class SettingsController:
    """Turns the chimes and the voice off or on and keeps the theme picked, for `host`, on `state`."""

    def __init__(self, host: Host, state: AppState) -> None:
        self.host = host
        self.state = state

    def toggle_mute(self) -> None:
        """Turn the chimes off or on, and remember it in the settings file if it can be read."""
        chimes = self.state.sounds.chimes
        chimes.muted = not chimes.muted
        said = "Chimes off" if chimes.muted else "Chimes on"
        self.host.notify(said, timeout=2)
        self.host.refresh_bindings()  # the footer's m now reads Unmute, or Mute
        self.remember("mute", chimes.muted, said)

    def toggle_voice(self) -> None:
        """Turn the voice off or on (saying why, when no engine speaks), and remember it in the settings file."""
        voice = self.state.sounds.voice
        silent = voice.toggle()
        said = "Voice on" if voice.on else "Voice off"
        if silent:
            self.host.warn(silent)
        else:
            self.host.notify(said, timeout=2)
        prepare_voice(self.host, voice)
        self.remember("voice", voice.choice, said)

    def remember_theme(self, theme: str) -> None:
        """Remember a theme picked from the command palette in the settings file, for the next start."""
        state = self.state
        if theme == state.settings.theme:  # the one it started with, or chosen again
            return
        state.settings = replace(state.settings, theme=theme)
        self.remember("theme", theme, f"The {theme} theme")

    def remember(self, key: str, value: bool | str, said: str) -> None:
        """Save `key` in the settings file, or warn that it is not remembered (`said`: what was changed)."""
        try:
            save_setting(locations.settings_file(), key, value)
        except LoadError as err:  # the file is the person's to fix; it is left as it is
            self.host.warn(f"{said} for this session only, not remembered: {err}")
        except OSError as err:  # the file cannot be written
            self.host.warn(f"Could not remember this in {locations.settings_file()}: {err.strerror or err}")
