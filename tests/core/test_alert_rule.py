"""The crowding level rule of docs/rules.md, at its edges, and its recording as the hall changes."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from shared.rules.alert_level import next_level
from shared.store.models import AlertChange, Hall

DEFAULT = {"thresholds": (2.5, 3.5), "margin": 0.5}


def level(current: int, waiting: int, open_counters: int, **rule: object) -> int:
    return next_level(current, waiting, open_counters, **{**DEFAULT, **rule})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("waiting", "open_counters", "expected"),
    [
        (4, 2, 0),  # 2.0: below level 1
        (5, 2, 1),  # exactly 2.5: level 1 starts at the threshold
        (6, 2, 1),  # 3.0
        (7, 2, 2),  # exactly 3.5: level 2 starts at the threshold
        (9, 2, 2),  # 4.5 and above stays level 2
        (10, 4, 1),  # 2.5 per counter with 4 counters
        (14, 4, 2),  # 3.5 per counter with 4 counters
        (13, 4, 1),  # 3.25
    ],
)
def test_level_rises_at_once_when_the_ratio_reaches_a_threshold(waiting, open_counters, expected):
    assert level(0, waiting, open_counters) == expected


def test_level_one_holds_down_to_the_margin():
    # With 2 counters open, level 1 starts at 5 waiting and, once reached, holds down to 4.
    assert level(0, 5, 2) == 1
    assert level(1, 4, 2) == 1
    assert level(1, 3, 2) == 0
    assert level(0, 4, 2) == 0


def test_level_two_holds_down_to_its_margin_then_falls_to_level_one():
    assert level(2, 6, 2) == 2  # 3.0 = 3.5 - 0.5: held
    assert level(2, 11, 4) == 1  # 2.75: below 3.0, still at or above level 1's threshold
    assert level(2, 4, 2) == 1  # 2.0 = 2.5 - 0.5: level 1 held from above
    assert level(2, 7, 4) == 0  # 1.75


def test_a_level_not_yet_reached_gets_no_margin():
    assert level(1, 6, 2) == 1  # 3.0 is within level 2's margin but level 2 was never reached


def test_no_one_waiting_is_level_zero_even_with_no_counter_open():
    assert level(2, 0, 0) == 0
    assert level(2, 0, 3) == 0


def test_anyone_waiting_with_no_counter_open_is_level_two():
    assert level(0, 1, 0) == 2


def test_thresholds_and_margin_are_settings():
    assert level(0, 4, 2, thresholds=(2.0, 3.0)) == 1
    assert level(1, 4, 2, margin=0.0) == 0
    assert level(1, 3, 2, margin=1.0) == 1


def test_edges_are_exact_where_binary_floats_would_miss():
    # 1.1 - 0.2 is 0.9000000000000001 in floats; 9 waiting at 10 counters is exactly 0.9.
    assert level(1, 9, 10, thresholds=(1.1, 2.0), margin=0.2) == 1


def test_each_change_of_level_is_recorded_with_the_counts_behind_it(hall, clock, store):
    hall.open_counter(2, "E002")
    hall.open_counter(3, "E003")
    for _ in range(5):
        clock.advance(10)
        hall.issue("topup")
    clock.advance(10)
    hall.call(2)  # 4 waiting: level 1 holds
    clock.advance(10)
    hall.call(3)  # 3 waiting: back to 0
    with store.read() as session:
        changes = session.scalars(select(AlertChange).order_by(AlertChange.id)).all()
        seen = [
            (c.at.time().isoformat(), c.previous_level, c.level, c.waiting, c.open_counters)
            for c in changes
        ]
    assert seen == [("08:30:50", 0, 1, 5, 2), ("08:31:10", 1, 0, 3, 2)]


def test_pausing_and_closing_counters_raise_the_level(hall, clock, store):
    hall.open_counter(2, "E002")
    hall.open_counter(3, "E003")
    for _ in range(4):
        hall.issue("topup")
    assert hall_level(store) == 0  # 2.0
    clock.advance(60)
    hall.pause_counter(3, "break")  # 4 waiting at 1 open counter: a paused counter is not open
    assert hall_level(store) == 2
    clock.advance(60)
    hall.resume_counter(3)  # 2.0: below level 2's margin, level 1 held from above
    assert hall_level(store) == 1
    clock.advance(60)
    hall.close_counter(2)
    hall.close_counter(3)
    assert hall_level(store) == 2


def hall_level(store) -> int:
    with store.read() as session:
        return session.scalars(select(Hall.alert_level)).one()


def test_closing_a_day_records_the_level_falling_back_on_that_day(hall, clock, store):
    hall.issue("topup")  # nobody open yet: level 2 at once
    clock.set(dt.datetime(2026, 11, 24, 8, 0))
    hall.open_counter(2, "E002")  # the next day's first action closes the day before
    with store.read() as session:
        changes = session.execute(
            select(
                AlertChange.at, AlertChange.business_day, AlertChange.level, AlertChange.waiting
            ).order_by(AlertChange.id)
        ).all()
    day_end = dt.datetime(2026, 11, 23, 8, 30)  # the day's last event: the issue
    assert changes == [
        (day_end, dt.date(2026, 11, 23), 2, 1),
        (day_end, dt.date(2026, 11, 23), 0, 0),
    ]
    assert hall_level(store) == 0
