"""A reader that is not there: it answers the kiosk's driver on a pseudo-terminal with the
same frames a real reader sends, so tests and the demo exercise the real driver end to end.
A card is laid on it with `lay` and lifted with `lift`."""

from __future__ import annotations

import os
import select
import threading
import tty

from kiosk.id_card.protocol import (
    FIND_CARD,
    HEADER,
    READ_BASE,
    SELECT_CARD,
    CardText,
    ReadFailed,
    Status,
    answer_frame,
    base_data,
    frame_length,
    open_frame,
)

# The demo hall's specimen card (its number passes the check digit).
DEMO_CARD = CardText(
    name="张三丰",
    sex="1",
    nation="01",
    birth="19491231",
    address="北京市东城区东长安街27号",
    id_number="11010519491231002X",
    authority="北京市公安局东城分局",
    valid_from="20200101",
    valid_to="20400101",
)
# A photo's bytes as a card holds them (1024, compressed): the simulator's are a pattern
# that a search of the store would find, were a photo ever kept.
DEMO_PHOTO = (b"WLT-PHOTO-" + bytes(range(256))) * 3 + b"\x5a" * 226


class SimulatedReader:
    """A reader on a pseudo-terminal at `path`; the driver opens it as a serial port."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)  # no echo of the driver's frames back to it
        self.path = os.ttyname(self.slave)
        self.card: CardText | None = None
        self.photo = b""
        self.garbled = False
        self.reads = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="simulated ID reader", daemon=True)
        self._thread.start()

    def lay(
        self, card: CardText = DEMO_CARD, photo: bytes = DEMO_PHOTO, *, garbled: bool = False
    ) -> None:
        """A card laid on the reader; `garbled`: its answer arrives with a wrong checksum,
        as on a noisy line."""
        self.card, self.photo, self.garbled = card, photo, garbled

    def lift(self) -> None:
        self.card = None

    def _serve(self) -> None:
        while not self._stop.is_set():
            if not select.select([self.master], [], [], 0.1)[0]:
                continue
            try:
                header = self._read(HEADER)
                command = header + self._read(frame_length(header))
                os.write(self.master, self.answer(open_frame(command)))
            except (OSError, ReadFailed):
                continue  # a half frame: the driver times out and asks again

    def _read(self, count: int) -> bytes:
        got = b""
        while len(got) < count and select.select([self.master], [], [], 0.5)[0]:
            got += os.read(self.master, count - len(got))
        if len(got) < count:
            raise OSError("half a frame")
        return got

    def answer(self, command: bytes) -> bytes:
        card = self.card
        if command == FIND_CARD:
            return answer_frame(Status.CARD_FOUND if card else Status.NO_CARD, bytes(4))
        if command == SELECT_CARD:
            return answer_frame(Status.DONE if card else Status.SELECT_FAILED, bytes(8))
        if command == READ_BASE:
            if card is None:
                return answer_frame(Status.READ_FAILED)
            self.reads += 1
            whole = answer_frame(Status.DONE, base_data(card, self.photo))
            return whole[:-1] + bytes([whole[-1] ^ 0xFF]) if self.garbled else whole
        return answer_frame(Status.BAD_COMMAND)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(1)
        os.close(self.master)
        os.close(self.slave)
