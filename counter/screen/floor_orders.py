"""The shift lead's orders from the monitor: open a counter for a clerk, pause, resume or
close it, move it to other queues, and the notice line on the calling board. The panel
only asks; the monitor sends each order through its source and says what came back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter.screen import named
from counter.screen.sources import CounterOrder
from shared.services.notices import MAX_NOTICE
from shared.views.status import CounterNow


class OrdersPanel(QGroupBox):
    """Counter, clerk and queues, the five counter orders, and the board's notice."""

    ordered = Signal(object)  # a CounterOrder
    notice_posted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Orders"))
        self.counter = named(QComboBox(), "orderCounter")
        self.clerk = QLineEdit(placeholderText=self.tr("Clerk's staff id"))
        self.queues = QLineEdit(placeholderText=self.tr("Queues, e.g. AB"))
        self.queues.setMaxLength(26)
        self.open_button = QPushButton(self.tr("Open"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.close_button = QPushButton(self.tr("Close"))
        self.queues_button = QPushButton(self.tr("Change queues"))
        self.notice = QLineEdit(placeholderText=self.tr("A line for the calling board"))
        self.notice.setMaxLength(MAX_NOTICE)
        self.post_button = QPushButton(self.tr("Post to the board"))
        self.take_down_button = QPushButton(self.tr("Take down"))
        self.message = named(QLabel(), "orderMessage")
        self.message.setWordWrap(True)
        which = QHBoxLayout()
        which.addWidget(QLabel(self.tr("Counter")))
        which.addWidget(self.counter)
        which.addWidget(self.clerk, 1)
        which.addWidget(self.queues, 1)
        buttons = QHBoxLayout()
        for button in (
            self.open_button,
            self.pause_button,
            self.resume_button,
            self.close_button,
            self.queues_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        notice = QHBoxLayout()
        notice.addWidget(self.notice, 1)
        notice.addWidget(self.post_button)
        notice.addWidget(self.take_down_button)
        rows = QVBoxLayout(self)
        for row in (which, buttons, notice):
            rows.addLayout(row)
        rows.addWidget(self.message)
        self.open_button.clicked.connect(lambda: self._order("open"))
        self.pause_button.clicked.connect(lambda: self._order("pause"))
        self.resume_button.clicked.connect(lambda: self._order("resume"))
        self.close_button.clicked.connect(lambda: self._order("close"))
        self.queues_button.clicked.connect(lambda: self._order("queues"))
        self.post_button.clicked.connect(lambda: self.notice_posted.emit(self.notice.text()))
        self.take_down_button.clicked.connect(lambda: self.notice_posted.emit(""))
        self.notice.returnPressed.connect(self.post_button.click)

    def show_counters(self, counters: list[CounterNow]) -> None:
        """The counters to choose from, keeping the one chosen."""
        chosen = self.counter.currentData()
        self.counter.clear()
        for counter in counters:
            self.counter.addItem(str(counter.counter), counter.counter)
        if chosen is not None and (found := self.counter.findData(chosen)) >= 0:
            self.counter.setCurrentIndex(found)

    def _order(self, kind: str) -> None:
        number = self.counter.currentData()
        if number is None:
            return
        letters = tuple(letter for letter in self.queues.text().upper() if not letter.isspace())
        self.ordered.emit(
            CounterOrder(kind, int(number), clerk=self.clerk.text().strip(), queues=letters)
        )
