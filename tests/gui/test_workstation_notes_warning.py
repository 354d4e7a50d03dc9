"""The notes field warns, in the clerk's language, while what was typed looks like a
customer's mobile number or resident ID; the warning goes when the text no longer does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui import workstation_fixtures
from tests.gui.workstation_fixtures import signed_in

pytestmark = workstation_fixtures.OFFSCREEN_SIZE_HINTS
counter_windows = workstation_fixtures.counter_windows


def serving_form(qtbot, counter, hall, clock):
    """Counter 2 open and serving a customer: the transaction form with its notes field."""
    signed_in(counter)
    qtbot.mouseClick(counter.window.open_button, Qt.MouseButton.LeftButton)
    hall.issue("topup")
    clock.advance(60)
    counter.press(qtbot, Qt.Key.Key_F2)
    assert counter.window.ticket_label.text() == "A001", counter.window.message.text()
    return counter.window.form


def erase(qtbot, field, count: int) -> None:
    for _ in range(count):
        qtbot.keyClick(field, Qt.Key.Key_Backspace)


@pytest.mark.parametrize(
    ("counter_windows", "warning"),
    [("en", "Do not write the customer's personal data in notes"), ("zh", "请勿在备注中填写")],
    indirect=["counter_windows"],
)
def test_notes_that_look_like_a_mobile_or_an_id_get_a_warning(
    qtbot, counter_windows, hall, clock, warning
):
    form = serving_form(qtbot, counter_windows, hall, clock)
    notes, shown = form.notes, form.notes_warning
    qtbot.keyClicks(notes, "asked about roaming, call 1381234567")
    assert not shown.isVisible()  # ten digits: not yet a mobile number
    qtbot.keyClicks(notes, "8")
    assert shown.isVisible() and warning in shown.text()
    erase(qtbot, notes, 11)
    assert not shown.isVisible()
    qtbot.keyClicks(notes, "id 11010519491231002X")
    assert shown.isVisible() and warning in shown.text()
    qtbot.keyClick(notes, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(notes, Qt.Key.Key_Delete)
    assert notes.text() == "" and not shown.isVisible()
