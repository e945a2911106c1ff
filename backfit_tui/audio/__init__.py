"""Playing sounds: the chimes and the voice through playsound3 (or speech-dispatcher), or the terminal bell."""
