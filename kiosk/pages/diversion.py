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
    cannot = Signal()  # level 2: the customer confirmed they cannot use self-service
    help_wanted = Signal()  # level 2: the customer would rather a guide came over

    def __init__(self) -> None:
        super().__init__()
        self.offer: Offer | None = None
        self.blocked = False
        self.asking = False  # level 2: "I cannot use self-service" tapped, not yet confirmed
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
        self.unable = touch_button("", "secondary", "cannot-self-serve")
        self.sure = touch_button("", "primary", "confirm-cannot-self-serve")
        self.guide = touch_button("", "secondary", "call-guide")
        self.go.clicked.connect(self.understood)
        self.ticket.clicked.connect(self.anyway)
        self.unable.clicked.connect(self._ask)
        self.sure.clicked.connect(self.cannot)
        self.guide.clicked.connect(self.help_wanted)
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self.go, 3)
        buttons.addWidget(self.ticket, 2)
        buttons.addWidget(self.unable, 2)
        buttons.addWidget(self.sure, 3)
        buttons.addWidget(self.guide, 2)
        for button in (self.unable, self.sure, self.guide):
            button.hide()  # until a level-2 diversion asks for them
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
        self.asking = False
        self._show_buttons()

    def _ask(self) -> None:
        """One more question before a ticket at level 2, so the tap is a choice, not a slip."""
        self.asking = True
        self._show_buttons()

    def _show_buttons(self) -> None:
        self.waiting.setVisible(not self.blocked and self.wait is not None)
        self.go.setVisible(not self.asking)
        self.ticket.setVisible(not self.blocked)
        self.unable.setVisible(self.blocked and not self.asking)
        self.sure.setVisible(self.asking)
        self.guide.setVisible(self.asking)
        self.translate_words()

    def translate_words(self) -> None:
        if self.offer is None:
            return
        name = self.pick(self.offer.name, self.offer.name_en)
        self.unable.setText(self.tr("I cannot use self-service"))
        self.sure.setText(self.tr("Yes, I cannot: give me a ticket"))
        self.guide.setText(self.tr("Ask a guide to help me"))
        if self.asking:
            self.level.setText(self.tr("The hall is very busy right now"))
            self.title.setText(
                self.tr("You cannot use self-service or the app for %1?").replace("%1", name)
            )
        elif self.blocked:
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
