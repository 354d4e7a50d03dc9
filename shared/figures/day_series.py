"""The day as series for charts: arrivals and finishes per half hour, waiting customers over
the day, and each clerk's handling times. The monitor draws them live and the day report
draws the same numbers, so both read them here."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.store.models import Clerk, Hall, TicketEvent
from shared.vocabulary import TicketEventKind

SLOT = dt.timedelta(minutes=30)
# What each event does to the set of waiting tickets (docs/rules.md: issued and not yet called).
_STARTS_WAITING = (TicketEventKind.ISSUED, TicketEventKind.TRANSFERRED)
_ENDS_WAITING = (TicketEventKind.CALLED, TicketEventKind.EXPIRED)


@dataclass(frozen=True)
class DaySeries:
    slots: list[dt.datetime]
    """The start of each half hour from the day's first event to its last."""
    arrivals: list[int]
    finishes: list[int]
    waiting: list[tuple[dt.datetime, int]]
    """The number waiting after each change, in time order (a step line)."""
    handle_times: dict[str, list[float]]
    """Each clerk's handling times in seconds, ascending, by staff id."""

    @property
    def empty(self) -> bool:
        return not self.slots


def _slot_start(at: dt.datetime) -> dt.datetime:
    return at.replace(minute=at.minute - at.minute % 30, second=0, microsecond=0)


def day_series(session: Session, hall: Hall, day: dt.date) -> DaySeries:
    events = session.execute(
        select(TicketEvent.at, TicketEvent.kind, TicketEvent.ticket_id)
        .where(TicketEvent.hall_id == hall.id, TicketEvent.business_day == day)
        .order_by(TicketEvent.at, TicketEvent.id)
    ).all()
    handle_times: dict[str, list[float]] = defaultdict(list)
    for staff_id, seconds in session.execute(
        select(Clerk.staff_id, TicketEvent.seconds)
        .join(Clerk, Clerk.id == TicketEvent.clerk_id)
        .where(
            TicketEvent.hall_id == hall.id,
            TicketEvent.business_day == day,
            TicketEvent.kind == TicketEventKind.FINISHED,
            TicketEvent.seconds.is_not(None),
        )
        .order_by(Clerk.staff_id, TicketEvent.seconds)
    ):
        handle_times[staff_id].append(float(seconds or 0.0))  # never None: filtered above
    if not events:
        return DaySeries([], [], [], [], dict(handle_times))
    first, last = _slot_start(events[0].at), _slot_start(events[-1].at)
    slots = [first + SLOT * i for i in range(int((last - first) / SLOT) + 1)]
    arrivals, finishes = [0] * len(slots), [0] * len(slots)
    waiting_now: set[int] = set()
    waiting: list[tuple[dt.datetime, int]] = []
    for at, kind, ticket in events:
        index = int((_slot_start(at) - first) / SLOT)
        if kind == TicketEventKind.ISSUED:
            arrivals[index] += 1
        elif kind == TicketEventKind.FINISHED:
            finishes[index] += 1
        before = len(waiting_now)
        if kind in _STARTS_WAITING:
            waiting_now.add(ticket)
        elif kind in _ENDS_WAITING:
            waiting_now.discard(ticket)
        if len(waiting_now) != before:
            waiting.append((at, len(waiting_now)))
    return DaySeries(slots, arrivals, finishes, waiting, dict(handle_times))


# Handling-time bands for the distribution charts, in minutes; the first ends at the
# three-minute norm (三分钟业务受理).
HANDLE_BANDS_MIN = (3, 6, 10, 15)
HANDLE_BAND_LABELS = ("0-3", "3-6", "6-10", "10-15", "15+")


def handle_time_bands(times: list[float]) -> list[int]:
    """How many of the handling times fall in each band of HANDLE_BAND_LABELS."""
    counts = [0] * (len(HANDLE_BANDS_MIN) + 1)
    for seconds in times:
        counts[sum(seconds >= limit * 60 for limit in HANDLE_BANDS_MIN)] += 1
    return counts
