"""A call said aloud offline: the chime and the Mandarin words, synthesised to a WAV file by
the hall PC's own espeak-ng and sox, are heard (not silence) and last as a call lasts."""

from __future__ import annotations

import re
import subprocess

from counter.screen.speech import find_engine, spoken_ticket
from counter.screen.words import announcement


def _stat(wav) -> dict[str, float]:
    said = subprocess.run(
        ["sox", str(wav), "-n", "stat"], capture_output=True, text=True, check=True
    ).stderr
    return {
        " ".join(name.split()): float(value)
        for name, value in re.findall(r"^([^:]+?):\s+(-?[0-9.]+)$", said, re.MULTILINE)
    }


def test_a_ticket_is_called_digit_by_digit():
    assert spoken_ticket("A001") == "A零零一"
    assert announcement("V120", 5) == "请 V一二零 号到 5 号窗口"


def test_a_call_announcement_synthesised_to_a_wav_is_audible(tmp_path):
    engine = find_engine()  # .ci/run installs espeak-ng and sox
    assert engine is not None
    wav = tmp_path / "call.wav"
    engine.synthesise(announcement("A001", 3), wav)
    stat = _stat(wav)
    assert 2.0 < stat["Length (seconds)"] < 10.0
    assert stat["RMS amplitude"] > 0.02  # speech, not silence or a click
    assert list(tmp_path.iterdir()) == [wav]  # the chime and words files are cleaned up
