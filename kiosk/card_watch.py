"""The ID card reader, polled on its own thread while a screen wants a card: each card
laid on the reader is read once and handed to the window as a signal, and so is each
failed read, so the touch screen never waits on the serial line."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from kiosk.id_card.protocol import ReadFailed
from kiosk.id_card.reader import CardReader
from kiosk.id_card.simulator import SimulatedReader

log = logging.getLogger(__name__)

POLL_S = 0.3  # a card laid on the reader fills the slip within about a third of a second
NOTHING = "nothing"
CARD = "card"


class CardWatch(QObject):
    laid = Signal(object)  # the card's text (CardText); never its photo
    failed = Signal(str)  # a protocol.Problem

    def __init__(self, reader: CardReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self._wanted = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, name="ID card reader", daemon=True)
        self._thread.start()

    def want(self, wanted: bool) -> None:
        """Poll while a screen takes a card; a card already lying there counts as laid."""
        if wanted:
            self._wanted.set()
        else:
            self._wanted.clear()

    def _poll(self) -> None:
        last = NOTHING  # what the reader last reported, so each card or failure is told once
        while not self._stop.is_set():
            if not self._wanted.wait(POLL_S):
                last = NOTHING
                continue
            try:
                last = self._look(last)
            except ReadFailed as failure:
                if last != failure.problem:
                    log.warning("ID card not read: %s", failure)
                    self.failed.emit(str(failure.problem))
                last = failure.problem
            self._stop.wait(POLL_S)

    def _look(self, last: str) -> str:
        """One poll: a card already read is only looked for (its photo crosses the line
        once, not three times a second); a card newly laid is read and told."""
        if last == CARD:
            return CARD if self.reader.card_present() else NOTHING
        card = self.reader.read_card()
        if card is None:
            return NOTHING
        if self._wanted.is_set():
            self.laid.emit(card)
        return CARD

    def close(self) -> None:
        self._stop.set()
        self._wanted.set()
        self._thread.join(2)
        self.reader.close()


def specimen_card_key(window: QWidget, simulated: SimulatedReader) -> QShortcut:
    """On a kiosk with the simulated reader, F8 lays the specimen card on it and lifts it
    again: the demo's way of holding a card to the reader."""

    def turn() -> None:
        if simulated.card is None:
            simulated.lay()
        else:
            simulated.lift()
        log.info("specimen card %s the simulated reader", "on" if simulated.card else "off")

    key = QShortcut(QKeySequence("F8"), window)
    key.setContext(Qt.ShortcutContext.ApplicationShortcut)  # the kiosk's one window, focused or not
    key.activated.connect(turn)
    return key
