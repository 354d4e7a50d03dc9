"""What the kiosk asks of an ID card reader, and the reader named on its command line."""

from __future__ import annotations

from typing import Protocol

from kiosk.id_card.protocol import CardText
from kiosk.id_card.serial_reader import SerialReader
from kiosk.id_card.simulator import SimulatedReader

SIMULATED = "sim"


class CardReader(Protocol):
    def card_present(self) -> bool:
        """Whether a card lies on the reader (found, not read)."""

    def read_card(self) -> CardText | None:
        """The text of the card lying on the reader, None when none does; `ReadFailed`
        when an answer was broken."""

    def close(self) -> None: ...


def open_reader(device: str) -> tuple[CardReader, SimulatedReader | None]:
    """The reader at `device` (a serial port's path), or `sim`: a simulated reader on a
    pseudo-terminal, driven through the same driver, returned too so a card can be laid."""
    if device == SIMULATED:
        simulated = SimulatedReader()
        return SerialReader(simulated.path), simulated
    return SerialReader(device), None
