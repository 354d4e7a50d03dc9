"""Wait estimates for new tickets, from the hall's live state.

`naive_wait_s` is the textbook figure (people ahead × mean handling time ÷ open counters):
the baseline every better estimate is measured against. `estimate_wait_s` plays the
calling rule forward instead: the counters open for the ticket's queue, each freed when
its current customer is expected to leave, take the tickets that go first (the green
channel's, then the older ones of every queue those counters share), each taking its
queue's recent handling time scaled by the clerk's own pace. It reads three small
queries, so it can run inside every issue.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.model import Counter, CounterSession, Hall, Queue, Ticket, TicketEvent
from shared.settings import HallSettings

RECENT_FINISHES = 20  # per queue: the handling time follows the latest customers
RECENT_WINDOW_ROWS = 300  # the hall's latest ends of service read per estimate
RECENT_DAYS = 7  # handling times older than this no longer describe the hall
CLERK_PRIOR = 5  # a clerk's pace counts like this many typical services until known
# A customer at the counter longer than expected is still expected to need this share
# of the usual time: service times have a long tail.
LEAST_REMAINING = 0.25
ENDS_OF_SERVICE = ("finished", "no_show", "transferred")


def naive_wait_s(ahead: int, mean_handling_s: float, open_counters: int) -> float | None:
    """None when no counter is open to serve: no honest figure exists then."""
    if open_counters <= 0:
        return None
    return ahead * mean_handling_s / open_counters


@dataclass(frozen=True)
class Service:
    """One recent end of service: its queue, its clerk, and the time the counter spent."""

    queue_id: int
    clerk_id: int | None
    seconds: float


@dataclass(frozen=True)
class Pace:
    """Recent handling times: the mean per queue, and each clerk's pace relative to it."""

    per_queue: Mapping[int, float]
    per_clerk: Mapping[int, float]
    fallback_s: float

    def handling_s(self, queue_id: int) -> float:
        return self.per_queue.get(queue_id, self.fallback_s)

    def clerk_factor(self, clerk_id: int | None) -> float:
        return self.per_clerk.get(clerk_id, 1.0) if clerk_id is not None else 1.0


def pace_of(services: Sequence[Service], fallback_s: float) -> Pace:
    """Queue means from each queue's latest services (newest first in `services`); a clerk's
    factor is their mean ratio to those means, pulled toward 1 until they have served a few."""
    by_queue: dict[int, list[float]] = defaultdict(list)
    for service in services:
        if len(by_queue[service.queue_id]) < RECENT_FINISHES:
            by_queue[service.queue_id].append(service.seconds)
    per_queue = {queue: sum(times) / len(times) for queue, times in by_queue.items()}
    ratios: dict[int, list[float]] = defaultdict(list)
    for service in services:
        if service.clerk_id is not None and per_queue[service.queue_id] > 0:
            ratios[service.clerk_id].append(service.seconds / per_queue[service.queue_id])
    per_clerk = {
        clerk: (sum(values) + CLERK_PRIOR) / (len(values) + CLERK_PRIOR)
        for clerk, values in ratios.items()
    }
    everything = [service.seconds for service in services]
    fallback = sum(everything) / len(everything) if everything else fallback_s
    return Pace(per_queue, per_clerk, fallback)


def recent_pace(session: Session, hall: Hall, now: dt.datetime, settings: HallSettings) -> Pace:
    """The hall's latest ends of service (finish, no-show, transfer) of the past week."""
    rows = session.execute(
        select(TicketEvent.queue_id, TicketEvent.clerk_id, TicketEvent.seconds)
        .where(
            TicketEvent.hall_id == hall.id,
            TicketEvent.business_day >= now.date() - dt.timedelta(days=RECENT_DAYS),
            TicketEvent.kind.in_(ENDS_OF_SERVICE),
            TicketEvent.seconds.is_not(None),
        )
        .order_by(TicketEvent.id.desc())
        .limit(RECENT_WINDOW_ROWS)
    ).all()
    services = [
        Service(queue_id, clerk_id, float(seconds or 0.0)) for queue_id, clerk_id, seconds in rows
    ]
    return pace_of(services, float(settings.routine_norm_s))


