"""The hall screen as a client of a real hall server (`hallq serve` in its own process):
the board follows calls made through the server by a kiosk and a clerk; a lost server is
said on screen and, once back on the same port, followed again with what changed
meanwhile; the lead signs in on the monitor by typing the PIN and acknowledges."""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy import select

from counter.app import make_application
from counter.screen.__main__ import main, open_windows, parse
from counter.screen.board import CallingBoard
from counter.screen.monitor import LeadMonitor
from counter.screen.sources import ServerSource
from shared.client.http import ServerAddress
from shared.qt.remote import HallLink
from shared.services import audit
from shared.services.alerts import alert_changes
from shared.services.devices import enrol_device, revoke_device
from shared.services.hall import HallService
from shared.store.clock import SystemClock
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import AuditEntry, Clerk, StaffSession
from tests.gui.kiosk_driver import commit_text
from tests.gui.screen_helpers import LANGUAGE, hallq
from tests.gui.warned_days import two_mornings
from tests.integration.hall_server import HallServer, free_port, running_server

pytestmark = [
    pytest.mark.integration,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),  # shown windows
]
UNREACHABLE_ZH = "起连接不上"


@pytest.fixture
def keys(store: Store) -> dict[str, str]:
    """A board and a kiosk enrolled at the server's console, before it starts."""
    return {kind: enrol_device(store, None, None, f"{kind}-1", kind) for kind in ("board", "kiosk")}


@contextmanager
def screen_on(
    qtbot, server: HallServer, key: str
) -> Iterator[tuple[CallingBoard, LeadMonitor, HallLink]]:
    """`hallq-screen --server URL --device-key KEY --windowed`: both windows, as started."""
    make_application([], LANGUAGE)
    args: argparse.Namespace = parse(
        ["--server", f"http://127.0.0.1:{server.port}", "--device-key", key, "--windowed"]
    )
    link = HallLink(ServerAddress.parse(args.server), args.device_key)
    board, monitor = open_windows(ServerSource(link), link, args, link)
    assert isinstance(board, CallingBoard) and isinstance(monitor, LeadMonitor)
    for window in (board, monitor):
        qtbot.addWidget(window)
    link.listen()
    try:
        qtbot.waitUntil(lambda: link.connected.connected, timeout=10000)
        yield board, monitor, link
    finally:
        link.close()


def banner_of(window: QWidget) -> QLabel:
    banner = window.findChild(QLabel, "serverBanner")
    assert isinstance(banner, QLabel)
    return banner


def issue_and_call(server: HallServer, kiosk_key: str, clerk: str, counter: int) -> str:
    """A kiosk issues a ticket and a clerk, signed in at her counter, calls the next one;
    the ticket called."""
    issued = server.request("POST", "/api/kiosk/tickets", kiosk_key, {"business": "topup"})
    assert issued.status == 201, issued
    token = server.sign_in(clerk, "1234", counter=counter)
    opened = server.request("POST", f"/api/counters/{counter}/open", token, {})
    assert opened.status == 200, opened
    called = server.request("POST", f"/api/counters/{counter}/call", token)
    assert called.status == 200, called
    return str(called.body["ticket"])


def test_a_call_made_through_the_server_shows_on_the_board_and_is_announced(
    qtbot, store, store_target, keys, tmp_path
):
    with (
        running_server(store_target, tmp_path) as server,
        screen_on(qtbot, server, keys["board"]) as (board, _monitor, _link),
    ):
        qtbot.waitUntil(lambda: board.board is not None, timeout=5000)
        assert board.card_tickets[0].text() == "—"
        assert not banner_of(board).isVisible()
        with qtbot.waitSignal(board.announcer.announced, timeout=5000) as spoken:
            ticket = issue_and_call(server, keys["kiosk"], "E003", 3)
            answered = time.monotonic()  # the clerk's call got its 200
            qtbot.waitUntil(lambda: board.card_tickets[0].text() == ticket, timeout=5000)
        shown_after = time.monotonic() - answered
        assert server.tracebacks() == 0
    assert shown_after < 1.0, shown_after  # the hall's promise, through the server too
    assert ticket == "A001"
    assert board.card_counters[0].text() == "3 号窗口"
    assert spoken.args == ["请 A零零一 号到 3 号窗口"]
    assert board.flashing


