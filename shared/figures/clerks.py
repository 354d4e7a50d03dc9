"""Clerk and hall figures for one business day, computed from the event log by SQL aggregation.

Events are the truth (docs/architecture.md): every figure can be recomputed and audited from the
ticket and counter events, and the same queries run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Executable,
    Integer,
    and_,
    bindparam,
    case,
    extract,
    func,
    select,
)
from sqlalchemy.orm import Session

from shared.services.settings import load_settings
from shared.store import direct
from shared.store.lookup import find_clerk
from shared.store.models import (
    AlertChange,
    Business,
    Clerk,
    CounterEvent,
    Hall,
    Queue,
    Rating,
    TicketEvent,
    Transaction,
)
from shared.vocabulary import (
    BusinessClass,
    CounterEventKind,
    DissatisfiedReason,
    Satisfaction,
    TicketEventKind,
)

# Counter events that start and end an interval of open time.
_STARTS_OPEN = (CounterEventKind.OPEN, CounterEventKind.RESUME)
_ENDS_OPEN = (CounterEventKind.PAUSE, CounterEventKind.CLOSE)


@dataclass(frozen=True)
class ClerkFigures:
    """One clerk's figures for a day: the `hallq metrics --json` object (docs/rules.md)."""

    clerk: str
    name: str
    called: int
    handled: int
    no_shows: int
    transfers: int
    avg_wait_s: float | None
    avg_handle_s: float | None
    p90_handle_s: float | None
    routine_within_norm: float | None
    rated: int
    satisfied: int
    dissatisfied: int
    satisfaction_rate: float | None
    satisfaction_points: int
    # Why dissatisfied customers said they were, by reason (DissatisfiedReason) and count.
    dissatisfied_reasons: dict[str, int]
    recommended: int
    accepted: int
    signed_rate: float | None
    utilisation: float | None

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class QueueHour:
    """One queue's traffic in one hour of the day, for the shift lead's review."""

    queue: str
    hour: int
    arrivals: int
    served: int
    no_shows: int
    called: int
    mean_wait_s: float | None
    max_wait_s: float | None
    service_level: float | None

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """COUNT of the rows meeting `condition`: portable, unlike summing a boolean."""
    return func.count(case((condition, 1)))


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _float(value: object) -> float | None:
    """A SQL average or maximum as a float (PostgreSQL may hand back a Decimal)."""
    return None if value is None else float(value)  # type: ignore[arg-type]


def _day_events(hall: Hall, day: dt.date) -> ColumnElement[bool]:
    """The hall's ticket events of the day: the leading columns of their (hall, day, kind) index."""
    return and_(TicketEvent.hall_id == hall.id, TicketEvent.business_day == day)


def _rows(session: Session, statement: Executable) -> list[Any]:
    """The rows of an aggregate query; their columns are converted where they are read."""
    return list(session.execute(statement))


