"""The staff programs sign in alike: Enter goes from the staff ID to the PIN and then signs
in, a staff ID and a PIN take no more than the store keeps, and a refusal that wraps onto a
second line shows whole without squeezing the fields (the workstation, the shift lead's
monitor, the administrator's window)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter.app import make_application
from counter.screen.monitor import LeadMonitor
from counter.screen.sources import StoreSource
from counter.sign_in import PIN_LONGEST, STAFF_ID_LONGEST, SignInForm
from shared.resources import style_sheet
from tests.gui import admin_fixtures, workstation_fixtures

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
admin_window = admin_fixtures.admin_window
counter_windows = workstation_fixtures.counter_windows
LANGUAGES = pytest.mark.parametrize("language", ["zh", "en"])


def types_and_enters(qtbot, form: SignInForm, staff: str, pin: str) -> None:
    """As at the keyboard of the program's window, which has the focus."""
    window = form.window()
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()
    qtbot.keyClicks(form.staff, staff)
    qtbot.keyClick(form.staff, Qt.Key.Key_Return)
    assert form.pin.hasFocus()
    qtbot.keyClicks(form.pin, pin)
    qtbot.keyClick(form.pin, Qt.Key.Key_Return)


def keeps_its_fields(qtbot, form: SignInForm, heights: tuple[int, int]) -> None:
    """The refusal shows whole, the fields are not squeezed, the PIN is asked again."""
    qtbot.waitUntil(
        lambda: form.message.height() >= form.message.heightForWidth(form.message.width())
    )
    assert form.staff.height() >= heights[0] and form.pin.height() >= heights[1]
    assert form.pin.text() == "" and form.pin.hasFocus() and form.button.isEnabled()


@LANGUAGES
def test_a_clerk_at_the_monitor_reads_why_whole_and_the_fields_keep_their_size(
    qtbot, store, clock, language
):
    make_application([], language)
    monitor = LeadMonitor(StoreSource(store, "demo", clock), language)
    monitor.setStyleSheet(style_sheet("screen"))
    qtbot.addWidget(monitor)
    monitor.resize(1366, 768)
    with qtbot.waitExposed(monitor):
        monitor.show()
    form = monitor.sign_in_page
    heights = (form.staff.height(), form.pin.height())
    types_and_enters(qtbot, form, "E002", "1234")
    said = {
        "zh": "只有值班长或管理员可以打开监控屏。",
        "en": "Only a shift lead or an administrator opens the monitor.",
    }
    assert form.message.text() == said[language]
    keeps_its_fields(qtbot, form, heights)
    assert monitor.pages.currentIndex() == 0


@pytest.mark.parametrize(
    ("program", "pin", "said"),
    [
        ("counter_windows", "9999", "Unknown staff ID or wrong PIN"),
        ("admin_window", "1234", "E002 is not an administrator"),
    ],
)
def test_a_refused_clerk_is_told_why_and_asked_again(qtbot, request, program, pin, said):
    """At the workstation a wrong PIN; at the administrator's window a clerk's right one."""
    form = request.getfixturevalue(program).window.sign_in_page
    heights = (form.staff.height(), form.pin.height())
    types_and_enters(qtbot, form, "E002", pin)
    assert form.message.text() == said
    keeps_its_fields(qtbot, form, heights)


def test_a_staff_id_and_a_pin_take_no_more_than_the_store_keeps(qtbot, counter_windows):
    form = counter_windows.window.sign_in_page
    qtbot.keyClicks(form.staff, "E" * 30)
    qtbot.keyClicks(form.pin, "1" * 12)
    assert (len(form.staff.text()), len(form.pin.text())) == (STAFF_ID_LONGEST, PIN_LONGEST)
