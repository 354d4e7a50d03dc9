"""The kiosk when the store or the printer fails: the customer reads why in Chinese and
English, the same tap works again once the trouble is gone, the shift lead gets a printer
incident, and the log says what happened. Real store files, a real second process, the
real window driven by taps."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.pages.ticket import FAILED, PRINTED
from shared.services.settings import change_settings
from shared.store.database import Store
from shared.store.models import Incident, Ticket
from tests.gui.kiosk_driver import open_kiosk, tap
from tests.store_trouble import moved_away, quick_store, write_lock_held, writes_refused

__all__ = ["quick_store"]  # the fixture, for pytest

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("sqlite_only"),
]


@contextlib.contextmanager
def kiosk_on(store: Store, clock, print_folder: Path, language: str = "zh") -> Iterator:
    window = open_kiosk(store, clock, print_folder, language)
    try:
        yield window
    finally:
        window.close()


def ticket_codes(store: Store) -> list[str]:
    with store.read() as session:
        return list(session.scalars(select(Ticket.code).order_by(Ticket.id)))


def confirm_a_ticket(window) -> None:
    tap(window, "take-ticket")
    tap(window, "business-service_change")
    tap(window, "confirm-ticket")


def assert_issued_after_retry(qtbot, window, store: Store) -> None:
    tap(window, "confirm-ticket")
    qtbot.waitUntil(lambda: window.ticket.state == PRINTED, timeout=5000)
    assert window.ticket.number.text() == "A001"
    assert ticket_codes(store) == ["A001"]


def test_a_removed_store_file_is_explained_and_the_tap_issues_once_it_is_back(
    qtbot, quick_store, store_target, clock, tmp_path, caplog
):
    with kiosk_on(quick_store, clock, tmp_path / "tickets") as kiosk:
        with moved_away(store_target, tmp_path / "elsewhere.sqlite3"):
            confirm_a_ticket(kiosk)
            assert kiosk.stack.currentWidget() is kiosk.confirm
            shown = kiosk.confirm.problem.text()
            assert shown.index("系统找不到数据") < shown.index("cannot find its data")
            assert f"store {store_target}: the store file is missing" in caplog.text
            assert not (tmp_path / "hall.sqlite3").exists()  # no empty store in its place
        assert_issued_after_retry(qtbot, kiosk, quick_store)


def test_a_store_locked_by_another_process_is_explained_in_both_languages(
    qtbot, quick_store, store_target, clock, tmp_path, caplog
):
    with kiosk_on(quick_store, clock, tmp_path / "tickets", "en") as kiosk:
        with write_lock_held(store_target):
            confirm_a_ticket(kiosk)
            shown = kiosk.confirm.problem.text()
            assert shown.index("系统繁忙") < shown.index("The system is busy")
            assert "locked by another program past the wait (database is locked)" in caplog.text
            assert ticket_codes(quick_store) == []  # reading goes on while another writes
        assert_issued_after_retry(qtbot, kiosk, quick_store)


def test_a_store_that_refuses_writes_is_explained_and_nothing_is_issued(
    qtbot, quick_store, clock, tmp_path, caplog
):
    with kiosk_on(quick_store, clock, tmp_path / "tickets") as kiosk:
        with writes_refused(quick_store):
            confirm_a_ticket(kiosk)
            assert "系统暂时无法保存" in kiosk.confirm.problem.text()
            assert "the store is read-only (attempt to write a readonly database)" in caplog.text
            assert ticket_codes(quick_store) == []
        assert_issued_after_retry(qtbot, kiosk, quick_store)


def test_a_printer_raising_its_own_error_ends_printing_and_tells_the_shift_lead(
    qtbot, quick_store, clock, tmp_path, caplog
):
    caplog.set_level(logging.WARNING)
    # A folder name the OS refuses: pathlib raises ValueError, which no printer turns into
    # PrintFailed, as a driver's own exception would come.
    with kiosk_on(quick_store, clock, tmp_path / "tickets\0") as window:
        confirm_a_ticket(window)
        qtbot.waitUntil(lambda: window.ticket.state == FAILED, timeout=5000)
        assert window.ticket.number.text() == "A001"
        assert "请记住您的号码" in window.ticket.printing.text()
        with quick_store.read() as session:
            incident = session.scalars(select(Incident)).one()
            ticket = session.scalars(select(Ticket)).one()
        assert (incident.source, incident.kind, incident.ticket_id) == (
            "kiosk",
            "printer",
            ticket.id,
        )
        assert incident.message.startswith("ValueError: embedded null")
        assert "ticket A001 was not printed: ValueError" in caplog.text

        with quick_store.write() as session:  # the shift lead switches to the thermal printer
            change_settings(
                session, 1, {"print_folder": str(tmp_path), "printer": f"file:{tmp_path / 'lp0'}"}
            )
        tap(window, "finish")
        confirm_a_ticket(window)
        qtbot.waitUntil(lambda: window.ticket.state == PRINTED, timeout=5000)
        assert window.ticket.number.text() == "A002"
        assert b"A002" in (tmp_path / "lp0").read_bytes()


def test_a_printer_failing_while_the_store_refuses_writes_is_logged_for_the_shift_lead(
    qtbot, quick_store, clock, tmp_path, caplog
):
    with kiosk_on(quick_store, clock, tmp_path / "tickets\0") as window:
        confirm_a_ticket(window)  # issued; the print thread's outcome is still queued
        with writes_refused(quick_store):
            qtbot.waitUntil(lambda: window.ticket.state == FAILED, timeout=5000)
            assert window.ticket.number.text() == "A001"
        assert "record that ticket A001 was not printed failed: store" in caplog.text
        assert "the store is read-only" in caplog.text
        with quick_store.read() as session:
            assert session.scalars(select(Incident)).all() == []


def test_a_call_for_staff_the_store_refuses_says_so_and_the_tap_calls_again(
    quick_store, clock, tmp_path
):
    with kiosk_on(quick_store, clock, tmp_path / "tickets") as kiosk:
        tap(kiosk, "take-ticket")
        with writes_refused(quick_store):
            tap(kiosk, "call-help")
            assert "服务台" in kiosk.help_notice.text()
            assert kiosk.help_button.isEnabled()
            assert kiosk.height() <= 800
        tap(kiosk, "call-help")
        assert "马上过来" in kiosk.help_notice.text()
        with quick_store.read() as session:
            assert session.scalars(select(Incident.kind)).all() == ["help_requested"]
