"""Early warning (预警): tell the shift lead that the crowding level will rise, before it does.

From the arrivals and calls the hall saw in the last minutes, the waiting line grows at
(arrivals − calls) per hour; when that growth brings waiting ÷ open counters to a level's
threshold within the horizon, a warning is stored with the expected time and how many more
counters would keep the level at 0. It is withdrawn when the growth no longer carries the
line there; it has come true when the level rises. Reviewed after every action, from one
small counting query (two while a warning is open).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from shared.alerts import Crowding
from shared.model import AlertChange, EarlyWarning, Hall, TicketEvent
from shared.settings import HallSettings

HORIZON = dt.timedelta(minutes=15)  # how far ahead a warning looks
# A warning stands while its level is still expected within the horizon plus this slack,
# so one quiet minute does not withdraw it.
KEEP_SLACK = dt.timedelta(minutes=10)
WINDOW = dt.timedelta(minutes=15)  # the arrivals and calls the rates are taken over
LATELY = dt.timedelta(minutes=5)  # the line must still be growing over these last minutes
SHORTEST_WINDOW = dt.timedelta(minutes=5)  # early in the day, rates need this much to mean much
MOST_MORE_COUNTERS = 20
# The line must really have grown by this many tickets over the window: a rate drawn from
# a handful of arrivals is mostly chance.
LEAST_NET_GROWTH = 4
# Nor is a line far below the threshold: it warns once it holds this share of the tickets
# the level needs.
LEAST_SHARE_OF_THRESHOLD = 0.5
LEVELS = (1, 2)


@dataclass(frozen=True)
class Rates:
    """Arrivals (tickets issued) and services (tickets called) per hour, recently."""

    arrivals_per_hour: float
    services_per_hour: float
    net_growth: int  # tickets issued minus tickets called over the window
    growth_lately: int  # the same over its last minutes (LATELY)

    @property
    def growth_per_hour(self) -> float:
        return self.arrivals_per_hour - self.services_per_hour


@dataclass(frozen=True)
class Prediction:
    level: int
    expected_at: dt.datetime
    more_counters: int


def threshold(settings: HallSettings, level: int) -> float:
    return settings.alert_level1 if level == 1 else settings.alert_level2


def near_threshold(waiting: int, open_counters: int, level_threshold: float) -> bool:
    return waiting >= LEAST_SHARE_OF_THRESHOLD * level_threshold * open_counters


def minutes_to_level(
    waiting: int, open_counters: int, rates: Rates, level_threshold: float
) -> float | None:
    """Minutes until waiting ÷ open counters reaches the threshold at the current growth;
    0 when it already has, None when the line is not growing or no counter is open."""
    if open_counters <= 0 or rates.net_growth < LEAST_NET_GROWTH or rates.growth_lately <= 0:
        return None
    short = level_threshold * open_counters - waiting
    if short <= 0:
        return 0.0
    if not near_threshold(waiting, open_counters, level_threshold):
        return None
    growth = rates.growth_per_hour
    return short / growth * 60 if growth > 0 else None


def more_counters_needed(
    waiting: int, open_counters: int, rates: Rates, level1: float, horizon: dt.timedelta
) -> int:
    """The fewest extra counters, each serving like the open ones do now, that keep the ratio
    below level 1's threshold from now to the horizon's end (the line grows linearly, so
    both ends suffice)."""
    per_counter = rates.services_per_hour / open_counters if open_counters else 0.0
    hours = horizon.total_seconds() / 3600
    for more in range(MOST_MORE_COUNTERS + 1):
        counters = open_counters + more
        growth = rates.growth_per_hour - more * per_counter
        at_end = waiting + growth * hours
        if counters > 0 and max(waiting, at_end) < level1 * counters:
            return more
    return MOST_MORE_COUNTERS


def predict(
    crowding: Crowding,
    rates: Rates,
    settings: HallSettings,
    level: int,
    now: dt.datetime,
    horizon: dt.timedelta = HORIZON,
) -> Prediction | None:
    """The warning for `level`, when the growth carries the line to it within `horizon`."""
    minutes = minutes_to_level(
        crowding.waiting, crowding.open_counters, rates, threshold(settings, level)
    )
    if minutes is None or minutes * 60 > horizon.total_seconds():
        return None
    more = more_counters_needed(
        crowding.waiting, crowding.open_counters, rates, settings.alert_level1, HORIZON
    )
    return Prediction(level, now + dt.timedelta(minutes=minutes), more)


def observed_rates(session: Session, hall: Hall, now: dt.datetime) -> Rates:
    """Issues and calls of the last WINDOW of the business day, per hour (early in the day,
    over the time since its first such event, but at least SHORTEST_WINDOW)."""
    since = now - WINDOW
    lately = func.sum(case((TicketEvent.at > now - LATELY, 1), else_=0))
    rows = session.execute(
        select(TicketEvent.kind, func.count(), func.min(TicketEvent.at), lately)
        .where(
            TicketEvent.hall_id == hall.id,
            TicketEvent.business_day == now.date(),
            TicketEvent.kind.in_(("issued", "called")),
            TicketEvent.at > since,
            TicketEvent.at <= now,
        )
        .group_by(TicketEvent.kind)
    ).all()
    counts = {kind: (int(count), int(recent or 0)) for kind, count, _, recent in rows}
    earliest = min((first for _, _, first, _ in rows), default=now)
    span = max(min(WINDOW, now - earliest), SHORTEST_WINDOW).total_seconds() / 3600
    issued, issued_lately = counts.get("issued", (0, 0))
    called, called_lately = counts.get("called", (0, 0))
    return Rates(issued / span, called / span, issued - called, issued_lately - called_lately)


@dataclass(frozen=True)
class Standing:
    """A warning still standing: not withdrawn, and its level not reached since."""

    id: int
    at: dt.datetime
    expected_at: dt.datetime


def _standing(session: Session, hall: Hall, day: dt.date) -> dict[int, Standing]:
    """Per level, the standing warning. A new warning is raised only while none stands, so
    only the latest one not withdrawn of each level can be."""
    rows = session.execute(
        select(EarlyWarning.id, EarlyWarning.level, EarlyWarning.at, EarlyWarning.expected_at)
        .where(
            EarlyWarning.hall_id == hall.id,
            EarlyWarning.business_day == day,
            EarlyWarning.withdrawn_at.is_(None),
        )
        .order_by(EarlyWarning.id)
    ).all()
    if not rows:
        return {}
    latest = {level: Standing(row_id, at, expected_at) for row_id, level, at, expected_at in rows}
    reached = dict(
        session.execute(
            select(AlertChange.level, func.max(AlertChange.at))
            .where(AlertChange.hall_id == hall.id, AlertChange.business_day == day)
            .group_by(AlertChange.level)
        ).all()
    )
    return {
        level: warning
        for level, warning in latest.items()
        if all(at < warning.at for reached_level, at in reached.items() if reached_level >= level)
    }


def _may_warn(crowding: Crowding, settings: HallSettings, level: int) -> bool:
    """Level 2 is warned of once level 1 has come (from level 0 the line's growth says too
    little about how far it will go), and only for a line already near the threshold."""
    return (
        crowding.level >= level - 1
        and crowding.open_counters > 0
        and near_threshold(crowding.waiting, crowding.open_counters, threshold(settings, level))
    )


def review_warnings(
    session: Session, hall: Hall, settings: HallSettings, now: dt.datetime, crowding: Crowding
) -> None:
    """After an action: raise a warning for each level now expected within the horizon, and
    withdraw the standing ones the growth no longer supports. The rates are counted only
    when one of these can happen, so a calm hall pays one small query."""
    pending = [level for level in LEVELS if crowding.level < level]
    if not pending:
        return  # at level 2 every warning has come true
    standing = _standing(session, hall, now.date())
    # A warning stands at least until the time it named, so noise does not make it flap.
    due = [level for level in pending if level in standing and now >= standing[level].expected_at]
    new = [
        level for level in pending if level not in standing and _may_warn(crowding, settings, level)
    ]
    if not due and not new:
        return
    rates = observed_rates(session, hall, now)
    for level in due:
        if predict(crowding, rates, settings, level, now, HORIZON + KEEP_SLACK) is None:
            session.execute(
                update(EarlyWarning)
                .where(EarlyWarning.id == standing[level].id)
                .values(withdrawn_at=now)
            )
    for level in new:
        prediction = predict(crowding, rates, settings, level, now)
        if prediction is not None:
            session.add(
                EarlyWarning(
                    hall_id=hall.id,
                    at=now,
                    business_day=now.date(),
                    level=level,
                    expected_at=prediction.expected_at,
                    more_counters=prediction.more_counters,
                    arrivals_per_hour=round(rates.arrivals_per_hour, 1),
                    services_per_hour=round(rates.services_per_hour, 1),
                )
            )


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
        )
        .where(EarlyWarning.hall_id == hall.id, EarlyWarning.business_day == day)
        .order_by(EarlyWarning.id)
    ).all()
    return [WarningRecord(*row) for row in rows]
