"""The administrator's window as a client of a real hall server: a clerk who signs in is
refused (the server decides, and her session is ended at once); the administrator signs in
and disables a clerk by clicking."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from shared.store.models import StaffSession
from tests.integration.test_server_admin import audited, served

pytestmark = [pytest.mark.integration]
__all__ = ["served"]


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_window_on_the_server_refuses_a_clerk_and_lets_the_administrator_disable(
    served, qtbot
) -> None:
    from counter.admin.__main__ import open_on_server
    from counter.app import make_application
    from shared.client.http import ServerAddress
    from shared.qt.remote import HallLink

    server, store, board = served
    make_application([], "en")
    link = HallLink(ServerAddress.parse(f"http://127.0.0.1:{server.port}"), board)
    window = open_on_server(link, "en")
    qtbot.addWidget(window)
    window.show()
    link.listen()
    try:
        page = window.sign_in_page
        for staff_id, pin in (("E003", "1234"), ("S001", "1357")):
            page.staff.clear()
            qtbot.keyClicks(page.staff, staff_id)
            qtbot.keyClick(page.staff, Qt.Key.Key_Return)
            qtbot.keyClicks(page.pin, pin)
            qtbot.keyClick(page.pin, Qt.Key.Key_Return)
            if staff_id == "E003":
                qtbot.waitUntil(
                    lambda: page.message.text() not in ("", "Signing in…"), timeout=10000
                )
                assert page.message.text() == "E003 is not an administrator"
                assert window.pages.currentIndex() == 0
        qtbot.waitUntil(lambda: window.staff_table.rowCount() == 10, timeout=10000)
        table = window.staff_table
        row = [table.item(r, 0).text() for r in range(table.rowCount())].index("E006")
        rect = table.visualItemRect(table.item(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        button = window.findChild(type(page.button), "disableButton")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "E006" in window.message.text(), timeout=10000)
        assert audited(store, "staff_disabled") == [("S001", {"staff_id": "E006", "sessions": 0})]
        # the session a refused clerk opened was ended at once
        assert len(audited(store, "sign_out")) == 1

        # the administrator's own session ends elsewhere: her next act brings the sign-in back
        with store.write() as session:
            session.execute(update(StaffSession).values(revoked_at=dt.datetime(2000, 1, 1)))
        row = [table.item(r, 0).text() for r in range(table.rowCount())].index("E005")
        rect = table.visualItemRect(table.item(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.pages.currentIndex() == 0, timeout=10000)
        assert window.admin is None and page.message.text()
        assert [d for _, d in audited(store, "staff_disabled")] == [
            {"staff_id": "E006", "sessions": 0}
        ]
    finally:
        link.close()
