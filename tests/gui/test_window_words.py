"""Every window in each language, walked through its states as a customer, a clerk and the
shift lead reach them: a Chinese window shows no Latin word beyond a short list (VIP, PIN…;
tests/gui/visible_words.py says why each), and an English one no Chinese beyond the hall's
own names and what customers typed. Stored codes (a pause's reason, an incident's kind) and
refusals are among what is walked, so a raw code or an English refusal is a finding."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from shared.rules.hall_settings import SETTING_NAMES
from shared.services.incidents import record_incident
from shared.store.models import Business, Clerk, Counter, Device, Hall, Queue
from shared.vocabulary import IncidentKind
from tests.gui.admin_fixtures import open_admin
from tests.gui.kiosk_driver import crowd, open_kiosk, tap
from tests.gui.kiosk_screens import _screens
from tests.gui.screen_helpers import live_board, live_monitor
from tests.gui.visible_words import findings
from tests.gui.workstation_fixtures import OFFSCREEN_SIZE_HINTS, counter_windows  # noqa: F401
from tests.gui.workstation_screenshots import SIM, draw

pytestmark = [OFFSCREEN_SIZE_HINTS, pytest.mark.qt_log_ignore("QPainter", "This plugin")]

# What customers type on the walks (tests/gui/kiosk_screens.py and SIM): theirs, not the
# window's, in whichever language the window is.
TYPED = ("张三丰", "张三", "李四", "张**", "李*", "有限公司")


class Walk:
    """What a walk through one language's windows found in the other language."""

    def __init__(self, store, language: str) -> None:
        self.language = language
        with store.read() as session:  # the hall's own names, and its queue letters
            names = [hall.name for hall in session.query(Hall)]
            names += [clerk.name for clerk in session.query(Clerk)]
            names += [device.name for device in session.query(Device)]
            names += [counter.name for counter in session.query(Counter) if counter.name]
            self.letters = "".join(queue.letter for queue in session.query(Queue))
        self.allowed = (*names, "kiosk", *TYPED)  # "kiosk": the walk's incidents' source
        self.found: list[str] = []

    def see(self, where: str, window: QWidget) -> None:
        _settle()
        self.found += findings(where, window, self.language, self.allowed, self.letters)

    def every_tab(self, where: str, window: QWidget) -> None:
        """The window as shown, then each tab of each tab widget in turn, clicked."""
        self.see(where, window)
        for tabs in window.findChildren(QTabWidget):
            if not tabs.isVisibleTo(window):
                continue
            for index in range(tabs.count()):
                tabs.tabBar().setCurrentIndex(index)  # what a click on the tab does
                self.see(f"{where}, tab {tabs.tabText(index)!r}", window)
            tabs.tabBar().setCurrentIndex(0)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_kiosk_screen_speaks_one_language(qtbot, store, hall, clock, tmp_path, language):
    for counter, clerk in ((1, "E001"), (2, "E002"), (3, "E003")):
        hall.open_counter(counter, clerk)
    for business in ("plan_change", "sim_replace", "topup", "new_account"):
        hall.issue(business)
    window = open_kiosk(store, clock, tmp_path / "tickets", language)
    qtbot.addWidget(window)
    walk = Walk(store, language)
    for name, step in _screens(window):
        step()
        _settle()
        walk.see(f"kiosk {name}", window)
    tap(window, "home")
    tap(window, "take-ticket")
    walk.see("kiosk business", window)
    crowd(hall, 2)
    window.reread_state()
    tap(window, "home")
    tap(window, "take-ticket")
    tap(window, "business-topup")
    walk.see("kiosk diversion", window)
    tap(window, "cannot-self-serve")
    walk.see("kiosk diversion, cannot self-serve", window)
    tap(window, "call-guide")
    walk.see("kiosk help called", window)
    tap(window, "home")
    tap(window, "reprint")
    walk.see("kiosk reprint", window)
    window.close()
    assert not walk.found, "\n".join(walk.found)


