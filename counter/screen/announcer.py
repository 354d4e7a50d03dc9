"""Saying a call aloud: a chime and Mandarin words from espeak-ng (counter/screen/speech.py),
synthesised and played on a thread of their own, one call after another, so the board
never waits for the voice; where no engine is installed the board beeps and flashes."""

from __future__ import annotations

import logging
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QApplication

from counter.screen.speech import Engine, find_engine

log = logging.getLogger(__name__)


class _Saying(QRunnable):
    def __init__(self, engine: Engine, words: str, folder: Path) -> None:
        super().__init__()
        self._engine, self._words, self._folder = engine, words, folder

    def run(self) -> None:
        try:
            self._engine.say(self._words, self._folder)
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("a call could not be spoken: %s", error)


class Announcer(QObject):
    """Announces each call once; `announced` carries the words (the board flashes on it)."""

    announced = Signal(str)

    def __init__(self, parent: QObject | None = None, engine: Engine | None = None) -> None:
        super().__init__(parent)
        self._engine = engine if engine is not None else find_engine()
        self._voice = QThreadPool(self)
        self._voice.setMaxThreadCount(1)  # calls are heard in the order they were made
        self._folder = tempfile.TemporaryDirectory(prefix="hallq-voice-")

    @property
    def speaks(self) -> bool:
        return self._engine is not None and self._engine.play is not None

    def announce(self, words: str) -> None:
        if self._engine is not None and self._engine.play is not None:
            self._voice.start(_Saying(self._engine, words, Path(self._folder.name)))
        else:
            QApplication.beep()
        self.announced.emit(words)

    def close(self) -> None:
        """Let the call being said end, drop those not yet said, then remove their sound
        files: the folder must not be removed under a voice still writing into it."""
        self._voice.clear()
        self._voice.waitForDone()
        self._folder.cleanup()
