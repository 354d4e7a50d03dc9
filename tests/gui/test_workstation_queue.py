"""The workstation beside the work, in Chinese and in English, by keys and clicks: the queue
panel with the hall's level and the service timer on the hall's clock, a chosen ticket
called out of turn with a reason, finish-and-call-next while the customer before still
signs and rates, and a bad rating with its reason counted in the clerk's figures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from sqlalchemy import select

from shared.store.models import Rating, ServiceForm, Ticket, TicketEvent
from tests.gui import workstation_fixtures
from tests.gui.test_workstation_serving import draw_signature
from tests.gui.workstation_fixtures import signed_in

pytestmark = workstation_fixtures.OFFSCREEN_SIZE_HINTS
counter_windows = workstation_fixtures.counter_windows
BOTH = pytest.mark.parametrize("counter_windows", ["zh", "en"], indirect=True)

WORDS = {
    "zh": {
        "level 2": "营业厅：二级应急",
        "routine": "A  常规业务",
        "serving": "已办理 3:01（标准 3:00）",
        "choose first": "请先在等候列表中选择一个号码。",
        "signing": "A001 正在客户屏上签名。",
        "reasons": "态度 1",
        "clerk": "为您服务的营业员：李娜　工号：E002",
    },
    "en": {
        "level 2": "Hall: Level 2 alert",
        "routine": "A  Routine",
        "serving": "Serving 3:01 (norm 3:00)",
        "choose first": "Choose a ticket in the waiting list first.",
        "signing": "A001 is signing on the customer screen.",
        "reasons": "manner 1",
        "clerk": "Your clerk: 李娜   Staff number: E002",
    },
}


def words(counter) -> dict[str, str]:
    return WORDS["en" if counter.window.english else "zh"]


def opened(qtbot, counter_windows):
    counter = signed_in(counter_windows)
    qtbot.mouseClick(counter.window.open_button, Qt.MouseButton.LeftButton)
    return counter


def fill_top_up(qtbot, window) -> None:
    """The amount and the way of paying, each chosen with the arrow key."""
    for field in ("amount", "pay_method"):
        qtbot.keyClick(window.findChild(QComboBox, f"field_topup_{field}"), Qt.Key.Key_Down)


def cells(model) -> list[list[str]]:
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


@BOTH
def test_the_queue_panel_counts_the_counters_queues_and_the_timer_runs_against_the_norm(
    qtbot, counter_windows, hall, clock
):
    counter = opened(qtbot, counter_windows)
    window, panel = counter.window, counter.window.queue_panel
    hall.issue("topup")
    hall.issue("topup")
    clock.advance(60)
    hall.issue("sim_replace")
    hall.issue("handset_sale")  # queue D: not this counter's
    clock.advance(60)
    qtbot.waitUntil(lambda: len(panel.tickets.rows) == 3, timeout=3000)
    qtbot.waitUntil(lambda: cells(panel.queues)[0][2] == "2:00", timeout=3000)
    assert cells(panel.queues)[0] == [words(counter)["routine"], "2", "2:00"]
    assert cells(panel.queues)[1][1:] == ["1", "1:00"]
    assert panel.level.text() == words(counter)["level 2"]  # 4 waiting, 1 counter open
    assert [row[0] for row in cells(panel.tickets)] == ["A001", "A002", "B001"]

    counter.press(qtbot, Qt.Key.Key_F2)
    assert window.ticket_label.text() == "A001"
    assert [row[1] for row in cells(panel.queues)] == ["1", "1"]
    assert window.timer.property("over") is False
    clock.advance(181)
    qtbot.waitUntil(lambda: window.timer.text() == words(counter)["serving"], timeout=3000)
    assert window.timer.property("over") is True


@BOTH
def test_a_chosen_ticket_is_called_with_the_reason_picked_from_the_menu(
    qtbot, counter_windows, hall, clock, store
):
    counter = opened(qtbot, counter_windows)
    window, table = counter.window, counter.window.queue_panel.ticket_table
    for business in ("topup", "topup", "sim_replace"):
        hall.issue(business)
    clock.advance(30)
    qtbot.waitUntil(lambda: window.chosen_button.isEnabled(), timeout=3000)
    counter.press(qtbot, Qt.Key.Key_F5)
    assert window.message.text() == words(counter)["choose first"]
    spot = table.visualRect(table.model().index(2, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    counter.press(qtbot, Qt.Key.Key_F5)
    qtbot.keyClick(window.reason_menu, Qt.Key.Key_1)  # 1: priority care
    assert window.ticket_label.text() == "B001"
    with store.read() as session:
        reasons = session.execute(
            select(Ticket.code, TicketEvent.reason)
            .join(Ticket, Ticket.id == TicketEvent.ticket_id)
            .where(TicketEvent.kind == "called")
        ).all()
    assert [tuple(row) for row in reasons] == [("B001", "priority_care")]


@BOTH
def test_finish_and_call_next_while_the_customer_before_signs_and_rates(
    qtbot, counter_windows, hall, clock, store
):
    counter = opened(qtbot, counter_windows)
    window, customer = counter.window, counter.customer
    hall.issue("topup")
    hall.issue("topup")
    counter.press(qtbot, Qt.Key.Key_F2)
    fill_top_up(qtbot, window)
    clock.advance(60)
    counter.press(qtbot, Qt.Key.Key_F10)
    assert window.ticket_label.text() == "A002"  # called at once
    assert customer.ticket == "A001" and customer.clerk.text() == words(counter)["clerk"]
    qtbot.mouseClick(customer.confirm_button, Qt.MouseButton.LeftButton)
    assert window.customer_status.text() == words(counter)["signing"]
    fill_top_up(qtbot, window)
    clock.advance(60)
    counter.press(qtbot, Qt.Key.Key_F8)  # A002 done while A001 still signs: it waits its turn
    assert customer.ticket == "A001" and customer.next_up == ["A002"]
    draw_signature(qtbot, customer.pad)
    qtbot.mouseClick(customer.submit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(customer.rating_buttons["satisfied"], Qt.MouseButton.LeftButton)
    assert customer.ticket == "A002" and customer.pages.currentIndex() == 1
    qtbot.mouseClick(customer.decline_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(customer.decline_confirm, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(customer.rating_buttons["neutral"], Qt.MouseButton.LeftButton)
    with store.read() as session:
        rated = session.execute(
            select(Ticket.code, Rating.rating).join(Ticket, Ticket.id == Rating.ticket_id)
        ).all()
        forms = session.execute(select(ServiceForm.ticket_code, ServiceForm.signed)).all()
    assert sorted(map(tuple, rated)) == [("A001", "satisfied"), ("A002", "neutral")]
    assert sorted(map(tuple, forms)) == [("A001", True), ("A002", False)]


@BOTH
def test_a_bad_rating_with_its_reason_is_counted_in_the_clerks_figures(
    qtbot, counter_windows, hall, clock, store
):
    counter = opened(qtbot, counter_windows)
    window, customer = counter.window, counter.customer
    hall.issue("topup")
    counter.press(qtbot, Qt.Key.Key_F2)
    fill_top_up(qtbot, window)
    clock.advance(120)
    counter.press(qtbot, Qt.Key.Key_F8)
    qtbot.mouseClick(customer.decline_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(customer.decline_confirm, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(customer.rating_buttons["dissatisfied"], Qt.MouseButton.LeftButton)
    assert customer.pages.currentIndex() == 5  # why, before the rating is sent
    qtbot.mouseClick(customer.reason_buttons["attitude"], Qt.MouseButton.LeftButton)
    with store.read() as session:
        assert session.execute(select(Rating.rating, Rating.reason)).one() == (
            "dissatisfied",
            "attitude",
        )
    assert window.figures.values["reasons"].text() == words(counter)["reasons"]


@pytest.mark.slow
def test_a_bad_rating_stands_without_a_reason_when_none_is_chosen_in_time(
    qtbot, counter_windows, hall, store
):
    counter = opened(qtbot, counter_windows)
    window, customer = counter.window, counter.customer
    hall.issue("topup")
    counter.press(qtbot, Qt.Key.Key_F2)
    fill_top_up(qtbot, window)
    counter.press(qtbot, Qt.Key.Key_F8)
    qtbot.mouseClick(customer.decline_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(customer.decline_confirm, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(customer.rating_buttons["dissatisfied"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(customer.done, timeout=8000):
        pass
    with store.read() as session:
        assert session.execute(select(Rating.rating, Rating.reason)).one() == ("dissatisfied", None)
    assert window.figures.values["reasons"].text() == "—"
