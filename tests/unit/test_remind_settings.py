"""The reminder's settings in settings.toml: how often, which routine, and the hours and days."""

from __future__ import annotations

from pathlib import Path

from backfit_tui.core.remind_window import RemindWindow
from backfit_tui.store.remind_settings import RemindSettings
from backfit_tui.store.settings import load_settings


def load(tmp_path: Path, text: str):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def test_without_settings_a_desk_break_comes_every_fifty_minutes_at_any_hour(tmp_path):
    remind = load(tmp_path, "").remind
    assert (remind.every, remind.routine, remind.window) == (3000, "desk-break", RemindWindow())


def test_the_reminder_settings_are_read(tmp_path):
    text = 'remind_every = "90s"\nremind_routine = "floor-stretch"\nremind_hours = "09:00-18:00"\nremind_days = "mon-fri"\n'
    settings = load(tmp_path, text)
    assert settings.warnings == ()
    office = RemindWindow(540, 1080, frozenset(range(5)))
    assert (settings.remind.every, settings.remind.routine, settings.remind.window) == (90, "floor-stretch", office)


def test_a_bad_reminder_setting_says_where_and_keeps_its_default(tmp_path):
    settings = load(tmp_path, 'remind_every = "often"\nremind_hours = "9 to 5"\nremind_days = 5\n')
    assert settings.remind == RemindSettings()
    said = [str(p) for p in settings.warnings]
    assert len(said) == 3
    assert "settings.toml:1: remind_every: must be a time such as 50m, 90s or 1h" in said[0]
    assert 'the default, "50m", is used' in said[0]
    assert said[1].endswith(
        "settings.toml:2: remind_hours: must be a range of hours such as \"09:00-18:00\", got '9 to 5'; "
        'the default, "00:00-24:00", is used until it is fixed'
    )
    assert "settings.toml:3: remind_days: must be text in quotes, got 5" in said[2]
