"""How a clerk figure reads wherever it is shown: the workstation, the monitor's clerk table,
the performance sheet, the day report and the command line (docs/rules.md "How figures
read"). Each figure has one text here, so no two places can show a figure differently.

A missing value (nothing to divide by, no time measured) reads as `MISSING`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

MISSING = "—"


def minutes_seconds(seconds: float | None) -> str:
    """A time as minutes:seconds, rounded to the nearest second (200.6 s reads 3:21)."""
    if seconds is None:
        return MISSING
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def percent(share: float | None) -> str:
    """A share from 0 to 1 as a whole percentage, rounded half up (0.125 reads 13%)."""
    if share is None:
        return MISSING
    return f"{math.floor(round(share * 100, 6) + 0.5)}%"


def offers(recommended: int, accepted: int) -> str:
    """Offers as "recommended / taken": always in this order."""
    return f"{recommended} / {accepted}"


def score_points(points: float) -> str:
    """A performance sheet's points, to one decimal."""
    return f"{points:.1f}"


def count(value: int) -> str:
    return str(value)


# The clerk figures each place shows, by their `ClerkFigures` name (docs/rules.md order),
# and how each reads. `offers` is recommended and accepted read together.
CLERK_FIGURE_TEXT: dict[str, Callable[[Any], str]] = {
    "called": lambda f: count(f.called),
    "handled": lambda f: count(f.handled),
    "no_shows": lambda f: count(f.no_shows),
    "transfers": lambda f: count(f.transfers),
    "avg_wait_s": lambda f: minutes_seconds(f.avg_wait_s),
    "avg_handle_s": lambda f: minutes_seconds(f.avg_handle_s),
    "p90_handle_s": lambda f: minutes_seconds(f.p90_handle_s),
    "routine_within_norm": lambda f: percent(f.routine_within_norm),
    "rated": lambda f: count(f.rated),
    "satisfaction_rate": lambda f: percent(f.satisfaction_rate),
    "satisfaction_points": lambda f: count(f.satisfaction_points),
    "offers": lambda f: offers(f.recommended, f.accepted),
    "signed_rate": lambda f: percent(f.signed_rate),
    "utilisation": lambda f: percent(f.utilisation),
}


def clerk_figure_text(figures: Any, name: str) -> str:
    """One clerk figure as every place shows it."""
    return CLERK_FIGURE_TEXT[name](figures)
