"""Files and the history: paths, TOML in and out, routines, settings, SQLite. Imports only the core."""
