"""Wait estimates for new tickets, from the hall's live state.

`naive_wait_s` is the textbook figure (people ahead × mean handling time ÷ open counters):
the baseline every better estimate is measured against.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.model import Counter, Hall, Queue, TicketEvent
from shared.settings import HallSettings

RECENT_FINISHES = 20


def naive_wait_s(ahead: int, mean_handling_s: float, open_counters: int) -> float | None:
    """None when no counter is open to serve: no honest figure exists then."""
    if open_counters <= 0:
        return None
    return ahead * mean_handling_s / open_counters


def recent_handling_s(session: Session, queue: Queue, day: dt.date) -> float | None:
    """Mean handling time of the queue's latest finishes today, or None before the first."""
    latest = (
        select(TicketEvent.seconds)
        .where(
            TicketEvent.hall_id == queue.hall_id,
            TicketEvent.business_day == day,
            TicketEvent.queue_id == queue.id,
            TicketEvent.kind == "finished",
        )
        .order_by(TicketEvent.id.desc())
        .limit(RECENT_FINISHES)
        .subquery()
    )
    mean = session.scalar(select(func.avg(latest.c.seconds)))
    return float(mean) if mean is not None else None


def open_counters_serving(session: Session, hall: Hall, letter: str) -> int:
    serving = session.scalars(
        select(Counter.queues).where(Counter.hall_id == hall.id, Counter.state == "open")
    )
    return sum(1 for queues in serving if letter in queues)


def estimate_wait_s(
    session: Session,
    hall: Hall,
    queue: Queue,
    ahead: int,
    settings: HallSettings,
    now: dt.datetime,
) -> float | None:
    handling = recent_handling_s(session, queue, now.date()) or float(settings.routine_norm_s)
    return naive_wait_s(ahead, handling, open_counters_serving(session, hall, queue.letter))
