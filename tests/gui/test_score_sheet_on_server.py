"""The monitor's month performance sheet as a client of a real hall server: the scripted
November of tests/core/test_score_sheet.py read through GET /api/performance (each total
and rank as computed by hand there), and the lead's entry through POST /api/scores under
her session, audited under her name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from shared.services.devices import enrol_device
from shared.store.database import Store
from shared.store.models import AuditEntry, Clerk
from tests.core.test_score_sheet import EXPECTED, script_november
from tests.gui.test_score_sheet_monitor import _cells, _type_into
from tests.gui.test_screen_on_server import screen_on
from tests.integration.hall_server import running_server

pytestmark = [
    pytest.mark.integration,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def board_key(store: Store) -> str:
    return enrol_device(store, None, None, "board-1", "board")


def test_the_sheet_is_read_and_a_score_entered_through_the_server(
    qtbot, store, store_target, board_key, tmp_path
):
    script_november(store, store_target)
    with (
        running_server(store_target, tmp_path) as server,
        screen_on(qtbot, server, board_key) as (_board, monitor, _link),
    ):
        page = monitor.sign_in_page
        qtbot.keyClicks(page.staff, "M001")
        qtbot.keyClicks(page.pin, "2468")
        qtbot.keyClick(page.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: monitor.pages.currentIndex() == 1, timeout=5000)
        monitor.tabs.setCurrentIndex(1)
        panel = monitor.score_sheet
        while panel.month > "2026-11":  # the server's month is the real one: back to November
            qtbot.mouseClick(panel.earlier, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=5000)
        rows = _cells(monitor)
        assert [(row[0], row[1].split()[0], row[10]) for row in rows] == [
            (str(EXPECTED[c]["rank"]), c, f"{EXPECTED[c]['total']:.2f}")
            for c in ("E003", "E002", "E004")
        ]
        qtbot.mouseClick(panel.enter_button, Qt.MouseButton.LeftButton)
        dialog = panel.dialog
        dialog.kind.setFocus()
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
        _type_into(qtbot, dialog.clerk, "E005")
        _type_into(qtbot, dialog.points.lineEdit(), "75")
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=5000)
        assert _cells(monitor)[3][:2] == ["4", "E005 陈静"]
        assert _cells(monitor)[3][10:] == ["15.00", "团队协作：M001 录入"]
        assert server.tracebacks() == 0
    with store.read() as session:
        entered = session.execute(
            select(Clerk.staff_id, AuditEntry.source)
            .join(Clerk, Clerk.id == AuditEntry.clerk_id)
            .where(AuditEntry.action == "score_entered")
        ).all()
    assert [tuple(row) for row in entered] == [("M001", "server")]
