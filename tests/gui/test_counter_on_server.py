"""The counter program as a client of a real hall server (`hallq serve` in its own process):
the clerk signs in by typing her PIN, opens, calls the ticket a kiosk issued through the
API and finishes it; the customer declines to sign and rates on the counter's screen. A
clerk signed in at counter 3 cannot act at counter 4; a lost server is said on both
windows, nothing is shown as done meanwhile, and once back on the same port the window
follows it again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QWidget
from sqlalchemy import select

from counter.__main__ import main, open_on_server, parse
from counter.app import make_application
from counter.customer.window import CustomerWindow
from counter.workstation.window import WorkstationWindow
from shared.client.http import ServerAddress
from shared.qt.remote import HallLink
from shared.resources import style_sheet
from shared.services.devices import enrol_device
from shared.services.hall_config import load_hall
from shared.store.database import Store
from shared.store.models import Rating, ServiceForm, TicketEvent
from tests.core.test_clerk_photos import png, with_photo
from tests.integration.hall_server import HallServer, running_server, snapshot

pytestmark = [
    pytest.mark.integration,
    pytest.mark.qt_log_ignore("This plugin does not support"),  # shown windows, popup menus
]
WAIT_MS = 10000


@pytest.fixture
def keys(store: Store) -> dict[str, str]:
    """A kiosk and counter 3's customer screen, enrolled at the server's console."""
    return {
        "kiosk": enrol_device(store, None, None, "kiosk-1", "kiosk"),
        "screen_3": enrol_device(store, None, None, "screen-3", "customer_screen", counter=3),
    }


@contextmanager
def counter_on(
    qtbot, server: HallServer, key: str, counter: int = 3, language: str = "en"
) -> Iterator[tuple[WorkstationWindow, CustomerWindow, HallLink]]:
    """`hallq-counter --server URL --device-key KEY --counter N`: both windows, as started."""
    app = make_application([], language)
    app.setStyleSheet(style_sheet("workstation"))
    args = parse(
        [
            "--server",
            f"http://127.0.0.1:{server.port}",
            "--device-key",
            key,
            "--counter",
            str(counter),
            "--language",
            language,
        ]
    )
    link = HallLink(ServerAddress.parse(args.server), args.device_key)
    window, customer = open_on_server(link, args)
    for shown in (customer, window):
        qtbot.addWidget(shown)
        shown.show()
    qtbot.waitExposed(window)
    link.listen()
    try:
        qtbot.waitUntil(lambda: link.connected.connected, timeout=WAIT_MS)
        yield window, customer, link
    finally:
        link.close()


def banner_of(window: QWidget) -> QLabel:
    banner = window.findChild(QLabel, "serverBanner")
    assert isinstance(banner, QLabel)
    return banner


def types_in(qtbot, window: WorkstationWindow, staff: str, pin: str) -> None:
    """The clerk types her staff id (unless still there from a refused try), Enter, her PIN,
    Enter."""
    page = window.sign_in_page
    if page.staff.text() != staff:
        qtbot.keyClicks(page.staff, staff)
        qtbot.keyClick(page.staff, Qt.Key.Key_Return)
    qtbot.keyClicks(page.pin, pin)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)


def signs_in_and_opens(qtbot, window: WorkstationWindow, staff: str = "E003") -> None:
    types_in(qtbot, window, staff, "1234")
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.open_button.isVisible(), timeout=WAIT_MS)
    qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state_label.text() == "Open", timeout=WAIT_MS)


def press(qtbot, window: WorkstationWindow, key: Qt.Key) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget() or window, key)


def issue(server: HallServer, kiosk: str) -> str:
    issued = server.request("POST", "/api/kiosk/tickets", kiosk, {"business": "topup"})
    assert issued.status == 201, issued
    ticket: str = issued.body["ticket"]
    return ticket


def test_a_clerk_signs_in_calls_and_finishes_and_the_customer_rates_through_the_server(
    qtbot, store, store_target, keys, tmp_path
):
    with (
        running_server(store_target, tmp_path) as server,
        counter_on(qtbot, server, keys["screen_3"]) as (window, customer, _link),
    ):
        types_in(qtbot, window, "E003", "9999")
        qtbot.waitUntil(lambda: "wrong PIN" in window.sign_in_page.message.text(), timeout=WAIT_MS)
        assert window.pages.currentIndex() == 0 and window.sign_in_page.pin.text() == ""
        signs_in_and_opens(qtbot, window)
        assert "E003" in window.heading.text()
        ticket = issue(server, keys["kiosk"])
        press(qtbot, window, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: window.ticket_label.text() == ticket, timeout=WAIT_MS)
        assert window.message.text() == f"Calling {ticket}."
        qtbot.waitUntil(window.finish_button.isEnabled, timeout=WAIT_MS)
        press(qtbot, window, Qt.Key.Key_F8)  # the amount not chosen yet: refused, in one line
        qtbot.waitUntil(lambda: "Amount is required" in window.message.text(), timeout=WAIT_MS)
        assert window.ticket_label.text() == ticket and "\n" not in window.message.text()
        assert customer.pages.currentIndex() == 0
        for field in ("amount", "pay_method"):
            qtbot.keyClick(window.findChild(QComboBox, f"field_topup_{field}"), Qt.Key.Key_Down)
        qtbot.waitUntil(window.finish_button.isEnabled, timeout=WAIT_MS)
        press(qtbot, window, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: customer.pages.currentIndex() == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: ticket in customer.form_view.toPlainText(), timeout=WAIT_MS)
        assert "E003" in customer.form_view.toPlainText()
        assert f"{ticket} finished" in window.message.text()
        qtbot.waitUntil(window.call_button.isEnabled, timeout=WAIT_MS)  # while the customer signs
        qtbot.mouseClick(customer.decline_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(customer.decline_confirm, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: customer.pages.currentIndex() == 4, timeout=WAIT_MS)
        qtbot.mouseClick(customer.rating_buttons["satisfied"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: customer.pages.currentIndex() == 0, timeout=WAIT_MS)
        assert customer.welcome.text() == "Thank you for your rating!"
        qtbot.waitUntil(window.call_button.isEnabled, timeout=WAIT_MS)
        assert window.customer_status.text() == f"{ticket} is done at the customer screen."
        qtbot.waitUntil(lambda: window.figures.isVisible(), timeout=WAIT_MS)
        assert server.tracebacks() == 0
    with store.read() as session:
        assert session.scalars(select(Rating.rating)).all() == ["satisfied"]
        form = session.scalars(select(ServiceForm)).one()
        assert form.signed is False and form.decline_reason == "I do not agree with the terms"


def test_a_chosen_call_finish_and_next_and_a_reasoned_rating_through_the_server(
    qtbot, store, store_target, keys, tmp_path
):
    with (
        running_server(store_target, tmp_path) as server,
        counter_on(qtbot, server, keys["screen_3"]) as (window, customer, _link),
    ):
        signs_in_and_opens(qtbot, window)
        first, second = issue(server, keys["kiosk"]), issue(server, keys["kiosk"])
        table = window.queue_panel.ticket_table
        qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=WAIT_MS)
        spot = table.visualRect(table.model().index(1, 0)).center()
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        press(qtbot, window, Qt.Key.Key_F5)
        qtbot.keyClick(window.reason_menu, Qt.Key.Key_2)  # 2: a booked customer on time
        qtbot.waitUntil(lambda: window.ticket_label.text() == second, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: "Serving 0:0" in window.timer.text(), timeout=WAIT_MS)
        qtbot.waitUntil(window.finish_next_button.isEnabled, timeout=WAIT_MS)
        for field in ("amount", "pay_method"):
            qtbot.keyClick(window.findChild(QComboBox, f"field_topup_{field}"), Qt.Key.Key_Down)
        press(qtbot, window, Qt.Key.Key_F10)
        qtbot.waitUntil(lambda: window.ticket_label.text() == first, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: customer.ticket == second, timeout=WAIT_MS)
        assert customer.clerk.text() == "Your clerk: 张伟   Staff number: E003"
        qtbot.mouseClick(customer.decline_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(customer.decline_confirm, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: customer.pages.currentIndex() == 4, timeout=WAIT_MS)
        qtbot.mouseClick(customer.rating_buttons["dissatisfied"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(customer.reason_buttons["long_wait"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: customer.pages.currentIndex() == 0, timeout=WAIT_MS)
        qtbot.waitUntil(
            lambda: window.figures.values["reasons"].text() == "long wait 1", timeout=WAIT_MS
        )
        assert server.tracebacks() == 0
    with store.read() as session:
        assert session.execute(select(Rating.rating, Rating.reason)).one() == (
            "dissatisfied",
            "long_wait",
        )
        assert session.scalars(
            select(TicketEvent.reason).where(TicketEvent.kind == "called")
        ).all() == [
            "appointment",
            None,
        ]


def test_the_scanned_slip_fills_the_form_and_the_archive_opens_the_form_through_the_server(
    qtbot, store, store_target, keys, tmp_path
):
    slip = {"name": "张三丰", "id_number": "11010519491231002X", "reason": "丢失"}
    with (
        running_server(store_target, tmp_path) as server,
        counter_on(qtbot, server, keys["screen_3"]) as (window, customer, _link),
    ):
        opened: list = []
        window.open_pdf = opened.append  # the desktop's PDF viewer, here
        signs_in_and_opens(qtbot, window)
        issued = server.request(
            "POST", "/api/kiosk/tickets", keys["kiosk"], {"business": "sim_replace", "slip": slip}
        )
        press(qtbot, window, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: window.scan.hasFocus(), timeout=WAIT_MS)
        qtbot.keyClicks(window.scan, "not a slip")
        qtbot.keyClick(window.scan, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "not a hallq slip code" in window.message.text(), timeout=WAIT_MS)
        qtbot.keyClicks(window.scan, issued.body["slip_code"])
        qtbot.keyClick(window.scan, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Slip accepted" in window.message.text(), timeout=WAIT_MS)
        name = window.findChild(QLineEdit, "field_sim_replace_name")
        assert isinstance(name, QLineEdit) and name.text() == "张三丰"
        qtbot.waitUntil(lambda: "slip checked" in window.slip_label.text(), timeout=WAIT_MS)
        press(qtbot, window, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: customer.pages.currentIndex() == 1, timeout=WAIT_MS)
        qtbot.mouseClick(customer.decline_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(customer.decline_confirm, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: customer.pages.currentIndex() == 4, timeout=WAIT_MS)
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: getattr(window, "archive", None) is not None, timeout=WAIT_MS)
        dialog = window.archive
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT_MS)
        assert dialog.table.item(0, 2).text() == issued.body["ticket"]
        cell = dialog.table.visualItemRect(dialog.table.item(0, 0)).center()
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.waitUntil(lambda: len(opened) == 1, timeout=WAIT_MS)
        assert opened[0].read_bytes().startswith(b"%PDF")
        dialog.close()
        window.close()  # the program ends: no customer's form stays on the PC
        assert not opened[0].exists() and not opened[0].parent.exists()
        assert server.tracebacks() == 0


def test_a_clerk_signed_in_at_counter_3_cannot_act_at_counter_4(
    qtbot, store, store_target, keys, tmp_path
):
    with (
        running_server(store_target, tmp_path) as server,
        counter_on(qtbot, server, keys["screen_3"]) as (window, _customer, _link),
    ):
        signs_in_and_opens(qtbot, window)
        assert window.clerk is not None and window.clerk.token is not None
        before = snapshot(store)
        for act, body in (("open", {}), ("call", None), ("close", None)):
            answer = server.request("POST", f"/api/counters/4/{act}", window.clerk.token, body)
            assert answer.status == 403, answer
            assert answer.detail == "E003 is signed in at counter 3, not counter 4"
        assert snapshot(store) == before


def test_counter_4_started_with_counter_3s_screen_key_is_refused_with_the_reason(
    qtbot, store, store_target, keys, tmp_path
):
    with (
        running_server(store_target, tmp_path) as server,
        counter_on(qtbot, server, keys["screen_3"], counter=4) as (window, customer, _link),
    ):
        signs_in_and_opens(qtbot, window, "E004")
        ticket = issue(server, keys["kiosk"])
        press(qtbot, window, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: window.ticket_label.text() == ticket, timeout=WAIT_MS)
        qtbot.waitUntil(window.finish_button.isEnabled, timeout=WAIT_MS)
        for field in ("amount", "pay_method"):
            qtbot.keyClick(window.findChild(QComboBox, f"field_topup_{field}"), Qt.Key.Key_Down)
        press(qtbot, window, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: customer.pages.currentIndex() == 1, timeout=WAIT_MS)
        qtbot.waitUntil(
            lambda: "not counter 4" in customer.form_view.toPlainText(), timeout=WAIT_MS
        )


def test_a_lost_server_is_said_nothing_is_done_meanwhile_and_the_window_recovers(
    qtbot, store, store_target, keys, tmp_path
):
    with running_server(store_target, tmp_path) as server:
        port = server.port
        with counter_on(qtbot, server, keys["screen_3"]) as (window, customer, _link):
            signs_in_and_opens(qtbot, window)
            first = issue(server, keys["kiosk"])
            server.process.terminate()
            server.process.wait(10)
            qtbot.waitUntil(lambda: banner_of(window).isVisible(), timeout=WAIT_MS)
            assert "cannot be reached" in banner_of(window).text()
            assert banner_of(customer).isVisible()
            press(qtbot, window, Qt.Key.Key_F2)
            qtbot.waitUntil(lambda: "nothing was done" in window.message.text(), timeout=WAIT_MS)
            assert window.ticket_label.text() == "—"
            qtbot.waitUntil(window.call_button.isEnabled, timeout=WAIT_MS)  # F2 tries again
            with running_server(store_target, tmp_path, port=port) as again:
                qtbot.waitUntil(lambda: not banner_of(window).isVisible(), timeout=15000)
                assert not banner_of(customer).isVisible()
                press(qtbot, window, Qt.Key.Key_F2)
                qtbot.waitUntil(lambda: window.ticket_label.text() == first, timeout=WAIT_MS)
                assert again.tracebacks() == 0


def test_a_clerk_whose_session_was_revoked_is_back_at_the_sign_in_page_with_the_reason(
    qtbot, store, store_target, keys, tmp_path
):
    with (
        running_server(store_target, tmp_path) as server,
        counter_on(qtbot, server, keys["screen_3"]) as (window, _customer, _link),
    ):
        signs_in_and_opens(qtbot, window)
        admin = server.sign_in("S001", "1357")
        revoked = server.request("POST", "/api/staff/E003/revoke-sessions", admin)
        assert revoked.status in (200, 204), revoked
        issue(server, keys["kiosk"])
        before = snapshot(store)
        press(qtbot, window, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: window.pages.currentIndex() == 0, timeout=WAIT_MS)
        assert "not signed in" in window.sign_in_page.message.text()
        assert window.clerk is None and snapshot(store) == before


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["--server", "http://127.0.0.1:9"], "--server needs --device-key"),
        (["--server", "http://x:1", "--db", "a.sqlite3"], "not both"),
        (["--device-key", "hd_x", "--db", "a.sqlite3"], "--device-key needs --server"),
        (["--server", "ftp://x", "--device-key", "hd_x"], "a server is http://"),
        (["--db", "a.sqlite3", "--counter", "0"], "a counter is numbered 1 to 999"),
    ],
)
def test_a_counter_started_half_configured_says_why_in_one_line(argv, reason, capsys, monkeypatch):
    monkeypatch.delenv("HALLQ_SERVER", raising=False)
    monkeypatch.delenv("HALLQ_DEVICE_KEY", raising=False)
    assert main(argv) == 1
    error = capsys.readouterr().err
    assert reason in error and error.count("\n") == 1


def test_the_server_and_key_come_from_the_environment_unless_a_store_is_named(monkeypatch):
    monkeypatch.setenv("HALLQ_SERVER", "http://10.0.0.5:8470")
    monkeypatch.setenv("HALLQ_DEVICE_KEY", "hd_screen")
    args = parse(["--counter", "3"])
    assert (args.server, args.device_key) == ("http://10.0.0.5:8470", "hd_screen")
    assert parse(["--db", "here.sqlite3"]).server is None


def test_the_customer_screen_shows_the_clerks_photo_served_by_the_hall_server(
    qtbot, store, store_target, keys, tmp_path
):
    """The photo comes through the counter's authenticated route; without a key, none."""
    (tmp_path / "e003.png").write_bytes(png(colour=(30, 120, 200)))
    with store.write() as session:
        load_hall(session, with_photo("e003.png", "E003"), tmp_path)
    with (
        running_server(store_target, tmp_path) as server,
        counter_on(qtbot, server, keys["screen_3"]) as (window, customer, _link),
    ):
        signs_in_and_opens(qtbot, window)
        assert customer.clerk.text() == "Your clerk: 张伟   Staff number: E003"

        def photo_shown() -> bool:
            image = customer.photo.pixmap().toImage()
            return image.pixelColor(image.width() // 2, image.height() // 2) == QColor(30, 120, 200)

        qtbot.waitUntil(photo_shown, timeout=WAIT_MS)
        refused = server.request("GET", "/api/counters/3/clerk-photo", None)
        assert refused.status == 401, refused
        elsewhere = server.request("GET", "/api/counters/4/clerk-photo", keys["screen_3"])
        assert elsewhere.status == 403, elsewhere
        assert server.tracebacks() == 0
