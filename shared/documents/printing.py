"""The kiosk's printer, chosen by the hall's `printer` setting: PDF files, an ESC/POS
thermal printer (USB, network or a device file), or none.

A printer raises `PrintFailed` with a message for the shift lead; the kiosk has already
issued the ticket by then, so a failure never loses a customer's place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from shared.documents.printer_place import file_printer_problem
from shared.documents.ticket_text import INSTRUCTION, SLIP_INSTRUCTION, TicketPrint, wait_words
from shared.errors import Rejected

if TYPE_CHECKING:
    from escpos.escpos import Escpos

# python-escpos and reportlab load on the first print, in the print thread, so the kiosk
# starts without them (a quarter of a second).

ENCODING = "gb18030"  # what Chinese thermal printers take in their Chinese character mode
CHINESE_MODE = b"\x1c\x26"  # FS &
NETWORK_PORT = 9100
NETWORK_TIMEOUT_S = 5


class PrintFailed(Exception):
    """The printer did not take the ticket (offline, out of paper, unplugged)."""


class TicketPrinter(Protocol):
    prints: bool  # False when the kiosk has no printer: the screen is all the customer gets

    def print_ticket(self, ticket: TicketPrint) -> None: ...


class NoPrinter:
    prints = False

    def print_ticket(self, ticket: TicketPrint) -> None:
        return None


class PdfPrinter:
    """Writes each ticket as `<day>-<ticket>.pdf` in a folder (a print spool, or a demo)."""

    prints = True

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def print_ticket(self, ticket: TicketPrint) -> None:
        from shared.documents.ticket import ticket_pdf

        path = self.folder / f"{ticket.issued_at:%Y%m%d}-{ticket.ticket}.pdf"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(ticket_pdf(ticket))
        except OSError as error:
            raise PrintFailed(f"cannot write the ticket PDF {path}: {error}") from error


class EscposPrinter:
    """An ESC/POS printer, opened for each ticket so a printer reconnected later works again."""

    prints = True

    def __init__(self, name: str, connect: Callable[[], Escpos]) -> None:
        self.name = name
        self.connect = connect

    def print_ticket(self, ticket: TicketPrint) -> None:
        try:
            device = self.connect()
            try:
                write_escpos(device, ticket)
            finally:
                device.close()
        except PrintFailed:
            raise
        except Exception as error:  # python-escpos raises many kinds; each means "not printed"
            raise PrintFailed(f"printer {self.name}: {error or type(error).__name__}") from error


def open_printer(setting: str, pdf_folder: Path, print_folder: str = "") -> TicketPrinter:
    """The printer the `printer` setting names (see HallSettings.printer); a file: printer
    may write only where the `print_folder` setting allows (see printer_place)."""
    kind, _, where = setting.partition(":")
    if kind == "none":
        return NoPrinter()
    if kind == "pdf":
        return PdfPrinter(pdf_folder)
    if kind in ("file", "usb", "network"):
        return EscposPrinter(setting, lambda: _escpos_device(kind, where, print_folder))
    raise Rejected(f"unknown printer {setting!r}")


def _escpos_device(kind: str, where: str, print_folder: str) -> Escpos:
    from escpos.printer import File, Network, Usb

    if kind == "file":
        # Checked again at each print: the device or a link may have changed since the setting.
        if problem := file_printer_problem(where, print_folder):
            raise PrintFailed(problem)
        return File(where)
    if kind == "usb":
        vendor, product = (int(part, 16) for part in where.split(":"))
        return Usb(vendor, product)
    host, _, port = where.partition(":")
    return Network(host, int(port or NETWORK_PORT), timeout=NETWORK_TIMEOUT_S)


def _line(device: Escpos, words: str) -> None:
    device._raw(words.encode(ENCODING, errors="replace") + b"\n")


def write_escpos(device: Escpos, ticket: TicketPrint) -> None:
    """The ticket (and slip) as ESC/POS: Chinese in GB18030, the QR drawn by the printer."""
    device.hw("INIT")
    device._raw(CHINESE_MODE)
    device.set(align="center", bold=True)
    _line(device, ticket.hall_name)
    device.set(align="center", bold=False)
    _line(device, ticket.hall_name_en)
    _line(device, "您的号码 Your number")
    device.set(align="center", custom_size=True, width=4, height=4, bold=True)
    _line(device, ticket.ticket)
    device.set(align="center", normal_textsize=True, bold=False)
    _line(device, f"{ticket.queue_name} {ticket.queue_name_en}")
    device.set(align="left")
    wait_zh, wait_en = wait_words(ticket.estimated_wait_s)
    _line(device, f"业务 Business: {ticket.business_name} {ticket.business_name_en}")
    _line(device, f"前面等候 People ahead: {ticket.ahead}")
    _line(device, f"预计等候 Estimated wait: {wait_zh} ({wait_en})")
    if ticket.phone_masked:
        _line(device, f"手机 Mobile: {ticket.phone_masked}")
    _line(device, f"取号时间 Time: {ticket.issued_at:%Y-%m-%d %H:%M}")
    _line(device, INSTRUCTION[0])
    _line(device, INSTRUCTION[1])
    if ticket.slip_code is not None:
        device.cut(mode="PART")
        device.set(align="center", bold=True)
        _line(device, "业务预处理单 Pre-processing slip")
        device.set(align="left", bold=False)
        _line(device, f"号码 Ticket: {ticket.ticket}")
        _line(device, f"业务 Business: {ticket.business_name} {ticket.business_name_en}")
        for slip_line in ticket.slip_lines:
            _line(device, f"{slip_line.label} {slip_line.label_en}: {slip_line.value}")
        device.set(align="center")
        device.qr(ticket.slip_code, native=True, size=8)
        _line(device, SLIP_INSTRUCTION[0])
        _line(device, SLIP_INSTRUCTION[1])
    device.cut()
