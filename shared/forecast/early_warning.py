"""Early warning (预警): tell the shift lead that the crowding level will rise, before it does.

After every action the core looks 15 minutes ahead. Customers are expected as on the
hall's usual day at this hour (`shared.forecast.usual_day`), scaled by how busy today has been over
the last hour; the open counters follow the usual timetable from their count now (a lunch
pause, a shift ending or starting); each serves customers at the rate the open counters
served over the last half hour. The waiting line then drifts, and arrivals and services
are random around that drift, so the line is taken as a random walk with that drift and
that variance, and the chance it reaches a level's threshold (waiting ÷ open counters) is
the chance such a walk crosses a barrier. A warning is raised when the expected line
itself reaches the level within the horizon and the chance is high; it stands while the
chance stays above a lower mark, and is withdrawn after the time it named once it does
not. A hall with fewer than three past days looks ahead from today's last hour alone.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Date, DateTime, Integer, bindparam, func, select, update
from sqlalchemy.orm import Session

from shared.forecast.calibration import BASE_CHANCE
from shared.forecast.usual_day import COUNTER_STEP, MINUTES, UsualDay, UsualDays, minute_of
from shared.forecast.wait_estimate import ENDS_OF_SERVICE
from shared.rules.hall_settings import HallSettings
from shared.services.alerts import Crowding
from shared.store import direct
from shared.store.models import AlertChange, CounterEvent, EarlyWarning, Hall, TicketEvent
from shared.vocabulary import TicketEventKind

HORIZON = dt.timedelta(minutes=15)  # how far ahead a warning looks
HORIZON_MINUTES = int(HORIZON.total_seconds() // 60)
# A warning stands while its level is still likely within the horizon plus this slack,
# so one quiet minute does not withdraw it.
KEEP_SLACK = dt.timedelta(minutes=10)
RAISE_CHANCE = BASE_CHANCE  # a warning is raised when the level is at least this likely ...
KEEP_CHANCE = 0.1  # ... and stands, after its time, while it stays at least this likely
SERVICE_WINDOW = dt.timedelta(minutes=30)  # today's service rate is taken over this
ARRIVAL_WINDOW = dt.timedelta(minutes=60)  # today's busyness against the usual day
# Weights of what is already known against today's few observations: the usual day's
# service rate counts like this many counter-minutes, its arrivals like this many customers.
SERVICE_PRIOR_COUNTER_MINUTES = 60.0
# Without a usual day, a counter serves one customer per mean handling time of today's
# latest services, the routine norm counting like this many of them until they are known.
NORM_SERVICES = 2
ARRIVAL_PRIOR_CUSTOMERS = 60.0
# Arrivals vary more than a Poisson stream's (customers come in groups, the usual day is an
# estimate); services about as much as one. Measured on simulated days (forecasting.md).
ARRIVAL_VARIANCE = 2.2
SERVICE_VARIANCE = 1.0
SHORTEST_SPAN = dt.timedelta(minutes=10)  # without a usual day: today's rate needs this
MOST_MORE_COUNTERS = 20
LEVELS = (1, 2)


@dataclass(frozen=True)
class Observed:
    """Today so far: customers of the last hour (and the minutes they span); the calls and
    open counter-minutes, and the services ended and their minutes, of the last half hour."""

    arrived: int
    arrival_minutes: float
    called: int
    counter_minutes: float
    handled: int = 0
    handling_minutes: float = 0.0


@dataclass(frozen=True)
class Outlook:
    """The minutes ahead: customers expected and counters open in each, and the customers
    an open counter serves a minute."""

    arrivals: tuple[float, ...]
    counters: tuple[float, ...]  # open during each minute; one more entry: at the end
    served_per_counter_minute: float

    @property
    def arrivals_per_hour(self) -> float:
        return 60 * sum(self.arrivals) / len(self.arrivals) if self.arrivals else 0.0

    def services_per_hour(self, open_counters: int) -> float:
        return 60 * self.served_per_counter_minute * open_counters


@dataclass(frozen=True)
class Prediction:
    level: int
    expected_at: dt.datetime
    more_counters: int
    chance: float  # of reaching the level within the horizon


def threshold(settings: HallSettings, level: int) -> float:
    return settings.alert_level1 if level == 1 else settings.alert_level2


def outlook(
    usual: UsualDay | None,
    observed: Observed,
    now: dt.datetime,
    open_counters: int,
    minutes: int,
    norm_minutes: float,
) -> Outlook:
    """The next `minutes` from the usual day and today. Without a usual day: today's last
    hour of arrivals held steady, the counters open now, each serving at today's handling
    time (the calls of idle counters would say nothing of how fast they can serve)."""
    if usual is None:
        rate = observed.arrived / max(observed.arrival_minutes, SHORTEST_SPAN.total_seconds() / 60)
        handling = (observed.handling_minutes + NORM_SERVICES * norm_minutes) / (
            observed.handled + NORM_SERVICES
        )
        return Outlook((rate,) * minutes, (float(open_counters),) * (minutes + 1), 1 / handling)
    served = (observed.called + SERVICE_PRIOR_COUNTER_MINUTES * usual.served_per_counter_minute) / (
        observed.counter_minutes + SERVICE_PRIOR_COUNTER_MINUTES
    )
    now_minute = minute_of(now)
    window = ARRIVAL_WINDOW.total_seconds() / 60
    expected = usual.arrivals_between(max(0.0, now_minute - window), now_minute)
    busyness = (observed.arrived + ARRIVAL_PRIOR_CUSTOMERS) / (expected + ARRIVAL_PRIOR_CUSTOMERS)
    first = int(now_minute)
    usual_now = usual.open_counters[first]

    def counters_at(minute: int) -> float:
        """Usual openings add to today's counters; a usual closing or pause takes today's
        count down only as far as the usual count (today it may have come early)."""
        usual_then = usual.open_counters[min(minute, MINUTES - 1)]
        opened = open_counters + max(0.0, usual_then - usual_now)
        return max(0.0, min(opened, usual_then + max(0.0, open_counters - usual_now)))

    ahead = range(first, first + minutes)
    return Outlook(
        tuple(usual.arrivals[min(m, MINUTES - 1)] * busyness for m in ahead),
        (float(open_counters), *(counters_at(m + 1) for m in ahead)),
        served,
    )


def _normal_cdf(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def _log_normal_cdf(x: float) -> float:
    """log Φ(x), also far in the lower tail where Φ(x) underflows (the tail's asymptote)."""
    if x > -30:
        return math.log(max(_normal_cdf(x), 1e-300))
    return -x * x / 2 - math.log(-x) - 0.5 * math.log(2 * math.pi)


def crossing_chance(gap: float, drift: float, variance: float, minutes: float) -> float:
    """The chance a random walk with this drift and variance per minute rises by `gap`
    within `minutes` (the first-passage law of Brownian motion with drift)."""
    if gap <= 0:
        return 1.0
    spread = math.sqrt(variance * minutes)
    exponent = 2 * drift * gap / variance
    direct = _normal_cdf((drift * minutes - gap) / spread)
    reflected = math.exp(min(exponent + _log_normal_cdf((-gap - drift * minutes) / spread), 0.0))
    return min(1.0, direct + reflected)


@dataclass(frozen=True)
class Chances:
    """For each minute ahead, the chance the level has been reached by its end; and the
    minute the expected line reaches it, if it does."""

    by_minute: tuple[float, ...]
    expected_minute: int | None

    @property
    def within(self) -> float:
        return self.by_minute[-1] if self.by_minute else 0.0


def level_chances(waiting: int, ahead: Outlook, level_threshold: float) -> Chances:
    arrived = served = best = 0.0
    expected: int | None = None
    by_minute = []
    for minute, arrivals in enumerate(ahead.arrivals, start=1):
        arrived += arrivals
        served += ahead.served_per_counter_minute * ahead.counters[minute - 1]
        counters = ahead.counters[minute]
        line = waiting + arrived - served
        if counters <= 0:
            chance = 1.0 if line > 0.5 else 0.0  # anyone waiting with no counter is level 2
        else:
            variance = (ARRIVAL_VARIANCE * arrived + SERVICE_VARIANCE * served) / minute + 0.05
            gap = level_threshold * counters - waiting
            chance = crossing_chance(gap, (arrived - served) / minute, variance, minute)
            if expected is None and line >= level_threshold * counters:
                expected = minute
        best = max(best, chance)
        by_minute.append(best)
    return Chances(tuple(by_minute), expected)


def more_counters_needed(waiting: int, ahead: Outlook, level1: float) -> int:
    """The fewest extra counters, each serving as the open ones do, that keep the expected
    line below level 1's threshold over every minute ahead."""
    for more in range(MOST_MORE_COUNTERS + 1):
        arrived = served = 0.0
        calm = waiting < level1 * (ahead.counters[0] + more) or waiting == 0
        for minute, arrivals in enumerate(ahead.arrivals, start=1):
            arrived += arrivals
            served += ahead.served_per_counter_minute * (ahead.counters[minute - 1] + more)
            line = waiting + arrived - served
            calm = calm and line < level1 * (ahead.counters[minute] + more)
        if calm:
            return more
    return MOST_MORE_COUNTERS


def _observed_statements() -> tuple[Any, Any]:
    """`observe`'s two queries, built once: they run after every action, and building a
    statement costs more than running it."""
    hall, day = bindparam("hall", type_=Integer()), bindparam("day", type_=Date())
    now, issued_since, called_since = (
        bindparam(name, type_=DateTime()) for name in ("now", "issued_since", "called_since")
    )
    lately = TicketEvent.at > called_since
    ended = TicketEvent.kind.in_(ENDS_OF_SERVICE) & lately
    tickets = select(
        func.count().filter(TicketEvent.kind == TicketEventKind.ISSUED),
        func.count().filter(TicketEvent.kind == TicketEventKind.CALLED, lately),
        func.min(TicketEvent.at).filter(TicketEvent.kind == TicketEventKind.ISSUED),
        func.count().filter(ended),
        func.sum(TicketEvent.seconds).filter(ended),
    ).where(
        TicketEvent.hall_id == hall,
        TicketEvent.business_day == day,
        TicketEvent.kind.in_((TicketEventKind.ISSUED, TicketEventKind.CALLED, *ENDS_OF_SERVICE)),
        TicketEvent.at > issued_since,
        TicketEvent.at <= now,
    )
    counters = (
        select(CounterEvent.at, CounterEvent.kind)
        .where(
            CounterEvent.hall_id == hall,
            CounterEvent.business_day == day,
            CounterEvent.at > called_since,
            CounterEvent.at <= now,
        )
        .order_by(CounterEvent.at.desc(), CounterEvent.id.desc())
    )
    return tickets, counters


_TICKETS_OBSERVED, _COUNTERS_OBSERVED = _observed_statements()


def observe(session: Session, hall: Hall, now: dt.datetime, open_counters: int) -> Observed:
    """Today's customers of the last hour; the calls, counter-minutes (the counters open
    now, walked back through the day's counter events) and ended services of the last
    half hour."""
    called_since = now - SERVICE_WINDOW
    window = {
        "hall": hall.id,
        "day": now.date(),
        "now": now,
        "issued_since": now - ARRIVAL_WINDOW,
        "called_since": called_since,
    }
    arrived, called, first_issue, handled, handling_s = session.execute(
        _TICKETS_OBSERVED, window
    ).one()
    changes = session.execute(_COUNTERS_OBSERVED, window).all()
    counter_seconds, counting, later = 0.0, open_counters, now
    for at, kind in changes:
        counter_seconds += counting * (later - at).total_seconds()
        counting, later = counting - COUNTER_STEP.get(kind, 0), at
    counter_seconds += max(counting, 0) * (later - called_since).total_seconds()
    span = (now - first_issue).total_seconds() / 60 if first_issue else 0.0
    return Observed(
        int(arrived), span, int(called), counter_seconds / 60, int(handled), (handling_s or 0) / 60
    )


def predict(
    crowding: Crowding,
    ahead: Outlook,
    settings: HallSettings,
    level: int,
    now: dt.datetime,
    raise_chance: float = RAISE_CHANCE,
) -> Prediction | None:
    """The warning for `level`: the expected line reaches it within the horizon, and the
    chance it is reached is at least `raise_chance` (the hall's, fitted to its past
    warnings; RAISE_CHANCE before it has any)."""
    within_horizon = _first(ahead, HORIZON_MINUTES)
    chances = level_chances(crowding.waiting, within_horizon, threshold(settings, level))
    if chances.within < raise_chance or chances.expected_minute is None:
        return None
    more = more_counters_needed(crowding.waiting, within_horizon, settings.alert_level1)
    expected_at = now + dt.timedelta(minutes=chances.expected_minute)
    return Prediction(level, expected_at, more, chances.within)


def still_likely(crowding: Crowding, ahead: Outlook, settings: HallSettings, level: int) -> bool:
    """A standing warning past its time stays while its level is still likely enough."""
    return level_chances(crowding.waiting, ahead, threshold(settings, level)).within >= KEEP_CHANCE


def _first(ahead: Outlook, minutes: int) -> Outlook:
    return Outlook(
        ahead.arrivals[:minutes], ahead.counters[: minutes + 1], ahead.served_per_counter_minute
    )


@dataclass(frozen=True)
class Standing:
    """A warning still standing: not withdrawn, and its level not reached since."""

    id: int
    at: dt.datetime
    expected_at: dt.datetime


# Built once: the review's first look runs at the end of every action.
_REACHED = (
    select(AlertChange.level, func.max(AlertChange.at))
    .where(
        AlertChange.hall_id == bindparam("hall", type_=Integer()),
        AlertChange.business_day == bindparam("day", type_=Date()),
    )
    .group_by(AlertChange.level)
)
_NOT_WITHDRAWN = (
    select(EarlyWarning.id, EarlyWarning.level, EarlyWarning.at, EarlyWarning.expected_at)
    .where(
        EarlyWarning.hall_id == bindparam("hall", type_=Integer()),
        EarlyWarning.business_day == bindparam("day", type_=Date()),
        EarlyWarning.withdrawn_at.is_(None),
    )
    .order_by(EarlyWarning.id)
)


def _latest_rises(session: Session, hall: Hall, day: dt.date) -> dict[int, dt.datetime]:
    """Per level, when the day last reached it or a higher one."""
    reached = {
        level: at for level, at in direct.run(session, _REACHED, {"hall": hall.id, "day": day})
    }
    return {
        level: max(at for reached_level, at in reached.items() if reached_level >= level)
        for level in LEVELS
        if any(reached_level >= level for reached_level in reached)
    }


def _standing(
    session: Session, hall: Hall, day: dt.date, latest_rises: dict[int, dt.datetime]
) -> dict[int, Standing]:
    """Per level, the standing warning: the latest one not withdrawn (a new warning is
    raised only while none stands), unless its level was reached since it was raised."""
    rows = direct.run(session, _NOT_WITHDRAWN, {"hall": hall.id, "day": day})
    latest = {level: Standing(row_id, at, expected_at) for row_id, level, at, expected_at in rows}
    return {
        level: warning
        for level, warning in latest.items()
        if level not in latest_rises or latest_rises[level] < warning.at
    }


@dataclass(frozen=True)
class _Review:
    """What a review has to do: the standing warnings past their time (`due`) and the
    levels with no warning standing (`new`)."""

    standing: dict[int, Standing]
    due: list[int]
    new: list[int]


def _to_review(
    session: Session, hall: Hall, now: dt.datetime, crowding: Crowding
) -> _Review | None:
    """The review's first look, on the hall as the session sees it (its pending changes
    flushed): None when it has nothing to raise or withdraw."""
    pending = [level for level in LEVELS if crowding.level < level]
    if not pending or crowding.open_counters <= 0:
        return None  # at level 2 every warning has come true
    rises = _latest_rises(session, hall, now.date())
    standing = _standing(session, hall, now.date(), rises)
    # A warning stands at least until the time it named, so noise does not make it flap.
    due = [level for level in pending if level in standing and now >= standing[level].expected_at]
    # A warning raised in the same instant as its level's rise would pass for come true.
    new = [level for level in pending if level not in standing and rises.get(level) != now]
    if not due and not new:
        return None
    return _Review(standing, due, new)


def review_due(session: Session, hall: Hall, now: dt.datetime, crowding: Crowding) -> bool:
    """Whether reviewing the hall as this session sees it, at `now`, could raise or
    withdraw a warning. An action asks in its own transaction, once its writes are
    flushed: when the answer is no, the review after its commit would find nothing to do
    on the hall as the action left it, and is skipped."""
    return _to_review(session, hall, now, crowding) is not None


def review_warnings(
    session: Session,
    hall: Hall,
    settings: HallSettings,
    now: dt.datetime,
    crowding: Crowding,
    usual_days: UsualDays,
) -> bool:
    """After an action: raise a warning for each level now likely within the horizon, and
    withdraw the standing ones past their time that are no longer likely. Nothing is
    looked at while no counter is open (before opening, nobody waits for a level). True
    when a warning was raised or withdrawn."""
    review = _to_review(session, hall, now, crowding)
    if review is None:
        return False
    standing, due, new = review.standing, review.due, review.new
    minutes = int((HORIZON + KEEP_SLACK).total_seconds() // 60)
    ahead = outlook(
        usual_days.of(session, hall, now.date()),
        observe(session, hall, now, crowding.open_counters),
        now,
        crowding.open_counters,
        minutes,
        norm_minutes=settings.routine_norm_s / 60,
    )
    wrote = False
    for level in due:
        if not still_likely(crowding, ahead, settings, level):
            wrote = True
            session.execute(
                update(EarlyWarning)
                .where(EarlyWarning.id == standing[level].id)
                .values(withdrawn_at=now)
            )
    raise_chance = usual_days.raise_chance(session, hall, now.date()) if new else RAISE_CHANCE
    for level in new:
        prediction = predict(crowding, ahead, settings, level, now, raise_chance)
        if prediction is not None:
            wrote = True
            session.add(
                EarlyWarning(
                    hall_id=hall.id,
                    at=now,
                    business_day=now.date(),
                    level=level,
                    expected_at=prediction.expected_at,
                    more_counters=prediction.more_counters,
                    chance=round(prediction.chance, 3),
                    arrivals_per_hour=round(_first(ahead, HORIZON_MINUTES).arrivals_per_hour, 1),
                    services_per_hour=round(ahead.services_per_hour(crowding.open_counters), 1),
                )
            )
    return wrote


@dataclass(frozen=True)
class WarningRecord:
    """An early warning as the shift lead's monitor and `hallq warnings` show it."""

    at: dt.datetime
    level: int
    expected_at: dt.datetime
    more_counters: int
    arrivals_per_hour: float
    services_per_hour: float
    withdrawn_at: dt.datetime | None
    chance: float | None = None  # as raised; None for warnings stored before it was kept

    def as_json(self) -> dict[str, object]:
        return {
            name: value.isoformat(timespec="seconds") if isinstance(value, dt.datetime) else value
            for name, value in asdict(self).items()
        }


def warnings_of_day(session: Session, hall: Hall, day: dt.date) -> list[WarningRecord]:
    """The day's early warnings in the order they were raised, withdrawn ones included."""
    rows = session.execute(
        select(
            EarlyWarning.at,
            EarlyWarning.level,
            EarlyWarning.expected_at,
            EarlyWarning.more_counters,
            EarlyWarning.arrivals_per_hour,
            EarlyWarning.services_per_hour,
            EarlyWarning.withdrawn_at,
            EarlyWarning.chance,
        )
        .where(EarlyWarning.hall_id == hall.id, EarlyWarning.business_day == day)
        .order_by(EarlyWarning.id)
    ).all()
    return [WarningRecord(*row) for row in rows]
