"""Routine files as text, for the test modules that share them."""

# TOML cannot hold a raw ESC byte; \\u001b in a basic string is how a file smuggles one in.
ESCAPES = r"""
    name = "Red \u001b[31m alert"
    description = "Clears your screen \u001b[2J maybe."

    [[steps]]
    exercise = "plank"
    hold = 1
    cues = ["Bold \u001b[1m cue"]
"""

# Rich/Textual markup and terminal escapes everywhere a routine holds text: all must show literally.
HOSTILE = r"""
    name = "[bold]B[/bold] [link=https://x.example]L[/link] \u001b[31mred"
    description = "[@click=app.quit]Quit[/] then \u001b[2J clear"
    tags = ["[red]tag[/red]"]

    [[steps]]
    exercise = "plank"
    hold = 2
    cues = ["[@click=app.quit]cue[/]", "Bold \u001b[1m cue"]
"""
HOSTILE_SHOWN = (
    r"[bold]B[/bold] [link=https://x.example]L[/link] \x1b[31mred",
    r"[@click=app.quit]Quit[/] then \x1b[2J clear",
    "[red]tag[/red]",
    "[@click=app.quit]cue[/]",
    r"Bold \x1b[1m cue",
)


ONE_SECOND = """
    name = "One second"
    description = "A single one-second hold."

    [[steps]]
    exercise = "plank"
    hold = 1
"""


FIVE_SHORT_SETS = """
name = "Five short sets"
description = "One-second holds with a second of rest between them."
[[steps]]
exercise = "plank"
hold = 1
sets = 5
rest_between_sets = 1
"""

# A routine of one step, good to load.
GOOD = """
    name = "My plan"
    description = "A plan of my own."
    tags = ["mine"]

    [[steps]]
    exercise = "plank"
    hold = 20
"""


# Every problem on a known line: 5 the exercise, 6 the hold, 7 the unknown key.
BAD = """
    name = "Bad plan"
    description = "Three mistakes."

    [[steps]]
    exercise = "cat-cw"
    hold = -5
    setz = 2
"""
