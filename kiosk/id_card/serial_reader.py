"""The driver for a reader on a serial line (a USB-serial port such as /dev/ttyUSB0, a
COM port's /dev/ttyS0, or the simulator's pseudo-terminal): raw bytes at 115200 baud,
one command frame out, one answer frame back, within a second."""

from __future__ import annotations

import os
import select
import termios
import time
import tty

from kiosk.id_card.protocol import (
    FIND_CARD,
    HEADER,
    READ_BASE,
    SELECT_CARD,
    CardText,
    Problem,
    ReadFailed,
    Status,
    answer,
    base_text,
    command_frame,
    frame_length,
)

BAUD = termios.B115200
ANSWER_S = 1.0  # a base-text read (1.3 kB at 115200 baud) takes about a tenth of that
LONGEST_FRAME = 4096


class SerialReader:
    """One reader on one device path; `read_card` answers None while no card lies on it."""

    def __init__(self, path: str, answer_s: float = ANSWER_S) -> None:
        self.path = path
        self.answer_s = answer_s
        self.fd: int | None = None

    def card_present(self) -> bool:
        status, _ = self._ask(FIND_CARD)
        if status == Status.NO_CARD:
            return False
        self._expect(status, Status.CARD_FOUND, "find")
        return True

    def read_card(self) -> CardText | None:
        if not self.card_present():
            return None
        status, _ = self._ask(SELECT_CARD)
        if status == Status.SELECT_FAILED:  # lifted between the two commands
            return None
        self._expect(status, Status.DONE, "select")
        status, data = self._ask(READ_BASE)
        self._expect(status, Status.DONE, "read")
        return base_text(data)

    @staticmethod
    def _expect(status: int, wanted: Status, step: str) -> None:
        if status != wanted:
            raise ReadFailed(Problem.REFUSED, f"{step}: status {status:02X}")

    def _ask(self, command: bytes) -> tuple[int, bytes]:
        fd = self._open()
        termios.tcflush(fd, termios.TCIFLUSH)  # nothing left of an earlier, broken answer
        os.write(fd, command_frame(command))
        deadline = time.monotonic() + self.answer_s
        header = self._read(fd, HEADER, deadline)
        length = frame_length(header)
        if length > LONGEST_FRAME:
            raise ReadFailed(Problem.LENGTH, f"{length} bytes announced")
        return answer(header + self._read(fd, length, deadline))

    def _open(self) -> int:
        if self.fd is None:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
            except OSError as error:
                raise ReadFailed(Problem.SILENT, f"{self.path}: {error.strerror}") from error
            tty.setraw(fd)
            settings = termios.tcgetattr(fd)
            settings[4] = settings[5] = BAUD  # input and output speed
            termios.tcsetattr(fd, termios.TCSANOW, settings)
            self.fd = fd
        return self.fd

    def _read(self, fd: int, count: int, deadline: float) -> bytes:
        got = b""
        while len(got) < count:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                self.close()  # a reader unplugged and plugged back is opened afresh
                raise ReadFailed(Problem.SILENT, f"{len(got)} of {count} bytes")
            try:
                got += os.read(fd, count - len(got))
            except OSError as error:
                self.close()
                raise ReadFailed(Problem.SILENT, error.strerror or "") from error
        return got

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
