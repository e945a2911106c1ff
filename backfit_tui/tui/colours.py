"""backfit's own theme variables, for themes that do not name them (any theme may)."""

from __future__ import annotations

# Switching sides needs a fifth phase colour, apart from get ready ($warning), work ($success), rest
# ($primary) and paused, in every theme: a soft purple, and magenta in a 16-colour terminal.
COLOUR_DEFAULTS = {"phase-switch": "#B48EAD"}
