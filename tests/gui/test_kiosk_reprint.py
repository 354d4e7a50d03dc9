"""Reprinting a lost ticket by mobile number or appointment code: today's ticket only,
printed again with the people ahead and the wait as they are now."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.pages.ticket import PRINTED
from shared.services.appointments import book
from shared.services.hall import HallService
from shared.store.clock import FixedClock
from tests.gui.kiosk_driver import open_kiosk, tap, type_keys

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PHONE = "13912345678"


@pytest.fixture
def kiosk(qtbot, store, clock, tmp_path):
    window = open_kiosk(store, clock, tmp_path / "tickets")
    yield window
    window.close()


def test_a_ticket_taken_with_a_mobile_number_reprints_as_it_stands_now(
    qtbot, kiosk, hall, tmp_path
):
    hall.open_counter(1, "E001")
    hall.issue("service_change")  # A001, before ours
    mine = hall.issue("service_change", phone=PHONE)  # A002
    assert mine.ahead == 1
    hall.call(1)  # A001 is called: no one is before ours now
    tap(kiosk, "reprint")
    tap(kiosk, "reprint-by-phone")
    type_keys(kiosk, PHONE)
    tap(kiosk, "confirm")
    qtbot.waitUntil(lambda: kiosk.ticket.state == PRINTED, timeout=5000)
    shown = kiosk.ticket.ticket
    assert shown is not None and (shown.ticket, shown.ahead) == ("A002", 0)
    assert shown.phone_masked == "139****5678"
    assert shown.estimated_wait_s is not None and shown.estimated_wait_s > 0  # A001 is served
    assert [path.name for path in (tmp_path / "tickets").glob("*.pdf")] == ["20261123-A002.pdf"]


def test_a_checked_in_appointment_reprints_by_its_code(qtbot, kiosk, store, clock):
    booked = book(store, "demo", phone=PHONE, business="topup", at=clock.now(), clock=clock)
    tap(kiosk, "appointment")
    type_keys(kiosk, booked.code)
    tap(kiosk, "confirm")
    qtbot.waitUntil(lambda: kiosk.ticket.state == PRINTED, timeout=5000)
    tap(kiosk, "finish")
    tap(kiosk, "reprint")
    tap(kiosk, "reprint-by-code")
    type_keys(kiosk, booked.code)
    tap(kiosk, "confirm")
    qtbot.waitUntil(lambda: kiosk.ticket.state == PRINTED, timeout=5000)
    assert kiosk.ticket.number.text() == "V001"


def test_a_number_with_no_ticket_today_is_told_so_and_nothing_prints(qtbot, store, clock, tmp_path):
    yesterday = FixedClock(clock.now() - dt.timedelta(days=1))
    HallService(store, "demo", yesterday).issue("service_change", phone=PHONE)
    kiosk = open_kiosk(store, clock, tmp_path / "tickets")
    try:
        tap(kiosk, "reprint")
        tap(kiosk, "reprint-by-phone")
        type_keys(kiosk, PHONE)
        tap(kiosk, "confirm")
        assert kiosk.stack.currentWidget() is kiosk.phone
        assert "没有找到您今天的号票" in kiosk.phone.status.text()
        assert not (tmp_path / "tickets").exists() or not list((tmp_path / "tickets").iterdir())
        tap(kiosk, "home")  # a new visit takes tickets again, not reprints
        tap(kiosk, "with-phone")
        type_keys(kiosk, PHONE)
        tap(kiosk, "confirm")
        assert kiosk.stack.currentWidget() is kiosk.business
    finally:
        kiosk.close()
