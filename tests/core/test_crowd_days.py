"""The second model of the hall's days: repeatable from its seed, built on other
assumptions than the simulator (groups, a lunch peak that moves, absences, thinner
weekends), and every event one the real services accept."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import Counter

import pytest

from shared.forecast.crowd_days import WEEKDAY_STAFF, WEEKEND_STAFF, crowd_day
from shared.forecast.evaluate import replay_crowd_days
from shared.services.hall import HallService
from shared.services.replay import apply_event, parse_event
from shared.store.clock import FixedClock

MONDAY, SATURDAY = dt.date(2026, 11, 23), dt.date(2026, 11, 28)


def seconds(event) -> int:
    at = dt.datetime.fromisoformat(event["at"])
    return at.hour * 3600 + at.minute * 60 + at.second


def test_the_same_day_and_seed_give_the_same_events_and_another_seed_others():
    assert crowd_day(MONDAY, 7) == crowd_day(MONDAY, 7)
    assert crowd_day(MONDAY, 7) != crowd_day(MONDAY, 8)


def test_customers_come_in_groups():
    issues = [seconds(e) for e in crowd_day(MONDAY, 3) if e["op"] == "issue"]
    close_behind = sum(1 for a, b in itertools.pairwise(issues) if b - a <= 40)
    # A Poisson stream of ~35 an hour puts one in three within 40 s of the one before;
    # groups of two to four put far more there.
    assert close_behind / len(issues) > 0.45


def test_the_lunch_peak_moves_from_day_to_day():
    def busiest_lunch_half_hour(seed: int) -> int:
        issues = [seconds(e) // 1800 for e in crowd_day(MONDAY, seed) if e["op"] == "issue"]
        lunch = Counter(slot for slot in issues if 22 <= slot < 30)  # 11:00 to 15:00
        return lunch.most_common(1)[0][0]

    assert len({busiest_lunch_half_hour(seed) for seed in range(8)}) >= 3


def test_weekends_have_fewer_counters_and_clerks_are_sometimes_absent_or_late():
    weekday_hours = sum(s.end_min - s.start_min for s in WEEKDAY_STAFF)
    assert sum(s.end_min - s.start_min for s in WEEKEND_STAFF) < weekday_hours
    opened = [
        [e for e in crowd_day(day, seed) if e["op"] == "open"]
        for seed in range(20)
        for day in (MONDAY,)
    ]
    assert all(len(day) <= len(WEEKDAY_STAFF) for day in opened)
    assert min(len(day) for day in opened) < len(WEEKDAY_STAFF)  # someone was away
    late = [e for day in opened for e in day if e["at"][11:] not in ("09:00:00", "10:00:00")]
    assert late  # some counters opened late
    weekend_customers = sum(1 for e in crowd_day(SATURDAY, 1) if e["op"] == "issue")
    weekday_customers = sum(1 for e in crowd_day(MONDAY, 1) if e["op"] == "issue")
    assert weekend_customers < weekday_customers


@pytest.mark.slow
def test_every_event_of_a_day_is_accepted_by_the_services(store):
    clock = FixedClock(dt.datetime.combine(MONDAY, dt.time()))
    service = HallService(store, "demo", clock)
    called = 0
    for event in crowd_day(MONDAY, 5):
        op, at, fields = parse_event(json.dumps(event))
        clock.set(at)
        if op == "issue":
            service.issue(fields["business"])
            continue
        result = apply_event(service, op, fields)  # a refused event raises here
        if op == "call":
            assert isinstance(result["ticket"], str)  # someone was waiting for it
            called += 1
    assert called > 250


@pytest.mark.slow
def test_evaluate_measures_the_second_model_after_its_history():
    (day,) = replay_crowd_days(range(5, 6), history=1)
    assert day.profile == "crowd" and day.promises and day.refused == 0
    assert all(p.pooled_s >= 0 and p.erlang_s >= 0 for p in day.promises)
