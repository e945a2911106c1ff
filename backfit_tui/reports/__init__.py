"""The history as people and scripts read it: Rich tables, JSON and CSV."""
