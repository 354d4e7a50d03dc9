"""The ticket on screen. While it prints the customer reads the number, queue, people
ahead and the estimated wait; when the printer fails the number grows, with the request to
remember it, since no paper will come, and the people ahead and the wait stay beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QVBoxLayout

from kiosk.pages import Page
from kiosk.widgets import restyle, text_label, touch_button
from shared.documents.ticket_text import TicketPrint, wait_words

PRINTING, PRINTED, FAILED, NO_PRINTER = "printing", "printed", "failed", "no_printer"
MARGINS = (56, 16, 56, 24)


class TicketPage(Page):
    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.ticket: TicketPrint | None = None
        self.large = False
        self.state = PRINTING
        self.number_card = QFrame()
        self.number_card.setProperty("role", "number-card")
        self.your_number = text_label("caption")
        self.your_number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number = text_label("number", name="number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.queue = text_label("caption", name="queue")
        self.queue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card = QVBoxLayout(self.number_card)
        card.addWidget(self.your_number)
        card.addWidget(self.number, 1)
        card.addWidget(self.queue)
        self.details = QFrame()
        self.details.setProperty("role", "card")
        self.form = QFormLayout(self.details)
        self.form.setContentsMargins(28, 20, 28, 20)
        self.form.setVerticalSpacing(12)
        self.printing = text_label("printing", name="print-state")
        self.printing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.instruction = text_label("body", name="instruction")
        self.finish = touch_button("", "primary", "finish")
        self.finish.clicked.connect(self.done)
        right = QVBoxLayout()
        right.setSpacing(14)
        right.addWidget(self.details)
        right.addWidget(self.instruction)
        right.addStretch(1)
        right.addWidget(self.finish)
        body = self.body = QHBoxLayout()
        body.setSpacing(32)
        body.addWidget(self.number_card, 5)
        body.addLayout(right, 4)
        layout = self.page_layout = QVBoxLayout(self)
        layout.setContentsMargins(*MARGINS)
        layout.setSpacing(14)
        layout.addWidget(self.printing)
        layout.addLayout(body, 1)

    def show_large(self, large: bool) -> None:
        """Large text: the words beside the number get as much room as the number."""
        assert self.body is not None
        self.large = large
        self.body.setStretch(0, 1 if large else 5)
        self.body.setStretch(1, 1 if large else 4)
        self.page_layout.setContentsMargins(*((56, 8, 56, 8) if large else MARGINS))
        self.form.setVerticalSpacing(4 if large else 12)
        self.translate_words()

    def show_ticket(self, ticket: TicketPrint, state: str) -> None:
        self.ticket = ticket
        self.show_state(state)

    def show_state(self, state: str) -> None:
        self.state = state
        remember = state in (FAILED, NO_PRINTER)
        restyle(self.number, remember="yes" if remember else "no")
        restyle(self.printing, state="problem" if state == FAILED else "ok")
        self.translate_words()

    def question(self) -> str:
        """The number, its queue and what to do with the paper, read aloud."""
        said = (self.your_number, self.number, self.queue, self.printing)
        return "\n".join(label.text() for label in said if label.text())

    def translate_words(self) -> None:
        self.finish.setText(self.tr("Done"))
        if self.ticket is None:
            return
        ticket = self.ticket
        self.your_number.setText(self.tr("Your number"))
        self.number.setText(ticket.ticket)
        self.queue.setText(self.pick(ticket.queue_name, ticket.queue_name_en))
        self.printing.setText(
            {
                PRINTING: self.tr("Printing your ticket…"),
                PRINTED: self.tr("Please take your ticket below"),
                FAILED: self.tr("The printer is not working. Please remember your number: %1"),
                NO_PRINTER: self.tr("Please remember your number: %1"),
            }[self.state].replace("%1", ticket.ticket)
        )
        while self.form.rowCount():
            self.form.removeRow(0)
        wait = wait_words(ticket.estimated_wait_s)
        rows = [
            (self.tr("Business"), self.pick(ticket.business_name, ticket.business_name_en)),
            (self.tr("People ahead"), str(ticket.ahead)),
            (self.tr("Estimated wait"), self.pick(*wait)),
        ]
        if not self.large:  # in large text the header's clock says it, to leave room
            rows.append((self.tr("Time"), f"{ticket.issued_at:%H:%M}"))
        if ticket.phone_masked:
            rows.append((self.tr("Mobile number"), ticket.phone_masked))
        for label, value in rows:
            self.form.addRow(text_label("field", label), text_label("value", value))
        instruction = self.tr(
            "Please wait in the seating area and watch the screen. "
            "If you miss your number, please take a new ticket."
        )
        gap = "\n" if self.large else "\n\n"
        if ticket.slip_code is not None and self.state in (PRINTING, PRINTED):
            instruction += gap + self.tr("Show the slip with the QR code at the counter.")
        elif ticket.slip_code is not None:
            instruction += gap + self.tr(
                "Your form is saved: at the counter, just tell the clerk your number."
            )
        self.instruction.setText(instruction)
