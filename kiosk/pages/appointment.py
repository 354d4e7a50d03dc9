"""Checking in a phone booking with the six-digit code from its text message."""

from __future__ import annotations

from kiosk.pages.keypad import NumberEntry, missing_digits
from shared.services.appointments import CODE_DIGITS


class AppointmentPage(NumberEntry):
    length = CODE_DIGITS

    def shown(self) -> str:
        return "  ".join(self.digits)

    def problem(self) -> str | None:
        return missing_digits(self) if len(self.digits) < self.length else None

    def refusal(self, reason: str) -> str:
        """Why the store refused the code, in the customer's language."""
        words = {
            "unknown": self.tr("No booking has this code. Please check the text message."),
            "used": self.tr("This booking has already been checked in."),
            "other_day": self.tr("This booking is for another day. Please take a normal ticket."),
        }
        return words.get(reason, self.tr("This code cannot be checked in."))

    def translate_words(self) -> None:
        self.title.setText(self.tr("Enter your 6-digit appointment code"))
        self.confirm.setText(self.tr("Check in"))
        self.refresh()
