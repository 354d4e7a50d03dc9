"""The change feed as one Qt signal carrying the kinds committed: each
window re-reads only when a kind it shows moved, never on a timer of its own."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal

from shared.store.database import EVERYTHING, Store
from shared.store.failures import store_failure, store_name
from shared.store.feed import ChangeFeed, open_feed

log = logging.getLogger(__name__)

POLL_MS = 100  # a cheap check (one PRAGMA or a socket read), well inside the 1 s promise
REOPEN_S = 2.0  # a lost feed is opened again at most this often, so a dead server never
# holds the window in a connection attempt at every poll


class LiveStore(QObject):
    """Emits `changed` with the kinds another connection committed. A feed the store drops (a
    PostgreSQL server restarted, the connection cut) is logged and opened again; the
    windows then re-read everything once, for whatever was committed meanwhile."""

    changed = Signal(object)  # frozenset[str]: the kinds changed

    def __init__(
        self, store: Store, parent: QObject | None = None, *, poll_ms: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._feed: ChangeFeed | None = open_feed(store)
        self._lost_at = 0.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._poll)
        self._timer.start(poll_ms)

    def _poll(self) -> None:
        try:
            if self._feed is not None:
                if kinds := self._feed.changed():
                    self.changed.emit(kinds)
            elif time.monotonic() - self._lost_at >= REOPEN_S:
                self._lost_at = time.monotonic()
                self._feed = open_feed(self._store)
                log.info("the change feed is back")
                self.changed.emit(EVERYTHING)
        except Exception as error:
            failure = store_failure(error, store_name(self._store.engine.url))
            if failure is None:
                raise
            if self._feed is not None:
                log.error("the change feed was lost: %s", failure.reason)
                self._feed.close()
                self._feed, self._lost_at = None, time.monotonic()

    def close(self) -> None:
        self._timer.stop()
        if self._feed is not None:
            self._feed.close()
