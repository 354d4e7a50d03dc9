"""A commit made through another connection reaches the staff windows as one signal naming
the kinds it changed; a window re-reads only for the kinds it shows."""

from counter.app import make_application
from shared.qt.live import LiveStore
from shared.services.hall import HallService
from shared.services.incidents import record_incident
from shared.store.database import open_store
from tests.gui.screen_helpers import live_board


def test_live_store_signals_a_commit_made_elsewhere(qtbot, store, store_target, clock):
    make_application([])
    live = LiveStore(store)
    other = open_store(store_target)
    try:
        with qtbot.waitSignal(live.changed, timeout=1000):
            HallService(other, "demo", clock).issue("topup")
    finally:
        live.close()
        other.close()


def test_the_signal_names_the_kinds_committed(qtbot, store, store_target, clock):
    make_application([])
    live = LiveStore(store)
    other = open_store(store_target)
    try:
        with qtbot.waitSignal(live.changed, timeout=1000) as signal:
            HallService(other, "demo", clock).issue("topup")  # nobody serves: level 2
        assert signal.args == [frozenset({"tickets", "level"})]
    finally:
        live.close()
        other.close()


def test_the_board_rereads_for_tickets_and_not_for_an_incident(qtbot, store, store_target, clock):
    board, live = live_board(qtbot, store, clock)
    other = open_store(store_target)
    try:
        shown = board.board
        with qtbot.waitSignal(live.changed, timeout=1000) as signal:
            record_incident(other, "demo", source="kiosk 1", kind="printer", message="no paper")
        assert signal.args == [frozenset({"incidents"})]
        assert board.board is shown
        with qtbot.waitSignal(live.changed, timeout=1000):
            HallService(other, "demo", clock).issue("topup")
        assert board.board is not shown
        assert board.board.now.waiting_total == 1
    finally:
        live.close()
        other.close()
