"""A stand-in speech engine: `python write_wav.py OUT.wav`, the text on stdin; writes a short WAV of it.

Each text gets its own samples (its bytes, as 16-bit values), so phrases can be told apart by sound.
A text with "fail" in it fails, as an engine may: a message on stderr, exit status 3, no file.
"""

import sys
import wave

text = sys.stdin.read()
if "fail" in text:
    print("cannot say that", file=sys.stderr)
    sys.exit(3)
with wave.open(sys.argv[1], "wb") as out:
    out.setnchannels(1)
    out.setsampwidth(2)
    out.setframerate(8000)
    out.writeframes(b"".join(bytes([byte, 0]) for byte in text.encode()) * 10)
