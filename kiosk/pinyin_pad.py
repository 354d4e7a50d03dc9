"""The on-screen pinyin keyboard: letters spell pinyin, a bar offers the characters and
words read so, best first, with pages to reach the rare ones; a tap on one hands it over.
The erase key takes back a letter of pinyin first, a character only when none is left."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.pinyin_input import Candidate, Usage, candidates, split_syllables
from kiosk.widgets import BACKSPACE, KeyPad, text_label, touch_button
from shared.rules.person_name import MIDDLE_DOT

PAGE = 6  # candidates on the bar at once: each wide enough for a finger
LARGE_PAGE = 4  # in large text: a four-character word still fits a portrait screen
MAX_TYPED = 30


class PinyinPad(QWidget):
    committed = Signal(str)  # characters to add to the entry
    erased = Signal()  # the erase key with no pinyin left: take back one character
    spelling = Signal(str)  # the pinyin typed so far, whenever it changes

    def __init__(self) -> None:
        super().__init__()
        self.typed = ""
        self.usage = Usage.SURNAME
        self.found: tuple[Candidate, ...] = ()
        self.page = 0
        self.per_page = PAGE
        self.spelled = text_label("pinyin", name="pinyin-typed")
        self.spelled.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.previous_page = touch_button("‹", "page", "candidate-prev")
        self.next_page = touch_button("›", "page", "candidate-next")
        self.previous_page.clicked.connect(lambda: self._turn(-1))
        self.next_page.clicked.connect(lambda: self._turn(1))
        self.shown = [touch_button("", "candidate", f"candidate-{i}") for i in range(PAGE)]
        for index, button in enumerate(self.shown):
            button.clicked.connect(lambda _=False, index=index: self.pick(index))
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.previous_page)
        for button in self.shown:
            bar.addWidget(button, 1)
        bar.addWidget(self.next_page)
        self.keys = KeyPad(
            ["qwertyuiop", "asdfghjkl", ["z", "x", "c", "v", "b", "n", "m", MIDDLE_DOT, BACKSPACE]]
        )
        self.keys.pressed.connect(self.press)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.spelled)
        layout.addLayout(bar)
        layout.addWidget(self.keys, 1)
        self._show()

    def show_large(self, large: bool) -> None:
        """Large text: fewer candidates on the bar, each as wide as the larger words need."""
        self.per_page = LARGE_PAGE if large else PAGE
        for index, button in enumerate(self.shown):
            button.setVisible(index < self.per_page)
        self.page = 0
        self._show()

    def begin(self, usage: Usage, *, middle_dot: bool) -> None:
        """A fresh field: no pinyin typed; the dot key only where a name may have one."""
        self.usage = usage
        self.typed = ""
        self.keys.keys[MIDDLE_DOT].setVisible(middle_dot)
        self._look_up()

    def use_for(self, usage: Usage) -> None:
        """The same field now wants other characters (a given name after the surname)."""
        if usage is not self.usage:
            self.usage = usage
            self._look_up()

    def press(self, key: str) -> None:
        if key == BACKSPACE:
            if not self.typed:
                self.erased.emit()
                return
            self.typed = self.typed[:-1]
        elif key == MIDDLE_DOT:
            if self.typed:
                return  # a dot comes between characters, not inside a syllable
            self.committed.emit(MIDDLE_DOT)
            return
        elif len(self.typed) < MAX_TYPED:
            self.typed += key
        self._look_up()

    def pick(self, index: int) -> None:
        """The customer's choice: its characters go to the entry, its pinyin is used up."""
        position = self.page * self.per_page + index
        if position >= len(self.found):
            return
        chosen = self.found[position]
        self.typed = self.typed[chosen.consumed :]
        self.committed.emit(chosen.text)
        self._look_up()

    def _turn(self, step: int) -> None:
        self.page = max(0, min(self.page + step, self._pages() - 1))
        self._show()

    def _pages(self) -> int:
        return max(1, -(-len(self.found) // self.per_page))

    def _look_up(self) -> None:
        self.found = candidates(self.typed, self.usage) if self.typed else ()
        self.page = 0
        self._show()
        self.spelling.emit(self.typed)

    def _show(self) -> None:
        pieces = split_syllables(self.typed)
        self.spelled.setText(" ".join(pieces) if pieces else self.typed)
        start = self.page * self.per_page
        for index, button in enumerate(self.shown):
            position = start + index
            on_bar = index < self.per_page and position < len(self.found)
            text = self.found[position].text if on_bar else ""
            button.setText(text)
            button.setEnabled(bool(text))
        self.previous_page.setEnabled(self.page > 0)
        self.next_page.setEnabled(self.page + 1 < self._pages())
