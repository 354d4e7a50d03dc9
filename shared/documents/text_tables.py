"""Plain-text tables for the command line that line up with Chinese (double-width) text."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int, *, right: bool) -> str:
    fill = " " * (width - display_width(text))
    return fill + text if right else text + fill


def render_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Columns sized to their widest cell; numbers right-aligned; None shown as '-'."""
    cells = [[("-" if value is None else str(value)) for value in row] for row in rows]
    numeric = [
        all(isinstance(row[i], (int, float)) or row[i] is None for row in rows) and bool(rows)
        for i in range(len(headers))
    ]
    widths = [
        max([display_width(header)] + [display_width(row[i]) for row in cells])
        for i, header in enumerate(headers)
    ]
    lines = [
        "  ".join(_pad(h, w, right=n) for h, w, n in zip(headers, widths, numeric, strict=True))
    ]
    lines.append("  ".join("-" * width for width in widths))
    for row in cells:
        lines.append(
            "  ".join(_pad(c, w, right=n) for c, w, n in zip(row, widths, numeric, strict=True))
        )
    return "\n".join(line.rstrip() for line in lines)
