"""The kiosk's view of the change feed: one signal, carrying the kinds another program
changed, so the kiosk re-reads the crowding level and settings only when they moved."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from shared.store.database import Store
from shared.store.feed import open_feed

POLL_MS = 250  # the level changes at most every few seconds; a quarter second is live enough


class StoreChanges(QObject):
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
