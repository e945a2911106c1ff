"""backfit: a guided back-exercise and stretch routine in the terminal."""
