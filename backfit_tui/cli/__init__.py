"""The `backfit` command and the plain text guide."""
