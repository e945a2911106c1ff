"""A setting is declared once, as one field, and read with every other in one loop: a new setting is one line."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from backfit_tui.store.setting_keys import Context, FallbackReader, declared_keys, part, read_declared, setting
from backfit_tui.store.settings import SETTINGS_KEYS, Settings
from backfit_tui.store.validation import boolean, choice, whole


@dataclass(frozen=True)
class Speaker:
    """A nested part of the test's own, written at the top level after "speaker_"."""

    side: str = setting("both", choice(["both", "left", "right"]), env="TEST_SPEAKER")
    delay: float = setting("250ms", choice(["0ms", "250ms"]), means=lambda text: int(text.removesuffix("ms")) / 1000)


@dataclass(frozen=True)
class Volume:
    """A settings class of the test's own: each setting one line."""

    level: int = setting(5, whole(0, 10, "steps"))
    loud: bool = setting(False, boolean)
    speaker: Speaker = part(Speaker, "speaker_")


def read(text: str, environ: dict[str, str] | None = None) -> tuple[Volume, list[str]]:
    """`text` read as a settings file against Volume's declarations, and its warnings."""
    path, warnings = Path("volume.toml"), []
    reader = FallbackReader(path, text, warnings)
    reader.table(tomllib.loads(text), (), declared_keys(Volume))
    values = read_declared(Volume, reader, tomllib.loads(text), Context(path.parent, environ or {}))
    reader.finish()
    return Volume(**values), [str(w) for w in warnings]


def test_the_declared_keys_are_the_fields_and_the_parts_keys_after_their_prefix():
    assert declared_keys(Volume) == ["level", "loud", "speaker_side", "speaker_delay"]


def test_each_declared_setting_is_read_and_means_what_its_declaration_says():
    assert read("") == (Volume(5, False, Speaker("both", 0.25)), [])
    assert read('level = 7\nloud = true\nspeaker_delay = "0ms"\n') == (Volume(7, True, Speaker("both", 0.0)), [])


def test_a_bad_value_or_unknown_key_costs_only_itself_and_shows_the_default_as_written():
    volume, warnings = read('level = 11\nspeaker_delay = "1s"\nlevl = 3\n')
    assert volume == Volume()
    assert warnings == [
        "volume.toml:1: level: must be a whole number of steps between 0 and 10, got 11; "
        "the default, 5, is used until it is fixed",
        'volume.toml:2: speaker_delay: must be one of "0ms", "250ms", got "1s"; '
        'the default, "250ms", is used until it is fixed',
        'volume.toml:3: levl: unknown key; did you mean "level"?; it is ignored',
    ]


def test_the_environment_variable_wins_over_the_file_unless_the_check_refuses_it():
    assert read('speaker_side = "left"\n', {"TEST_SPEAKER": " Right "})[0].speaker.side == "right"
    volume, warnings = read('speaker_side = "left"\n', {"TEST_SPEAKER": "middle"})
    assert volume.speaker.side == "left"
    refused = 'environment: TEST_SPEAKER: must be one of "both", "left", "right", got "middle"; it is ignored'
    assert warnings == [refused]


def test_every_field_of_the_settings_but_their_warnings_is_declared_once_as_its_keys():
    declared = [f.name for f in fields(Settings) if f.name != "warnings"]
    remind = ["remind_every", "remind_routine", "remind_hours", "remind_days"]
    assert list(SETTINGS_KEYS) == [name for name in declared if name != "remind"] + remind
