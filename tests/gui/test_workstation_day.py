"""A clerk's day at the counter, driven through the real window with keys and buttons:
open, call, recall, no-show, transfer, finish, pause with a reason, resume, close."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from shared.store.models import CounterEvent, Rating, TicketEvent
from tests.gui import workstation_fixtures
from tests.gui.workstation_fixtures import signed_in

pytestmark = workstation_fixtures.OFFSCREEN_SIZE_HINTS
counter_windows = workstation_fixtures.counter_windows


def events(store, model, *columns):
    with store.read() as session:
        return [tuple(row) for row in session.execute(select(*columns).order_by(model.id))]


def fill_top_up(window) -> None:
    (section,) = window.form.sections
    section.inputs["amount"].setCurrentText("50 yuan")  # the English window's words
    section.inputs["pay_method"].setCurrentText("Cash")


def test_a_full_day_of_calls_with_every_action(qtbot, counter_windows, hall, store, clock):
    counter = signed_in(counter_windows)
    window, customer = counter.window, counter.customer
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    assert window.state_label.text() == "Open" and window.call_button.isEnabled()
    counter.press(qtbot, Qt.Key.Key_F2)
    assert window.message.text() == "No one is waiting." and window.ticket_label.text() == "—"
    for _ in range(4):
        hall.issue("topup", phone="13812345678")
    clock.advance(90)

    counter.press(qtbot, Qt.Key.Key_F2)  # A001
    assert window.ticket_label.text() == "A001"
    assert "Waited: 1:30" in window.ticket_details.text()
    assert "Tier: Normal" in window.ticket_details.text()
    assert "Business: Top-up" in window.ticket_details.text()
    assert "Mobile: 138****5678" in window.ticket_details.text()
    assert not window.pause_button.isEnabled() and not window.close_button.isEnabled()
    counter.press(qtbot, Qt.Key.Key_F3)
    assert window.message.text() == "Called again."
    counter.press(qtbot, Qt.Key.Key_F4)
    assert window.ticket_label.text() == "—"

    counter.press(qtbot, Qt.Key.Key_F2)  # A002, sent to the long-business queue
    counter.press(qtbot, Qt.Key.Key_F6)
    qtbot.keyClick(window.transfer_menu, Qt.Key.Key_B)
    assert window.message.text() == "Transferred to queue B."

    counter.press(qtbot, Qt.Key.Key_F2)  # A003 (A before B at counter 2)
    assert window.ticket_label.text() == "A003"
    fill_top_up(window)
    counter.press(qtbot, Qt.Key.Key_F8)
    assert customer.pages.currentIndex() == 1 and customer.ticket == "A003"
    assert window.call_button.isEnabled()  # the next may be called while the customer reads
    assert window.customer_status.text() == "A003 is reading the form on the customer screen."
    customer.ask_rating()  # the customer skips signing here; the signing tests cover it
    qtbot.mouseClick(customer.rating_buttons["satisfied"], Qt.MouseButton.LeftButton)
    assert window.call_button.isEnabled()

    counter.press(qtbot, Qt.Key.Key_F9)
    qtbot.keyClick(window.pause_menu, Qt.Key.Key_2)  # 2: meeting
    assert window.state_label.text() == "Paused" and not window.call_button.isEnabled()
    counter.press(qtbot, Qt.Key.Key_F9)
    assert window.state_label.text() == "Open"
    counter.press(qtbot, Qt.Key.Key_F2)  # A004
    fill_top_up(window)
    counter.press(qtbot, Qt.Key.Key_F8)
    customer.ask_rating()
    qtbot.mouseClick(customer.rating_buttons["dissatisfied"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(customer.reason_buttons["long_wait"], Qt.MouseButton.LeftButton)
    counter.press(qtbot, Qt.Key.Key_F2)  # A002 again, from queue B
    assert window.ticket_label.text() == "A002"
    counter.press(qtbot, Qt.Key.Key_F4)
    qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
    assert window.state_label.text() == "Closed"

    kinds = [kind for (kind,) in events(store, TicketEvent, TicketEvent.kind) if kind != "issued"]
    assert kinds == [
        "called", "recalled", "no_show", "called", "transferred", "called", "finished", "rated",
        "called", "finished", "rated", "called", "no_show",
    ]  # fmt: skip
    assert events(store, CounterEvent, CounterEvent.kind, CounterEvent.reason) == [
        ("open", ""), ("pause", "meeting"), ("resume", ""), ("close", "")
    ]  # fmt: skip
    assert [r for (r,) in events(store, Rating, Rating.rating)] == ["satisfied", "dissatisfied"]
    figures = window.figures.values
    assert (figures["called"].text(), figures["handled"].text()) == ("5", "2")
    assert figures["no_shows"].text() == "2" and figures["transfers"].text() == "1"


def test_a_refused_action_is_shown_and_changes_nothing(qtbot, counter_windows, hall):
    counter = signed_in(counter_windows)
    window = counter.window
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    hall.issue("topup")
    counter.press(qtbot, Qt.Key.Key_F2)
    counter.press(qtbot, Qt.Key.Key_F8)  # the top-up form's required fields are empty
    assert "Top-up: Amount is required" in window.message.text()
    assert window.ticket_label.text() == "A001" and counter.customer.ticket is None


def test_a_ticket_is_sent_to_one_other_counter_from_the_transfer_menu(qtbot, counter_windows, hall):
    counter = signed_in(counter_windows)
    window = counter.window
    hall.open_counter(4, "E004")
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    hall.issue("topup")
    counter.press(qtbot, Qt.Key.Key_F2)
    counter.press(qtbot, Qt.Key.Key_F6)
    qtbot.keyClick(window.transfer_menu, Qt.Key.Key_4)
    assert window.message.text() == "Transferred to counter 4."
    assert hall.call(4).ticket == "A001"
