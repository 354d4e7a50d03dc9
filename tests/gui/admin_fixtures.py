"""The administrator's window on a fresh demo store, as an administrator meets it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget

from counter.admin.sources import StoreAdmin
from counter.admin.window import AdminWindow
from counter.app import make_application
from shared.qt.errors import FailureNotices
from shared.resources import style_sheet


@dataclass
class Admin:
    window: AdminWindow
    files: list[Path] = field(default_factory=list)  # what the file dialog hands back, in turn

    def sign_in(self, qtbot, staff: str = "S001", pin: str = "1357") -> None:
        page = self.window.sign_in_page
        page.staff.clear()
        qtbot.keyClicks(page.staff, staff)
        qtbot.keyClick(page.staff, Qt.Key.Key_Return)
        qtbot.keyClicks(page.pin, pin)
        qtbot.keyClick(page.pin, Qt.Key.Key_Return)

    def tab(self, qtbot, index: int) -> None:
        bar = self.window.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert self.window.tabs.currentIndex() == index

    def choose(self, qtbot, table: QTableWidget, text: str, column: int = 0) -> None:
        """Click the row whose cell in `column` reads `text`."""
        for row in range(table.rowCount()):
            if table.item(row, column).text() == text:
                table.scrollToItem(table.item(row, column))
                rect = table.visualItemRect(table.item(row, column))
                qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                assert table.currentRow() == row
                return
        raise AssertionError(f"no row {text!r} in {table.objectName()}")

    def type_into(self, qtbot, line, text: str) -> None:
        qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
        line.selectAll()
        qtbot.keyClick(line, Qt.Key.Key_Delete)
        qtbot.keyClicks(line, text)


def open_admin(qtbot, store, clock, language: str) -> Admin:
    app = make_application([], language)
    app.setStyleSheet(style_sheet("workstation"))
    failures = FailureNotices(store, app)
    admin = Admin(None)  # type: ignore[arg-type]
    window = AdminWindow(
        StoreAdmin(store, "demo", clock, failures),
        language=language,
        choose_file=lambda parent: str(admin.files.pop(0)) if admin.files else "",
    )
    admin.window = window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    QApplication.processEvents()
    return admin


@pytest.fixture
def admin_window(qtbot, store, clock, request) -> Admin:
    return open_admin(qtbot, store, clock, getattr(request, "param", "en"))