@pytest.mark.slow
def test_a_lost_server_is_said_on_screen_and_followed_again_once_back(
    qtbot, store, store_target, keys, tmp_path
):
    with running_server(store_target, tmp_path) as server:
        port = server.port
        with screen_on(qtbot, server, keys["board"]) as (board, monitor, _link):
            qtbot.waitUntil(lambda: board.board is not None, timeout=5000)
            ticket = issue_and_call(server, keys["kiosk"], "E001", 1)
            qtbot.waitUntil(lambda: board.card_tickets[0].text() == ticket, timeout=5000)
            lead_signs_in(qtbot, monitor)  # the rise to level 2 before counter 1 opened awaits
            server.process.terminate()
            server.process.wait(10)
            qtbot.waitUntil(lambda: banner_of(board).isVisible(), timeout=5000)
            assert UNREACHABLE_ZH in banner_of(board).text()
            assert "cannot be reached" in banner_of(board).text()
            assert banner_of(monitor).isVisible()
            assert not monitor.ack_button.isEnabled()  # nothing can be acknowledged meanwhile
            assert board.card_tickets[0].text() == ticket  # the last calls stay on the board
            # committed while no server runs (a console tool on the store): missed by the feed
            HallService(store, "demo", SystemClock()).issue("topup")
            with running_server(store_target, tmp_path, port=port) as again:
                qtbot.waitUntil(lambda: not banner_of(board).isVisible(), timeout=15000)
                assert not banner_of(monitor).isVisible()
                qtbot.waitUntil(lambda: _waiting(board) == 1, timeout=5000)
                second = issue_and_call(again, keys["kiosk"], "E002", 2)
                qtbot.waitUntil(lambda: board.card_tickets[0].text() == second, timeout=5000)
                qtbot.waitUntil(monitor.ack_button.isEnabled, timeout=5000)
                qtbot.mouseClick(monitor.ack_button, Qt.MouseButton.LeftButton)
                qtbot.waitUntil(lambda: "已由 M001" in monitor.ack_label.text(), timeout=5000)
                assert again.tracebacks() == 0
    assert (ticket, second) == ("A001", "A002")  # A002 issued while the server was down


def test_the_lead_writes_the_day_report_through_the_server(
    qtbot, store, store_target, keys, tmp_path
):
    with (
        running_server(store_target, tmp_path) as server,
        screen_on(qtbot, server, keys["board"]) as (_board, monitor, _link),
    ):
        issued = server.request("POST", "/api/kiosk/tickets", keys["kiosk"], {"business": "topup"})
        assert issued.status == 201
        lead_signs_in(qtbot, monitor)
        assert not monitor.report_button.isHidden()
        monitor.write_report(tmp_path / "reports")
        qtbot.waitUntil(monitor.report_button.isEnabled, timeout=30000)
        [pdf] = (tmp_path / "reports").glob("hallq-day-*.pdf")
        assert pdf.read_bytes().startswith(b"%PDF") and str(pdf) in monitor.report_label.text()
        assert server.tracebacks() == 0
    with store.read() as session:
        (export,) = audit.entries(session, find_hall(session, "demo").id, action="export")
        lead = session.get(Clerk, export.clerk_id)
    assert lead is not None and (lead.staff_id, export.detail["report"]) == ("M001", "day report")


def test_a_lead_whose_session_was_revoked_is_back_at_the_sign_in_page_with_the_reason(
    qtbot, store, store_target, keys, tmp_path
):
    with (
        running_server(store_target, tmp_path) as server,
        screen_on(qtbot, server, keys["board"]) as (_board, monitor, _link),
    ):
        issued = server.request("POST", "/api/kiosk/tickets", keys["kiosk"], {"business": "topup"})
        assert issued.status == 201
        lead_signs_in(qtbot, monitor)
        admin = server.sign_in("S001", "1357")
        revoked = server.request("POST", "/api/staff/M001/revoke-sessions", admin)
        assert revoked.status == 200 and revoked.body == {"revoked": 1}
        server.request("POST", "/api/kiosk/tickets", keys["kiosk"], {"business": "topup"})
        qtbot.waitUntil(lambda: monitor.pages.currentIndex() == 0, timeout=5000)
        assert "sign in again" in monitor.sign_in_page.message.text()
        assert monitor.lead is None
        assert server.tracebacks() == 0


