"""Printing off the GUI thread: the screen shows the ticket while the printer works, and a
failure comes back as a signal instead of a frozen kiosk."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Signal

from shared.documents.printing import PrintFailed, TicketPrinter
from shared.documents.ticket_text import TicketPrint


class PrintSignals(QObject):
    printed = Signal(str)  # ticket
    failed = Signal(str, str)  # ticket, why


class PrintJob(QRunnable):
    def __init__(self, printer: TicketPrinter, ticket: TicketPrint, signals: PrintSignals) -> None:
        super().__init__()
        self.printer = printer
        self.ticket = ticket
        self.signals = signals

    def run(self) -> None:
        try:
            self.printer.print_ticket(self.ticket)
        except PrintFailed as error:
            self.signals.failed.emit(self.ticket.ticket, str(error))
        else:
            self.signals.printed.emit(self.ticket.ticket)
