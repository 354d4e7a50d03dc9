"""The wait a new ticket is promised comes from the counters that will serve it, the tickets
they call first, their current customers and recent handling times, and each clerk's pace."""

from __future__ import annotations

import pytest

from shared.forecast.wait_estimate import (
    Ahead,
    ProjectedCounter,
    Service,
    naive_wait_s,
    pace_of,
    projected_wait_s,
)

NORM_S = 180.0  # the demo hall's routine norm: the handling time before any service is seen


def test_naive_wait_divides_the_work_ahead_among_open_counters():
    assert naive_wait_s(6, 120.0, 3) == 240.0


def test_no_open_counter_means_no_promised_wait():
    assert naive_wait_s(4, 120.0, 0) is None


def test_each_ticket_ahead_goes_to_the_first_counter_free():
    counters = [ProjectedCounter("AB", 0.0), ProjectedCounter("AB", 60.0)]
    ahead = [Ahead("A", 100.0), Ahead("A", 100.0), Ahead("B", 300.0)]
    # 0 s: counter 1 takes A (free at 100); 60 s: counter 2 takes A (160); 100 s: counter 1 takes B.
    assert projected_wait_s("A", counters, ahead, vip_queue="V") == 160.0


def test_green_channel_ticket_waits_only_for_green_tickets():
    counters = [ProjectedCounter("VAB", 30.0)]
    ahead = [Ahead("V", 200.0), Ahead("A", 100.0), Ahead("A", 100.0)]
    assert projected_wait_s("V", counters, ahead, vip_queue="V") == 230.0
    assert projected_wait_s("A", counters, ahead, vip_queue="V") == 430.0


def test_counters_outside_the_ticket_set_take_their_share_of_a_shared_queue():
    counters = [ProjectedCounter("A", 0.0), ProjectedCounter("B", 0.0)]
    both = [ProjectedCounter("AB", 0.0), ProjectedCounter("B", 0.0)]
    ahead = [Ahead("B", 300.0), Ahead("A", 100.0)]
    assert projected_wait_s("A", counters, ahead, vip_queue="V") == 100.0
    assert projected_wait_s("A", both, ahead, vip_queue="V") == 150.0 + 100.0


def test_a_slow_clerk_lengthens_the_wait_at_their_counter():
    ahead = [Ahead("A", 100.0)] * 3
    usual = projected_wait_s("A", [ProjectedCounter("A", 0.0)], ahead, vip_queue="V")
    slow = projected_wait_s("A", [ProjectedCounter("A", 0.0, factor=1.5)], ahead, vip_queue="V")
    assert usual == 300.0 and slow == 450.0


def test_no_counter_serving_the_queue_gives_no_estimate():
    assert projected_wait_s("D", [ProjectedCounter("AB", 0.0)], [], vip_queue="V") is None


def test_pace_takes_each_queue_mean_and_each_clerk_ratio_pulled_toward_one():
    services = [Service(1, 7, 200.0)] * 10 + [Service(1, 8, 100.0)] * 10 + [Service(2, 8, 50.0)]
    pace = pace_of(services, NORM_S)
    assert pace.handling_s(1) == 150.0 and pace.handling_s(2) == 50.0
    assert pace.handling_s(3) == pytest.approx((2000 + 1000 + 50) / 21)  # unseen: hall mean
    slow, fast = pace.clerk_factor(7), pace.clerk_factor(8)
    assert slow == pytest.approx((10 * 4 / 3 + 5) / 15)
    assert 1 < slow < 4 / 3 and fast < 1
    assert pace.clerk_factor(None) == 1.0 and pace.clerk_factor(99) == 1.0


def test_pace_before_any_service_is_the_norm():
    assert pace_of([], NORM_S).handling_s(1) == NORM_S


# ----- on the store: a hand-built morning -----


def test_a_ticket_waits_longer_with_more_people_ahead(hall):
    hall.open_counter(2, "E002")
    first = hall.issue("topup", tier="normal")
    second = hall.issue("topup", tier="normal")
    assert first.estimated_wait_s == 0
    assert second.estimated_wait_s is not None and second.estimated_wait_s > 0


def test_with_every_counter_closed_a_ticket_has_no_estimate(hall):
    assert hall.issue("topup").estimated_wait_s is None


def test_long_business_waiting_at_the_same_counters_counts_ahead_of_a_routine_ticket(hall):
    hall.open_counter(2, "E002")  # serves A and B
    for _ in range(3):
        hall.issue("sim_replace", tier="normal")
    routine = hall.issue("topup", tier="normal")
    assert routine.ahead == 0  # nobody in its own queue: the naive estimate says 0
    assert routine.estimated_wait_s == 3 * NORM_S


def test_the_customer_at_the_counter_leaves_after_the_recent_handling_time(hall, clock):
    hall.open_counter(2, "E002")
    for minutes in (4, 6):  # two routine services: 4 and 6 minutes
        hall.issue("topup", tier="normal")
        hall.call(2)
        clock.advance(minutes * 60)
        hall.finish(2)
    hall.issue("topup", tier="normal")
    hall.call(2)
    clock.advance(60)
    assert hall.issue("topup", tier="normal").estimated_wait_s == 300 - 60


def test_a_green_channel_ticket_is_promised_the_first_free_counter(hall):
    hall.open_counter(1, "E001")  # serves V, A, B; the green channel first
    for _ in range(4):
        hall.issue("topup", tier="normal")
    vip = hall.issue("topup", tier="vip")
    after = hall.issue("topup", tier="normal")
    assert vip.estimated_wait_s == 0
    assert after.estimated_wait_s == 5 * NORM_S
