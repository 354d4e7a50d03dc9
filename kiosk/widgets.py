"""The kiosk's building blocks: big touch buttons, on-screen keypads, class icons."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from shared.resources import icon_file

BACKSPACE = "⌫"
SPACE = "␣"  # the key that types a space


def icon(name: str, size: int = 64) -> QIcon:
    """A bundled SVG drawn at the size asked (no icon-engine plugin needed)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(str(icon_file(name))).render(painter)
    painter.end()
    return QIcon(pixmap)


def touch_button(text: str = "", role: str = "choice", name: str = "") -> QPushButton:
    """A button big enough for a finger; `role` picks its look in kiosk.qss."""
    button = QPushButton(text)
    button.setProperty("role", role)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    if name:
        button.setObjectName(name)
    return button


def text_label(role: str, text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def restyle(widget: QWidget, **properties: str) -> None:
    """Set style properties and make the style sheet look at them again."""
    for name, value in properties.items():
        widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def with_icon(button: QPushButton, name: str, size: int = 56) -> QPushButton:
    button.setIcon(icon(name, size))
    button.setIconSize(QSize(size, size))
    return button


class KeyPad(QWidget):
    """Keys in a grid; `pressed` carries the key's text (BACKSPACE for the erase key)."""

    pressed = Signal(str)

    def __init__(self, rows: Iterable[Iterable[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(10)
        grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QPushButton] = {}
        for row, keys in enumerate(rows):
            for column, key in enumerate(keys):
                if not key:
                    continue
                button = touch_button(SPACE if key == " " else key, "key", f"key-{key}")
                button.setMinimumSize(52, 60)
                button.clicked.connect(lambda _=False, key=key: self.pressed.emit(key))
                grid.addWidget(button, row, column)
                self.keys[key] = button


def digit_pad(with_x: bool = False) -> KeyPad:
    """Digits for a mobile number or appointment code; with X for a resident ID."""
    return KeyPad(["123", "456", "789", ["X" if with_x else "", "0", BACKSPACE]])


def letter_pad() -> KeyPad:
    """Latin letters and digits for a company or a name typed in pinyin."""
    return KeyPad(
        [
            "1234567890",
            "QWERTYUIOP",
            "ASDFGHJKL",
            ["Z", "X", "C", "V", "B", "N", "M", " ", BACKSPACE],
        ]
    )


def edited(text: str, key: str, limit: int) -> str:
    """The entry after one key: erase the last character, or append within the limit."""
    if key == BACKSPACE:
        return text[:-1]
    return text + key if len(text) < limit else text
