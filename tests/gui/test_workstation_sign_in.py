"""The clerk signs in with staff id and PIN; five wrong PINs lock the id for five minutes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from shared.store.models import AuditEntry
from tests.gui import workstation_fixtures

pytestmark = workstation_fixtures.OFFSCREEN_SIZE_HINTS
counter_windows = workstation_fixtures.counter_windows


def type_in(qtbot, page, staff: str, pin: str) -> None:
    page.staff.clear()
    qtbot.keyClicks(page.staff, staff)
    qtbot.keyClick(page.staff, Qt.Key.Key_Return)
    qtbot.keyClicks(page.pin, pin)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)


def test_a_clerk_signs_in_by_typing_and_reaches_the_counter(qtbot, counter_windows):
    window = counter_windows.window
    type_in(qtbot, window.sign_in_page, "E002", "1234")
    assert window.pages.currentIndex() == 1
    assert window.heading.text() == "Counter 2 · 李娜 (E002)"
    assert window.state_label.text() == "Closed" and window.open_button.isVisible()
    assert not window.call_button.isEnabled()


@pytest.mark.slow
def test_five_wrong_pins_lock_the_id_and_the_page_says_so(qtbot, counter_windows, store, clock):
    page = counter_windows.window.sign_in_page
    type_in(qtbot, page, "E002", "9999")
    assert page.message.text() == "Unknown staff ID or wrong PIN"
    assert page.pin.text() == ""
    for _ in range(4):
        type_in(qtbot, page, "E002", "9999")
    assert page.message.text() == "Wrong PIN: E002 is now locked for 5 minutes"
    type_in(qtbot, page, "E002", "1234")
    assert page.message.text() == "E002 is locked until 08:35:00 after wrong PINs"
    assert counter_windows.window.pages.currentIndex() == 0
    clock.advance(301)
    type_in(qtbot, page, "E002", "1234")
    assert counter_windows.window.pages.currentIndex() == 1
    with store.read() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["sign_in_failed"] * 5 + ["locked_out", "sign_in_refused", "sign_in"]
