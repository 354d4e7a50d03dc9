"""Recording each change of the two-level crowding alert (客流应急): the counts behind it,
its time, and who acknowledged it. The level itself is `shared.rules.alert_level`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from sqlalchemy import Integer, Select, bindparam, func, select
from sqlalchemy.orm import Session

from shared.rules.alert_level import next_level
from shared.rules.hall_settings import HallSettings
from shared.services.changes import NO_CHANGES, Changes
from shared.store import direct
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
    (counts,) = direct.run(session, _CROWDING, {"hall": hall.id})
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


class _LevelChange(Protocol):
    @property
    def level(self) -> int: ...
    @property
    def previous_level(self) -> int: ...
    @property
    def acknowledged_by(self) -> object: ...


_Change = TypeVar("_Change", bound=_LevelChange)


def latest_rise(day_changes: Sequence[_Change]) -> _Change | None:
    """The last rise of the level among a day's changes in the order they happened."""
    rises = [change for change in day_changes if change.level > change.previous_level]
    return rises[-1] if rises else None


def awaiting_acknowledgement(day_changes: Sequence[_Change]) -> _Change | None:
    """The change a shift lead acknowledges now, among the current business day's changes
    in the order they happened: the day's latest rise, while nobody has acknowledged it.

    Acknowledging says a lead has seen the hall get busier, so only a rise is ever a
    target: a drop (the hall calming down, or a day's close falling back to 0) asks for no
    one's attention. Once the latest rise is acknowledged nothing waits, even when an
    earlier rise of the day never was: it was overtaken before anyone saw it, and an
    acknowledgement records what a lead saw. A rise of a past day is never passed in:
    that day is over, and its record stays as it was left.
    """
    rise = latest_rise(day_changes)
    return rise if rise is not None and rise.acknowledged_by is None else None


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
