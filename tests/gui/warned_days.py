"""Two mornings at the demo hall as replay events, for the monitor's early warnings.

The first: a customer comes before any counter opens (a rise to level 1 and 2 at once, which
nothing foresaw), then a line that grows steadily in front of four counters, warned of before
it reaches level 1, twice. The second: the same line, stopped while it is still growing.
"""

from __future__ import annotations

import datetime as dt
import json

FIRST_DAY = dt.date(2026, 11, 23)  # a Monday
SECOND_DAY = FIRST_DAY + dt.timedelta(days=1)
Event = dict[str, object]


def _at(day: dt.date, minutes: float) -> str:
    moment = dt.datetime.combine(day, dt.time(9)) + dt.timedelta(minutes=minutes)
    return moment.isoformat(timespec="seconds")


def busy_morning(day: dt.date, minutes: int) -> list[Event]:
    """Counters 1–4 each serve a customer every 3 minutes; two customers come a minute,
    two more at opening: the line grows by 2/3 of a customer a minute."""
    opening: list[Event] = [
        {"op": "open", "counter": counter, "clerk": f"E00{counter}", "at": _at(day, 0)}
        for counter in range(1, 5)
    ]
    events = opening + [{"op": "issue", "business": "topup", "at": _at(day, 0)}] * 2
    for minute in range(minutes):
        events += [{"op": "issue", "business": "topup", "at": _at(day, minute + 0.1)}] * 2
        if minute % 3 == 0:
            for counter in range(1, 5):
                if minute:
                    events.append(
                        {"op": "finish", "counter": counter, "at": _at(day, minute + 0.2)}
                    )
                events.append({"op": "call", "counter": counter, "at": _at(day, minute + 0.2)})
    return events


def two_mornings() -> str:
    """Both mornings as the lines `hallq replay` reads; the second ends at 9:06:06."""
    early: Event = {"op": "issue", "business": "topup", "at": _at(FIRST_DAY, -2)}
    events = [early, *busy_morning(FIRST_DAY, 12), *busy_morning(SECOND_DAY, 7)]
    return "".join(json.dumps(event) + "\n" for event in events)
