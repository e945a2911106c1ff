"""The history: a SQLite file of sessions and sets, its schema and migrations, and what it says about coming back."""
