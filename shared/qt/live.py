"""The change feed as one Qt signal: windows re-read the store only after another program
committed, never on a timer of their own."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from shared.store.database import Store
from shared.store.feed import open_feed

POLL_MS = 100  # a cheap check (one PRAGMA or a socket read), well inside the 1 s promise


class LiveStore(QObject):
    """Emits `changed` after another connection commits."""

    changed = Signal()

    def __init__(
        self, store: Store, parent: QObject | None = None, *, poll_ms: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self._feed = open_feed(store)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._poll)
        self._timer.start(poll_ms)

    def _poll(self) -> None:
        if self._feed.changed():
            self.changed.emit()

    def close(self) -> None:
        self._timer.stop()
        self._feed.close()
