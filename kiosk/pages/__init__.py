"""The kiosk's screens, one module each; the main window moves the customer between them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

SPOKEN_ROLES = ("title", "subtitle")  # what voice guidance reads of a screen


class Page(QWidget):
    """A screen of the kiosk. `retranslate` redraws its words when the customer switches
    language; names from the store come in both languages and follow `language`."""

    language = "zh"
    asked = Signal()  # the screen now asks something else (the slip's next field)
    # The page's two halves: side by side on a landscape screen, stacked on a portrait one.
    body: QBoxLayout | None = None

    def retranslate(self, language: str) -> None:
        self.language = language
        self.translate_words()

    def translate_words(self) -> None:
        raise NotImplementedError

    def question(self) -> str:
        """What voice guidance reads: the screen's title and the line under it."""
        labels = [
            label
            for label in self.findChildren(QLabel)
            if label.property("role") in SPOKEN_ROLES and label.isVisibleTo(self) and label.text()
        ]
        labels.sort(key=lambda label: SPOKEN_ROLES.index(label.property("role")))
        return "\n".join(label.text() for label in labels[:2])

    def pick(self, chinese: str, english: str) -> str:
        """A name stored in both languages, in the customer's."""
        return chinese if self.language == "zh" else english

    def orient(self, portrait: bool) -> None:
        if self.body is not None:
            self.body.setDirection(
                QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.orient(event.size().height() > event.size().width())
        super().resizeEvent(event)
