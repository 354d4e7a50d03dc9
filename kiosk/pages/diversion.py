"""Diversion under a crowding alert (分流): business that self-service can do is sent there.
At level 1 the kiosk leads with self-service and a ticket takes one more tap; at level 2
(when the hall's setting says so) it issues none and only shows where to go."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from kiosk.pages import Page
from kiosk.widgets import icon, text_label, touch_button
from shared.documents.ticket_text import wait_words
from shared.views.kiosk_menu import Offer, QueueWait


class DiversionPage(Page):
    anyway = Signal()  # the customer still wants a ticket (level 1 only)
    understood = Signal()  # the customer goes to self-service

    def __init__(self) -> None:
        super().__init__()
        self.offer: Offer | None = None
        self.blocked = False
        self.wait: QueueWait | None = None
        picture = QLabel()
        picture.setPixmap(icon("self_service", 120).pixmap(120, 120))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.level = text_label("alert", name="alert")
        self.level.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = text_label("title", name="diversion-title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where = text_label("body", name="where")
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting = text_label("wait", name="ticket-wait")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.go = touch_button("", "primary", "go-self-service")
        self.ticket = touch_button("", "secondary", "ticket-anyway")
        self.go.clicked.connect(self.understood)
        self.ticket.clicked.connect(self.anyway)
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self.go, 3)
        buttons.addWidget(self.ticket, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 16, 96, 24)
        layout.setSpacing(16)
        layout.addWidget(self.level)
        layout.addWidget(picture)
        layout.addWidget(self.title)
        layout.addWidget(self.where)
        layout.addWidget(self.waiting)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def divert(self, offer: Offer, blocked: bool, wait: QueueWait | None = None) -> None:
        """`wait` is what a ticket would mean now, said at level 1 so the choice is informed."""
        self.offer, self.blocked, self.wait = offer, blocked, wait
        self.waiting.setVisible(not blocked and wait is not None)
        self.ticket.setVisible(not blocked)
        self.translate_words()

    def translate_words(self) -> None:
        if self.offer is None:
            return
        name = self.pick(self.offer.name, self.offer.name_en)
        if self.blocked:
            self.level.setText(self.tr("The hall is very busy right now"))
            self.title.setText(self.tr("%1: please use self-service today").replace("%1", name))
            self.go.setText(self.tr("OK, I will use self-service"))
        else:
            self.level.setText(self.tr("The hall is busy right now"))
            self.title.setText(self.tr("%1 is quicker at self-service").replace("%1", name))
            self.go.setText(self.tr("Use self-service (no waiting)"))
        self.where.setText(
            self.tr(
                "Self-service terminals are to the left of the entrance, "
                "or use the China Mobile app. A guide will gladly help you."
            )
        )
        self.ticket.setText(self.tr("Take a ticket anyway"))
        if self.wait is not None:
            if self.wait.wait_s is None:
                self.waiting.setText(self.tr("With a ticket: no counter is open yet"))
            else:
                self.waiting.setText(
                    self.tr(
                        "With a ticket: %n waiting before you, %1", "", self.wait.ahead
                    ).replace("%1", self.pick(*wait_words(self.wait.wait_s)))
                )