def test_a_board_whose_key_was_revoked_says_the_server_refused_it(
    qtbot, store, store_target, keys, tmp_path
):
    revoke_device(store, None, None, "board-1")  # a board PC replaced: its old key is dead
    make_application([], LANGUAGE)
    with running_server(store_target, tmp_path) as server:
        args = parse(["--server", f"http://127.0.0.1:{server.port}", "--device-key", keys["board"]])
        link = HallLink(ServerAddress.parse(args.server), args.device_key)
        board, monitor = open_windows(ServerSource(link), link, args, link)
        for window in (board, monitor):
            qtbot.addWidget(window)
        link.listen()
        try:
            qtbot.waitUntil(lambda: banner_of(board).isVisible(), timeout=10000)
        finally:
            link.close()
        assert server.tracebacks() == 0
    assert "营业厅服务器拒绝了本屏幕" in banner_of(board).text()
    assert "refused this screen: unknown or revoked device key" in banner_of(board).text()
    assert isinstance(board, CallingBoard) and board.board is None  # nothing shown unproved


@pytest.mark.slow
def test_a_board_started_before_the_server_says_so_and_fills_once_it_answers(
    qtbot, store, store_target, keys, tmp_path
):
    """A board PC that boots before the server's PC."""
    make_application([], LANGUAGE)
    port = free_port()
    args = parse(["--server", f"http://127.0.0.1:{port}", "--device-key", keys["board"]])
    link = HallLink(ServerAddress.parse(args.server), args.device_key)
    board, monitor = open_windows(ServerSource(link), link, args, link)
    assert isinstance(board, CallingBoard)
    for window in (board, monitor):
        qtbot.addWidget(window)
    link.listen()
    try:
        qtbot.waitUntil(lambda: banner_of(board).isVisible(), timeout=5000)
        assert UNREACHABLE_ZH in banner_of(board).text() and board.board is None
        with running_server(store_target, tmp_path, port=port) as server:
            qtbot.waitUntil(lambda: board.board is not None, timeout=15000)
            assert not banner_of(board).isVisible()
            assert server.tracebacks() == 0
    finally:
        link.close()
    assert board.hall_name.text() == "中国移动 示范营业厅"


def lead_signs_in(qtbot, monitor: LeadMonitor) -> None:
    """M001 types her staff id and PIN on the monitor's page and presses Enter."""
    page = monitor.sign_in_page
    qtbot.keyClicks(page.staff, "M001")
    qtbot.keyClicks(page.pin, "2468")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(monitor.ack_button.isEnabled, timeout=5000)
    assert monitor.pages.currentIndex() == 1


def _waiting(board: CallingBoard) -> int:
    assert board.board is not None
    return sum(queue.waiting for queue in board.board.now.queues)


def test_the_lead_signs_in_on_the_monitor_by_pin_and_acknowledges_through_the_server(
    qtbot, store, store_target, keys, tmp_path
):
    with (
        running_server(store_target, tmp_path) as server,
        screen_on(qtbot, server, keys["board"]) as (_board, monitor, _link),
    ):
        issued = server.request("POST", "/api/kiosk/tickets", keys["kiosk"], {"business": "topup"})
        assert issued.status == 201  # waiting, no counter open: level 2
        page = monitor.sign_in_page
        qtbot.keyClicks(page.staff, "E001")  # a clerk: refused, her session ended at once
        qtbot.keyClicks(page.pin, "1234")
        qtbot.keyClick(page.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "只有值班长或管理员" in page.message.text(), timeout=5000)
        assert monitor.pages.currentIndex() == 0
        page.staff.clear()
        lead_signs_in(qtbot, monitor)
        assert monitor.lead_label.text().startswith("M001")
        assert "尚未确认" in monitor.ack_label.text()
        qtbot.mouseClick(monitor.ack_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "已由 M001" in monitor.ack_label.text(), timeout=5000)
        assert not monitor.ack_button.isEnabled()
        assert server.tracebacks() == 0
        assert monitor.floor is not None
        day = monitor.floor.day
    with store.read() as session:
        changes = alert_changes(session, find_hall(session, "demo"), day)
        sessions = session.execute(
            select(Clerk.staff_id, StaffSession.revoked_at.is_not(None)).join(
                Clerk, Clerk.id == StaffSession.clerk_id
            )
        ).all()
    assert [(c.level, c.acknowledged_by) for c in changes] == [(2, "M001")]
    assert sorted(sessions) == [("E001", True), ("M001", False)]


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["--server", "http://127.0.0.1:8470"], "--server needs --device-key"),
        (["--device-key", "hd_x"], "--device-key needs --server"),
        (["--server", "ftp://hall", "--device-key", "hd_x"], "a server is http://HOST:PORT"),
        (["--server", "http://h", "--device-key", "k", "--db", "x"], "not both"),
        (["--server", "http://h", "--device-key", "k", "--hall", "demo"], "--hall is for --db"),
    ],
)
def test_a_screen_started_half_configured_says_why_in_one_line(argv, reason, capsys, monkeypatch):
    monkeypatch.delenv("HALLQ_SERVER", raising=False)
    monkeypatch.delenv("HALLQ_DEVICE_KEY", raising=False)
    assert main(argv) == 1
    said = capsys.readouterr().err
    assert said.startswith("hallq-screen: ") and reason in said
    assert said.count("\n") == 1 and "Traceback" not in said


