"""The hall floor as the calling board and the shift lead's monitor read it, in one snapshot.

Both windows re-read this after every change the feed reports; each read is a handful of
indexed queries over the current business day, never a scan of past days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.figures.clerks import ClerkFigures, clerk_figures
from shared.figures.day_series import DaySeries, day_series
from shared.figures.performance import Score, score_of
from shared.forecast.early_warning import WarningRecord, warnings_of_day
from shared.forecast.wait_estimate import estimate_wait_s
from shared.services.alerts import AlertRecord, alert_changes
from shared.services.notices import current_notice
from shared.services.settings import load_settings
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import (
    Counter,
    CounterEvent,
    Hall,
    Incident,
    Queue,
    Ticket,
    TicketEvent,
)
from shared.store.plain import plain_reads
from shared.views.status import HallNow, hall_now
from shared.vocabulary import CounterEventKind, CounterState, TicketEventKind, TicketStatus

CALLS_SHOWN = 8  # the last calls on the board: enough for a customer who looked away
MISSED_SHOWN = 6  # the day's latest missed numbers (过号) the board lists
CALLED_TOGETHER = dt.timedelta(seconds=30)  # calls this close to the newest are all "now"


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
class QueueWait:
    """The wait a customer joining a queue now can expect; None when no open counter serves
    it."""

    queue: str
    expected_s: float | None


@dataclass(frozen=True)
class Board:
    """What the public calling board shows: the hall, the latest calls (newest first), the
    expected wait per queue, the day's missed numbers (newest first) and the lead's notice."""

    now: HallNow
    calls: list[Call]
    waits: list[QueueWait]
    missed: list[str]
    notice: str

    @property
    def calling(self) -> list[Call]:
        """The calls being made now: the newest, and every other ticket called within
        `CALLED_TOGETHER` of it (once each: a recall does not take a second place)."""
        if not self.calls:
            return []
        newest = self.calls[0].at
        seen: set[str] = set()
        together = []
        for call in self.calls:
            if newest - call.at <= CALLED_TOGETHER and call.ticket not in seen:
                seen.add(call.ticket)
                together.append(call)
        return together

    @property
    def earlier(self) -> list[Call]:
        """The calls before those being made now, each ticket once, newest first."""
        seen = {call.ticket for call in self.calling}
        earlier = []
        for call in self.calls:
            if call.ticket not in seen:
                seen.add(call.ticket)
                earlier.append(call)
        return earlier


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
    notice: str  # the line the board shows, as the lead last posted it
    idle_since: dict[int, dt.datetime]  # open counters serving no one: since when, by number
    idle_alert_s: int  # the hall's thresholds of the monitor's floor alerts
    long_service_alert_s: int


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


def missed_numbers(
    session: Session, hall: Hall, day: dt.date, limit: int = MISSED_SHOWN
) -> list[str]:
    """The day's latest missed tickets (过号), newest first, still missed (not recalled)."""
    return list(
        session.scalars(
            select(Ticket.code)
            .where(
                Ticket.hall_id == hall.id,
                Ticket.business_day == day,
                Ticket.status == TicketStatus.NO_SHOW,
            )
            .order_by(Ticket.called_at.desc(), Ticket.id.desc())
            .limit(limit)
        )
    )


def queue_waits(session: Session, hall: Hall, now: dt.datetime) -> list[QueueWait]:
    settings = load_settings(session, hall.id)
    return [
        QueueWait(queue.letter, estimate_wait_s(session, hall, queue, settings, now))
        for queue in session.scalars(
            select(Queue).where(Queue.hall_id == hall.id).order_by(Queue.id)
        )
    ]


def idle_since(session: Session, hall: Hall, day: dt.date) -> dict[int, dt.datetime]:
    """When each open counter calling no one last finished, opened or resumed (its latest
    ticket or counter event of the day), by counter number."""
    idle = session.execute(
        select(Counter.id, Counter.number).where(
            Counter.hall_id == hall.id,
            Counter.state == CounterState.OPEN,
            ~select(Ticket.id)
            .where(Ticket.counter_id == Counter.id, Ticket.status == TicketStatus.CALLED)
            .exists(),
        )
    ).all()
    numbers = {counter_id: number for counter_id, number in idle}
    latest: dict[int, dt.datetime] = {}
    for table in (TicketEvent, CounterEvent):
        for counter_id, at in session.execute(
            select(table.counter_id, func.max(table.at))
            .where(
                table.hall_id == hall.id,
                table.business_day == day,
                table.counter_id.in_(numbers),
            )
            .group_by(table.counter_id)
        ):
            if counter_id in numbers:  # the IN above: always, but the column may be NULL
                number = numbers[counter_id]
                latest[number] = max(at, latest.get(number, at))
    return latest


def incidents_of_day(session: Session, hall: Hall, day: dt.date) -> list[IncidentNow]:
    rows = session.scalars(
        select(Incident)
        .where(Incident.hall_id == hall.id, Incident.business_day == day)
        .order_by(Incident.id.desc())
    ).all()
    return [IncidentNow(i.at, i.source, i.kind, i.message, i.resolved_at) for i in rows]


def read_board(store: Store, hall_code: str | None, now: dt.datetime) -> Board:
    with store.read() as session:
        hall = find_hall(session, hall_code)
        day = _day_of(hall, now.date())
        return Board(
            now=hall_now(plain_reads(session), hall.id),
            calls=recent_calls(session, hall, day),
            waits=queue_waits(session, hall, now),
            missed=missed_numbers(session, hall, day),
            notice=current_notice(session, hall),
        )


def read_floor(store: Store, hall_code: str | None, today: dt.date) -> Floor:
    with store.read() as session:
        hall = find_hall(session, hall_code)
        day = _day_of(hall, today)
        settings = load_settings(session, hall.id)
        figures = clerk_figures(session, hall, day)
        return Floor(
            now=hall_now(plain_reads(session), hall.id),
            day=day,
            pauses=pause_reasons(session, hall),
            alerts=alert_changes(session, hall, day),
            incidents=incidents_of_day(session, hall, day),
            warnings=warnings_of_day(session, hall, day)[::-1],
            figures=figures,
            scores=[score_of(clerk, settings) for clerk in figures],
            series=day_series(session, hall, day),
            notice=current_notice(session, hall),
            idle_since=idle_since(session, hall, day),
            idle_alert_s=settings.idle_counter_alert_s,
            long_service_alert_s=settings.long_service_alert_s,
        )
