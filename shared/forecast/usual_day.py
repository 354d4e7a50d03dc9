"""The hall's usual day, learned from its past days: customers arriving minute by minute,
counters open minute by minute (the staff's timetable: shifts, lunch pauses), and how many
customers an open counter serves a minute.

The early warning looks ahead with it: a line that grows on an ordinary morning is
expected to keep growing when the usual lunch peak is coming and counters usually pause
for lunch. A weekend day is learned from past weekend days and a weekday from weekdays,
as soon as the hall has enough of that kind: halls staff their weekends on another rota,
with another peak. Past days do not change, so each process learns a hall's usual day once per
business day (`UsualDays`) from two queries over the last `PAST_DAYS` days with tickets.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.forecast.calibration import raise_chance_of
from shared.store.models import CounterEvent, Hall, TicketEvent
from shared.vocabulary import CounterEventKind, TicketEventKind

MINUTES = 24 * 60
PAST_DAYS = 10  # the latest days with tickets it learns from
LOOK_BACK = dt.timedelta(days=42)  # older days no longer describe the hall
LEAST_DAYS = 3  # with fewer past days, a "usual" minute is mostly chance
ARRIVAL_SMOOTHING = 7  # minutes each side: arrivals per minute are few and noisy
TIMETABLE_SMOOTHING = 3  # minutes each side: a hand-over at a counter is not a closing
COUNTER_STEP = {
    CounterEventKind.OPEN: 1,
    CounterEventKind.RESUME: 1,
    CounterEventKind.PAUSE: -1,
    CounterEventKind.CLOSE: -1,
}


@dataclass(frozen=True)
class UsualDay:
    """Per minute of the day: customers arriving, and counters open (at its start)."""

    days: int  # how many past days it was learned from
    arrivals: tuple[float, ...]
    open_counters: tuple[float, ...]
    served_per_counter_minute: float

    def arrivals_between(self, start: float, end: float) -> float:
        """Customers usually arriving between two minutes of the day (fractions count)."""
        total, minute = 0.0, start
        while minute < end:
            step = min(end, int(minute) + 1) - minute
            total += self.arrivals[min(int(minute), MINUTES - 1)] * step
            minute += step
        return total


def minute_of(at: dt.datetime) -> float:
    return at.hour * 60 + at.minute + at.second / 60


def _smoothed(values: Sequence[float], each_side: int) -> tuple[float, ...]:
    """Moving mean over `each_side` minutes either way (a shorter window at the ends)."""
    prefix = [0.0]
    for value in values:
        prefix.append(prefix[-1] + value)
    out = []
    for minute in range(len(values)):
        low, high = max(0, minute - each_side), min(len(values), minute + each_side + 1)
        out.append((prefix[high] - prefix[low]) / (high - low))
    return tuple(out)


def _weekend(day: dt.date) -> bool:
    return day.weekday() >= 5


def _past_days(session: Session, hall: Hall, day: dt.date) -> list[dt.date]:
    """The latest PAST_DAYS days with tickets of the same kind as `day` (weekday or
    weekend); of any kind while the hall has fewer than LEAST_DAYS of that kind."""
    rows = session.execute(
        select(TicketEvent.business_day)
        .where(
            TicketEvent.hall_id == hall.id,
            TicketEvent.kind == TicketEventKind.ISSUED,
            TicketEvent.business_day < day,
            TicketEvent.business_day >= day - LOOK_BACK,
        )
        .group_by(TicketEvent.business_day)
        .order_by(TicketEvent.business_day.desc())
    ).scalars()
    every = list(rows)
    alike = [past for past in every if _weekend(past) == _weekend(day)]
    return (alike if len(alike) >= LEAST_DAYS else every)[:PAST_DAYS]


def _open_by_minute(steps: Sequence[tuple[float, int]]) -> list[int]:
    """Counters open at the start of each minute, from a day's (minute, +1/−1) steps."""
    counts, open_now, index = [0] * MINUTES, 0, 0
    ordered = sorted(steps)
    for minute in range(MINUTES):
        while index < len(ordered) and ordered[index][0] < minute:
            open_now += ordered[index][1]
            index += 1
        counts[minute] = open_now
    return counts


def learn_usual_day(session: Session, hall: Hall, day: dt.date) -> UsualDay | None:
    """The usual day before `day`, or None while the hall has fewer than LEAST_DAYS."""
    days = _past_days(session, hall, day)
    if len(days) < LEAST_DAYS:
        return None
    arrivals = [0.0] * MINUTES
    calls = 0
    last_issue: dict[dt.date, float] = {}
    for business_day, kind, at in session.execute(
        select(TicketEvent.business_day, TicketEvent.kind, TicketEvent.at).where(
            TicketEvent.hall_id == hall.id,
            TicketEvent.business_day.in_(days),
            TicketEvent.kind.in_((TicketEventKind.ISSUED, TicketEventKind.CALLED)),
        )
    ):
        if kind == TicketEventKind.CALLED:
            calls += 1
            continue
        minute = minute_of(at)
        arrivals[min(int(minute), MINUTES - 1)] += 1 / len(days)
        last_issue[business_day] = max(last_issue.get(business_day, 0.0), minute)
    steps: dict[dt.date, list[tuple[float, int]]] = defaultdict(list)
    for business_day, change, at in session.execute(
        select(CounterEvent.business_day, CounterEvent.kind, CounterEvent.at).where(
            CounterEvent.hall_id == hall.id, CounterEvent.business_day.in_(days)
        )
    ):
        steps[business_day].append((minute_of(at), COUNTER_STEP[change]))
    per_day = [_open_by_minute(steps[business_day]) for business_day in days]
    timetable = [statistics.median_high(day_counts) for day_counts in zip(*per_day, strict=True)]
    # After the usual last ticket the counters left serve out the line: their closing then
    # ends no crowd, so the timetable holds its last value.
    stop = int(statistics.median_high(last_issue.values())) if last_issue else MINUTES - 1
    timetable[stop:] = [timetable[stop]] * (MINUTES - stop)
    counter_minutes = sum(sum(day_counts) for day_counts in per_day)
    return UsualDay(
        days=len(days),
        arrivals=_smoothed(arrivals, ARRIVAL_SMOOTHING),
        open_counters=_smoothed(timetable, TIMETABLE_SMOOTHING),
        served_per_counter_minute=calls / counter_minutes if counter_minutes else 0.0,
    )


class UsualDays:
    """One process's learned usual days, one per hall, relearned when the business day
    changes (past days never change, so nothing else can make it stale); with them, each
    hall's warning threshold fitted to its past warnings (`shared.forecast.calibration`)."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[dt.date, UsualDay | None]] = {}
        self._chances: dict[int, tuple[dt.date, float]] = {}

    def of(self, session: Session, hall: Hall, day: dt.date) -> UsualDay | None:
        known = self._known.get(hall.id)
        if known is None or known[0] != day:
            known = (day, learn_usual_day(session, hall, day))
            self._known[hall.id] = known
        return known[1]

    def raise_chance(self, session: Session, hall: Hall, day: dt.date) -> float:
        known = self._chances.get(hall.id)
        if known is None or known[0] != day:
            known = (day, raise_chance_of(session, hall, day))
            self._chances[hall.id] = known
        return known[1]
