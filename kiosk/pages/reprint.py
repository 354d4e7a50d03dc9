"""Reprinting a lost ticket: the customer finds today's ticket by the mobile number it was
taken with or by the appointment code it was checked in with."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.pages import Page
from kiosk.widgets import text_label, touch_button, with_icon


class ReprintPage(Page):
    by_phone = Signal()
    by_code = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title = text_label("title")
        self.hint = text_label("subtitle")
        self.phone_button = with_icon(touch_button("", "choice", "reprint-by-phone"), "phone", 56)
        self.code_button = with_icon(touch_button("", "choice", "reprint-by-code"), "calendar", 56)
        self.phone_button.clicked.connect(self.by_phone)
        self.code_button.clicked.connect(self.by_code)
        choices = QHBoxLayout()
        choices.setSpacing(24)
        choices.addWidget(self.phone_button)
        choices.addWidget(self.code_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 32, 80, 32)
        layout.setSpacing(24)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(choices, 1)
        layout.addStretch(1)

    def translate_words(self) -> None:
        self.title.setText(self.tr("Reprint today's ticket"))
        self.hint.setText(
            self.tr("Find your ticket by the mobile number or appointment code it was taken with")
        )
        self.phone_button.setText(self.tr("By mobile number"))
        self.code_button.setText(self.tr("By appointment code"))
