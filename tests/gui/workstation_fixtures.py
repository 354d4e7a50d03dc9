"""The counter's two windows, as a clerk and a customer meet them, on a fresh demo store."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter.app import make_application
from counter.customer.window import CustomerWindow
from counter.workstation.window import WorkstationWindow
from shared.resources import style_sheet

# The offscreen platform cannot resize windows to size hints, raise them or grab the
# keyboard for a popup menu, and says so; the windows are fine. Every workstation test
# module sets this mark.
OFFSCREEN_SIZE_HINTS = pytest.mark.qt_log_ignore("This plugin does not support")


@dataclass
class Counter:
    window: WorkstationWindow
    customer: CustomerWindow
    opened: list[Path] = field(default_factory=list)

    def press(self, qtbot, key: Qt.Key) -> None:
        """A key as the clerk presses it on the workstation's keyboard."""
        self.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=2000)
        qtbot.keyClick(QApplication.focusWidget() or self.window, key)


@pytest.fixture
def counter_windows(qtbot, store, clock, request) -> Counter:
    """Counter 2's workstation and customer screen (English unless marked otherwise)."""
    language = getattr(request, "param", "en")
    app = make_application([], language)  # its one set of translators switches language
    app.setStyleSheet(style_sheet("workstation"))
    customer = CustomerWindow(store, "demo", 2, language=language, rating_timeout_s=5, clock=clock)
    opened: list[Path] = []
    window = WorkstationWindow(
        store, "demo", 2, language=language, customer=customer, clock=clock, open_pdf=opened.append
    )
    qtbot.addWidget(customer)
    qtbot.addWidget(window)
    customer.show()
    window.show()
    qtbot.waitExposed(window)
    return Counter(window, customer, opened)


def signed_in(counter: Counter, staff: str = "E002", pin: str = "1234") -> Counter:
    counter.window.sign_in(staff, pin)
    assert counter.window.clerk is not None, counter.window.sign_in_page.message.text()
    return counter
