"""What the shift lead reads of the early warnings, on hand-built warnings and rises: which
stand now, the idle counters each suggests, and the record's judgement of each warning
(came true within 25 minutes, false after them, still open before them)."""

from __future__ import annotations

import datetime as dt

from shared.forecast.early_warning import WarningRecord
from shared.store.lookup import find_hall
from shared.store.models import EarlyWarning
from shared.views.lead_warnings import live_warnings, read_lead_warnings

NINE = dt.datetime(2026, 11, 23, 9)


def at(minutes: float) -> dt.datetime:
    return NINE + dt.timedelta(minutes=minutes)


def warning(minutes: float, level: int, more: int = 1, withdrawn: float | None = None):
    return WarningRecord(
        at(minutes),
        level,
        at(minutes + 8),
        more,
        60.0,
        40.0,
        None if withdrawn is None else at(withdrawn),
        0.85,
    )


def test_a_warning_stands_until_withdrawn_or_its_level_is_reached():
    warnings = [warning(0, 1), warning(1, 2, more=3), warning(2, 1, withdrawn=9), warning(20, 1)]
    rises = [(at(5), 1)]  # reaches level 1: the first warning came true
    live = live_warnings(warnings, rises, idle=[6, 5])
    assert [(w.at, w.level, w.counters) for w in live] == [
        (at(20), 1, [6]),  # newest first, as many idle counters as it asks for
        (at(1), 2, [6, 5]),  # asks for 3, the hall has 2 idle
    ]


def test_a_jump_to_level_two_reaches_a_level_one_warning_too():
    assert live_warnings([warning(0, 1)], [(at(3), 1), (at(3), 2)], idle=[]) == []


def test_the_record_judges_each_warning_by_its_25_minutes(hall, clock, store):
    """Counter 1 opens; one customer is served; two warnings are written as the forecast
    writes them: at 9:00 for level 1 (the level comes at 9:10: true) and at 9:20 for level
    2 (never reached). Read at 9:30 the second is still open; at 9:46 it is false."""
    clock.set(at(-5))
    hall.open_counter(1, "E001")
    for minutes, level in ((0, 1), (20, 2)):
        with store.write() as session:
            session.add(
                EarlyWarning(
                    hall_id=find_hall(session, "demo").id,
                    at=at(minutes),
                    business_day=NINE.date(),
                    level=level,
                    expected_at=at(minutes + 8),
                    more_counters=1,
                    arrivals_per_hour=60.0,
                    services_per_hour=40.0,
                    chance=0.9,
                )
            )
    clock.set(at(10))
    for _ in range(3):
        hall.issue("topup")  # 3 waiting, 1 open: level 1 at 9:10
    early = read_lead_warnings(store, "demo", at(30)).week
    late = read_lead_warnings(store, "demo", at(46)).week
    assert (early.raised, early.came_true, early.false_alarms, early.still_open) == (2, 1, 0, 1)
    assert (late.raised, late.came_true, late.false_alarms, late.still_open) == (2, 1, 1, 0)
    assert (late.days, late.first_day, late.rises, late.missed) == (1, NINE.date(), 1, 0)
