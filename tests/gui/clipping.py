"""Whether a window's texts fit their boxes, as a reader sees them: each label's and
button's text measured with its own font (QFontMetrics) against the room its box gives the
text, word wrap considered. Used on every window at the hall's screen sizes."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

TALL = 100_000


def _needed(metrics: QFontMetrics, width: int, text: str, wrap: bool) -> QRect:
    flags = Qt.TextFlag.TextWordWrap if wrap else Qt.TextFlag(0)
    return metrics.boundingRect(QRect(0, 0, max(width, 1), TALL), int(flags), text)


def label_fits(label: QLabel) -> bool:
    """The label's whole text inside its contents rect (less its margin and indent)."""
    room = label.contentsRect().adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    if label.indent() > 0:
        room.setLeft(room.left() + label.indent())
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        if label.wordWrap():
            document.setTextWidth(room.width())
        width = document.idealWidth()
        height = document.size().height()
        return width <= room.width() + 1 and height <= room.height() + 1
    needed = _needed(label.fontMetrics(), room.width(), text, label.wordWrap())
    return needed.width() <= room.width() and needed.height() <= room.height()


def _button_room(button: QAbstractButton) -> QRect:
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    element = QStyle.SubElement.SE_PushButtonContents
    if isinstance(button, QCheckBox):
        element = QStyle.SubElement.SE_CheckBoxContents
    elif isinstance(button, QRadioButton):
        element = QStyle.SubElement.SE_RadioButtonContents
    room = button.style().subElementRect(element, option, button)
    if not button.icon().isNull() and isinstance(button, QPushButton):
        room.setLeft(room.left() + button.iconSize().width() + 4)
    return room


def button_fits(button: QAbstractButton) -> bool:
    room = _button_room(button)
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    needed = _needed(button.fontMetrics(), room.width(), text, wrap=False)
    return needed.width() <= room.width() + 1 and needed.height() <= room.height() + 1


def clipped(window: QWidget) -> list[str]:
    """The texts of the window's visible labels and buttons that do not fit, each with its
    object name and the room it had."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0:
            continue
        text = widget.text().strip() if isinstance(widget, QLabel | QAbstractButton) else ""
        if not text:
            continue
        fits = label_fits(widget) if isinstance(widget, QLabel) else button_fits(widget)  # type: ignore[arg-type]
        if not fits:
            found.append(f"{widget.objectName()}: {widget.text()!r} in {widget.size().toTuple()}")
    return found
