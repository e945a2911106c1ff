"""Routine files and the exercise library: read and checked, written, edited as drafts, and progressed."""
