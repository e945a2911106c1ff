"""`python -m backfit_tui` runs the `backfit` command."""

import sys

from .cli.command import main

sys.exit(main())
