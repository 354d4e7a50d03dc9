"""The warning's chance threshold follows the hall's own past warnings: more false alarms
than aimed for raise it, fewer lower it, few warnings move it little; past days are read
from the store (their warnings and their rises of the level)."""

from __future__ import annotations

import datetime as dt

import pytest

from shared.forecast.baselines import erlang_c_chance, erlang_c_wait_s, pooled_mean_wait_s
from shared.forecast.calibration import (
    BASE_CHANCE,
    HIGHEST_CHANCE,
    LOWEST_CHANCE,
    calibrated_chance,
    past_warnings_came_true,
)
from shared.forecast.early_warning import Outlook, level_chances, predict
from shared.forecast.usual_day import UsualDays
from shared.rules.hall_settings import HallSettings
from shared.services.alerts import Crowding
from shared.store.lookup import find_hall
from shared.store.models import AlertChange, EarlyWarning

DAY = dt.date(2026, 11, 23)


def test_without_past_warnings_the_threshold_is_the_base_one():
    assert calibrated_chance([]) == BASE_CHANCE


def test_false_alarms_above_the_aim_raise_the_threshold_and_true_warnings_lower_it():
    mostly_false = calibrated_chance([False] * 6 + [True] * 4)
    mostly_true = calibrated_chance([True] * 20)
    assert BASE_CHANCE < mostly_false < HIGHEST_CHANCE
    assert LOWEST_CHANCE < mostly_true < BASE_CHANCE
    assert calibrated_chance([False] * 200) == HIGHEST_CHANCE
    # The same share over more warnings is surer, so it moves the threshold further.
    assert calibrated_chance([False] * 2 + [True] * 2) < mostly_false
    assert calibrated_chance([False, True, True, True, True, True, True] * 3) == pytest.approx(
        BASE_CHANCE, abs=0.01
    )


def at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _warning(hall_id: int, when: dt.datetime, level: int) -> EarlyWarning:
    return EarlyWarning(
        hall_id=hall_id,
        at=when,
        business_day=when.date(),
        level=level,
        expected_at=when + dt.timedelta(minutes=10),
        more_counters=1,
        arrivals_per_hour=60.0,
        services_per_hour=40.0,
    )


def _rise(hall_id: int, when: dt.datetime, level: int, previous: int) -> AlertChange:
    return AlertChange(
        hall_id=hall_id,
        at=when,
        business_day=when.date(),
        level=level,
        previous_level=previous,
        waiting=12,
        open_counters=4,
    )


def test_a_past_warning_came_true_when_its_level_was_reached_within_25_minutes(store):
    yesterday, long_ago = DAY - dt.timedelta(days=1), DAY - dt.timedelta(days=20)
    with store.write() as session:
        hall = find_hall(session, "demo")
        session.add_all(
            [
                _warning(hall.id, at(yesterday, 10, 0), 1),
                _rise(hall.id, at(yesterday, 10, 12), 1, 0),  # came true
                _warning(hall.id, at(yesterday, 11, 0), 2),
                _rise(hall.id, at(yesterday, 11, 5), 1, 0),  # level 1 only: false
                _warning(hall.id, at(yesterday, 12, 0), 1),
                _rise(hall.id, at(yesterday, 12, 40), 1, 0),  # too late: false
                _warning(hall.id, at(DAY, 9, 30), 1),  # today: not yet judged
                _warning(hall.id, at(long_ago, 9, 30), 1),  # too old to describe the hall
            ]
        )
    with store.read() as session:
        hall = find_hall(session, "demo")
        assert past_warnings_came_true(session, hall, DAY) == [True, False, False]
        chance = UsualDays().raise_chance(session, hall, DAY)
    assert chance == calibrated_chance([True, False, False]) and chance > BASE_CHANCE


def test_a_hall_with_a_higher_threshold_keeps_a_warning_another_would_raise():
    settings = HallSettings()
    crowding = Crowding(level=0, waiting=8, open_counters=4)
    ahead = Outlook((1.0,) * 25, (4.0,) * 26, 0.2)
    chance = level_chances(8, Outlook((1.0,) * 15, (4.0,) * 16, 0.2), settings.alert_level1)
    assert 0.6 < chance.within < 0.97
    now = at(DAY, 10, 0)
    assert predict(crowding, ahead, settings, 1, now, raise_chance=chance.within - 0.01)
    assert predict(crowding, ahead, settings, 1, now, raise_chance=chance.within + 0.01) is None


# ----- the estimate's yardsticks -----


def test_the_pooled_mean_is_the_mean_of_recent_waits():
    assert pooled_mean_wait_s([]) is None
    assert pooled_mean_wait_s([60.0, 120.0, 300.0]) == 160.0


def test_erlang_c_matches_the_textbook_values():
    # One server: the chance to wait is the load; the mean wait rho / (mu - lambda).
    assert erlang_c_chance(1, 0.5) == pytest.approx(0.5)
    assert erlang_c_wait_s(0.5 / 100, 100.0, 1, ahead=0) == pytest.approx(100.0)
    # Two servers at load 1 (rho 0.5): C = 1/3, wait C * h / (c - a) = 100/3.
    assert erlang_c_chance(2, 1.0) == pytest.approx(1 / 3)
    assert erlang_c_wait_s(1 / 100, 100.0, 2, ahead=3) == pytest.approx(100 / 3)
    # Past saturation there is no steady state: the people ahead, two at a time.
    assert erlang_c_wait_s(3 / 100, 100.0, 2, ahead=3) == pytest.approx(200.0)
    assert erlang_c_wait_s(0.01, 100.0, 0, ahead=3) is None
