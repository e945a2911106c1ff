"""The screens a person moves through: the routine menu, a session, its summary."""
