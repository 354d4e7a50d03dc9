"""Printing off the GUI thread: the screen shows the ticket while the printer works, and
every outcome, printed or not, comes back as one signal instead of a frozen kiosk."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Signal

from shared.documents.printing import PrintFailed, TicketPrinter
from shared.documents.ticket_text import TicketPrint


class PrintSignals(QObject):
    done = Signal(str, str)  # ticket, why it did not print ("" when it printed)


class PrintJob(QRunnable):
    def __init__(self, printer: TicketPrinter, ticket: TicketPrint, signals: PrintSignals) -> None:
        super().__init__()
        self.printer = printer
        self.ticket = ticket
        self.signals = signals

    def run(self) -> None:
        why = ""
        try:
            self.printer.print_ticket(self.ticket)
        except PrintFailed as error:
            why = str(error)
        except Exception as error:  # a driver's own exception: still no paper came out
            why = f"{type(error).__name__}: {error}"
        self.signals.done.emit(self.ticket.ticket, why)
