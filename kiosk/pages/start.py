"""The start screen: take a ticket, with a mobile number, check in an appointment, or
reprint today's ticket."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.pages import Page
from kiosk.widgets import text_label, touch_button, with_icon


class StartPage(Page):
    take_ticket = Signal()
    with_phone = Signal()
    appointment = Signal()
    reprint = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.welcome = text_label("title")
        self.hint = text_label("subtitle")
        self.ticket_button = with_icon(touch_button("", "primary", "take-ticket"), "ticket", 72)
        self.phone_button = with_icon(touch_button("", "choice", "with-phone"), "phone", 56)
        self.appointment_button = with_icon(
            touch_button("", "choice", "appointment"), "calendar", 56
        )
        self.ticket_button.clicked.connect(self.take_ticket)
        self.phone_button.clicked.connect(self.with_phone)
        self.appointment_button.clicked.connect(self.appointment)
        self.reprint_button = touch_button("", "step", "reprint")
        self.reprint_button.clicked.connect(self.reprint)
        others = QHBoxLayout()
        others.setSpacing(24)
        others.addWidget(self.phone_button)
        others.addWidget(self.appointment_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 32, 80, 32)
        layout.setSpacing(24)
        layout.addWidget(self.welcome)
        layout.addWidget(self.hint)
        layout.addWidget(self.ticket_button, 3)
        layout.addLayout(others, 2)
        layout.addWidget(self.reprint_button)

    def translate_words(self) -> None:
        self.welcome.setText(self.tr("Welcome"))
        self.hint.setText(self.tr("Tap the big button to take a queue ticket"))
        self.ticket_button.setText(self.tr("Take a ticket"))
        self.phone_button.setText(self.tr("VIP or group customer?\nEnter your mobile number"))
        self.appointment_button.setText(self.tr("Booked by phone?\nCheck in here"))
        self.reprint_button.setText(self.tr("Lost your ticket? Reprint today's ticket"))
