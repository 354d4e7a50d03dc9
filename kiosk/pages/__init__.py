"""The kiosk's screens, one module each; the main window moves the customer between them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """A screen of the kiosk. `retranslate` redraws its words when the customer switches
    language; names from the store come in both languages and follow `language`."""

    language = "zh"

    def retranslate(self, language: str) -> None:
        self.language = language
        self.translate_words()

    def translate_words(self) -> None:
        raise NotImplementedError

    def pick(self, chinese: str, english: str) -> str:
        """A name stored in both languages, in the customer's."""
        return chinese if self.language == "zh" else english
