"""No text is cut off on any window at the hall's 1920×1080 screens, in Chinese and in
English: every visible label's and button's text, measured with its own font, fits the
room its box gives it (word wrap considered; tests/gui/clipping.py). The windows are
walked through their pages as their users walk them: the kiosk's screens from start to
ticket, the workstation from sign-in to a finished customer (also at 1366×768, the
smaller counter screen), the customer screen's pages, and the monitor's tabs. The calling
board is measured, with its text size and contrast, by test_board_readable.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from counter.app import make_application
from counter.customer.signature_pad import BASELINE
from kiosk.window import KioskWindow
from shared.resources import style_sheet
from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.store.clock import FixedClock
from tests.gui import workstation_fixtures
from tests.gui.admin_fixtures import open_admin
from tests.gui.clipping import clipped
from tests.gui.kiosk_driver import crowd, open_kiosk, tap
from tests.gui.kiosk_screens import _screens
from tests.gui.screen_helpers import live_monitor
from tests.gui.workstation_fixtures import Counter

pytestmark = [workstation_fixtures.OFFSCREEN_SIZE_HINTS, pytest.mark.slow]
counter_windows = workstation_fixtures.counter_windows
FULL_HD = (1920, 1080)
SMALL = (1366, 768)
LONG_NAME = (
    "阿卜杜热合曼·买买提依明·艾尔肯江·吐尔逊娜依·克里木·阿不都热西提·艾力·买买提·吐尔逊江·阿卜"
)
SLIP = {"name": "欧阳娜娜丽莎", "id_number": "11010519491231002X", "reason": "丢失"}


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def cut_off(window: QWidget, size: tuple[int, int], where: str) -> list[str]:
    window.resize(*size)
    settle()
    return [f"{where} at {size[0]}×{size[1]}: {text}" for text in clipped(window)]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_text_is_cut_off_on_the_kiosk(qtbot, store, hall, tmp_path, language):
    clock = FixedClock(dt.datetime(2026, 11, 23, 10, 15))
    service = HallService(store, "demo", clock)
    for counter, clerk in ((1, "E001"), (2, "E002"), (3, "E003")):
        service.open_counter(counter, clerk)
    window: KioskWindow = open_kiosk(store, clock, tmp_path / "tickets", language)
    QApplication.instance().setStyleSheet("")  # type: ignore[union-attr]  # the kiosk's own
    qtbot.addWidget(window)
    found = cut_off(window, FULL_HD, "start")
    for name, step in _screens(window):
        if name == "ticket-printer-failed":
            continue  # the printer's answer, not a customer's step
        step()
        found += cut_off(window, FULL_HD, name)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("business", lambda: (tap(window, "home"), tap(window, "take-ticket"))),
        ("large text", lambda: tap(window, "large-text")),
        ("level 1", lambda: (crowd(service, 1), window.reread_state(), tap(window, "home"),
                             tap(window, "take-ticket"), tap(window, "business-topup"))),
        ("level 2", lambda: (crowd(service, 2), tap(window, "back"),
                             tap(window, "business-topup"))),
        ("cannot self-serve", lambda: tap(window, "cannot-self-serve")),
        ("guide called", lambda: tap(window, "call-guide")),
        ("reprint", lambda: (tap(window, "home"), tap(window, "reprint"))),
    ]  # fmt: skip
    for name, step in steps:
        step()
        found += cut_off(window, FULL_HD, name)
    window.close()
    assert found == [], "\n".join(dict.fromkeys(found))


def _draw(pad: QWidget) -> None:
    lift = int(pad.height() * BASELINE) - 100
    points = [QPoint(x, y + lift) for x, y in ((60, 60), (120, 20), (180, 70), (240, 30))]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        QTest.mouseMove(pad, point)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


@pytest.mark.parametrize("counter_windows", ["zh", "en"], indirect=True)
def test_no_text_is_cut_off_on_the_workstation_or_the_customer_screen(
    qtbot, counter_windows: Counter, store, hall, clock
):
    window, customer = counter_windows.window, counter_windows.customer
    definition = demo_definition()
    definition["clerks"][1]["name"] = LONG_NAME  # E002: the longest names must not cut off
    with store.write() as session:
        load_hall(session, definition)
    click = lambda button: qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # noqa: E731
    found: list[str] = []

    def look(where: str) -> None:
        for size in (FULL_HD, SMALL):
            found.extend(cut_off(window, size, f"workstation {where}"))
        found.extend(cut_off(customer, FULL_HD, f"customer screen {where}"))

    window.sign_in("E002", "0000")  # a wrong PIN: the page says how many tries are left
    look("sign-in")
    window.sign_in("E002", "1234")
    look("closed")
    click(window.open_button)
    hall.open_counter(1, "E001")
    slip = hall.issue("sim_replace", phone="13812345678", slip=SLIP).slip_code
    for business in ("topup", "plan_change", "bill_payment", "new_account", "topup"):
        hall.issue(business)
        clock.advance(70)
    look("open")
    click(window.call_button)
    qtbot.keyClicks(window.scan, slip or "")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    clock.advance(400)
    look("serving past the norm")
    click(window.no_show_button)
    click(window.call_button)
    for field in ("amount", "pay_method"):
        qtbot.keyClick(window.findChild(QComboBox, f"field_topup_{field}"), Qt.Key.Key_Down)
    click(window.finish_button)
    look("finished: the customer reads the form")
    click(customer.confirm_button)
    look("the customer signs")
    _draw(customer.pad)
    click(customer.submit_button)
    look("the customer rates")
    click(customer.rating_buttons["dissatisfied"])
    look("the customer says why")
    click(customer.reason_buttons["unclear"])
    look("thanked")
    assert found == [], "\n".join(dict.fromkeys(found))
    assert LONG_NAME in window.heading.toolTip() and LONG_NAME in customer.clerk.text()
    assert window.heading.text().endswith("…")  # the whole name does not fit at 1366


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_text_is_cut_off_on_the_monitor(qtbot, store, hall, clock, language):
    for counter in (1, 2, 3):
        hall.open_counter(counter, f"E00{counter}")
    for business in ("topup", "plan_change", "sim_replace", "topup", "new_account"):
        hall.issue(business)
    hall.call(1)
    clock.advance(200)
    hall.finish(1)
    hall.rate(1, "dissatisfied", reason="long_wait")
    hall.call(2)
    make_application([], language).setStyleSheet("")  # as hallq-screen runs the monitor
    monitor, live = live_monitor(qtbot, store, clock, language)
    live.close()
    monitor.setStyleSheet(style_sheet("screen"))
    monitor.show()
    found = cut_off(monitor, FULL_HD, "floor")
    bar = monitor.tabs.tabBar()
    for tab in range(1, bar.count()):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
        found += cut_off(monitor, FULL_HD, bar.tabText(tab))
    assert found == [], "\n".join(dict.fromkeys(found))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_text_is_cut_off_on_the_administrators_window(qtbot, store, clock, language):
    admin = open_admin(qtbot, store, clock, language)
    found = cut_off(admin.window, FULL_HD, "sign-in")
    admin.sign_in(qtbot)
    qtbot.waitUntil(lambda: admin.window.admin is not None, timeout=3000)
    for tab in range(admin.window.tabs.count()):
        admin.tab(qtbot, tab)
        found += cut_off(admin.window, FULL_HD, admin.window.tabs.tabText(tab))
    assert found == [], "\n".join(dict.fromkeys(found))
