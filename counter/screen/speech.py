"""A call said aloud without a network: a chime made by sox, then the words in Mandarin
by espeak-ng, written to one WAV file and played by sox's `play`. Plain processes and no
Qt, so the announcer runs it off the GUI thread and a test can synthesise to a file."""

from __future__ import annotations

import logging
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

VOICE = "cmn"  # espeak-ng's Mandarin
RATE = "22050"  # espeak-ng's own sample rate: the chime is made at it, so sox only joins
CHIME = ("synth", "0.18", "sine", "1046.5", "synth", "0.18", "sine", "784")  # ding-dong
SECONDS = 20  # no synthesis of one call takes this long; a hung engine is given up


@dataclass(frozen=True)
class Engine:
    """The programs that speak: espeak-ng for the words, sox for the chime and joining,
    `play` for the loudspeaker (absent on a machine that only writes files)."""

    espeak: str
    sox: str
    play: str | None

    def synthesise(self, words: str, wav: Path) -> None:
        """The chime then `words`, as one mono WAV at `wav`; raises OSError or
        CalledProcessError when a program fails."""
        chime, speech = wav.with_suffix(".chime.wav"), wav.with_suffix(".words.wav")
        try:
            self._run(self.sox, "-n", "-r", RATE, "-c", "1", "-b", "16", str(chime), *CHIME)
            self._run(self.espeak, "-v", VOICE, "-s", "140", "-w", str(speech), words)
            self._run(self.sox, str(chime), str(speech), str(wav))
        finally:
            chime.unlink(missing_ok=True)
            speech.unlink(missing_ok=True)

    def say(self, words: str, folder: Path) -> None:
        """Synthesise `words` in `folder` and play them to the end (the caller's thread)."""
        if self.play is None:
            return
        wav = folder / "call.wav"
        self.synthesise(words, wav)
        self._run(self.play, "-q", str(wav))

    @staticmethod
    def _run(*command: str) -> None:
        subprocess.run(command, check=True, capture_output=True, timeout=SECONDS)


def find_engine() -> Engine | None:
    """The speaking programs on this machine; None (logged once) where one is missing."""
    espeak, sox = shutil.which("espeak-ng"), shutil.which("sox")
    if espeak is None or sox is None:
        log.info("no espeak-ng or sox: calls chime instead of speaking")
        return None
    return Engine(espeak, sox, shutil.which("play"))


def spoken_ticket(ticket: str) -> str:
    """A ticket as halls call it, digit by digit: A001 → A零零一."""
    digits = "零一二三四五六七八九"
    return "".join(digits[int(char)] if char.isdigit() else char for char in ticket)
