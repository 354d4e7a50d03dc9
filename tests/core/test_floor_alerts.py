"""The monitor's floor alerts: an open counter idle past the threshold while its own queues
have customers, and a customer at a counter past the long-service threshold."""

from __future__ import annotations

import datetime as dt

from shared.rules.floor_alerts import CounterSeen, FloorAlert, FloorAlertKind, floor_alerts

NOW = dt.datetime(2026, 11, 23, 10, 0)


def _ago(seconds: int) -> dt.datetime:
    return NOW - dt.timedelta(seconds=seconds)


def _alerts(counters: list[CounterSeen], waiting: dict[str, int]) -> list[FloorAlert]:
    return floor_alerts(counters, waiting, NOW, idle_after_s=120, long_after_s=900)


def test_an_open_counter_idle_past_the_threshold_while_its_queues_wait_is_flagged():
    idle = CounterSeen(2, True, ("A", "B"), None, None, _ago(120))
    assert _alerts([idle], {"A": 2, "B": 1, "C": 9}) == [
        FloorAlert(FloorAlertKind.IDLE, 2, 120.0, waiting=3)
    ]


def test_an_idle_counter_is_not_flagged_before_the_threshold_or_when_its_queues_are_empty():
    assert _alerts([CounterSeen(2, True, ("A",), None, None, _ago(119))], {"A": 4}) == []
    assert _alerts([CounterSeen(2, True, ("A",), None, None, _ago(600))], {"C": 4}) == []
    assert _alerts([CounterSeen(2, False, ("A",), None, None, _ago(600))], {"A": 4}) == []


def test_a_long_service_is_flagged_from_the_threshold_idle_counters_first():
    long = CounterSeen(1, True, ("A",), "A007", _ago(900), None)
    short = CounterSeen(3, True, ("A",), "A008", _ago(899), None)
    idle = CounterSeen(4, True, ("A",), None, None, _ago(300))
    assert _alerts([long, short, idle], {"A": 1}) == [
        FloorAlert(FloorAlertKind.IDLE, 4, 300.0, waiting=1),
        FloorAlert(FloorAlertKind.LONG, 1, 900.0, ticket="A007"),
    ]
