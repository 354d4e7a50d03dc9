"""What the shift lead should look at now besides the crowding level: an open counter that
calls no one while customers wait in its queues, and a customer at a counter far longer
than a transaction takes. Pure: the monitor re-checks them every second from the floor
it last read, against the hall's thresholds (idle_counter_alert_s, long_service_alert_s)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class FloorAlertKind(StrEnum):
    IDLE = "idle"  # open, calling no one, while its queues have customers
    LONG = "long"  # one customer far beyond a transaction's usual length


@dataclass(frozen=True)
class CounterSeen:
    """A counter as the floor last showed it; `idle_since` is when it last finished,
    opened or resumed (None while it serves or is not open)."""

    counter: int
    open: bool
    queues: tuple[str, ...]
    ticket: str | None
    called_at: dt.datetime | None
    idle_since: dt.datetime | None


@dataclass(frozen=True)
class FloorAlert:
    kind: FloorAlertKind
    counter: int
    seconds: float  # idle for, or serving for
    ticket: str | None = None  # the customer at the counter (long service)
    waiting: int = 0  # customers in the counter's queues (idle counter)


def floor_alerts(
    counters: Iterable[CounterSeen],
    waiting: Mapping[str, int],
    now: dt.datetime,
    *,
    idle_after_s: float,
    long_after_s: float,
) -> list[FloorAlert]:
    """The alerts due at `now`, by counter number: idle ones, then long services."""
    alerts: list[FloorAlert] = []
    for seen in sorted(counters, key=lambda counter: counter.counter):
        if seen.ticket is not None and seen.called_at is not None:
            serving = (now - seen.called_at).total_seconds()
            if serving >= long_after_s:
                alerts.append(FloorAlert(FloorAlertKind.LONG, seen.counter, serving, seen.ticket))
        elif seen.open and seen.idle_since is not None:
            queued = sum(waiting.get(queue, 0) for queue in seen.queues)
            idle = (now - seen.idle_since).total_seconds()
            if queued and idle >= idle_after_s:
                alerts.append(FloorAlert(FloorAlertKind.IDLE, seen.counter, idle, waiting=queued))
    alerts.sort(key=lambda alert: alert.kind != FloorAlertKind.IDLE)
    return alerts
