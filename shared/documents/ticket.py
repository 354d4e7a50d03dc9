"""The printed ticket and its pre-processing slip, as an 80 mm thermal-roll PDF.

Both languages are printed, Chinese first: the roll is read by the customer and by the
clerk, who may not share the kiosk's chosen language. Personal data arrives masked.
"""

from __future__ import annotations

import io

import qrcode
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from shared.documents.fonts import pdf_font
from shared.documents.ticket_text import INSTRUCTION, SLIP_INSTRUCTION, TicketPrint, wait_words

ROLL_WIDTH = 80 * mm
MARGIN = 4 * mm


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code's dark modules, with its quiet zone, for any drawing surface."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(payload)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


class _Roll:
    """A pen moving down the roll; the page height is fixed after a dry run."""

    def __init__(self, canvas: Canvas | None, height: float) -> None:
        self.canvas = canvas
        self.y = height - MARGIN
        self.font = pdf_font()

    def lines(self, words: str, size: float, room: float = ROLL_WIDTH - 2 * MARGIN) -> list[str]:
        """`words` broken into lines no wider than `room`: at a space when the line has
        one (English), else at any character (Chinese, a long code); never cut off."""
        lines: list[str] = []
        line = ""
        for char in words:
            if line and stringWidth(line + char, self.font, size) > room:
                cut = line.rfind(" ")
                if char != " " and cut > 0:
                    lines.append(line[:cut])
                    line = line[cut + 1 :]
                else:
                    lines.append(line)
                    line = ""
                if char == " ":
                    continue
            line += char
        return [*lines, line] if line or not lines else lines

    def text(self, words: str, size: float, *, gap: float = 1.5) -> None:
        """Centred, wrapped to the roll."""
        for line in self.lines(words, size):
            self.y -= size
            if self.canvas is not None:
                self.canvas.setFont(self.font, size)
                self.canvas.drawCentredString(ROLL_WIDTH / 2, self.y, line)
            self.y -= gap

    def pair(self, label: str, value: str, size: float = 9) -> None:
        """Label left, value right; when both do not fit on one line the value goes below,
        and either wraps to as many lines as it needs."""
        room = ROLL_WIDTH - 2 * MARGIN
        together = stringWidth(label, self.font, size) + stringWidth(value, self.font, size)
        if together <= room - 6:
            self._line(label, size, left=True)
            self.y += size + 1.5  # the value shares the label's line
            self._line(value, size, left=False)
        else:
            for line in self.lines(label, size):
                self._line(line, size, left=True)
            for line in self.lines(value, size):
                self._line(line, size, left=False)
        self.y -= 1

    def _line(self, words: str, size: float, *, left: bool) -> None:
        self.y -= size
        if self.canvas is not None:
            self.canvas.setFont(self.font, size)
            if left:
                self.canvas.drawString(MARGIN, self.y, words)
            else:
                self.canvas.drawRightString(ROLL_WIDTH - MARGIN, self.y, words)
        self.y -= 1.5

    def rule(self, dashed: bool = False) -> None:
        self.y -= 4
        if self.canvas is not None:
            self.canvas.setDash(3, 2) if dashed else self.canvas.setDash()
            self.canvas.setLineWidth(0.6)
            self.canvas.line(MARGIN, self.y, ROLL_WIDTH - MARGIN, self.y)
            self.canvas.setDash()
        self.y -= 5

    def qr(self, payload: str, size: float = 38 * mm) -> None:
        modules = qr_modules(payload)
        cell = size / len(modules)
        self.y -= size
        if self.canvas is not None:
            left = (ROLL_WIDTH - size) / 2
            for row, line in enumerate(modules):
                for column, dark in enumerate(line):
                    if dark:
                        top = self.y + size - (row + 1) * cell
                        self.canvas.rect(left + column * cell, top, cell, cell, stroke=0, fill=1)
        self.y -= 3


def _draw(roll: _Roll, ticket: TicketPrint) -> None:
    roll.text(ticket.hall_name, 11)
    roll.text(ticket.hall_name_en, 7)
    roll.rule()
    roll.text("您的号码  Your number", 8)
    roll.text(ticket.ticket, 44, gap=4)
    roll.text(f"{ticket.queue_name}  {ticket.queue_name_en}", 10, gap=5)
    wait_zh, wait_en = wait_words(ticket.estimated_wait_s)
    roll.pair("业务 Business", f"{ticket.business_name} {ticket.business_name_en}")
    roll.pair("前面等候 People ahead", str(ticket.ahead))
    roll.pair("预计等候 Estimated wait", f"{wait_zh} ({wait_en})")
    if ticket.phone_masked:
        roll.pair("手机 Mobile", ticket.phone_masked)
    roll.pair("取号时间 Time", f"{ticket.issued_at:%Y-%m-%d %H:%M}")
    roll.rule()
    roll.text(INSTRUCTION[0], 8.5)
    roll.text(INSTRUCTION[1], 7.5)
    if ticket.slip_code is None:
        return
    roll.rule(dashed=True)
    roll.text("业务预处理单  Pre-processing slip", 10, gap=4)
    roll.pair("号码 Ticket", ticket.ticket)
    roll.pair("业务 Business", f"{ticket.business_name} {ticket.business_name_en}")
    for line in ticket.slip_lines:
        roll.pair(f"{line.label} {line.label_en}", line.value)
    roll.y -= 4
    roll.qr(ticket.slip_code)
    roll.text(SLIP_INSTRUCTION[0], 8.5)
    roll.text(SLIP_INSTRUCTION[1], 7.5)


def ticket_pdf(ticket: TicketPrint) -> bytes:
    """One page as long as its content, 80 mm wide, with the CJK font embedded."""
    dry = _Roll(None, 0)
    _draw(dry, ticket)
    height = -dry.y + MARGIN
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(ROLL_WIDTH, height))
    canvas.setTitle(f"{ticket.ticket} {ticket.hall_name}")
    _draw(_Roll(canvas, height), ticket)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
