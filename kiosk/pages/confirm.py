"""The last look before the ticket: the business, the channel, the number and the slip as
the counter will see them (masked), and one big button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QVBoxLayout

from kiosk.pages import Page
from kiosk.widgets import restyle, text_label, touch_button
from shared.documents.ticket_text import SlipLine
from shared.views.kiosk_menu import Offer


class ConfirmPage(Page):
    confirmed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.offer: Offer | None = None
        self.queue_name = ("", "")
        self.phone_masked = ""
        self.lines: list[SlipLine] = []
        self.title = text_label("title")
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.form = QFormLayout(self.card)
        self.form.setContentsMargins(32, 24, 32, 24)
        self.form.setVerticalSpacing(14)
        self.form.setHorizontalSpacing(40)
        self.self_service = text_label("note", name="self-service-note")
        self.problem = text_label("status", name="status")
        restyle(self.problem, state="problem")
        self.confirm = touch_button("", "primary", "confirm-ticket")
        self.confirm.setMinimumHeight(110)
        self.confirm.clicked.connect(self.confirmed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 20, 120, 24)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.card)
        layout.addWidget(self.self_service)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.confirm)

    def show_visit(
        self,
        offer: Offer,
        queue_name: tuple[str, str],
        phone_masked: str,
        lines: list[SlipLine],
    ) -> None:
        self.problem.clear()
        self.offer, self.queue_name, self.phone_masked, self.lines = (
            offer,
            queue_name,
            phone_masked,
            lines,
        )
        self.translate_words()

    def show_refusal(self, message: str) -> None:
        """Why no ticket came out (the store refused); the customer can tap again or ask."""
        self.problem.setText(message)

    def translate_words(self) -> None:
        self.title.setText(self.tr("Please check, then take your ticket"))
        self.confirm.setText(self.tr("Take my ticket"))
        if self.offer is None:
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        rows = [
            (self.tr("Business"), self.pick(self.offer.name, self.offer.name_en)),
            (self.tr("Queue"), self.pick(*self.queue_name)),
        ]
        if self.phone_masked:
            rows.append((self.tr("Mobile number"), self.phone_masked))
        rows += [(self.pick(line.label, line.label_en), line.value) for line in self.lines]
        for label, value in rows:
            self.form.addRow(text_label("field", label), text_label("value", value))
        self.self_service.setVisible(self.offer.self_service)
        self.self_service.setText(
            self.tr("Tip: this business can also be done at a self-service terminal, no queue.")
        )
