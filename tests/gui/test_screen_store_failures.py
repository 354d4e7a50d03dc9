"""The shift lead's monitor and the calling board when the store fails: the lead reads why
and acknowledges again once the store is free; the board keeps the calls it showed and
follows the hall again once the store, or the database server's feed, is back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.store.database import open_store
from tests.gui.screen_helpers import live_board, live_monitor
from tests.store_trouble import moved_away, quick_store, write_lock_held

__all__ = ["quick_store"]  # the fixture, for pytest


@pytest.mark.usefixtures("sqlite_only")
def test_an_acknowledgement_the_locked_store_refused_is_explained_and_taken_after(
    qtbot, quick_store, store_target, clock, caplog
):
    hall = HallService(quick_store, "demo", clock)
    hall.open_counter(1, "E001")
    for _ in range(3):
        hall.issue("topup")  # 3 waiting, 1 open: level 1
    monitor, live = live_monitor(qtbot, quick_store, clock)
    live.close()
    with write_lock_held(store_target):
        qtbot.mouseClick(monitor.ack_button, Qt.MouseButton.LeftButton)
        assert monitor.ack_label.text().startswith("系统繁忙")
        assert "acknowledge the alert failed" in caplog.text
        assert monitor.ack_button.isEnabled()
    qtbot.mouseClick(monitor.ack_button, Qt.MouseButton.LeftButton)
    assert "已由 M001" in monitor.ack_label.text() and not monitor.ack_button.isEnabled()


def one_called_one_waiting(hall: HallService) -> None:
    """Counters 1 and 2 open, A001 called to counter 1, A002 waiting."""
    hall.open_counter(1, "E001")
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.issue("topup")
    hall.call(1)


@pytest.mark.usefixtures("sqlite_only")
def test_the_board_keeps_its_calls_while_the_store_file_is_away_and_follows_it_back(
    qtbot, quick_store, store_target, clock, tmp_path, caplog
):
    hall = HallService(quick_store, "demo", clock)
    one_called_one_waiting(hall)
    board, live = live_board(qtbot, quick_store, clock)
    try:
        with moved_away(store_target, tmp_path / "elsewhere.sqlite3"):
            board.refresh()  # what the change feed does when another program commits
            assert [call.ticket for call in board.board.calls] == ["A001"]
            assert "read the calling board failed" in caplog.text
        hall.call(2)
        qtbot.waitUntil(lambda: len(board.board.calls) == 2, timeout=3000)
    finally:
        live.close()


@pytest.mark.slow
def test_the_board_follows_the_hall_again_after_the_database_server_cut_its_feed(
    qtbot, fresh_postgres_url, clock, caplog
):
    store = open_store(fresh_postgres_url)
    hall = HallService(store, "demo", clock)
    with store.write() as session:
        load_hall(session, demo_definition())
    one_called_one_waiting(hall)
    board, live = live_board(qtbot, store, clock)
    try:
        with store.engine.connect() as connection:  # as a server restart cuts every session
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
        qtbot.waitUntil(lambda: "the change feed was lost" in caplog.text, timeout=3000)
        assert "the database server does not answer" in caplog.text
        hall.call(2)
        qtbot.waitUntil(lambda: len(board.board.calls) == 2, timeout=5000)
    finally:
        live.close()
        store.close()
