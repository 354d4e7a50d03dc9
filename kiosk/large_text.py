"""Large text (大字模式): the kiosk's style sheet with every font half as large again, for a
customer who cannot read the usual size. One tap on any screen; the next customer starts
at the usual size."""

from __future__ import annotations

import re

FACTOR = 1.5
_SIZE = re.compile(r"(font-size|max-height):\s*(\d+)px")


# The ticket number is already the largest text on any screen (150 px and more): it
# keeps its size, so the words beside it have the room to grow.
KEPT = ('QLabel[role="number"]',)


def large_text(sheet: str, point_size: int, factor: float = FACTOR) -> str:
    """Every font size, and every height cap that would clip the larger text, times
    `factor` (the ticket number kept); text no rule sizes (the application's
    `point_size`) grows alike."""
    rules = sheet.split("}")
    scaled = [
        rule
        if rule.strip().startswith(KEPT)
        else _SIZE.sub(lambda m: f"{m.group(1)}: {round(int(m.group(2)) * factor)}px", rule)
        for rule in rules
    ]
    return f"QWidget {{ font-size: {round(point_size * factor)}pt; }}\n" + "}".join(scaled)
