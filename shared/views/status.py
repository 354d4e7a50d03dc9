"""The hall right now: waiting per queue, each counter's state, the crowding level."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.services.alerts import count_crowding
from shared.services.settings import load_settings
from shared.store.models import Clerk, Counter, CounterSession, Hall, Queue, Ticket
from shared.vocabulary import CounterState, TicketStatus

LEVEL_NAMES = {0: ("正常", "normal"), 1: ("一级应急", "level 1"), 2: ("二级应急", "level 2")}


@dataclass(frozen=True)
class QueueNow:
    queue: str
    name: str
    name_en: str
    waiting: int
    oldest_since: dt.datetime | None
    target_wait_s: int  # the wait the hall promises in this queue


@dataclass(frozen=True)
class CounterNow:
    counter: int
    name: str
    state: CounterState
    clerk: str | None
    clerk_name: str | None
    queues: list[str]
    ticket: str | None
    called_at: dt.datetime | None


@dataclass(frozen=True)
class HallNow:
    hall: str
    name: str
    name_en: str
    business_day: dt.date | None
    level: int
    waiting_total: int
    open_counters: int
    ratio: float | None
    thresholds: tuple[float, float]
    margin: float
    queues: list[QueueNow]
    counters: list[CounterNow]

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["waiting"] = {queue.queue: queue.waiting for queue in self.queues}
        data["thresholds"] = list(self.thresholds)
        return {key: _isoformat(value) for key, value in data.items()}


def _isoformat(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _isoformat(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_isoformat(item) for item in value]
    return value


def hall_now(session: Session, hall: Hall) -> HallNow:
    settings = load_settings(session, hall.id)
    waiting = {
        queue_id: (count, oldest)
        for queue_id, count, oldest in session.execute(
            select(Ticket.queue_id, func.count(), func.min(Ticket.waiting_since))
            .where(Ticket.hall_id == hall.id, Ticket.status == TicketStatus.WAITING)
            .group_by(Ticket.queue_id)
        )
    }
    queues = []
    for q in session.scalars(select(Queue).where(Queue.hall_id == hall.id).order_by(Queue.id)):
        count, oldest = waiting.get(q.id, (0, None))
        queues.append(QueueNow(q.letter, q.name, q.name_en, count, oldest, q.target_wait_s))
    waiting_total, open_counters = count_crowding(session, hall)
    return HallNow(
        hall=hall.code,
        name=hall.name,
        name_en=hall.name_en,
        business_day=hall.business_day,
        level=hall.alert_level,
        waiting_total=waiting_total,
        open_counters=open_counters,
        ratio=waiting_total / open_counters if open_counters else None,
        thresholds=(settings.alert_level1, settings.alert_level2),
        margin=settings.alert_margin,
        queues=queues,
        counters=_counters_now(session, hall),
    )


def _counters_now(session: Session, hall: Hall) -> list[CounterNow]:
    rows = session.execute(
        select(Counter, CounterSession, Clerk)
        .outerjoin(
            CounterSession,
            (CounterSession.counter_id == Counter.id) & CounterSession.closed_at.is_(None),
        )
        .outerjoin(Clerk, Clerk.id == CounterSession.clerk_id)
        .where(Counter.hall_id == hall.id)
        .order_by(Counter.number)
    ).all()
    serving = {
        ticket.counter_id: ticket
        for ticket in session.scalars(
            select(Ticket).where(Ticket.hall_id == hall.id, Ticket.status == TicketStatus.CALLED)
        )
    }
    result = []
    for counter, stint, clerk in rows:
        ticket = serving.get(counter.id)
        result.append(
            CounterNow(
                counter=counter.number,
                name=counter.name,
                state=counter.state,
                clerk=clerk.staff_id if clerk else None,
                clerk_name=clerk.name if clerk else None,
                queues=list(stint.queues if stint else counter.queues),
                ticket=ticket.code if ticket else None,
                called_at=ticket.called_at if ticket else None,
            )
        )
    return result
