"""The pure core: routines, their timeline, the session engine and what each moment means. No I/O."""
