"""The wait a new ticket is promised comes from live counters and handling times."""

from shared.forecast import naive_wait_s


def test_naive_wait_divides_the_work_ahead_among_open_counters():
    assert naive_wait_s(6, 120.0, 3) == 240.0


def test_no_open_counter_means_no_promised_wait():
    assert naive_wait_s(4, 120.0, 0) is None


def test_a_ticket_waits_longer_with_more_people_ahead(hall):
    hall.open_counter(2, "E002")
    first = hall.issue("topup", tier="normal")
    second = hall.issue("topup", tier="normal")
    assert first.estimated_wait_s == 0
    assert second.estimated_wait_s is not None and second.estimated_wait_s > 0


def test_with_every_counter_closed_a_ticket_has_no_estimate(hall):
    assert hall.issue("topup").estimated_wait_s is None
