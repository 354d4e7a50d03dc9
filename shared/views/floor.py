"""The hall floor as the calling board and the shift lead's monitor read it, in one snapshot.

Both windows re-read this after every change the feed reports; each read is a handful of
indexed queries over the current business day, never a scan of past days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.figures.clerks import ClerkFigures, clerk_figures
from shared.figures.day_series import DaySeries, day_series
from shared.figures.performance import Score, score_of
from shared.forecast.early_warning import WarningRecord, warnings_of_day
from shared.services.alerts import AlertRecord, alert_changes
from shared.services.settings import load_settings
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import Counter, CounterEvent, Hall, Incident, Ticket, TicketEvent
from shared.views.status import HallNow, hall_now
from shared.vocabulary import CounterEventKind, CounterState, TicketEventKind

CALLS_SHOWN = 8  # the last calls on the board: enough for a customer who looked away


@dataclass(frozen=True)
class Call:
    """A ticket called (or called again) to a counter."""

    ticket: str
    counter: int
    at: dt.datetime
    recall: bool
    event_id: int


@dataclass(frozen=True)
class IncidentNow:
    at: dt.datetime
    source: str
    kind: str
    message: str
    resolved_at: dt.datetime | None


@dataclass(frozen=True)
class Board:
    """What the public calling board shows."""

    now: HallNow
    calls: list[Call]


@dataclass(frozen=True)
class Floor:
    """What the shift lead's monitor shows; `day` is the hall's business day."""

    now: HallNow
    day: dt.date
    pauses: dict[int, str]
    alerts: list[AlertRecord]
    incidents: list[IncidentNow]
    warnings: list[WarningRecord]  # newest first
    figures: list[ClerkFigures]
    scores: list[Score]
    series: DaySeries


def _day_of(hall: Hall, today: dt.date) -> dt.date:
    return hall.business_day or today


def recent_calls(
    session: Session, hall: Hall, day: dt.date, limit: int = CALLS_SHOWN
) -> list[Call]:
    """The day's latest calls and recalls, newest first."""
    rows = session.execute(
        select(TicketEvent.id, TicketEvent.kind, TicketEvent.at, Ticket.code, Counter.number)
        .join(Ticket, Ticket.id == TicketEvent.ticket_id)
        .join(Counter, Counter.id == TicketEvent.counter_id)
        .where(
            TicketEvent.hall_id == hall.id,
            TicketEvent.business_day == day,
            TicketEvent.kind.in_((TicketEventKind.CALLED, TicketEventKind.RECALLED)),
        )
        .order_by(TicketEvent.id.desc())
        .limit(limit)
    ).all()
    return [
        Call(code, number, at, kind == TicketEventKind.RECALLED, event_id)
        for event_id, kind, at, code, number in rows
    ]


def pause_reasons(session: Session, hall: Hall) -> dict[int, str]:
    """Why each paused counter is paused (its latest pause's reason), by counter number."""
    rows = session.execute(
        select(Counter.number, CounterEvent.reason)
        .join(CounterEvent, CounterEvent.counter_id == Counter.id)
        .where(
            Counter.hall_id == hall.id,
            Counter.state == CounterState.PAUSED,
            CounterEvent.kind == CounterEventKind.PAUSE,
        )
        .order_by(CounterEvent.id)
    ).all()
    return {number: reason for number, reason in rows}  # later pauses overwrite earlier ones


def incidents_of_day(session: Session, hall: Hall, day: dt.date) -> list[IncidentNow]:
    rows = session.scalars(
        select(Incident)
        .where(Incident.hall_id == hall.id, Incident.business_day == day)
        .order_by(Incident.id.desc())
    ).all()
    return [IncidentNow(i.at, i.source, i.kind, i.message, i.resolved_at) for i in rows]


def read_board(store: Store, hall_code: str | None, today: dt.date) -> Board:
    with store.read() as session:
        hall = find_hall(session, hall_code)
        return Board(hall_now(session, hall), recent_calls(session, hall, _day_of(hall, today)))


def read_floor(store: Store, hall_code: str | None, today: dt.date) -> Floor:
    with store.read() as session:
        hall = find_hall(session, hall_code)
        day = _day_of(hall, today)
        settings = load_settings(session, hall.id)
        figures = clerk_figures(session, hall, day)
        return Floor(
            now=hall_now(session, hall),
            day=day,
            pauses=pause_reasons(session, hall),
            alerts=alert_changes(session, hall, day),
            incidents=incidents_of_day(session, hall, day),
            warnings=warnings_of_day(session, hall, day)[::-1],
            figures=figures,
            scores=[score_of(clerk, settings) for clerk in figures],
            series=day_series(session, hall, day),
        )
