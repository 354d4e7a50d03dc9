"""The shift lead acts from the monitor on the store of a one-PC hall: she opens a counter
for a clerk on chosen queues, pauses it, and posts a notice the calling board shows at once;
a refused order is said in one line; every order is audited under her name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from counter.screen.monitor import LeadMonitor
from shared.store.models import AuditEntry, Clerk, Counter, CounterSession
from tests.gui.kiosk_driver import commit_text
from tests.gui.screen_helpers import live_board, live_monitor


def lead_orders(qtbot, monitor: LeadMonitor, counter: str, clerk: str, queues: str) -> None:
    """Choose the counter (typing its number on the list) and fill the clerk and queues."""
    orders = monitor.orders
    qtbot.keyClicks(orders.counter, counter)
    qtbot.keyClicks(orders.clerk, clerk)
    qtbot.keyClicks(orders.queues, queues)


def posts_notice(qtbot, monitor: LeadMonitor, text: str) -> None:
    orders = monitor.orders
    orders.notice.selectAll()
    qtbot.keyClick(orders.notice, Qt.Key.Key_Delete)
    commit_text(orders.notice, text)  # as the PC's pinyin input method hands it over
    qtbot.mouseClick(orders.post_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("language", "notice", "done", "paused"),
    [
        ("zh", "17:00 起系统维护", "4 号窗口：已完成。", "暂停：4 · 关闭：5 6"),
        ("en", "Maintenance at 17:00", "Counter 4: done.", "Paused: 4 · Closed: 5 6"),
    ],
)
def test_the_lead_opens_a_counter_and_posts_a_notice_the_board_shows(
    qtbot, store, hall, clock, language, notice, done, paused
):
    for counter in (1, 2, 3):
        hall.open_counter(counter, f"E00{counter}")
    monitor, live = live_monitor(qtbot, store, clock, language)
    board, board_live = live_board(qtbot, store, clock, language)
    try:
        lead_orders(qtbot, monitor, "4", "E004", "ab")
        qtbot.mouseClick(monitor.orders.open_button, Qt.MouseButton.LeftButton)
        assert monitor.orders.message.text() == done
        qtbot.waitUntil(lambda: "4" not in board.counters_line.text(), timeout=2000)
        posts_notice(qtbot, monitor, notice)
        qtbot.waitUntil(lambda: board.notice_line.text() == notice, timeout=2000)
        assert board.notice_line.isVisibleTo(board)
        clock.advance(60)
        qtbot.mouseClick(monitor.orders.pause_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: board.counters_line.text() == paused, timeout=2000)
        qtbot.mouseClick(monitor.orders.take_down_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not board.notice_line.isVisibleTo(board), timeout=2000)
    finally:
        live.close()
        board_live.close()
    with store.read() as session:
        opened = session.execute(
            select(Clerk.staff_id, CounterSession.queues)
            .join(Clerk, Clerk.id == CounterSession.clerk_id)
            .join(Counter, Counter.id == CounterSession.counter_id)
            .where(Counter.number == 4)
        ).one()
        entries = session.execute(
            select(AuditEntry.action, Clerk.staff_id, AuditEntry.source)
            .join(Clerk, Clerk.id == AuditEntry.clerk_id)
            .where(AuditEntry.action.in_(("counter_opened", "counter_paused", "notice_posted")))
            .order_by(AuditEntry.id)
        ).all()
    assert tuple(opened) == ("E004", "AB")
    assert [tuple(entry) for entry in entries] == [
        ("counter_opened", "M001", "monitor"),
        ("notice_posted", "M001", "monitor"),
        ("counter_paused", "M001", "monitor"),
        ("notice_posted", "M001", "monitor"),
    ]


def test_a_refused_order_is_said_in_one_line_and_changes_nothing(qtbot, store, hall, clock):
    hall.open_counter(1, "E001")
    monitor, live = live_monitor(qtbot, store, clock)
    try:
        lead_orders(qtbot, monitor, "2", "E001", "A")  # E001 already serves at counter 1
        qtbot.mouseClick(monitor.orders.open_button, Qt.MouseButton.LeftButton)
    finally:
        live.close()
    said = monitor.orders.message.text()
    assert "E001" in said and "1" in said and "\n" not in said
    with store.read() as session:
        state = session.scalar(select(Counter.state).where(Counter.number == 2))
    assert state == "closed"
