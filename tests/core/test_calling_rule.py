"""Which queue a ticket joins and which ticket a counter calls next (docs/rules.md): pure rules."""

from __future__ import annotations

import datetime as dt

from shared.rules.calling import Policy, Waiting, choose_next, route

T0 = dt.datetime(2026, 11, 23, 9, 0)


def ticket(ticket_id: int, queue: str, waited_since_min: float, *, issued_min: float | None = None,
           target: int = 900) -> Waiting:  # fmt: skip
    since = T0 + dt.timedelta(minutes=waited_since_min)
    issued = T0 + dt.timedelta(minutes=issued_min if issued_min is not None else waited_since_min)
    return Waiting(ticket_id, queue, since, issued, target)


NOW = T0 + dt.timedelta(minutes=30)


def test_vip_goes_to_the_green_channel_and_group_to_the_group_desk():
    assert route("vip", "B", vip_queue="V", group_queue="C") == "V"
    assert route("group", "A", vip_queue="V", group_queue="C") == "C"
    assert route("normal", "D", vip_queue="V", group_queue="C") == "D"


def test_a_counter_serving_the_green_channel_calls_its_tickets_first():
    waiting = [ticket(1, "A", 0), ticket(2, "B", 1), ticket(3, "V", 20)]
    assert choose_next("VAB", waiting, policy=Policy(), now=NOW).ticket_id == 3


def test_otherwise_the_oldest_across_the_counters_queues_whatever_their_order():
    waiting = [ticket(1, "B", 5), ticket(2, "A", 2), ticket(3, "V", 0)]
    # Counter 4 serves B then A, and not V: the older A ticket comes first.
    assert choose_next("BA", waiting, policy=Policy(), now=NOW).ticket_id == 2


def test_ties_go_to_the_earlier_issued_ticket():
    # Both started waiting at 09:10; ticket 1 was issued at 09:00 and transferred at 09:10.
    waiting = [ticket(2, "A", 10, issued_min=5), ticket(1, "A", 10, issued_min=0)]
    assert choose_next("AB", waiting, policy=Policy(), now=NOW).ticket_id == 1


def test_a_transferred_ticket_waits_from_its_transfer():
    waiting = [ticket(1, "B", 12, issued_min=0), ticket(2, "B", 8)]
    assert choose_next("B", waiting, policy=Policy(), now=NOW).ticket_id == 2


def test_nothing_waiting_for_the_counter_calls_nothing():
    assert choose_next("C", [ticket(1, "A", 0)], policy=Policy(), now=NOW) is None
    assert choose_next("AB", [], policy=Policy(), now=NOW) is None


def test_ageing_cap_calls_an_overdue_ticket_before_new_green_channel_tickets():
    waiting = [ticket(1, "A", 0, target=900), ticket(2, "V", 25, target=300)]
    assert choose_next("VA", waiting, policy=Policy(), now=NOW).ticket_id == 2
    assert choose_next("VA", waiting, policy=Policy(ageing_cap=True), now=NOW).ticket_id == 1


def test_ageing_cap_still_serves_an_overdue_green_ticket_first():
    waiting = [ticket(1, "A", 0, target=900), ticket(2, "V", 10, target=300)]
    assert choose_next("VA", waiting, policy=Policy(ageing_cap=True), now=NOW).ticket_id == 2


def test_ageing_cap_leaves_the_order_alone_when_nothing_is_overdue():
    waiting = [ticket(1, "A", 25), ticket(2, "V", 28)]
    assert choose_next("VA", waiting, policy=Policy(ageing_cap=True), now=NOW).ticket_id == 2


def test_green_ratio_lets_others_through_after_k_green_calls_in_a_row():
    waiting = [ticket(1, "A", 0), ticket(2, "V", 5)]
    policy = Policy(green_ratio=2)
    assert choose_next("VA", waiting, policy=policy, now=NOW, recent_calls=["V"]).ticket_id == 2
    assert (
        choose_next("VA", waiting, policy=policy, now=NOW, recent_calls=["V", "V"]).ticket_id == 1
    )
    assert (
        choose_next("VA", waiting, policy=policy, now=NOW, recent_calls=["A", "V"]).ticket_id == 2
    )


def test_green_ratio_never_holds_back_green_tickets_when_no_one_else_waits():
    waiting = [ticket(2, "V", 5)]
    policy = Policy(green_ratio=1)
    assert (
        choose_next("VA", waiting, policy=policy, now=NOW, recent_calls=["V", "V"]).ticket_id == 2
    )
