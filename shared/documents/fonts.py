"""The bundled CJK font, registered once with reportlab and embedded (subset) in every PDF."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from shared.resources import cjk_font

PDF_FONT = "HallqCJK"


@cache
def pdf_font() -> str:
    """Register the font (first call only) and return the name to use in reportlab."""
    pdfmetrics.registerFont(TTFont(PDF_FONT, str(cjk_font()), subfontIndex=0))
    return PDF_FONT
