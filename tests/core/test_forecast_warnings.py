"""Early warning (预警): raised from the growth of the waiting line before the level rises,
with the time it is expected and the counters that would prevent it; withdrawn when the
growth stops before that; left standing when it comes true."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from shared.alerts import alert_changes
from shared.cli import main
from shared.lookup import find_hall
from shared.warnings import Rates, minutes_to_level, more_counters_needed, warnings_of_day

DAY = dt.date(2026, 11, 23)
NINE = dt.datetime.combine(DAY, dt.time(9, 0))


def at(minutes: float) -> dt.datetime:
    return NINE + dt.timedelta(minutes=minutes)


def day_warnings(store):
    with store.read() as session:
        return warnings_of_day(session, find_hall(session, "demo"), DAY)


def day_changes(store):
    with store.read() as session:
        return alert_changes(session, find_hall(session, "demo"), DAY)


def growing_line(hall, clock, minutes: int) -> None:
    """Counters 1 and 2 take the first two customers and keep them; one arrives a minute."""
    clock.set(NINE)
    hall.open_counter(1, "E001")
    hall.open_counter(2, "E002")
    for minute in range(minutes + 1):
        clock.set(at(minute))
        hall.issue("topup", tier="normal")
        if minute < 2:
            hall.call(minute + 1)


def test_line_growing_faster_than_it_is_served_raises_a_warning_before_level_one(
    hall, clock, store
):
    growing_line(hall, clock, 5)  # 6 issued, 2 called: 4 waiting on 2 counters
    (warning,) = day_warnings(store)
    assert warning.level == 1 and warning.at == at(5) and warning.withdrawn_at is None
    # 72 arrivals and 24 calls an hour: the fifth waiting ticket comes in 1.25 minutes.
    assert (warning.arrivals_per_hour, warning.services_per_hour) == (72.0, 24.0)
    assert warning.expected_at == at(6.25)
    assert warning.more_counters == 3
    assert day_changes(store) == []
    clock.set(at(6))
    hall.issue("topup", tier="normal")
    (change,) = day_changes(store)
    assert change.level == 1 and change.at == at(6)
    first = day_warnings(store)[0]
    assert first.withdrawn_at is None, "a warning that came true stands"


def test_warning_is_withdrawn_once_its_time_has_passed_and_the_line_stopped_growing(
    hall, clock, store
):
    growing_line(hall, clock, 5)
    clock.set(at(6))  # before the warning's time: nothing withdraws it yet
    hall.finish(1)
    assert day_warnings(store)[0].withdrawn_at is None
    clock.set(at(7))
    hall.call(1)  # 3 waiting, and 6 issued against 3 called: no growth to speak of
    (warning,) = day_warnings(store)
    assert warning.withdrawn_at == at(7)
    assert day_changes(store) == []


def test_a_line_served_as_fast_as_it_comes_raises_no_warning(hall, clock, store):
    clock.set(NINE)
    hall.open_counter(2, "E002")
    for minute in range(30):
        clock.set(at(minute))
        hall.issue("topup", tier="normal")
        hall.call(2)
        clock.set(at(minute + 0.5))
        hall.finish(2)
    assert day_warnings(store) == []


def test_no_level_two_warning_while_the_level_is_zero(hall, clock, store):
    growing_line(hall, clock, 5)  # growth enough for level 2 (7 waiting) within the horizon
    assert [w.level for w in day_warnings(store)] == [1]


def test_minutes_to_a_level_follow_the_net_growth():
    rates = Rates(60.0, 30.0, net_growth=8, growth_lately=3)
    assert minutes_to_level(4, 2, rates, 2.5) == pytest.approx(2.0)
    assert minutes_to_level(5, 2, rates, 2.5) == 0.0
    assert minutes_to_level(4, 0, rates, 2.5) is None
    assert minutes_to_level(4, 2, Rates(30.0, 30.0, 0, 0), 2.5) is None
    assert minutes_to_level(1, 2, rates, 2.5) is None, "far below the threshold: no warning"
    stalled = Rates(60.0, 30.0, net_growth=8, growth_lately=0)
    assert minutes_to_level(4, 2, stalled, 2.5) is None, "no longer growing: no warning"


def test_more_counters_are_the_fewest_that_keep_the_ratio_below_level_one():
    # Each of the 2 counters calls 15 an hour.
    rates = Rates(60.0, 30.0, net_growth=8, growth_lately=3)
    horizon = dt.timedelta(minutes=15)
    # +1: 3 counters, growth 15/h, 7.75 at the end ≥ 7.5; +2: 4 counters, no growth, 4 < 10.
    assert more_counters_needed(4, 2, rates, 2.5, horizon) == 2
    assert more_counters_needed(1, 2, Rates(10.0, 30.0, 0, 0), 2.5, horizon) == 0


def test_hallq_warnings_lists_the_day_s_warnings(hall, clock, store_target):
    growing_line(hall, clock, 5)
    out = io.StringIO()
    assert main(["--db", store_target, "warnings", "--date", DAY.isoformat(), "--json"], out) == 0
    assert json.loads(out.getvalue()) == [
        {
            "at": "2026-11-23T09:05:00",
            "level": 1,
            "expected_at": "2026-11-23T09:06:15",
            "more_counters": 3,
            "arrivals_per_hour": 72.0,
            "services_per_hour": 24.0,
            "withdrawn_at": None,
        }
    ]
    text = io.StringIO()
    assert main(["--db", store_target, "warnings", "--date", DAY.isoformat()], text) == 0
    assert "09:05:00  一级应急 level 1 expected 09:06  +3 counters" in text.getvalue()
