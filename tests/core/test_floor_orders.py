"""The shift lead's orders on the floor and her notice on the board: only a lead or an
administrator gives them, each is audited under her name in its own transaction, and a
refused one writes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from shared.errors import Rejected
from shared.services.hall import Order
from shared.services.notices import MAX_NOTICE, post_notice
from shared.store.models import AuditEntry, BoardNotice, Counter
from shared.views.floor import read_board, read_floor

LEAD = Order("M001", "monitor")


def _audited(store, action: str) -> int:
    with store.read() as session:
        return session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
        )


def _state(store, number: int) -> str:
    with store.read() as session:
        return session.scalar(select(Counter.state).where(Counter.number == number))


def test_a_clerk_cannot_order_a_counter_open_and_nothing_is_written(store, hall):
    with pytest.raises(Rejected, match="only a shift lead or an administrator"):
        hall.open_counter(2, "E002", order=Order("E001", "counter 1"))
    assert _state(store, 2) == "closed"
    assert _audited(store, "counter_opened") == 0


def test_the_lead_opens_pauses_and_closes_a_counter_each_audited(store, hall, clock):
    hall.open_counter(2, "E002", ["B"], order=LEAD)
    clock.advance(60)
    hall.pause_counter(2, order=LEAD)
    assert _state(store, 2) == "paused"
    clock.advance(60)
    hall.close_counter(2, order=LEAD)
    assert _state(store, 2) == "closed"
    assert [_audited(store, a) for a in ("counter_opened", "counter_paused", "counter_closed")] == [
        1,
        1,
        1,
    ]
    hall.open_counter(3, "E003")  # the clerk's own act at her counter: not an order
    assert _audited(store, "counter_opened") == 1


def test_an_order_to_open_an_open_counter_is_refused_even_for_its_own_clerk(store, hall):
    hall.open_counter(1, "E001")
    with pytest.raises(Rejected, match="counter 1 is already open"):
        hall.open_counter(1, "E001", order=LEAD)
    assert _audited(store, "counter_opened") == 0


def test_changed_queues_decide_the_counters_next_call(hall):
    hall.open_counter(1, "E001", ["A"])
    hall.issue("topup")  # A001
    hall.issue("sim_replace")  # B001
    hall.change_queues(1, ["B"], order=LEAD)
    assert hall.call(1).ticket == "B001"


def test_a_closed_counter_has_no_queues_to_change(store, hall):
    with pytest.raises(Rejected, match="counter 2 is closed"):
        hall.change_queues(2, ["B"], order=LEAD)
    assert _audited(store, "counter_queues_changed") == 0


def test_the_notice_shows_on_the_board_until_taken_down(store, clock):
    now = clock.now()
    assert read_board(store, "demo", now).notice == ""
    shown = post_notice(store, "demo", "M001", "  系统维护\t17:00 ", source="monitor", clock=clock)
    assert shown == "系统维护 17:00"
    assert read_board(store, "demo", now).notice == shown
    assert read_floor(store, "demo", now.date()).notice == shown
    post_notice(store, "demo", "M001", "", source="monitor", clock=clock)
    assert read_board(store, "demo", now).notice == ""
    assert _audited(store, "notice_posted") == 2


@pytest.mark.parametrize(
    ("staff", "text", "reason"),
    [
        ("E001", "hello", "only a shift lead or an administrator"),
        ("M001", "x" * (MAX_NOTICE + 1), f"at most {MAX_NOTICE} characters"),
        ("M001", "bad\x00text", "notice"),
    ],
)
def test_a_refused_notice_writes_nothing(store, clock, staff, text, reason):
    with pytest.raises(Rejected, match=reason):
        post_notice(store, "demo", staff, text, source="monitor", clock=clock)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(BoardNotice)) == 0
    assert _audited(store, "notice_posted") == 0
