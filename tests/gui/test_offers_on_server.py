"""Service and sales through a real hall server (`hallq serve` in its own process): the
clerk at counter 3 sees the campaign for the kiosk's targeted customer and records it
accepted by key; the shift lead's monitor shows the flagged customer's ticket until she
acknowledges it, and handles the case a complaint she logs opens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from counter.screen.sources import ServerSource
from shared.services.devices import enrol_device
from shared.store.clock import SystemClock
from shared.store.models import Case, FlagAcknowledgement, Offer, Transaction
from tests.gui.offer_setup import CAMPAIGN, LISTED, SCRIPT, TARGET, run_campaign
from tests.gui.test_counter_on_server import counter_on, signs_in_and_opens
from tests.gui.test_counter_on_server import keys as counter_keys
from tests.gui.test_screen_on_server import screen_on
from tests.integration.hall_server import HallServer, running_server

pytestmark = [
    pytest.mark.integration,
    pytest.mark.qt_log_ignore("This plugin does not support"),
]
keys = counter_keys
WAIT_MS = 10000


def issue(server: HallServer, kiosk: str, phone: str) -> str:
    issued = server.request(
        "POST", "/api/kiosk/tickets", kiosk, {"business": "topup", "phone": phone}
    )
    assert issued.status == 201, issued
    return str(issued.body["ticket"])


def test_the_clerk_records_an_accepted_offer_through_the_server(
    qtbot, store, store_target, keys, tmp_path
):
    run_campaign(store, SystemClock())  # the server's days are the machine's
    with (
        running_server(store_target, tmp_path) as server,
        counter_on(qtbot, server, keys["screen_3"]) as (window, _customer, _link),
    ):
        signs_in_and_opens(qtbot, window)
        ticket = issue(server, keys["kiosk"], TARGET)
        panel = window.offer_panel
        qtbot.waitUntil(window.call_button.isEnabled, timeout=WAIT_MS)
        qtbot.mouseClick(window.call_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.ticket_label.text() == ticket, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: SCRIPT in panel.script.text(), timeout=WAIT_MS)
        assert CAMPAIGN in panel.campaign.text()
        qtbot.mouseClick(panel.accepted_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Accepted" in panel.status.text(), timeout=WAIT_MS)
        assert server.tracebacks() == 0
    with store.read() as session:
        assert session.scalars(select(Offer.outcome)).all() == ["accepted"]
        assert session.execute(select(Transaction.recommended, Transaction.accepted)).all() == [
            (True, True)
        ]


@pytest.fixture
def board_key(store):
    return enrol_device(store, None, None, "board-1", "board")


def test_the_lead_acknowledges_a_flag_and_closes_a_case_through_the_server(
    qtbot, store, store_target, keys, board_key, tmp_path
):
    run_campaign(store, SystemClock())
    with running_server(store_target, tmp_path) as server:
        token = server.sign_in("E003", "1234", counter=3)
        assert server.request("POST", "/api/counters/3/open", token, {}).status == 200
        flagged = issue(server, keys["kiosk"], LISTED["sensitive_complaint"])
        assert server.request("POST", "/api/counters/3/call", token).status == 200
        with screen_on(qtbot, server, board_key) as (_board, monitor, _link):
            assert isinstance(monitor.source, ServerSource)
            page = monitor.sign_in_page
            qtbot.keyClicks(page.staff, "M001")
            qtbot.keyClicks(page.pin, "2468")
            qtbot.keyClick(page.pin, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: monitor.pages.currentIndex() == 1, timeout=WAIT_MS)
            panel = monitor.service_panel
            bar = monitor.tabs.tabBar()  # the lead opens the Service and sales tab
            tab = bar.tabRect(monitor.tabs.indexOf(panel)).center()
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=tab)
            assert monitor.tabs.currentWidget() is panel
            qtbot.waitUntil(lambda: panel.flags_model.rowCount() == 1, timeout=WAIT_MS)
            assert flagged in panel.flag_line.text()
            qtbot.mouseClick(panel.ack_flag_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: panel.flag_line.isHidden(), timeout=WAIT_MS)
            qtbot.keyClicks(panel.complaint_ticket, flagged)
            qtbot.keyClicks(panel.complaint_note, "asked twice for the same papers")
            qtbot.mouseClick(panel.complaint_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: panel.cases_model.rowCount() == 1, timeout=WAIT_MS)
            # the table appears with its first case: the lead clicks it once it is laid out
            first = panel.cases_model.index(0, 0)
            qtbot.waitUntil(
                lambda: (
                    panel.cases_view.isVisible()
                    and not panel.cases_view.visualRect(first).isEmpty()
                ),
                timeout=WAIT_MS,
            )
            rect = panel.cases_view.visualRect(first)
            qtbot.mouseClick(
                panel.cases_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
            )
            qtbot.waitUntil(panel.assign_button.isEnabled, timeout=WAIT_MS)
            panel.assign_to.setCurrentIndex(panel.assign_to.findData("E001"))
            qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: panel.outcome_buttons["escalated"].isEnabled(), timeout=WAIT_MS)
            qtbot.mouseClick(panel.outcome_buttons["escalated"], Qt.MouseButton.LeftButton)
            qtbot.waitUntil(
                lambda: panel.cases_model.data(panel.cases_model.index(0, 6)) == "已升级",
                timeout=WAIT_MS,
            )
            qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: panel.cases_model.rowCount() == 0, timeout=WAIT_MS)
        assert server.tracebacks() == 0
    with store.read() as session:
        assert session.scalars(select(FlagAcknowledgement.kind)).all() == ["sensitive_complaint"]
        [case] = session.scalars(select(Case)).all()
        assert str(case.callback_outcome) == "escalated" and case.closed_at is not None
