"""A commit made through another connection reaches the staff windows as one signal."""

from counter.app import make_application
from counter.live import LiveStore
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
