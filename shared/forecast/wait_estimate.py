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

from sqlalchemy import Date, Integer, Select, String, bindparam, select
from sqlalchemy.orm import Session

from shared.rules.hall_settings import HallSettings
from shared.store import direct
from shared.store.models import Counter, CounterSession, Hall, Queue, Ticket, TicketEvent
from shared.vocabulary import CounterState, TicketEventKind, TicketStatus

RECENT_FINISHES = 20  # per queue: the handling time follows the latest customers
RECENT_WINDOW_ROWS = 300  # the hall's latest ends of service read per estimate
RECENT_DAYS = 7  # handling times older than this no longer describe the hall
CLERK_PRIOR = 5  # a clerk's pace counts like this many typical services until known
# A customer at the counter longer than expected is still expected to need this share
# of the usual time: service times have a long tail.
LEAST_REMAINING = 0.25
ENDS_OF_SERVICE = (TicketEventKind.FINISHED, TicketEventKind.NO_SHOW, TicketEventKind.TRANSFERRED)


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


_RECENT_SERVICES = (
    select(TicketEvent.queue_id, TicketEvent.clerk_id, TicketEvent.seconds)
    .where(
        TicketEvent.hall_id == bindparam("hall", type_=Integer()),
        TicketEvent.business_day >= bindparam("since", type_=Date()),
        TicketEvent.kind.in_(ENDS_OF_SERVICE),
        TicketEvent.seconds.is_not(None),
    )
    .order_by(TicketEvent.id.desc())
    .limit(RECENT_WINDOW_ROWS)
)  # built once, as the other statements an issue runs


def recent_pace(session: Session, hall: Hall, now: dt.datetime, settings: HallSettings) -> Pace:
    """The hall's latest ends of service (finish, no-show, transfer) of the past week."""
    since = now.date() - dt.timedelta(days=RECENT_DAYS)
    rows = direct.run(session, _RECENT_SERVICES, {"hall": hall.id, "since": since})
    services = [
        Service(queue_id, clerk_id, float(seconds or 0.0)) for queue_id, clerk_id, seconds in rows
    ]
    return pace_of(services, float(settings.routine_norm_s))


@dataclass(frozen=True)
class ProjectedCounter:
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
    letter: str, counters: Sequence[ProjectedCounter], ahead: Iterable[Ahead], *, vip_queue: str
) -> float | None:
    """The new ticket's wait when the counters serving `letter` take, in calling order, the
    tickets ahead of it: each goes to the first free counter that serves its queue. None
    when no open counter serves the queue."""
    mine = [counter for counter in counters if letter in counter.serves]
    if not mine:
        return None
    free = [counter.free_in_s for counter in mine]
    for ticket in ahead:
        if letter == vip_queue and ticket.queue != vip_queue:
            continue  # the green channel is called first: nothing else goes before it
        able = [i for i, counter in enumerate(mine) if ticket.queue in counter.serves]
        if not able:
            continue
        first = min(able, key=lambda i: free[i])
        # Counters outside this set that also serve the ticket's queue take their share.
        sharing = sum(1 for counter in counters if ticket.queue in counter.serves)
        free[first] += ticket.handling_s * mine[first].factor * len(able) / sharing
    return min(free)


@dataclass(frozen=True)
class OpenCounter:
    """An open counter's current stint, and the ticket called to it, if any."""

    serves: str
    clerk_id: int
    called_queue_id: int | None
    called_at: dt.datetime | None


def _open_counters_statement() -> Select[str, int, int | None, dt.datetime | None]:
    """Built once: every issue reads it, and building it costs more than running it."""
    called = (Ticket.counter_id == Counter.id) & (Ticket.status == TicketStatus.CALLED)
    return (
        select(CounterSession.queues, CounterSession.clerk_id, Ticket.queue_id, Ticket.called_at)
        .select_from(Counter)
        .join(CounterSession, CounterSession.counter_id == Counter.id)
        .outerjoin(Ticket, called)
        .where(
            Counter.hall_id == bindparam("hall", type_=Integer()),
            Counter.state == CounterState.OPEN,
            CounterSession.closed_at.is_(None),
        )
    )


_OPEN_COUNTERS = _open_counters_statement()


def open_counters(session: Session, hall: Hall) -> list[OpenCounter]:
    """The hall's open counters with the queues of their current stint and called ticket."""
    rows = direct.run(session, _OPEN_COUNTERS, {"hall": hall.id})
    return [OpenCounter(*row) for row in rows]


def projected_counters(
    counters: Sequence[OpenCounter], pace: Pace, now: dt.datetime
) -> list[ProjectedCounter]:
    """Each open counter free when its called customer is expected to leave."""
    projected = []
    for counter in counters:
        factor = pace.clerk_factor(counter.clerk_id)
        free_in = 0.0
        if counter.called_queue_id is not None and counter.called_at is not None:
            expected = pace.handling_s(counter.called_queue_id) * factor
            spent = (now - counter.called_at).total_seconds()
            free_in = max(expected - spent, expected * LEAST_REMAINING)
        projected.append(ProjectedCounter(counter.serves, free_in, factor))
    return projected


def estimate_wait_s(
    session: Session, hall: Hall, queue: Queue, settings: HallSettings, now: dt.datetime
) -> float | None:
    """The wait a ticket joining `queue` now can expect (call it before adding the ticket);
    None when no open counter serves the queue."""
    counters = open_counters(session, hall)
    if not any(queue.letter in counter.serves for counter in counters):
        return None
    pace = recent_pace(session, hall, now, settings)
    waiting = waiting_in_calling_order(session, hall, settings)
    ahead = [Ahead(letter, pace.handling_s(queue_id)) for _, queue_id, letter in waiting]
    projected = projected_counters(counters, pace, now)
    return projected_wait_s(queue.letter, projected, ahead, vip_queue=settings.vip_queue)


def naive_estimate_s(
    session: Session, hall: Hall, queue: Queue, ahead: int, settings: HallSettings, now: dt.datetime
) -> float | None:
    """The baseline for the same ticket: its own queue's people ahead, that queue's recent
    mean handling time, and the open counters that serve the queue."""
    serving = sum(1 for counter in open_counters(session, hall) if queue.letter in counter.serves)
    handling = recent_pace(session, hall, now, settings).handling_s(queue.id)
    return naive_wait_s(ahead, handling, serving)


_IN_CALLING_ORDER = (
    select(Ticket.id, Ticket.queue_id, Queue.letter)
    .join(Queue, Queue.id == Ticket.queue_id)
    .where(
        Ticket.hall_id == bindparam("hall", type_=Integer()),
        Ticket.status == TicketStatus.WAITING,
    )
    .order_by(
        Queue.letter != bindparam("vip", type_=String()),
        Ticket.waiting_since,
        Ticket.issued_at,
        Ticket.id,
    )
)  # built once, as the other statements an issue runs


def waiting_in_calling_order(
    session: Session, hall: Hall, settings: HallSettings
) -> list[tuple[int, int, str]]:
    """The hall's waiting tickets (id, queue id, queue letter) as the counters will take
    them: the green channel first, then by how long each has waited."""
    rows = (
        session.connection()
        .execute(_IN_CALLING_ORDER, {"hall": hall.id, "vip": settings.vip_queue})
        .all()
    )
    return [(ticket_id, queue_id, letter) for ticket_id, queue_id, letter in rows]
