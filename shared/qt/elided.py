"""A one-line label for a text that can run long (a person's name): cut short with "…"
to the room the layout gives it, the whole text in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole = ""
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)
        self.set_whole(text)

    def set_whole(self, text: str) -> None:
        """Show `text`, shortened when it does not fit; the tooltip keeps all of it."""
        self.whole = text
        self.setToolTip(text)
        self.updateGeometry()
        self._elide()

    def minimumSizeHint(self) -> QSize:
        """As narrow as "…" and a few characters: the layout may shorten the text."""
        hint = super().minimumSizeHint()
        return QSize(
            min(hint.width(), self.fontMetrics().horizontalAdvance("…" * 6)), hint.height()
        )

    def sizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance(self.whole) + 4, super().sizeHint().height()
        )

    def changeEvent(self, event: QEvent) -> None:
        """A new font (a style grown for a large screen) needs the text measured again."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
            self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self.whole, Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            super().setText(shown)