@dataclass(frozen=True)
class Desk:
    """An open counter as the estimate sees it: what it serves, and when it is next free."""

    serves: str
    free_in_s: float
    factor: float = 1.0


@dataclass(frozen=True)
class Ahead:
    """A waiting ticket that may be called before the new one."""

    queue: str
    handling_s: float


def projected_wait_s(
    letter: str, desks: Sequence[Desk], ahead: Iterable[Ahead], *, vip_queue: str
) -> float | None:
    """The new ticket's wait when the counters serving `letter` take, in calling order, the
    tickets ahead of it: each goes to the first free counter that serves its queue. None
    when no open counter serves the queue."""
    mine = [desk for desk in desks if letter in desk.serves]
    if not mine:
        return None
    free = [desk.free_in_s for desk in mine]
    for ticket in ahead:
        if letter == vip_queue and ticket.queue != vip_queue:
            continue  # the green channel is called first: nothing else goes before it
        able = [i for i, desk in enumerate(mine) if ticket.queue in desk.serves]
        if not able:
            continue
        first = min(able, key=lambda i: free[i])
        # Counters outside this set that also serve the ticket's queue take their share.
        sharing = sum(1 for desk in desks if ticket.queue in desk.serves)
        free[first] += ticket.handling_s * mine[first].factor * len(able) / sharing
    return min(free)


def open_desks(
    session: Session, hall: Hall, pace: Pace, now: dt.datetime
) -> tuple[list[Desk], dict[int, str]]:
    """The hall's open counters (with the queues of their current stint), each free when its
    called customer is expected to leave; and the queues' letters by id."""
    letters = dict(
        session.execute(select(Queue.id, Queue.letter).where(Queue.hall_id == hall.id)).all()
    )
    called = {
        counter_id: (queue_id, called_at)
        for counter_id, queue_id, called_at in session.execute(
            select(Ticket.counter_id, Ticket.queue_id, Ticket.called_at).where(
                Ticket.hall_id == hall.id, Ticket.status == "called"
            )
        )
    }
    desks = []
    for counter_id, serves, clerk_id in session.execute(
        select(Counter.id, CounterSession.queues, CounterSession.clerk_id)
        .join(CounterSession, CounterSession.counter_id == Counter.id)
        .where(
            Counter.hall_id == hall.id,
            Counter.state == "open",
            CounterSession.closed_at.is_(None),
        )
    ):
        factor = pace.clerk_factor(clerk_id)
        free_in = 0.0
        if counter_id in called:
            queue_id, called_at = called[counter_id]
            expected = pace.handling_s(queue_id) * factor
            spent = (now - called_at).total_seconds() if called_at else 0.0
            free_in = max(expected - spent, expected * LEAST_REMAINING)
        desks.append(Desk(serves, free_in, factor))
    return desks, letters


def estimate_wait_s(
    session: Session, hall: Hall, queue: Queue, settings: HallSettings, now: dt.datetime
) -> float | None:
    """The wait a ticket joining `queue` now can expect (call it before adding the ticket);
    None when no open counter serves the queue."""
    pace = recent_pace(session, hall, now, settings)
    desks, letters = open_desks(session, hall, pace, now)
    waiting = session.execute(
        select(Ticket.queue_id, Ticket.waiting_since, Ticket.issued_at, Ticket.id).where(
            Ticket.hall_id == hall.id, Ticket.status == "waiting"
        )
    ).all()
    vip = settings.vip_queue
    order = sorted(waiting, key=lambda row: (letters[row[0]] != vip, row[1], row[2], row[3]))
    ahead = [Ahead(letters[row[0]], pace.handling_s(row[0])) for row in order]
    return projected_wait_s(queue.letter, desks, ahead, vip_queue=vip)


def naive_estimate_s(
    session: Session, hall: Hall, queue: Queue, ahead: int, settings: HallSettings, now: dt.datetime
) -> float | None:
    """The baseline for the same ticket: its own queue's people ahead, that queue's recent
    mean handling time, and the open counters that serve the queue."""
    pace = recent_pace(session, hall, now, settings)
    desks, _ = open_desks(session, hall, pace, now)
    serving = sum(1 for desk in desks if queue.letter in desk.serves)
    return naive_wait_s(ahead, pace.handling_s(queue.id), serving)
