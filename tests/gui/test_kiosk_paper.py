"""Paper that works: when no paper comes, the screen is the customer's copy. It keeps the
number, the people ahead and the wait, and stays until the customer taps Done."""

from __future__ import annotations

import pytest

from kiosk.pages.ticket import FAILED, NO_PRINTER, PRINTED
from shared.services.settings import change_settings
from tests.gui.kiosk_driver import open_kiosk, tap

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def shown_rows(kiosk) -> dict[str, str]:
    form = kiosk.ticket.form
    role = form.ItemRole
    return {
        form.itemAt(row, role.LabelRole).widget().text(): form.itemAt(row, role.FieldRole)
        .widget()
        .text()
        for row in range(form.rowCount())
    }


@pytest.mark.parametrize("printer", ["a failing printer", "no printer"])
def test_without_paper_the_ticket_stays_until_done_with_the_wait_beside_it(
    qtbot, store, hall, clock, tmp_path, printer
):
    hall.open_counter(1, "E001")
    hall.issue("service_change")
    setting = f"file:{tmp_path / 'no-such-folder' / 'lp0'}" if printer != "no printer" else "none"
    with store.write() as session:
        change_settings(session, 1, {"print_folder": str(tmp_path), "printer": setting})
    kiosk = open_kiosk(store, clock, tmp_path / "tickets")
    try:
        tap(kiosk, "take-ticket")
        tap(kiosk, "business-service_change")
        tap(kiosk, "confirm-ticket")
        state = NO_PRINTER if printer == "no printer" else FAILED
        qtbot.waitUntil(lambda: kiosk.ticket.state == state, timeout=5000)
        for _ in range(kiosk.state.settings.kiosk_idle_s * 3):  # far past the idle time
            kiosk.idle.tick()
        assert kiosk.stack.currentWidget() is kiosk.ticket
        assert kiosk.ticket.number.text() == "A002"
        assert kiosk.ticket.details.isVisible()
        rows = shown_rows(kiosk)
        assert rows["前面等候"] == "1"
        assert rows["预计等候"].startswith("约 ") and rows["预计等候"].endswith(" 分钟")
        assert kiosk.countdown.text() == ""  # no countdown promising a wipe
        tap(kiosk, "finish")
        assert kiosk.stack.currentWidget() is kiosk.start
    finally:
        kiosk.close()


def test_a_printed_ticket_still_returns_to_the_start_when_left(qtbot, store, clock, tmp_path):
    kiosk = open_kiosk(store, clock, tmp_path / "tickets")
    try:
        tap(kiosk, "take-ticket")
        tap(kiosk, "business-service_change")
        tap(kiosk, "confirm-ticket")
        qtbot.waitUntil(lambda: kiosk.ticket.state == PRINTED, timeout=5000)
        for _ in range(kiosk.state.settings.kiosk_idle_s):
            kiosk.idle.tick()
        assert kiosk.stack.currentWidget() is kiosk.start
    finally:
        kiosk.close()
