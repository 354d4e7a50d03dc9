"""The early warning's chance threshold, fitted to the hall from its own recent days.

A hall whose days are more erratic than the warning assumes (customers in groups, bursts,
clerks away) sees more of its warnings come to nothing at a fixed threshold; a steadier
hall could be warned sooner. So the threshold follows how often the hall's past warnings
came true: above the aimed false-alarm share it rises, below it falls, in proportion, on
the log-odds scale. Few past warnings count for little: the aimed share counts like
`PRIOR_WARNINGS` more of them. Past days do not change, so it is learned once a business
day, with the usual day (`shared.forecast.usual_day.UsualDays`), from one query.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.store.models import AlertChange, EarlyWarning, Hall

BASE_CHANCE = 0.8  # the threshold before the hall has any warnings of its own
TARGET_FALSE_SHARE = 0.15  # aimed below the promise (1 in 5), so chance days stay under it
PRIOR_WARNINGS = 10.0
GAIN = 6.0  # log-odds of the threshold per unit of false-alarm share above the aim
LOWEST_CHANCE, HIGHEST_CHANCE = 0.6, 0.97
LOOK_BACK = dt.timedelta(days=14)
# A warning came true when its level was reached within the horizon and the slack it
# stands for after its time (15 + 10 minutes, as `hallq evaluate` judges it).
COMES_TRUE_WITHIN = dt.timedelta(minutes=25)


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def calibrated_chance(came_true: Sequence[bool]) -> float:
    """The threshold for a hall whose past warnings came true (True) or not (False)."""
    false_alarms = sum(not outcome for outcome in came_true)
    share = (false_alarms + TARGET_FALSE_SHARE * PRIOR_WARNINGS) / (len(came_true) + PRIOR_WARNINGS)
    log_odds = _logit(BASE_CHANCE) + GAIN * (share - TARGET_FALSE_SHARE)
    chance = 1 / (1 + math.exp(-log_odds))
    return min(HIGHEST_CHANCE, max(LOWEST_CHANCE, chance))


def past_warnings_came_true(session: Session, hall: Hall, day: dt.date) -> list[bool]:
    """For each warning of the hall's last two weeks before `day`: did its level come?"""
    since = day - LOOK_BACK
    warnings = session.execute(
        select(EarlyWarning.business_day, EarlyWarning.at, EarlyWarning.level).where(
            EarlyWarning.hall_id == hall.id,
            EarlyWarning.business_day >= since,
            EarlyWarning.business_day < day,
        )
    ).all()
    if not warnings:
        return []
    reached: dict[dt.date, list[tuple[dt.datetime, int]]] = {}
    for business_day, at, level in session.execute(
        select(AlertChange.business_day, AlertChange.at, AlertChange.level).where(
            AlertChange.hall_id == hall.id,
            AlertChange.business_day >= since,
            AlertChange.business_day < day,
        )
    ).all():
        reached.setdefault(business_day, []).append((at, level))
    return [
        any(
            reached_level >= level and at <= reached_at <= at + COMES_TRUE_WITHIN
            for reached_at, reached_level in reached.get(business_day, ())
        )
        for business_day, at, level in warnings
    ]


def raise_chance_of(session: Session, hall: Hall, day: dt.date) -> float:
    return calibrated_chance(past_warnings_came_true(session, hall, day))
