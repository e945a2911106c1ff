"""`python -m backfit_tui` runs the `backfit` command."""

import sys

from .cli.launch import main

sys.exit(main())
