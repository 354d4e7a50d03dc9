"""Saying a call aloud: Qt text-to-speech where a voice is installed, else the system chime.

Speech comes from PySide6-Addons (QtTextToSpeech), which needs the machine's audio
libraries; where they or a voice are missing the board chimes and flashes instead.
Speaking is asynchronous in Qt, so the board never waits for the voice.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def _mandarin_voice(parent: QObject) -> Any | None:
    """A text-to-speech engine set to a Chinese voice, or None where none can speak."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        log.info("no text-to-speech (%s): calls chime instead", error)
        return None
    speech = QTextToSpeech(parent)
    chinese = [
        locale
        for locale in speech.availableLocales()
        if locale.language() == QLocale.Language.Chinese
    ]
    if not chinese:
        log.info("no Chinese voice installed: calls chime instead")
        return None
    speech.setLocale(chinese[0])
    return speech


class Announcer(QObject):
    """Announces each call once; `announced` carries the words (the board flashes on it)."""

    announced = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speech = _mandarin_voice(self)

    @property
    def speaks(self) -> bool:
        return self._speech is not None

    def announce(self, words: str) -> None:
        if self._speech is not None:
            self._speech.enqueue(words)  # after any call still being spoken
        else:
            QApplication.beep()
        self.announced.emit(words)
