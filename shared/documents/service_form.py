"""The electronic service form (电子签单) as a PDF: what was done, the terms, and the
customer's signature drawn from the pen strokes (or the reason they declined to sign).

Everything on it comes from the recorded transactions; personal fields are masked. The
bundled CJK font is embedded, and the output is byte-for-byte repeatable for the same input
(reportlab's invariant mode), so a form's hash depends only on what it says.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from shared.documents.fonts import pdf_font

# A stroke is a list of points [x, y, milliseconds since the pen went down, pressure 0..1].
Strokes = Sequence[Sequence[Sequence[float]]]

_MARGIN = 50.0
_WIDTH, _HEIGHT = A4
_SIGNATURE_BOX = (260.0, 110.0)
_PIECE = re.compile(r"[!-~]+\s*|\s+|.")


@dataclass(frozen=True)
class FormLine:
    label: str
    label_en: str
    value: str  # already masked when personal; as the printed form, in both languages, shows it
    # The value on a one-language screen, where it differs from `value` (a choice, an outcome).
    value_zh: str = ""
    value_en: str = ""


@dataclass(frozen=True)
class FormBusiness:
    name: str
    name_en: str
    lines: tuple[FormLine, ...]
    terms: str
    terms_en: str


@dataclass(frozen=True)
class FormContent:
    """What a service form says, read from the store: see signing.form_content."""

    hall: str
    hall_en: str
    counter: int
    clerk: str
    staff_id: str
    ticket: str
    customer: str  # the masked mobile number, or "" when the ticket has none
    at: dt.datetime
    businesses: tuple[FormBusiness, ...]
    recommended: bool
    accepted: bool
    notes: str


@functools.lru_cache(maxsize=512)
def wrap(text: str, width: float, size: float) -> tuple[str, ...]:
    """Lines of `text` no wider than `width`: at spaces when the text has them (English),
    else between any two characters (Chinese). Kept for reuse: every form of a business
    wraps the same terms, and measuring text is most of a form's drawing."""
    font = pdf_font()
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for piece in _pieces(paragraph):
            if line and stringWidth(line + piece, font, size) > width:
                lines.append(line.rstrip())
                line = piece.lstrip()
            else:
                line += piece
        lines.append(line.rstrip())
    return tuple(lines)


def _pieces(text: str) -> list[str]:
    """Words of printable ASCII with their trailing spaces, and any other character alone."""
    return _PIECE.findall(text)


