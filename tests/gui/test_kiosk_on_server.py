"""The kiosk as a client of a real hall server (`hallq serve` in its own process), driven by
a customer's taps: a plain ticket, a slip ticket, an appointment checked in, a ticket
reprinted, a call for staff the shift lead reads through the server. A server stopped
mid-way is said on the kiosk; the customer's tap tries again once it is back and the
hall holds one ticket, not two."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from kiosk.__main__ import open_on_server, parse
from kiosk.pages.ticket import PRINTED
from kiosk.window import POINT_SIZE, KioskWindow
from shared.client.http import ServerAddress
from shared.qt.application import make_application
from shared.qt.remote import HallLink
from shared.services.appointments import book
from shared.services.devices import enrol_device
from shared.store.clock import SystemClock
from shared.store.database import Store
from shared.store.models import Incident, Ticket
from tests.gui.kiosk_driver import SIZE, commit_text, confirm_lines, tap, type_keys
from tests.integration.hall_server import HallServer, running_server

pytestmark = [
    pytest.mark.integration,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
WAIT_MS = 10000
GOOD_ID = "11010519491231002X"
PHONE = "13912345678"


@pytest.fixture
def kiosk_key(store: Store) -> str:
    """The kiosk enrolled at the server's console as kiosk-7, before the server starts."""
    return enrol_device(store, None, None, "kiosk-7", "kiosk")


@contextmanager
def kiosk_on(
    qtbot, server: HallServer, key: str, folder: Path, language: str = "zh"
) -> Iterator[tuple[KioskWindow, HallLink]]:
    """`hallq-kiosk --server URL --device-key KEY --windowed`, as started."""
    make_application([], POINT_SIZE)
    args = parse(
        [
            "--server",
            f"http://127.0.0.1:{server.port}",
            "--device-key",
            key,
            "--language",
            language,
            "--windowed",
        ]
    )
    link = HallLink(ServerAddress.parse(args.server), args.device_key)
    window = open_on_server(link, args, folder)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    link.listen()
    try:
        qtbot.waitUntil(lambda: link.connected.connected and window.following, timeout=WAIT_MS)
        yield window, link
    finally:
        window.close()
        link.close()


def banner_of(window: KioskWindow) -> QLabel:
    banner = window.findChild(QLabel, "serverBanner")
    assert isinstance(banner, QLabel)
    return banner


def tickets(store: Store) -> list[Ticket]:
    with store.read() as session:
        return list(session.scalars(select(Ticket).order_by(Ticket.id)))


def printed(qtbot, kiosk: KioskWindow, ticket: str) -> None:
    """The ticket page up with `ticket`, printed."""
    qtbot.waitUntil(
        lambda: (
            kiosk.stack.currentWidget() is kiosk.ticket
            and kiosk.ticket.number.text() == ticket
            and kiosk.ticket.state == PRINTED
        ),
        timeout=WAIT_MS,
    )


def test_a_customer_takes_tickets_checks_in_and_reprints_through_the_server(
    qtbot, store, store_target, kiosk_key, tmp_path
):
    booked = book(store, "demo", phone=PHONE, business="topup", at=SystemClock().now())
    with (
        running_server(store_target, tmp_path) as server,
        kiosk_on(qtbot, server, kiosk_key, tmp_path / "tickets") as (kiosk, _link),
    ):
        assert kiosk.hall_name.text() == kiosk.menu.hall_name
        tap(kiosk, "take-ticket")  # the waits come from the server as the menu shows
        qtbot.waitUntil(lambda: "service_change" in kiosk.business.waits, timeout=WAIT_MS)
        assert kiosk.business.waits["service_change"].ahead == 0
        tap(kiosk, "business-service_change")
        tap(kiosk, "confirm-ticket")
        printed(qtbot, kiosk, "A001")
        assert kiosk.ticket.number.text() == "A001"
        tap(kiosk, "finish")

        tap(kiosk, "take-ticket")
        tap(kiosk, "business-sim_replace")
        commit_text(kiosk.slip.entry, "张三丰")
        tap(kiosk, "next-field")
        type_keys(kiosk, GOOD_ID)
        tap(kiosk, "next-field")
        tap(kiosk, "choice-1")
        tap(kiosk, "next-field")
        assert confirm_lines(kiosk)["name"] == "张三丰"
        tap(kiosk, "confirm-ticket")
        printed(qtbot, kiosk, "B001")
        shown = kiosk.ticket.ticket
        assert shown is not None and shown.ticket == "B001" and shown.slip_code
        tap(kiosk, "finish")

        tap(kiosk, "appointment")
        type_keys(kiosk, booked.code)
        tap(kiosk, "confirm")
        printed(qtbot, kiosk, "V001")
        assert kiosk.ticket.number.text() == "V001"
        tap(kiosk, "finish")

        tap(kiosk, "appointment")  # the same code again: refused in the customer's words
        type_keys(kiosk, booked.code)
        tap(kiosk, "confirm")
        qtbot.waitUntil(lambda: "已签到" in kiosk.appointment.status.text(), timeout=WAIT_MS)
        tap(kiosk, "home")

        tap(kiosk, "reprint")
        tap(kiosk, "reprint-by-code")
        type_keys(kiosk, booked.code)
        tap(kiosk, "confirm")
        printed(qtbot, kiosk, "V001")
        again = kiosk.ticket.ticket
        assert again is not None and (again.ticket, again.phone_masked) == ("V001", "139****5678")
        assert server.tracebacks() == 0
    assert [(t.code, t.slip is not None) for t in tickets(store)] == [
        ("A001", False),
        ("B001", True),
        ("V001", False),
    ]
    printed_here = sorted(path.name[-8:] for path in (tmp_path / "tickets").glob("*.pdf"))
    assert printed_here == ["A001.pdf", "B001.pdf", "V001.pdf"]  # on the kiosk PC


