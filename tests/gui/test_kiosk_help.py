"""A way forward for everyone: the call for staff on every screen reaches the shift lead's
monitor with the kiosk's name, and at level 2 a customer who cannot use self-service gets
a ticket after saying so, or a guide."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk.pages.ticket import PRINTED
from shared.store.models import Incident, Ticket
from shared.vocabulary import IncidentKind
from tests.gui.kiosk_driver import crowd, open_kiosk, tap, type_keys
from tests.gui.screen_helpers import live_monitor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def kiosk(qtbot, store, clock, tmp_path):
    window = open_kiosk(store, clock, tmp_path / "tickets", name="kiosk-2")
    yield window
    window.close()


def incidents(store) -> list[Incident]:
    with store.read() as session:
        return list(session.scalars(select(Incident).order_by(Incident.id)))


def tickets(store) -> list[Ticket]:
    with store.read() as session:
        return list(session.scalars(select(Ticket).order_by(Ticket.id)))


def test_every_screen_has_the_call_for_staff(kiosk):
    walk = [
        lambda: None,
        lambda: tap(kiosk, "with-phone"),
        lambda: (type_keys(kiosk, "13800000001"), tap(kiosk, "confirm")),
        lambda: tap(kiosk, "business-sim_replace"),
    ]
    for step in walk:
        step()
        assert kiosk.help_button.isVisible() and kiosk.help_button.isEnabled()
    tap(kiosk, "home")
    tap(kiosk, "appointment")
    assert kiosk.help_button.isVisible()


def test_a_call_for_staff_is_listed_on_the_shift_leads_monitor_with_the_kiosks_name(
    qtbot, kiosk, store, clock
):
    tap(kiosk, "take-ticket")
    tap(kiosk, "call-help")
    assert kiosk.help_notice.isVisible()
    assert "工作人员" in kiosk.help_notice.text()
    assert not kiosk.help_button.isEnabled()  # one call per visit, not one per nervous tap
    assert kiosk.help_button.text() == "✓ 已呼叫"
    assert kiosk.height() <= 800 and kiosk.width() <= 1280  # the notice takes no room
    [incident] = incidents(store)
    assert (incident.kind, incident.source) == (IncidentKind.HELP_REQUESTED, "kiosk-2")
    assert incident.at == clock.now()
    monitor, live = live_monitor(qtbot, store, clock)
    live.close()
    monitor.refresh()
    model = monitor.incidents_model
    rows = [
        [model.index(row, column).data(Qt.ItemDataRole.DisplayRole) for column in range(4)]
        for row in range(model.rowCount())
    ]
    assert [row[1] for row in rows] == ["kiosk-2"]
    assert "协助" in rows[0][2]
    tap(kiosk, "home")  # the next customer can call again
    assert not kiosk.help_notice.isVisible() and kiosk.help_button.isEnabled()


def test_level_two_gives_a_ticket_to_who_confirms_they_cannot_use_self_service(
    qtbot, kiosk, hall, store
):
    crowd(hall, 2)
    before = len(tickets(store))
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-bill_payment")
    assert not kiosk.diversion.ticket.isVisible()
    tap(kiosk, "cannot-self-serve")
    assert "无法" in kiosk.diversion.title.text()
    assert len(tickets(store)) == before  # one tap is a question, not a ticket
    tap(kiosk, "confirm-cannot-self-serve")
    tap(kiosk, "confirm-ticket")
    qtbot.waitUntil(lambda: kiosk.ticket.state == PRINTED, timeout=5000)
    assert len(tickets(store)) == before + 1
    tap(kiosk, "finish")
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-bill_payment")  # the next customer is asked afresh
    assert kiosk.diversion.unable.isVisible() and not kiosk.diversion.sure.isVisible()


def test_level_two_can_send_for_a_guide_instead(kiosk, hall, store):
    crowd(hall, 2)
    before = len(tickets(store))
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-topup")
    tap(kiosk, "cannot-self-serve")
    tap(kiosk, "call-guide")
    assert [i.kind for i in incidents(store)] == [IncidentKind.HELP_REQUESTED]
    assert kiosk.help_notice.isVisible()
    assert len(tickets(store)) == before
