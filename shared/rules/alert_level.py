"""The two-level crowding alert (客流应急): the level from waiting customers per open counter.

Exact arithmetic: thresholds are decimals a person typed (2.5, 3.5, 0.5), so they are
compared as fractions, never as binary floats that may land a hair below the edge.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache


@lru_cache(maxsize=64)  # a hall's few thresholds, asked after every action
def _exact(value: float) -> Fraction:
    return Fraction(repr(value))


def next_level(
    current: int,
    waiting: int,
    open_counters: int,
    *,
    thresholds: tuple[float, float],
    margin: float,
) -> int:
    """The level after a change: the highest L with ratio >= t_L, or with L <= the current
    level and ratio >= t_L - margin. No one waiting is 0; anyone waiting with no counter
    open is 2."""
    if waiting <= 0:
        return 0
    if open_counters <= 0:
        return 2
    ratio = Fraction(waiting, open_counters)
    for level in (2, 1):
        threshold = _exact(thresholds[level - 1])
        if ratio >= threshold or (level <= current and ratio >= threshold - _exact(margin)):
            return level
    return 0
