"""Routine files as text, for the test modules that share them (test_cli.py, test_plain_guide.py)."""

# TOML cannot hold a raw ESC byte; \\u001b in a basic string is how a file smuggles one in.
ESCAPES = r"""
    name = "Red \u001b[31m alert"
    description = "Clears your screen \u001b[2J maybe."

    [[steps]]
    exercise = "plank"
    hold = 1
    cues = ["Bold \u001b[1m cue"]
"""
