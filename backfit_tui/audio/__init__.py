"""Playing sounds: the chimes through playsound3, or the terminal bell."""
