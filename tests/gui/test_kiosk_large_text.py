"""Large text: one tap on any screen makes every font at least half as large again (the
ticket number, already the largest text, keeps its size), and every screen still fits a
1280×800 landscape and a 1080×1920 portrait kiosk."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from kiosk.pages.ticket import PRINTED
from tests.gui.kiosk_driver import open_kiosk, tap, type_keys, type_pinyin

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

GOOD_ID = "11010519491231002X"


def settle() -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()


def font_sizes(window) -> dict[QWidget, int]:
    """The pixel size of every visible word on screen, by the widget showing it."""
    shown = [*window.findChildren(QLabel), *window.findChildren(QPushButton)]
    return {
        widget: QFontInfo(widget.font()).pixelSize()
        for widget in shown
        if widget.isVisible() and widget.text() and widget.objectName() != "number"
    }


def check_large_text(window, size: tuple[int, int]) -> None:
    """Measure this screen, tap large text, measure again, check it fits, tap back."""
    settle()
    usual = font_sizes(window)
    tap(window, "large-text")
    settle()
    window.resize(*size)
    settle()
    assert (window.width(), window.height()) == size, window.stack.currentWidget()
    large = font_sizes(window)
    both = [widget for widget in usual if widget in large]
    assert len(both) >= 3
    small = [
        (widget.objectName() or widget.text()[:12], usual[widget], large[widget])
        for widget in both
        if large[widget] < 1.5 * usual[widget] - 0.5
    ]
    assert small == []
    tap(window, "large-text")
    settle()
    window.resize(*size)
    settle()
    assert (window.width(), window.height()) == size  # and back again, it still fits


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)], ids=["landscape", "portrait"])
def test_every_screen_grows_half_again_and_still_fits(qtbot, store, hall, clock, tmp_path, size):
    hall.open_counter(1, "E001")
    kiosk = open_kiosk(store, clock, tmp_path / "tickets")
    kiosk.resize(*size)
    try:
        check_large_text(kiosk, size)  # start
        tap(kiosk, "with-phone")
        type_keys(kiosk, "13800000001")
        check_large_text(kiosk, size)  # mobile number
        tap(kiosk, "confirm")
        check_large_text(kiosk, size)  # business
        tap(kiosk, "business-sim_replace")
        check_large_text(kiosk, size)  # slip, pinyin keyboard
        type_pinyin(kiosk, ("zhang", "张"), ("san", "三"))
        tap(kiosk, "next-field")
        type_keys(kiosk, GOOD_ID)
        check_large_text(kiosk, size)  # slip, resident ID
        tap(kiosk, "next-field")
        tap(kiosk, "choice-0")
        tap(kiosk, "next-field")
        check_large_text(kiosk, size)  # confirm
        tap(kiosk, "confirm-ticket")
        qtbot.waitUntil(lambda: kiosk.ticket.state == PRINTED, timeout=5000)
        check_large_text(kiosk, size)  # ticket
        tap(kiosk, "finish")
        tap(kiosk, "reprint")
        check_large_text(kiosk, size)  # reprint
        tap(kiosk, "reprint-by-code")
        check_large_text(kiosk, size)  # appointment code
    finally:
        kiosk.close()


def test_large_text_stays_for_the_visit_and_the_next_customer_starts_usual(
    qtbot, store, clock, tmp_path
):
    kiosk = open_kiosk(store, clock, tmp_path / "tickets")
    try:
        tap(kiosk, "large-text")
        tap(kiosk, "take-ticket")
        assert kiosk.large and kiosk.business.classes.isVisible()
        tap(kiosk, "class-long")  # large text shows one class at a time, with its waits
        tap(kiosk, "business-sim_replace")
        assert kiosk.stack.currentWidget() is kiosk.slip
        tap(kiosk, "home")
        assert not kiosk.large and kiosk.large_button.text() == "大字"
        tap(kiosk, "language")
        tap(kiosk, "large-text")
        tap(kiosk, "take-ticket")
        assert kiosk.business.class_buttons["long"].text().startswith("SIM && accounts")
    finally:
        kiosk.close()
