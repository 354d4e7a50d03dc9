"""A commit made through another connection reaches the programs' windows as one signal
(the shared Qt layer's change feed, on the real store)."""

from counter.app import make_application
from shared.qt.live import LiveStore
from shared.services.hall import HallService
from shared.store.database import open_store


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
