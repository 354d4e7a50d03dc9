"""Customers walking the real kiosk window, and what the store holds afterwards."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kiosk.pages.ticket import FAILED, PRINTED
from kiosk.widgets import BACKSPACE
from shared.services.appointments import book
from shared.services.settings import change_settings
from shared.store.database import Store, open_store
from shared.store.models import Appointment, Business, Incident, Slip, Ticket
from tests.gui.kiosk_driver import commit_text, confirm_lines, crowd, open_kiosk, tap, type_keys

# The offscreen platform says so whenever a shown window's size limits change; not a fault.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

GOOD_ID = "11010519491231002X"
BAD_CHECK_DIGIT = GOOD_ID[:-1] + "5"


@pytest.fixture
def kiosk(qtbot, store, clock, tmp_path):
    window = open_kiosk(store, clock, tmp_path / "tickets")
    yield window
    window.close()


def tickets(store: Store) -> list[Ticket]:
    with store.read() as session:
        return list(session.scalars(select(Ticket).order_by(Ticket.id)))


def count(store: Store, model: type) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def wait_printed(qtbot, window, state: str = PRINTED) -> None:
    qtbot.waitUntil(lambda: window.ticket.state == state, timeout=5000)


def test_a_plain_ticket_is_issued_shown_and_printed(qtbot, kiosk, store, tmp_path):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-service_change")
    assert kiosk.stack.currentWidget() is kiosk.confirm
    tap(kiosk, "confirm-ticket")
    wait_printed(qtbot, kiosk)
    assert kiosk.ticket.number.text() == "A001"
    [ticket] = tickets(store)
    assert (ticket.code, ticket.tier, ticket.phone, ticket.status) == (
        "A001",
        "normal",
        None,
        "waiting",
    )
    assert (tmp_path / "tickets" / "20261123-A001.pdf").stat().st_size > 1000


def test_a_vip_number_is_shown_its_channel_and_joins_the_green_channel(qtbot, kiosk, store):
    tap(kiosk, "with-phone")
    type_keys(kiosk, "13800000001")
    tap(kiosk, "confirm")
    assert kiosk.business.channel.isVisible()
    assert "绿色通道" in kiosk.business.channel.text()
    tap(kiosk, "back")
    assert kiosk.phone.digits == ""  # the number is asked again, not kept on screen
    type_keys(kiosk, "13800000001")
    tap(kiosk, "confirm")
    tap(kiosk, "business-after_sales")
    assert "138 0000 0001" in [  # the customer's own screen: their number in full
        label.text() for label in kiosk.confirm.card.findChildren(type(kiosk.business.channel))
    ]
    tap(kiosk, "confirm-ticket")
    wait_printed(qtbot, kiosk)
    [ticket] = tickets(store)
    assert (ticket.code, ticket.tier, ticket.phone) == ("V001", "vip", "13800000001")


def test_a_number_that_is_not_a_mobile_cannot_be_confirmed(kiosk, store):
    tap(kiosk, "with-phone")
    type_keys(kiosk, "1380000")
    assert not kiosk.phone.confirm.isEnabled()
    assert kiosk.phone.status.text() == "还需输入 4 位"
    type_keys(kiosk, "0001" + BACKSPACE * 11 + "12345678901")
    assert not kiosk.phone.confirm.isEnabled()
    assert "13至19" in kiosk.phone.status.text()
    assert tickets(store) == []


def test_an_appointment_checks_in_to_the_green_channel(qtbot, kiosk, store, clock):
    booked = book(
        store,
        "demo",
        phone="13912345678",
        business="sim_replace",
        at=clock.now().replace(hour=9),
        clock=clock,
    )
    tap(kiosk, "appointment")
    type_keys(kiosk, booked.code)
    tap(kiosk, "confirm")
    wait_printed(qtbot, kiosk)
    [ticket] = tickets(store)
    assert (ticket.code, ticket.phone) == ("V001", "13912345678")
    with store.read() as session:
        appointment = session.scalars(select(Appointment)).one()
        assert (appointment.ticket_id, appointment.checked_in_at) == (ticket.id, clock.now())


def test_an_unknown_or_used_appointment_code_is_refused_on_screen(qtbot, kiosk, store, clock):
    booked = book(store, "demo", phone="13912345678", business="topup", at=clock.now(), clock=clock)
    unknown = "000000" if booked.code != "000000" else "111111"
    tap(kiosk, "appointment")
    type_keys(kiosk, unknown)
    tap(kiosk, "confirm")
    assert kiosk.stack.currentWidget() is kiosk.appointment
    assert "没有找到此预约码" in kiosk.appointment.status.text()
    assert tickets(store) == []
    type_keys(kiosk, BACKSPACE * 6 + booked.code)
    tap(kiosk, "confirm")
    wait_printed(qtbot, kiosk)
    tap(kiosk, "finish")
    tap(kiosk, "appointment")
    type_keys(kiosk, booked.code)
    tap(kiosk, "confirm")
    assert "已签到" in kiosk.appointment.status.text()
    assert len(tickets(store)) == 1


def test_a_slip_with_a_wrong_resident_id_waits_for_the_right_one(qtbot, kiosk, store, tmp_path):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-sim_replace")
    assert not kiosk.slip.next.isEnabled()  # the account holder is required
    commit_text(kiosk.slip.entry, "张三丰")
    tap(kiosk, "next-field")
    type_keys(kiosk, GOOD_ID[:10])
    assert kiosk.slip.status.text() == "还需输入 8 位"
    type_keys(kiosk, BAD_CHECK_DIGIT[10:])
    assert not kiosk.slip.next.isEnabled()
    assert "校验位" in kiosk.slip.status.text()
    type_keys(kiosk, BACKSPACE + "X")
    assert kiosk.slip.next.isEnabled()
    tap(kiosk, "next-field")
    tap(kiosk, "choice-1")
    tap(kiosk, "next-field")
    assert confirm_lines(kiosk) == {  # the customer's own screen: nothing masked
        "name": "张三丰",
        "id_number": "110105 19491231 002X",
        "reason": "损坏",
    }
    tap(kiosk, "confirm-ticket")
    wait_printed(qtbot, kiosk)
    [ticket] = tickets(store)
    assert ticket.code == "B001"
    assert ticket.slip == {"name": "张三丰", "id_number": GOOD_ID, "reason": "损坏"}
    assert count(store, Slip) == 1
    assert (tmp_path / "tickets" / "20261123-B001.pdf").exists()


def test_idle_time_returns_to_the_start_and_forgets_the_customer(kiosk, store):
    seconds = kiosk.state.settings.kiosk_idle_s
    tap(kiosk, "language")
    tap(kiosk, "with-phone")
    type_keys(kiosk, "1380000")
    for _ in range(seconds - 5):
        kiosk.idle.tick()
    assert kiosk.countdown.text() == "Back to start in 5 s"
    type_keys(kiosk, "0")  # a touch starts the countdown again
    assert kiosk.idle.left == seconds
    for _ in range(seconds):
        kiosk.idle.tick()
    assert kiosk.stack.currentWidget() is kiosk.start
    assert kiosk.visit.phone is None and not kiosk.history
    assert kiosk.start.ticket_button.text() == "取号"  # the next customer starts in Chinese
    tap(kiosk, "with-phone")
    assert kiosk.phone.digits == ""
    assert tickets(store) == []


def test_going_back_to_the_start_forgets_the_mobile_number(qtbot, kiosk, store):
    tap(kiosk, "with-phone")
    type_keys(kiosk, "13800000001")
    tap(kiosk, "confirm")
    tap(kiosk, "back")
    tap(kiosk, "back")
    assert kiosk.stack.currentWidget() is kiosk.start
    tap(kiosk, "take-ticket")
    assert not kiosk.business.channel.isVisible()
    tap(kiosk, "business-after_sales")
    tap(kiosk, "confirm-ticket")
    wait_printed(qtbot, kiosk)
    [ticket] = tickets(store)
    assert (ticket.code, ticket.phone, ticket.tier) == ("D001", None, "normal")


def test_one_tap_switches_every_screen_between_chinese_and_english(kiosk):
    assert kiosk.start.ticket_button.text() == "取号"
    tap(kiosk, "language")
    assert kiosk.start.ticket_button.text() == "Take a ticket"
    assert kiosk.language_button.text() == "中文"
    tap(kiosk, "take-ticket")
    assert kiosk.business.buttons["sim_replace"][0].text() == "SIM replacement\nNo counter open yet"
    assert kiosk.hall_name.text() == "China Mobile Demo Hall"
    tap(kiosk, "language")
    assert kiosk.business.buttons["sim_replace"][0].text() == "补换卡\n暂无窗口开放"
    assert kiosk.business.title.text() == "请选择您要办理的业务"


def test_level_one_leads_with_self_service_and_a_ticket_takes_one_more_tap(
    qtbot, kiosk, hall, store
):
    crowd(hall, 1)
    waiting = len(tickets(store))
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-topup")
    assert kiosk.stack.currentWidget() is kiosk.diversion
    tap(kiosk, "go-self-service")
    assert kiosk.stack.currentWidget() is kiosk.start
    assert len(tickets(store)) == waiting
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-topup")
    tap(kiosk, "ticket-anyway")
    tap(kiosk, "confirm-ticket")
    wait_printed(qtbot, kiosk)
    assert tickets(store)[-1].business_id != tickets(store)[0].business_id
    assert len(tickets(store)) == waiting + 1


def test_level_two_issues_no_ticket_for_self_service_business(qtbot, kiosk, hall, store):
    crowd(hall, 2)
    waiting = len(tickets(store))
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-bill_payment")
    assert kiosk.stack.currentWidget() is kiosk.diversion
    assert not kiosk.diversion.ticket.isVisible()
    assert "自助终端" in kiosk.diversion.title.text()
    tap(kiosk, "go-self-service")
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-handset_sale")  # counter business is still served
    tap(kiosk, "confirm-ticket")
    wait_printed(qtbot, kiosk)
    assert len(tickets(store)) == waiting + 1
    assert tickets(store)[-1].code == "D001"


@pytest.mark.parametrize(
    ("trouble", "told"),
    [("a missing folder", "no-such-folder"), ("a link to a system file", "must be a printer")],
)
def test_a_failed_printer_keeps_the_ticket_and_tells_the_shift_lead(
    qtbot, store, clock, tmp_path, trouble, told
):
    spool = tmp_path / "spool"
    spool.mkdir()
    place = spool / "no-such-folder" / "lp0"
    with store.write() as session:
        change_settings(session, 1, {"print_folder": str(spool), "printer": f"file:{place}"})
    if trouble == "a link to a system file":  # swapped in after the setting was checked
        place.parent.mkdir()
        place.symlink_to("/etc/passwd")
    window = open_kiosk(store, clock, tmp_path / "tickets")
    try:
        tap(window, "take-ticket")
        tap(window, "business-handset_sale")
        tap(window, "confirm-ticket")
        wait_printed(qtbot, window, FAILED)
        assert window.ticket.number.text() == "D001"
        assert "请记住您的号码" in window.ticket.printing.text()
        [ticket] = tickets(store)
        with store.read() as session:
            incident = session.scalars(select(Incident)).one()
        assert (incident.kind, incident.source, incident.ticket_id) == (
            "printer",
            "kiosk",
            ticket.id,
        )
        assert told in incident.message
    finally:
        window.close()


def test_a_setting_changed_elsewhere_reaches_the_running_kiosk(qtbot, kiosk, store_target):
    other = open_store(store_target)
    try:
        qtbot.waitUntil(lambda: kiosk.following, timeout=2000)
        with other.write() as session:
            change_settings(session, 1, {"kiosk_idle_s": 20, "printer": "none"})
        qtbot.waitUntil(lambda: kiosk.state.settings.kiosk_idle_s == 20, timeout=2000)
        assert not kiosk.printer.prints
    finally:
        other.close()


def test_a_ticket_the_store_refuses_is_explained_and_not_issued(kiosk, store):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-plan_change")
    tap(kiosk, "choice-0")
    tap(kiosk, "next-field")
    tap(kiosk, "choice-1")
    tap(kiosk, "next-field")
    assert confirm_lines(kiosk) == {"new_plan": "5G畅享 128元", "effective": "立即生效"}
    with store.write() as session:  # the form was changed while the customer filled it in
        business = session.scalars(select(Business).where(Business.key == "plan_change")).one()
        business.slip_fields = [dict(field, key="plan") for field in business.slip_fields[:1]]
    tap(kiosk, "confirm-ticket")
    assert kiosk.stack.currentWidget() is kiosk.confirm
    assert "has no slip field" in kiosk.confirm.problem.text()
    assert tickets(store) == []


def test_the_ticket_screen_offers_one_way_back_to_the_start(qtbot, kiosk):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-service_change")
    assert kiosk.home_button.isVisible()
    tap(kiosk, "confirm-ticket")
    wait_printed(qtbot, kiosk)
    assert not kiosk.home_button.isVisible() and not kiosk.back_button.isVisible()
    tap(kiosk, "finish")  # Done, and only Done
    assert kiosk.stack.currentWidget() is kiosk.start