def test_the_server_and_key_come_from_the_environment_unless_a_store_is_named(monkeypatch):
    monkeypatch.setenv("HALLQ_SERVER", "http://127.0.0.1:8470")
    monkeypatch.setenv("HALLQ_DEVICE_KEY", "hd_board")
    served = parse(["--board"])
    assert (served.server, served.device_key, served.db) == (
        "http://127.0.0.1:8470",
        "hd_board",
        None,
    )
    local = parse(["--db", "hall.sqlite3"])
    assert (local.server, local.device_key, local.db) == (None, None, "hall.sqlite3")


def test_the_lead_opens_a_counter_and_posts_a_notice_through_the_server(
    qtbot, store, store_target, keys, tmp_path
):
    with (
        running_server(store_target, tmp_path) as server,
        screen_on(qtbot, server, keys["board"]) as (board, monitor, _link),
    ):
        issued = server.request("POST", "/api/kiosk/tickets", keys["kiosk"], {"business": "topup"})
        assert issued.status == 201
        lead_signs_in(qtbot, monitor)
        orders = monitor.orders
        qtbot.keyClicks(orders.counter, "4")
        qtbot.keyClicks(orders.clerk, "E004")
        qtbot.keyClicks(orders.queues, "A")
        qtbot.mouseClick(orders.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: orders.message.text() == "4 号窗口：已完成。", timeout=5000)
        qtbot.waitUntil(lambda: board.counters_line.text() == "暂停：— · 关闭：1 2 3 5 6")
        commit_text(orders.notice, "系统维护 17:00")
        qtbot.mouseClick(orders.post_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: board.notice_line.text() == "系统维护 17:00", timeout=5000)
        qtbot.mouseClick(orders.close_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "关闭：1 2 3 4 5 6" in board.counters_line.text(), timeout=5000)
        assert server.tracebacks() == 0
    with store.read() as session:
        entries = session.execute(
            select(AuditEntry.action, Clerk.staff_id)
            .join(Clerk, Clerk.id == AuditEntry.clerk_id)
            .where(AuditEntry.action.in_(("counter_opened", "counter_closed", "notice_posted")))
            .order_by(AuditEntry.id)
        ).all()
    assert [tuple(entry) for entry in entries] == [
        ("counter_opened", "M001"),
        ("notice_posted", "M001"),
        ("counter_closed", "M001"),
    ]


def test_the_monitor_reads_the_early_warnings_and_their_record_through_the_server(
    qtbot, store, store_target, keys, tmp_path
):
    """Two mornings replayed onto the store; the server's clock is long past them, so the
    second morning's warning, still standing, is judged: its 25 minutes passed unreached."""
    hallq(store_target, "replay", "-", events=two_mornings())
    with (
        running_server(store_target, tmp_path) as server,
        screen_on(qtbot, server, keys["board"]) as (_board, monitor, _link),
    ):
        page = monitor.sign_in_page
        qtbot.keyClicks(page.staff, "M001")
        qtbot.keyClicks(page.pin, "2468")
        qtbot.keyClick(page.pin, Qt.Key.Key_Return)
        panel = monitor.warnings_panel
        qtbot.waitUntil(lambda: panel.warnings is not None, timeout=5000)
        assert server.tracebacks() == 0
    (live,) = panel.warnings.live
    assert (live.level, live.chance is not None, live.counters) == (1, True, [5])
    assert panel.model.rowCount() == 1
    assert panel.week_label.text() == (
        "最近 2 个营业日（11-23 起）：发出预警 4 次，应验 2 次，误报 2 次，待验证 0 次；"
        "级别上升 4 次，其中未获预警 2 次。"
    )
