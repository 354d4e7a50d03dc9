"""The counter's two windows when the store fails: the clerk and the customer read why in
Chinese and English, nothing is half done, and the same key or tap works once the store is
back. A real second process holds the lock; the store file really goes away."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from shared.store.models import ServiceForm
from tests.gui import workstation_fixtures
from tests.gui.test_workstation_serving import scan, serving
from tests.gui.workstation_fixtures import signed_in
from tests.store_trouble import moved_away, quick_store, write_lock_held

__all__ = ["quick_store", "serving"]  # fixtures, for pytest

pytestmark = [workstation_fixtures.OFFSCREEN_SIZE_HINTS, pytest.mark.usefixtures("sqlite_only")]
counter_windows = workstation_fixtures.counter_windows


@pytest.fixture
def store(quick_store):
    """The counter's windows on a store that gives up on another writer's lock quickly."""
    return quick_store


def test_a_call_the_locked_store_refused_is_explained_and_f2_calls_once_it_is_free(
    qtbot, counter_windows, hall, clock, store_target, caplog
):
    counter = signed_in(counter_windows)
    window = counter.window
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    hall.issue("service_change")
    clock.advance(60)
    with write_lock_held(store_target):
        counter.press(qtbot, Qt.Key.Key_F2)
        shown = window.message.text()
        assert shown.index("系统繁忙") < shown.index("The system is busy")
        assert window.message.property("error") is True
        assert window.ticket_label.text() == "—"
        assert "counter 2: call the next failed: store" in caplog.text
    counter.press(qtbot, Qt.Key.Key_F2)
    assert window.ticket_label.text() == "A001"
    assert window.message.text() == "Calling A001."


def test_a_form_the_missing_store_cannot_archive_is_declined_again_once_it_is_back(
    qtbot, serving, store, store_target, tmp_path, caplog
):
    caplog.set_level(logging.WARNING)
    counter, code, _ = serving
    customer = counter.customer
    scan(qtbot, counter.window, code)
    counter.press(qtbot, Qt.Key.Key_F8)
    qtbot.mouseClick(customer.decline_button, Qt.MouseButton.LeftButton)
    with moved_away(store_target, tmp_path / "elsewhere.sqlite3"):
        qtbot.mouseClick(customer.decline_confirm, Qt.MouseButton.LeftButton)
        assert "系统找不到数据" in customer.message.text()
        assert customer.pages.currentIndex() == 3  # still asked to decline (or sign)
        assert "archive the form of B001 failed" in caplog.text
    qtbot.mouseClick(customer.decline_confirm, Qt.MouseButton.LeftButton)
    assert customer.pages.currentIndex() == 4  # on to the rating
    with store.read() as session:
        assert session.scalars(select(ServiceForm.decline_reason)).one()
