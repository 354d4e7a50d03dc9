"""The early warnings as the shift lead weighs them: each one standing now, with its chance,
the minute it named and the counters to open, and the week's record of how the warning
did (raised, came true, false, rises it missed), so the lead knows how far to trust it.

The record judges warnings and rises as `hallq evaluate` does, on the hall's own days: a
warning came true when its level was reached within 25 minutes of its raising; one raised
less recently that has not come true yet is still open, neither true nor false.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.forecast.early_warning import WarningRecord, warnings_of_day
from shared.forecast.evaluate import BORNE_OUT_WITHIN, DayOutcome, Raised, warning_figures
from shared.services.alerts import alert_changes
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import Counter, Hall, TicketEvent
from shared.vocabulary import CounterState, TicketEventKind

WEEK_DAYS = 7  # business days the record covers, today's included
DAYS_SEARCHED = dt.timedelta(days=31)  # a hall closed longer than this starts a new record


@dataclass(frozen=True)
class LiveWarning:
    """A warning standing now: not withdrawn, its level not reached since it was raised."""

    level: int
    at: dt.datetime
    expected_at: dt.datetime
    chance: float | None  # as raised; None for warnings kept before chances were
    more_counters: int
    counters: list[int]  # suggested: paused ones first (their clerk is at hand), then closed


@dataclass(frozen=True)
class WarningWeek:
    """How the warning did over the hall's last business days (today's included)."""

    first_day: dt.date | None
    days: int
    raised: int
    came_true: int
    false_alarms: int
    still_open: int  # raised in the last 25 minutes, its level not reached yet
    rises: int  # rises of the level (to 1 and to 2 counted apart)
    missed: int  # rises no warning of their level stood before


@dataclass(frozen=True)
class LeadWarnings:
    live: list[LiveWarning]
    week: WarningWeek


def _rises(session: Session, hall: Hall, day: dt.date) -> list[tuple[dt.datetime, int]]:
    """Each level reached, at the change that reached it (a jump from 0 to 2 is two)."""
    return [
        (change.at, level)
        for change in alert_changes(session, hall, day)
        for level in range(change.previous_level + 1, change.level + 1)
    ]


def business_days(session: Session, hall: Hall, day: dt.date, count: int) -> list[dt.date]:
    """The hall's latest `count` days with tickets, up to `day`, oldest first."""
    found = session.scalars(
        select(TicketEvent.business_day)
        .where(
            TicketEvent.hall_id == hall.id,
            TicketEvent.kind == TicketEventKind.ISSUED,
            TicketEvent.business_day > day - DAYS_SEARCHED,
            TicketEvent.business_day <= day,
        )
        .distinct()
        .order_by(TicketEvent.business_day.desc())
        .limit(count)
    ).all()
    return sorted(found)


def week_of(session: Session, hall: Hall, day: dt.date, now: dt.datetime) -> WarningWeek:
    days = business_days(session, hall, day, WEEK_DAYS)
    outcomes = [
        DayOutcome(
            "",
            each,
            rises=_rises(session, hall, each),
            warnings=[
                Raised(w.at, w.level, w.withdrawn_at) for w in warnings_of_day(session, hall, each)
            ],
        )
        for each in days
    ]
    every = warning_figures(outcomes)
    settled = warning_figures(
        [
            replace(o, warnings=[w for w in o.warnings if w.at + BORNE_OUT_WITHIN <= now])
            for o in outcomes
        ]
    )
    came_true = every.warnings - every.false_alarms
    return WarningWeek(
        first_day=days[0] if days else None,
        days=len(days),
        raised=every.warnings,
        came_true=came_true,
        false_alarms=settled.false_alarms,
        still_open=every.warnings - came_true - settled.false_alarms,
        rises=every.rises,
        missed=every.rises - every.warned,
    )


def suggested_counters(session: Session, hall: Hall) -> list[int]:
    """Counters not open, paused ones first (a clerk is at hand), then closed, by number."""
    rows = session.execute(
        select(Counter.number, Counter.state).where(
            Counter.hall_id == hall.id, Counter.state != CounterState.OPEN
        )
    ).all()
    return [
        number for number, state in sorted(rows, key=lambda r: (r[1] != CounterState.PAUSED, r[0]))
    ]


def live_warnings(
    warnings: list[WarningRecord], rises: list[tuple[dt.datetime, int]], idle: list[int]
) -> list[LiveWarning]:
    """The warnings still standing, newest first, each with as many idle counters as it
    asks to open."""
    return [
        LiveWarning(
            w.level, w.at, w.expected_at, w.chance, w.more_counters, idle[: w.more_counters]
        )
        for w in reversed(warnings)
        if w.withdrawn_at is None
        and not any(level >= w.level and at >= w.at for at, level in rises)
    ]


def read_lead_warnings(store: Store, hall_code: str | None, now: dt.datetime) -> LeadWarnings:
    with store.read() as session:
        hall = find_hall(session, hall_code)
        day = hall.business_day or now.date()
        live = live_warnings(
            warnings_of_day(session, hall, day),
            _rises(session, hall, day),
            suggested_counters(session, hall),
        )
        return LeadWarnings(live, week_of(session, hall, day, now))
