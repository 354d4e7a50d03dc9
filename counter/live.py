"""The staff programs' view of the change feed: one Qt signal, carrying the kinds committed
(shared.store.database.CHANGE_KINDS); each window re-reads only when a kind it shows moved."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from shared.store.database import Store
from shared.store.feed import open_feed

POLL_MS = 100  # a cheap check (one PRAGMA or a socket read), well inside the 1 s promise


class LiveStore(QObject):
    """Emits `changed` with the kinds another connection committed; views re-read only then."""

    changed = Signal(object)  # frozenset[str]: the kinds changed

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feed = open_feed(store)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._poll)
        self._timer.start(POLL_MS)

    def _poll(self) -> None:
        if kinds := self._feed.changed():
            self.changed.emit(kinds)

    def close(self) -> None:
        self._timer.stop()
        self._feed.close()