class _Page:
    """A cursor down the page that starts a new page when the next line would not fit."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.y = _HEIGHT - _MARGIN

    def room(self, height: float) -> None:
        if self.y - height < _MARGIN:
            self.canvas.showPage()
            self.y = _HEIGHT - _MARGIN

    def text(self, text: str, size: float = 10, indent: float = 0, gap: float = 1.45) -> None:
        for line in wrap(text, _WIDTH - 2 * _MARGIN - indent, size):
            self.room(size * gap)
            self.y -= size * gap
            self.canvas.setFont(pdf_font(), size)
            self.canvas.drawString(_MARGIN + indent, self.y, line)

    def rule(self) -> None:
        self.room(10)
        self.y -= 6
        self.canvas.setLineWidth(0.5)
        self.canvas.line(_MARGIN, self.y, _WIDTH - _MARGIN, self.y)
        self.y -= 4


PRINTED_LINK = 16  # hex digits of the previous link printed: what `hallq forms search` shows


@dataclass(frozen=True)
class FormPlace:
    """A form's place in the hall's chain, printed on it: its sequence number and the chain
    hash of the form before it (the form's own hash covers the PDF, so cannot be on it)."""

    sequence: int
    previous_link: str

    def printed(self) -> str:
        return (
            f"服务单号 Form No. {self.sequence}    "
            f"前链 Previous link: {self.previous_link[:PRINTED_LINK]}"
        )


def _yes(flag: bool) -> str:
    return "是 Yes" if flag else "否 No"


def render_form(
    content: FormContent,
    strokes: Strokes | None,
    decline_reason: str = "",
    *,
    replayed: bool = False,
    redacted: tuple[bool, dt.datetime] | None = None,
    place: FormPlace | None = None,
) -> bytes:
    """The form as PDF bytes, signed with `strokes` or marked declined with the reason; a
    form of a replayed day says it was signed there, with no pen strokes to draw. A form
    `redacted` (signed or not, when) by the retention purge says so in place of the
    signature or the reason, which it no longer holds. `place` is printed under the title,
    tying the paper to its archived record."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle(f"{content.hall} {content.ticket}")
    page = _Page(canvas)
    page.text("电子服务单  Electronic service form", size=17)
    page.text(f"{content.hall}  {content.hall_en}", size=11)
    if place is not None:
        page.text(place.printed(), size=9)
    page.rule()
    page.text(
        f"窗口 Counter: {content.counter}    营业员 Clerk: {content.clerk} ({content.staff_id})"
        f"    号码 Ticket: {content.ticket}"
    )
    page.text(
        f"客户 Customer: {content.customer or '—'}    "
        f"时间 Date and time: {content.at:%Y-%m-%d %H:%M:%S}"
    )
    for number, business in enumerate(content.businesses, start=1):
        page.rule()
        page.text(f"{number}. {business.name}  {business.name_en}", size=12)
        for line in business.lines:
            page.text(f"{line.label} {line.label_en}: {line.value}", indent=14)
        if business.terms or business.terms_en:
            page.text("业务条款 Terms:", size=9, indent=14)
            for terms in (business.terms, business.terms_en):
                if terms:
                    page.text(terms, size=8.5, indent=24)
    page.rule()
    page.text(
        f"推荐新业务 New service recommended: {_yes(content.recommended)}    "
        f"客户接受 Accepted: {_yes(content.accepted)}"
    )
    if content.notes:
        page.text(f"备注 Notes: {content.notes}")
    page.rule()
    if redacted is not None:
        signed, when = redacted
        page.text(
            "客户已签名 Signed by the customer" if signed else "客户拒绝签名 Declined to sign"
        )
        page.text(
            f"个人信息已按保留期限删除 Personal details erased after the retention period: "
            f"{when:%Y-%m-%d %H:%M:%S}"
        )
    elif strokes:
        page.text("客户已阅读并确认以上内容。客户签名 Customer's signature:")
        _draw_signature(page, strokes)
    elif replayed:
        page.text("回放记录：客户已签名，无笔迹 Signed in a replayed day (no pen strokes)")
    else:
        page.text(f"客户拒绝签名 Declined to sign: {decline_reason}")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_signature(page: _Page, strokes: Strokes) -> None:
    """The strokes scaled into the signature box, each segment as thick as the pen pressed."""
    box_w, box_h = _SIGNATURE_BOX
    page.room(box_h + 10)
    page.y -= box_h + 6
    canvas, left, bottom = page.canvas, _MARGIN, page.y
    canvas.setLineWidth(0.5)
    canvas.rect(left, bottom, box_w, box_h)
    points = [point for stroke in strokes for point in stroke]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    scale = min(
        (box_w - 16) / max(max(xs) - min(xs), 1.0), (box_h - 16) / max(max(ys) - min(ys), 1.0)
    )
    canvas.setLineCap(1)
    for stroke in strokes:
        for start, end in itertools.pairwise([stroke[0], *stroke]):
            canvas.setLineWidth(0.6 + 1.8 * float(end[3]))
            canvas.line(
                left + 8 + (start[0] - min(xs)) * scale,
                bottom + box_h - 8 - (start[1] - min(ys)) * scale,
                left + 8 + (end[0] - min(xs)) * scale,
                bottom + box_h - 8 - (end[1] - min(ys)) * scale,
            )
