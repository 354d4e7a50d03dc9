"""Every string a window shows right now, and the words in them that are in the other
language: Latin words in a Chinese window, Chinese in an English one.

What counts as shown: a visible widget's text (labels, buttons, group titles, tabs, combo
items, placeholders, tooltips, read-only text), the window's title, and a table's headers
and cells. Text a person typed into a field is theirs, not the window's, and is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# Latin a Chinese window may show, each for a reason:
CHINESE_ALLOWED_LATIN = frozenset(
    {
        "VIP",  # the tier's name in Chinese halls too (VIP客户)
        "PIN",  # the staff PIN: the glossary keeps the word (PIN 码)
        "APP",  # the operator's app is named so (中国移动APP)
        "SIM",  # the card's own names, as printed on it and in the tariffs: SIM卡, eSIM, ICCID
        "eSIM",
        "ICCID",
        "IMEI",  # the handset's number, as printed on it and its box
        "CSV",  # the file kind a spreadsheet saves and the administrator imports
        "Ctrl",  # a key as printed on the keyboard (Ctrl+F), as F2 is
        "English",  # the language switch names the language it switches to, in it
    }
)
CHINESE_IN_ENGLISH = ("中文",)  # the language switch, likewise
# What the customer is typing, not the window's words: the pinyin being spelled and the
# characters it may mean (the kiosk's pinyin pad).
TYPING = re.compile(r"pinyin-typed|candidate-\d+")
# A ticket code (A012), a staff id (E003), a key (F10), a percentile (P90), a unit after
# a number (5G, 168元) and a mobile or card number are not words.
_CODE = re.compile(r"\b[A-Z]{1,2}\d+[A-Z]?\b|\b\d+[A-Za-z]+\b")
_LATIN = re.compile(r"[A-Za-z]{2,}")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]")
_TAGS = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    text = _TAGS.sub(" ", text).replace("&nbsp;", " ").replace("&amp;", "&")
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _view_texts(view: QAbstractItemView) -> Iterable[str]:
    model = view.model()
    if model is None:
        return
    for column in range(model.columnCount()):
        if not getattr(view, "isColumnHidden", lambda _: False)(column):
            yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                tip = model.headerData(column, Qt.Orientation.Horizontal, role)
                if tip:
                    yield str(tip)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if value is not None:
                yield str(value)


def widget_texts(widget: QWidget) -> Iterable[str]:
    if widget.toolTip():
        yield widget.toolTip()
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabWidget):
        yield from (widget.tabText(index) for index in range(widget.count()))
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(index) for index in range(widget.count()))
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield widget.placeholderText()
        if widget.isReadOnly():
            yield widget.toPlainText()
    elif isinstance(widget, QAbstractItemView):
        yield from _view_texts(widget)
    elif isinstance(widget, QMenu):
        yield from (action.text() for action in widget.actions())


def shown_texts(window: QWidget) -> list[str]:
    """Every non-empty string the window shows now."""
    texts = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        if TYPING.fullmatch(widget.objectName()):
            continue
        if widget is window or widget.isVisibleTo(window) or isinstance(widget, QMenu):
            if isinstance(widget, QMenu) and not widget.isVisible():
                continue
            texts.extend(widget_texts(widget))
    return [plain for text in texts if (plain := _plain(text).strip())]


def latin_words(text: str, letters: str = "") -> list[str]:
    """The Latin words of `text` a Chinese window must not show; a run of the hall's queue
    letters (VAB: the queues a counter serves) is a code, not a word."""
    return [
        word
        for word in _LATIN.findall(_CODE.sub(" ", text))
        if word not in CHINESE_ALLOWED_LATIN and not (letters and set(word) <= set(letters))
    ]


def has_chinese(text: str, allowed: Iterable[str] = ()) -> bool:
    """Chinese in `text`, once the hall's own names and what customers typed are out."""
    for name in sorted((*allowed, *CHINESE_IN_ENGLISH), key=len, reverse=True):
        text = text.replace(name, " ")
    return bool(_CJK.search(text))


def findings(
    where: str, window: QWidget, language: str, allowed: Iterable[str] = (), letters: str = ""
) -> list[str]:
    """The window's strings that are in the other language, each with where it was seen:
    `allowed` the hall's own names, `letters` its queue letters."""
    names = tuple(allowed)
    found = []
    for text in shown_texts(window):
        for name in names:  # an enrolled device's name is the hall's, in either language
            text = text.replace(name, " ") if language == "zh" else text
        if language == "zh" and (words := latin_words(text, letters)):
            found.append(f"{where}: {text!r} ({', '.join(words)})")
        elif language == "en" and has_chinese(text, names):
            found.append(f"{where}: {text!r}")
    return found
