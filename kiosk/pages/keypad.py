"""Entering digits on the on-screen keypad: the mobile number screen, and the base of the
appointment screen. The entry is checked with every key, so the customer sees at once
how many digits are missing or that the number cannot be right."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.pages import Page
from kiosk.widgets import digit_pad, edited, restyle, text_label, touch_button
from shared.services.slips import MOBILE


class NumberEntry(Page):
    """A title, the digits typed so far, what is wrong with them, a keypad and a confirm."""

    entered = Signal(str)
    length = 11

    def __init__(self) -> None:
        super().__init__()
        self.digits = ""
        self.title = text_label("title")
        self.display = text_label("entry", name="entry")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = text_label("status", name="status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pad = digit_pad()
        self.pad.pressed.connect(self.press)
        self.confirm = touch_button("", "primary", "confirm")
        self.confirm.clicked.connect(lambda: self.entered.emit(self.digits))
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self.title)
        left.addWidget(self.display)
        left.addWidget(self.status)
        left.addStretch(1)
        left.addWidget(self.confirm)
        layout = self.body = QHBoxLayout(self)
        layout.setContentsMargins(64, 24, 64, 24)
        layout.setSpacing(48)
        layout.addLayout(left, 5)
        layout.addWidget(self.pad, 4)

    def reset(self) -> None:
        self.digits = ""
        self.refresh()

    def press(self, key: str) -> None:
        self.digits = edited(self.digits, key, self.length)
        self.refresh()

    def refresh(self) -> None:
        self.display.setText(self.shown() or "—")
        problem = self.problem()
        self.status.setText(problem or QCoreApplication.translate("NumberEntry", "✓ Tap Confirm"))
        restyle(self.status, state="problem" if problem else "ok")
        self.confirm.setEnabled(problem is None)

    def show_refusal(self, message: str) -> None:
        self.status.setText(message)
        restyle(self.status, state="problem")

    def shown(self) -> str:
        raise NotImplementedError

    def problem(self) -> str | None:
        raise NotImplementedError


def missing_digits(entry: NumberEntry) -> str:
    left = entry.length - len(entry.digits)
    return QCoreApplication.translate("NumberEntry", "%n more digit(s) to enter", "", left)


class PhonePage(NumberEntry):
    """The customer's mobile number: it finds their tier (VIP, group) in the directory."""

    def shown(self) -> str:
        digits = self.digits
        return " ".join(part for part in (digits[:3], digits[3:7], digits[7:]) if part)

    def problem(self) -> str | None:
        if len(self.digits) < self.length:
            return missing_digits(self)
        if not MOBILE.fullmatch(self.digits):
            return self.tr("This is not a mobile number: it starts with 13 to 19")
        return None

    def translate_words(self) -> None:
        self.title.setText(self.tr("Enter your mobile number"))
        self.confirm.setText(self.tr("Confirm"))
        self.refresh()
