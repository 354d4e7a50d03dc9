"""Recording each change of the two-level crowding alert (客流高峰预警): the counts behind it,
its time, and who acknowledged it. The level itself is `shared.rules.alert_level`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Integer, Select, bindparam, func, select
from sqlalchemy.orm import Session

from shared.rules.alert_level import next_level
from shared.services.changes import NO_CHANGES, Changes
from shared.services.settings import HallSettings
from shared.store.models import AlertChange, Clerk, Counter, Hall, Ticket
from shared.vocabulary import CounterState, TicketStatus


@dataclass(frozen=True)
class Crowding:
    waiting: int
    open_counters: int
    level: int

    @property
    def ratio(self) -> float | None:
        return self.waiting / self.open_counters if self.open_counters else None


def _crowding_statement() -> Select[int, int]:
    """Built once: it runs in every action, where building it would cost more than running it."""
    hall = bindparam("hall", type_=Integer())
    waiting = (
        select(func.count()).where(Ticket.hall_id == hall, Ticket.status == TicketStatus.WAITING)
    ).scalar_subquery()
    open_counters = (
        select(func.count()).where(Counter.hall_id == hall, Counter.state == CounterState.OPEN)
    ).scalar_subquery()
    return select(waiting, open_counters)


_CROWDING = _crowding_statement()


def count_crowding(session: Session, hall: Hall) -> tuple[int, int]:
    """(waiting tickets, open counters) in the hall right now."""
    counts = session.execute(_CROWDING, {"hall": hall.id}).one()
    return int(counts[0]), int(counts[1])


def update_level(session: Session, hall: Hall, settings: HallSettings, at: dt.datetime) -> Crowding:
    """Recompute the hall's level after a change; record it when it moved."""
    waiting, open_counters = count_crowding(session, hall)
    level = next_level(
        hall.alert_level,
        waiting,
        open_counters,
        thresholds=(settings.alert_level1, settings.alert_level2),
        margin=settings.alert_margin,
    )
    if level != hall.alert_level:
        session.add(
            AlertChange(
                hall_id=hall.id,
                at=at,
                business_day=at.date(),
                level=level,
                previous_level=hall.alert_level,
                waiting=waiting,
                open_counters=open_counters,
            )
        )
        hall.alert_level = level
    return Crowding(waiting, open_counters, level)


@dataclass(frozen=True)
class AlertRecord:
    """A recorded change of level, as `hallq alerts` and the shift lead's monitor show it."""

    at: dt.datetime
    level: int
    previous_level: int
    waiting: int
    open_counters: int
    acknowledged_by: str | None
    acknowledged_at: dt.datetime | None
    changes: Changes = NO_CHANGES  # what acknowledging it changed

    def as_json(self) -> dict[str, object]:
        return {
            "at": self.at.isoformat(),
            "level": self.level,
            "waiting": self.waiting,
            "open": self.open_counters,
            "previous": self.previous_level,
            "acknowledged_by": self.acknowledged_by,
            "acknowledged_at": self.acknowledged_at.isoformat() if self.acknowledged_at else None,
        }


def alert_changes(session: Session, hall: Hall, day: dt.date) -> list[AlertRecord]:
    """The day's changes of level, in the order they happened."""
    rows = session.execute(
        select(AlertChange, Clerk.staff_id)
        .outerjoin(Clerk, Clerk.id == AlertChange.acknowledged_by)
        .where(AlertChange.hall_id == hall.id, AlertChange.business_day == day)
        .order_by(AlertChange.id)
    ).all()
    return [alert_record(change, staff_id) for change, staff_id in rows]


def alert_record(change: AlertChange, acknowledged_by: str | None) -> AlertRecord:
    """The change as shown, `acknowledged_by` the staff id of whoever acknowledged it."""
    return AlertRecord(
        change.at,
        change.level,
        change.previous_level,
        change.waiting,
        change.open_counters,
        acknowledged_by,
        change.acknowledged_at,
    )