def test_a_call_for_staff_reaches_the_shift_lead_through_the_server_under_the_kiosks_name(
    qtbot, store, store_target, kiosk_key, tmp_path
):
    with (
        running_server(store_target, tmp_path) as server,
        kiosk_on(qtbot, server, kiosk_key, tmp_path / "tickets", "en") as (kiosk, _link),
    ):
        tap(kiosk, "take-ticket")
        tap(kiosk, "call-help")
        qtbot.waitUntil(kiosk.help_notice.isVisible, timeout=WAIT_MS)
        assert "on the way" in kiosk.help_notice.text()
        assert not kiosk.help_button.isEnabled()
        lead = server.sign_in("M001", "2468")
        floor = server.request("GET", "/api/floor", lead)
        assert floor.status == 200
        [incident] = floor.body["incidents"]
        assert (incident["kind"], incident["source"]) == ("help_requested", "kiosk-7")
        assert server.tracebacks() == 0
    with store.read() as session:
        assert session.scalars(select(Incident.source)).all() == ["kiosk-7"]


def test_a_server_stopped_mid_visit_is_said_and_the_tap_once_back_issues_one_ticket(
    qtbot, store, store_target, kiosk_key, tmp_path
):
    with running_server(store_target, tmp_path) as server:
        port = server.port
        with kiosk_on(qtbot, server, kiosk_key, tmp_path / "tickets") as (kiosk, _link):
            tap(kiosk, "take-ticket")
            tap(kiosk, "business-service_change")
            server.process.terminate()
            server.process.wait(10)
            qtbot.waitUntil(lambda: banner_of(kiosk).isVisible(), timeout=WAIT_MS)
            assert "连接不上" in banner_of(kiosk).text()
            tap(kiosk, "confirm-ticket")
            qtbot.waitUntil(lambda: bool(kiosk.confirm.problem.text()), timeout=WAIT_MS)
            assert "连接不上营业厅服务器" in kiosk.confirm.problem.text()
            assert "server" not in kiosk.confirm.problem.text()  # a Chinese window's words
            assert kiosk.stack.currentWidget() is kiosk.confirm
            assert tickets(store) == []
            with running_server(store_target, tmp_path, port=port) as again:
                qtbot.waitUntil(lambda: not banner_of(kiosk).isVisible(), timeout=15000)
                tap(kiosk, "confirm-ticket")
                printed(qtbot, kiosk, "A001")
                assert kiosk.ticket.number.text() == "A001"
                assert again.tracebacks() == 0
    assert [t.code for t in tickets(store)] == ["A001"]


def test_the_same_tap_sent_again_gets_the_ticket_it_already_got(
    store, store_target, kiosk_key, tmp_path
):
    """A kiosk whose answer was lost sends its tap again: the hall answers with the same
    ticket and holds one."""
    tap_key = "0123456789abcdef0123456789abcdef"
    with running_server(store_target, tmp_path) as server:
        body = {"business": "topup", "tap": tap_key}
        first = server.request("POST", "/api/kiosk/tickets", kiosk_key, body)
        second = server.request("POST", "/api/kiosk/tickets", kiosk_key, body)
        other = server.request("POST", "/api/kiosk/tickets", kiosk_key, {"business": "topup"})
        assert (first.status, second.status, other.status) == (201, 201, 201)
        assert first.body["ticket"] == second.body["ticket"] == "A001"
        assert other.body["ticket"] == "A002"
    assert [t.code for t in tickets(store)] == ["A001", "A002"]
