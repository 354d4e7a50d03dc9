"""Service and sales on the shift lead's monitor, in Chinese and in English, by clicks: a
不满意 rating opens a case the lead gives a call-back, records and closes; a complaint she
logs opens another; a customer on the sensitive-complaint list taking a ticket shows on the
monitor until she acknowledges it; the running campaign's feedback with its revenue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from shared.services import audit
from shared.services.offers import record_offer
from shared.services.staff import staff_actor
from shared.store.lookup import find_hall
from shared.store.models import Case, FlagAcknowledgement
from tests.gui.offer_setup import CAMPAIGN, LISTED, TARGET, run_campaign
from tests.gui.screen_helpers import live_monitor

BOTH = pytest.mark.parametrize("language", ["zh", "en"])
WORDS = {
    "zh": {
        "tab": "服务与营销",
        "why": "不满意评价",
        "list": "敏感投诉名单",
        "resolved": "已解决",
        "closed": "案件 1 已关闭。",
    },
    "en": {
        "tab": "Service and sales",
        "why": "Dissatisfied rating",
        "list": "Sensitive complaints",
        "resolved": "Resolved",
        "closed": "Case 1 closed.",
    },
}


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


@pytest.fixture
def served(hall, clock):
    """Counter 2 open with E002; `serve(phone, rating)` issues, calls, finishes and rates."""
    hall.open_counter(2, "E002")

    def serve(phone: str | None, rating: str | None = None) -> str:
        issued = hall.issue("topup", phone=phone)
        clock.advance(20)
        hall.call(2)
        clock.advance(120)
        hall.finish(2)
        if rating is not None:
            hall.rate(2, rating, ticket=issued.ticket)
        return issued.ticket

    return serve


@BOTH
def test_a_dissatisfied_rating_opens_a_case_the_lead_calls_back_and_closes(
    qtbot, store, clock, served, language
):
    monitor, live = live_monitor(qtbot, store, clock, language)
    try:
        panel = monitor.service_panel
        words = WORDS[language]
        assert monitor.tabs.tabText(monitor.tabs.indexOf(panel)) == words["tab"]
        ticket = served(None, "dissatisfied")
        qtbot.waitUntil(lambda: panel.cases_model.rowCount() == 1, timeout=3000)
        assert cell(panel.cases_model, 0, 1).startswith(ticket)
        assert cell(panel.cases_model, 0, 2) == "E002"
        assert cell(panel.cases_model, 0, 3) == words["why"]
        monitor.tabs.setCurrentWidget(panel)
        assert not panel.assign_button.isEnabled()  # until a case is chosen
        rect = panel.cases_view.visualRect(panel.cases_model.index(0, 0))
        qtbot.mouseClick(panel.cases_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert not panel.outcome_buttons["resolved"].isEnabled()  # not assigned yet
        panel.assign_to.setCurrentIndex(panel.assign_to.findData("E001"))
        click(qtbot, panel.assign_button)
        qtbot.waitUntil(lambda: cell(panel.cases_model, 0, 5) == "E001", timeout=3000)
        clock.advance(3600)
        click(qtbot, panel.outcome_buttons["resolved"])
        qtbot.waitUntil(lambda: cell(panel.cases_model, 0, 6) == words["resolved"], timeout=3000)
        click(qtbot, panel.close_button)
        qtbot.waitUntil(lambda: panel.cases_model.rowCount() == 0, timeout=3000)
        assert panel.message.text() == words["closed"] and not panel.no_case.isHidden()
        with store.read() as session:
            [case] = session.scalars(select(Case)).all()
            assert str(case.callback_outcome) == "resolved" and case.closed_at == clock.now()
            hall = find_hall(session, "demo")
            acts = [e.action for e in audit.entries(session, hall.id)]
        assert acts[-3:] == ["callback_assigned", "callback_recorded", "case_closed"]
    finally:
        live.close()


@BOTH
def test_the_lead_logs_a_complaint_about_a_ticket_of_today(qtbot, store, clock, served, language):
    monitor, live = live_monitor(qtbot, store, clock, language)
    try:
        panel = monitor.service_panel
        ticket = served(None)
        qtbot.keyClicks(panel.complaint_ticket, ticket.lower())
        qtbot.keyClicks(panel.complaint_note, "rude on the phone")
        click(qtbot, panel.complaint_button)
        qtbot.waitUntil(lambda: panel.cases_model.rowCount() == 1, timeout=3000)
        qtbot.keyClicks(panel.complaint_ticket, "Z999")
        qtbot.keyClicks(panel.complaint_note, "no such ticket")
        click(qtbot, panel.complaint_button)
        assert "Z999" in panel.message.text() and panel.cases_model.rowCount() == 1
    finally:
        live.close()


@BOTH
def test_a_flagged_customers_ticket_alerts_the_monitor_until_acknowledged(
    qtbot, store, clock, hall, language
):
    run_campaign(store, clock)
    monitor, live = live_monitor(qtbot, store, clock, language)
    try:
        panel = monitor.service_panel
        words = WORDS[language]
        assert panel.flag_line.isHidden() and not panel.ack_flag_button.isEnabled()
        hall.issue("topup", phone=LISTED["greylist"])  # not a flagged list
        clock.advance(60)
        issued = hall.issue("topup", phone=LISTED["sensitive_complaint"])
        qtbot.waitUntil(lambda: panel.flags_model.rowCount() == 1, timeout=3000)
        assert not panel.flag_line.isHidden() and issued.ticket in panel.flag_line.text()
        assert "08:31" in panel.flag_line.text()
        tab = monitor.tabs.tabText(monitor.tabs.indexOf(panel))
        assert tab == f"{words['tab']} (1)"
        assert [cell(panel.flags_model, 0, c) for c in range(3)] == [
            issued.ticket,
            "08:31",
            words["list"],
        ]
        click(qtbot, panel.ack_flag_button)
        qtbot.waitUntil(lambda: cell(panel.flags_model, 0, 3) == "M001", timeout=3000)
        assert panel.flag_line.isHidden()
        assert monitor.tabs.tabText(monitor.tabs.indexOf(panel)) == words["tab"]
        assert not panel.ack_flag_button.isEnabled()
        with store.read() as session:
            [seen] = session.scalars(select(FlagAcknowledgement)).all()
            assert str(seen.kind) == "sensitive_complaint"
    finally:
        live.close()


@BOTH
def test_the_running_campaigns_feedback_with_its_revenue(qtbot, store, clock, hall, language):
    run_campaign(store, clock)
    hall.open_counter(2, "E002")
    hall.issue("topup", phone=TARGET)
    hall.call(2)
    clerk = staff_actor(store, "demo", "E002", 2)
    record_offer(store, "demo", clerk, 2, campaign=CAMPAIGN, outcome="accepted", clock=clock)
    hall.finish(2)
    monitor, live = live_monitor(qtbot, store, clock, language)
    try:
        panel = monitor.service_panel
        qtbot.waitUntil(lambda: panel.feedback_model.rowCount() == 1, timeout=3000)
        row = [cell(panel.feedback_model, 0, c) for c in range(7)]
        assert row == [CAMPAIGN, "6", "1", "1", "1", "100%", "30"]
    finally:
        live.close()
