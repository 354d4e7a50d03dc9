"""Voice guidance (语音引导): each screen's question read aloud, in Mandarin or English, by
espeak-ng, offline. Speech is made and played on a thread of its own, the newest question
replacing one still being spoken; where no engine or player is installed the kiosk stays
silent and says so once in its log."""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

log = logging.getLogger(__name__)

ENGINE = "espeak-ng"
VOICES = {"zh": "cmn", "en": "en"}  # espeak-ng's Mandarin and English voices
SPEED = 150  # words a minute: slower than espeak-ng's 175, for an older customer
PLAYERS = (("paplay",), ("aplay", "-q"), ("play", "-q"))  # PulseAudio, ALSA, sox
SPEAK_S = 30


def synthesise(text: str, language: str, wav: Path, engine: str = ENGINE) -> bool:
    """`text` spoken into a WAV file; False (and a log line) where it could not be."""
    found = shutil.which(engine)
    if found is None:
        log.info("no %s: voice guidance stays silent", engine)
        return False
    command = [found, "-v", VOICES[language], "-s", str(SPEED), "-w", str(wav), text]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=SPEAK_S)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("%s could not speak: %s", engine, error)
        return False
    return True


def player() -> list[str] | None:
    for name, *options in PLAYERS:
        if found := shutil.which(name):
            return [found, *options]
    return None


class Voice:
    """Reads what it is given, one question at a time; the newest wins."""

    def __init__(self, engine: str = ENGINE) -> None:
        self.engine = engine
        self.folder = Path(tempfile.mkdtemp(prefix="hallq-voice-"))
        self.wav = self.folder / "question.wav"
        self._pending: tuple[str, str] | None = None
        self._wake = threading.Condition()
        self._playing: subprocess.Popen[bytes] | None = None
        self._closed = False
        self.spoken = 0  # questions made into speech: the kiosk's tests wait on it
        self._thread = threading.Thread(target=self._run, name="voice guidance", daemon=True)
        self._thread.start()

    def say(self, text: str, language: str) -> None:
        with self._wake:
            self._pending = (text, language)
            if self._playing is not None:
                self._playing.terminate()  # the customer moved on: so does the voice
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._pending is None and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
                assert self._pending is not None
                text, language = self._pending
                self._pending = None
            if synthesise(text, language, self.wav, self.engine):
                self.spoken += 1
                self._play()

    def _play(self) -> None:
        command = player()
        if command is None:
            log.info("no audio player: voice guidance stays silent")
            return
        with self._wake:
            if self._pending is not None:
                return  # already a newer question to speak
            try:
                self._playing = subprocess.Popen(
                    [*command, str(self.wav)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            except OSError as error:
                log.warning("could not play the voice: %s", error)
                return
            playing = self._playing
        if playing.wait() > 0:  # terminated by a newer question is negative
            log.info("%s could not play the voice (status %s)", command[0], playing.returncode)
        with self._wake:
            self._playing = None

    def close(self) -> None:
        with self._wake:
            self._closed = True
            if self._playing is not None:
                self._playing.terminate()
            self._wake.notify()
        self._thread.join(SPEAK_S)
        shutil.rmtree(self.folder, ignore_errors=True)