def nearest_rank(values: Sequence[float], percent: int) -> float | None:
    """The nearest-rank percentile of values sorted ascending: the ceil(p/100 * n)-th value,
    in integers (in floats 0.55 * 100 is 55.00000000000001, which would round up to 56)."""
    if not values:
        return None
    rank = -(-percent * len(values) // 100)
    return values[max(rank, 1) - 1]


def clerk_figures(
    session: Session,
    hall: Hall,
    day: dt.date,
    *,
    clerk: str | None = None,
    until: dt.datetime | None = None,
) -> list[ClerkFigures]:
    """Each clerk's figures for the day (docs/rules.md "Figures"), by staff id.

    A clerk counts as serving that day when they opened a counter or have a ticket event;
    a counter still open at the end ends at `until`, else at the hall's latest event.
    """
    only = find_clerk(session, hall, clerk).id if clerk is not None else None
    norm = load_settings(session, hall.id).routine_norm_s
    work = _work_by_clerk(session, hall, day, norm, only)
    handle_times = _handle_times_by_clerk(session, hall, day, only)
    ratings = _ratings_by_clerk(session, hall, day, only)
    reasons = _reasons_by_clerk(session, hall, day, only)
    sales = _sales_by_clerk(session, hall, day, only)
    open_time = _open_time_by_clerk(session, hall, day, until, only)
    clerk_ids = set(work) | set(open_time)
    if not clerk_ids:
        return []
    clerks = session.scalars(
        select(Clerk).where(Clerk.id.in_(clerk_ids)).order_by(Clerk.staff_id)
    ).all()
    return [
        _figures_of(
            person,
            work.get(person.id, _Work()),
            handle_times.get(person.id, []),
            ratings.get(person.id, (0, 0, 0)),
            reasons.get(person.id, {}),
            sales.get(person.id, (0, 0, 0)),
            open_time.get(person.id, 0.0),
        )
        for person in clerks
    ]


@dataclass(frozen=True)
class _Work:
    """One clerk's aggregated ticket events of the day."""

    called: int = 0
    handled: int = 0
    no_shows: int = 0
    transfers: int = 0
    avg_wait_s: float | None = None
    avg_handle_s: float | None = None
    handle_total_s: float = 0.0
    routine: int = 0
    routine_within_norm: int = 0


def _figures_of(
    person: Clerk,
    work: _Work,
    handle_times: Sequence[float],
    ratings: tuple[int, int, int],
    reasons: dict[str, int],
    sales: tuple[int, int, int],
    open_s: float,
) -> ClerkFigures:
    rated, satisfied, dissatisfied = ratings
    recommended, accepted, signed = sales
    return ClerkFigures(
        clerk=person.staff_id,
        name=person.name,
        called=work.called,
        handled=work.handled,
        no_shows=work.no_shows,
        transfers=work.transfers,
        avg_wait_s=work.avg_wait_s,
        avg_handle_s=work.avg_handle_s,
        p90_handle_s=nearest_rank(handle_times, 90),
        routine_within_norm=_share(work.routine_within_norm, work.routine),
        rated=rated,
        satisfied=satisfied,
        dissatisfied=dissatisfied,
        satisfaction_rate=_share(satisfied, rated),
        satisfaction_points=satisfied - dissatisfied,
        dissatisfied_reasons=reasons,
        recommended=recommended,
        accepted=accepted,
        signed_rate=_share(signed, work.handled),
        utilisation=work.handle_total_s / open_s if open_s > 0 else None,
    )


def _work_by_clerk(
    session: Session, hall: Hall, day: dt.date, norm_s: int, only: int | None
) -> dict[int, _Work]:
    """Calls, finishes, no-shows, transfers and their times, one GROUP BY over the day's events.
    Every clerk with any ticket event that day gets a row, even one of zeros (a lone recall)."""
    kind = TicketEvent.kind
    finished = kind == TicketEventKind.FINISHED
    routine = and_(finished, Business.business_class == BusinessClass.ROUTINE)
    statement = (
        select(
            TicketEvent.clerk_id,
            _count_if(kind == TicketEventKind.CALLED),
            _count_if(finished),
            _count_if(kind == TicketEventKind.NO_SHOW),
            _count_if(kind == TicketEventKind.TRANSFERRED),
            func.avg(case((kind == TicketEventKind.CALLED, TicketEvent.seconds))),
            func.avg(case((finished, TicketEvent.seconds))),
            func.sum(case((finished, TicketEvent.seconds))),
            _count_if(routine),
            _count_if(and_(routine, TicketEvent.seconds <= norm_s)),
        )
        .join(Business, Business.id == TicketEvent.business_id)
        .where(_day_events(hall, day), TicketEvent.clerk_id.is_not(None))
        .group_by(TicketEvent.clerk_id)
    )
    if only is not None:
        statement = statement.where(TicketEvent.clerk_id == only)
    return {
        row[0]: _Work(
            called=int(row[1]),
            handled=int(row[2]),
            no_shows=int(row[3]),
            transfers=int(row[4]),
            avg_wait_s=_float(row[5]),
            avg_handle_s=_float(row[6]),
            handle_total_s=_float(row[7]) or 0.0,
            routine=int(row[8]),
            routine_within_norm=int(row[9]),
        )
        for row in _rows(session, statement)
    }


def _handle_times_by_clerk(
    session: Session, hall: Hall, day: dt.date, only: int | None
) -> dict[int, list[float]]:
    """Each clerk's handling times, ascending: a percentile needs the values themselves."""
    statement = (
        select(TicketEvent.clerk_id, TicketEvent.seconds)
        .where(
            _day_events(hall, day),
            TicketEvent.kind == TicketEventKind.FINISHED,
            TicketEvent.clerk_id.is_not(None),
            TicketEvent.seconds.is_not(None),
        )
        .order_by(TicketEvent.clerk_id, TicketEvent.seconds)
    )
    if only is not None:
        statement = statement.where(TicketEvent.clerk_id == only)
    times: dict[int, list[float]] = defaultdict(list)
    for clerk_id, seconds in _rows(session, statement):
        times[clerk_id].append(float(seconds))
    return times


def _ratings_by_clerk(
    session: Session, hall: Hall, day: dt.date, only: int | None
) -> dict[int, tuple[int, int, int]]:
    """(rated, satisfied, dissatisfied) per finishing clerk; reached through the day's `rated`
    events, which are indexed, rather than scanning the ratings table."""
    statement = (
        select(
            Rating.clerk_id,
            func.count(Rating.id),
            _count_if(Rating.rating == Satisfaction.SATISFIED),
            _count_if(Rating.rating == Satisfaction.DISSATISFIED),
        )
        .join(TicketEvent, TicketEvent.ticket_id == Rating.ticket_id)
        .where(_day_events(hall, day), TicketEvent.kind == TicketEventKind.RATED)
        .group_by(Rating.clerk_id)
    )
    if only is not None:
        statement = statement.where(Rating.clerk_id == only)
    return {row[0]: (int(row[1]), int(row[2]), int(row[3])) for row in _rows(session, statement)}


def _reasons_by_clerk(
    session: Session, hall: Hall, day: dt.date, only: int | None
) -> dict[int, dict[str, int]]:
    """Per finishing clerk, how often each reason for dissatisfaction was given that day,
    in the vocabulary's order."""
    statement = (
        select(Rating.clerk_id, Rating.reason, func.count(Rating.id))
        .join(TicketEvent, TicketEvent.ticket_id == Rating.ticket_id)
        .where(
            _day_events(hall, day),
            TicketEvent.kind == TicketEventKind.RATED,
            Rating.reason.is_not(None),
        )
        .group_by(Rating.clerk_id, Rating.reason)
    )
    if only is not None:
        statement = statement.where(Rating.clerk_id == only)
    counted: dict[int, dict[str, int]] = defaultdict(dict)
    for clerk_id, reason, count in _rows(session, statement):
        counted[clerk_id][str(reason)] = int(count)
    order: list[str] = [reason.value for reason in DissatisfiedReason]
    return {
        clerk_id: dict(sorted(found.items(), key=lambda item: order.index(item[0])))
        for clerk_id, found in counted.items()
    }


def _sales_by_clerk(
    session: Session, hall: Hall, day: dt.date, only: int | None
) -> dict[int, tuple[int, int, int]]:
    """(recommended, accepted, signed) finished tickets per clerk: a ticket with several
    transactions counts once when any of them carries the flag."""
    ticket = TicketEvent.ticket_id
    statement = (
        select(
            TicketEvent.clerk_id,
            func.count(func.distinct(case((Transaction.recommended.is_(True), ticket)))),
            func.count(func.distinct(case((Transaction.accepted.is_(True), ticket)))),
            func.count(func.distinct(case((Transaction.signed.is_(True), ticket)))),
        )
        .join(Transaction, Transaction.ticket_id == ticket)
        .where(
            _day_events(hall, day),
            TicketEvent.kind == TicketEventKind.FINISHED,
            TicketEvent.clerk_id.is_not(None),
        )
        .group_by(TicketEvent.clerk_id)
    )
    if only is not None:
        statement = statement.where(TicketEvent.clerk_id == only)
    return {row[0]: (int(row[1]), int(row[2]), int(row[3])) for row in _rows(session, statement)}


def _open_time_by_clerk(
    session: Session, hall: Hall, day: dt.date, until: dt.datetime | None, only: int | None
) -> dict[int, float]:
    """Seconds each clerk's counters were open for service that day (paused time excluded).

    Intervals run open/resume → pause/close within one counter session; one still open at
    the end of the events ends at `until`, else at the hall's latest event of the day.
    """
    statement = (
        select(CounterEvent.clerk_id, CounterEvent.session_id, CounterEvent.at, CounterEvent.kind)
        .where(CounterEvent.hall_id == hall.id, CounterEvent.business_day == day)
        .order_by(CounterEvent.session_id, CounterEvent.at, CounterEvent.id)
    )
    if only is not None:
        statement = statement.where(CounterEvent.clerk_id == only)
    events = session.execute(statement).all()
    if not events:
        return {}
    end = until or latest_event(session, hall, day) or events[-1].at
    totals: dict[int, float] = defaultdict(float)
    by_session: dict[int, list[tuple[dt.datetime, str]]] = defaultdict(list)
    clerk_of: dict[int, int] = {}
    for clerk_id, session_id, at, kind in events:
        by_session[session_id].append((at, kind))
        clerk_of[session_id] = clerk_id
        totals[clerk_id] += 0.0  # opened, even if never for a second
    for session_id, changes in by_session.items():
        totals[clerk_of[session_id]] += _open_seconds(changes, end)
    return dict(totals)


def _open_seconds(changes: Iterable[tuple[dt.datetime, str]], end: dt.datetime) -> float:
    """Total open time of one counter session's changes, in time order."""
    total = 0.0
    since: dt.datetime | None = None
    for at, kind in changes:
        if kind in _STARTS_OPEN and since is None:
            since = at
        elif kind in _ENDS_OPEN and since is not None:
            total += (at - since).total_seconds()
            since = None
    if since is not None:
        total += max((end - since).total_seconds(), 0.0)
    return total


def _latest_events() -> Executable:
    """Built once: every guarded action reads it, and building it costs more than running it.

    The latest ticket event of each kind and the latest counter event, each the last entry
    of its index range (the events' indexes end with their time), so the read takes a few
    index steps however many events the day has."""
    hall, day = bindparam("hall", type_=Integer()), bindparam("day", type_=Date())
    ticket_latest = [
        select(func.max(TicketEvent.at))
        .where(
            TicketEvent.hall_id == hall,
            TicketEvent.business_day == day,
            TicketEvent.kind == kind,
        )
        .scalar_subquery()
        for kind in TicketEventKind
    ]
    counter_latest = select(func.max(CounterEvent.at)).where(
        CounterEvent.hall_id == hall, CounterEvent.business_day == day
    )
    return select(*ticket_latest, counter_latest.scalar_subquery())


_LATEST_EVENTS = _latest_events()


def latest_event(session: Session, hall: Hall, day: dt.date) -> dt.datetime | None:
    """The hall's latest ticket or counter event of the day: where the day's activity ended."""
    (latest,) = direct.run(session, _LATEST_EVENTS, {"hall": hall.id, "day": day})
    return max((at for at in latest if at is not None), default=None)


def queue_hour_figures(session: Session, hall: Hall, day: dt.date) -> list[QueueHour]:
    """Arrivals, service and waits per queue and hour: where and when the hall fell behind.
    Only hours with activity appear, sorted by queue letter then hour."""
    kind = TicketEvent.kind
    called = kind == TicketEventKind.CALLED
    hour = extract("hour", TicketEvent.at)
    statement = (
        select(
            Queue.letter,
            hour,
            _count_if(kind == TicketEventKind.ISSUED),
            _count_if(kind == TicketEventKind.FINISHED),
            _count_if(kind == TicketEventKind.NO_SHOW),
            _count_if(called),
            func.avg(case((called, TicketEvent.seconds))),
            func.max(case((called, TicketEvent.seconds))),
            _count_if(and_(called, TicketEvent.seconds <= Queue.target_wait_s)),
        )
        .join(Queue, Queue.id == TicketEvent.queue_id)
        .where(
            _day_events(hall, day),
            kind.in_(
                (
                    TicketEventKind.ISSUED,
                    TicketEventKind.CALLED,
                    TicketEventKind.FINISHED,
                    TicketEventKind.NO_SHOW,
                )
            ),
        )
        .group_by(Queue.letter, hour)
        .order_by(Queue.letter, hour)
    )
    return [
        QueueHour(
            queue=letter,
            hour=int(at_hour),
            arrivals=int(arrivals),
            served=int(served),
            no_shows=int(no_shows),
            called=int(calls),
            mean_wait_s=_float(mean_wait),
            max_wait_s=_float(max_wait),
            service_level=_share(int(within), int(calls)),
        )
        for (
            letter,
            at_hour,
            arrivals,
            served,
            no_shows,
            calls,
            mean_wait,
            max_wait,
            within,
        ) in _rows(session, statement)
    ]


def hall_day_summary(session: Session, hall: Hall, day: dt.date) -> dict[str, Any]:
    """The day's totals for the command line's human output: volume, waits, service level
    (each call against its queue's target) and how often the crowding level changed."""
    kind = TicketEvent.kind
    called = kind == TicketEventKind.CALLED
    totals = session.execute(
        select(
            _count_if(kind == TicketEventKind.ISSUED),
            _count_if(called),
            _count_if(kind == TicketEventKind.FINISHED),
            _count_if(kind == TicketEventKind.NO_SHOW),
            _count_if(kind == TicketEventKind.TRANSFERRED),
            _count_if(kind == TicketEventKind.EXPIRED),
            func.avg(case((called, TicketEvent.seconds))),
            func.max(case((called, TicketEvent.seconds))),
            _count_if(and_(called, TicketEvent.seconds <= Queue.target_wait_s)),
        )
        .join(Queue, Queue.id == TicketEvent.queue_id)
        .where(_day_events(hall, day))
    ).one()
    alert_changes = session.scalar(
        select(func.count(AlertChange.id)).where(
            AlertChange.hall_id == hall.id, AlertChange.business_day == day
        )
    )
    issued, calls, finished, no_shows, transfers, expired, mean_wait, max_wait, within = totals
    return {
        "issued": int(issued),
        "called": int(calls),
        "finished": int(finished),
        "no_shows": int(no_shows),
        "transfers": int(transfers),
        "expired": int(expired),
        "mean_wait_s": _float(mean_wait),
        "max_wait_s": _float(max_wait),
        "service_level": _share(int(within), int(calls)),
        "alert_changes": int(alert_changes or 0),
    }