@pytest.mark.parametrize("counter_windows", ["zh", "en"], indirect=True)
def test_the_workstation_and_customer_screen_speak_one_language(
    qtbot,
    store,
    hall,
    clock,
    counter_windows,  # noqa: F811
    request,
):
    counter = counter_windows
    window, customer = counter.window, counter.customer
    language = request.node.callspec.params["counter_windows"]
    walk = Walk(store, language)
    walk.see("workstation sign-in", window)
    page = window.sign_in_page
    qtbot.keyClicks(page.staff, "E002")
    qtbot.keyClicks(page.pin, "0000")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    walk.see("workstation wrong PIN", window)
    walk.see("customer screen idle", customer)
    slip = hall.issue("sim_replace", phone="13812345678", slip=SIM).slip_code
    for business in ("plan_change", "topup"):
        hall.issue(business)
    clock.advance(200)
    page.pin.clear()
    qtbot.keyClicks(page.pin, "1234")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert window.clerk is not None, page.message.text()
    walk.every_tab("workstation closed", window)
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    walk.see("workstation open", window)
    qtbot.mouseClick(window.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pause_menu.isVisible(), timeout=2000)
    walk.see("workstation pause menu", window.pause_menu)
    qtbot.keyClick(window.pause_menu, Qt.Key.Key_2)
    walk.see("workstation paused", window)
    qtbot.mouseClick(window.resume_button, Qt.MouseButton.LeftButton)
    counter.press(qtbot, Qt.Key.Key_F2)
    walk.see("workstation serving", window)
    walk.see("customer screen serving", customer)
    qtbot.keyClicks(window.scan, slip or "")
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)
    walk.every_tab("workstation with the slip's form", window)
    counter.press(qtbot, Qt.Key.Key_F8)
    walk.see("workstation after finish", window)
    walk.see("customer screen form", customer)
    qtbot.mouseClick(customer.confirm_button, Qt.MouseButton.LeftButton)
    walk.see("customer screen sign here", customer)
    draw(customer.pad)
    qtbot.mouseClick(customer.submit_button, Qt.MouseButton.LeftButton)
    walk.see("customer screen rating", customer)
    qtbot.mouseClick(customer.rating_buttons["dissatisfied"], Qt.MouseButton.LeftButton)
    walk.see("customer screen reasons", customer)
    assert not walk.found, "\n".join(walk.found)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_board_and_the_monitor_speak_one_language(qtbot, store, hall, clock, language):
    hall.open_counter(1, "E001")
    hall.open_counter(2, "E002")
    hall.open_counter(3, "E003")
    for business in ("topup", "plan_change", "topup", "sim_replace"):
        hall.issue(business)
    hall.call(1)
    clock.advance(300)
    hall.finish(1)
    hall.rate(1, "dissatisfied", reason="long_wait")
    hall.pause_counter(3, "lunch")
    hall.call(2)
    crowd(hall, 2)
    for kind in IncidentKind:  # as the kiosks record them
        record_incident(store, "demo", source="kiosk", kind=kind, message="start page", clock=clock)
    walk = Walk(store, language)
    board, board_live = live_board(qtbot, store, clock, language)
    monitor, monitor_live = live_monitor(qtbot, store, clock, language)
    try:
        board.show()
        monitor.show()
        _settle()
        walk.see("board", board)
        walk.every_tab("monitor", monitor)
    finally:
        board_live.close()
        monitor_live.close()
    assert not walk.found, "\n".join(walk.found)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_administrators_window_speaks_one_language(qtbot, store, clock, language):
    admin = open_admin(qtbot, store, clock, language)
    walk = Walk(store, language)
    # The administrator's own codes, typed as they are wherever she types them: each
    # setting's name (as `hallq settings NAME=VALUE` takes it), each business's key (as the
    # hall's definition names it), the printer's kinds of address, and the command that
    # loads the hall's businesses.
    with store.read() as session:
        keys = [business.key for business in session.query(Business)]
    codes = (*SETTING_NAMES, *keys, "pdf", "none", "file", "usb", "network", "hallq hall load")
    walk.allowed = (*sorted(codes, key=len, reverse=True), *walk.allowed)
    _settle()
    walk.see("administration, sign-in", admin.window)
    admin.sign_in(qtbot)
    qtbot.waitUntil(lambda: admin.window.admin is not None, timeout=3000)
    _settle()
    for tab in range(admin.window.tabs.count()):
        admin.tab(qtbot, tab)
        _settle()
        walk.see(f"administration, tab {admin.window.tabs.tabText(tab)!r}", admin.window)
    assert not walk.found, "\n".join(walk.found)
