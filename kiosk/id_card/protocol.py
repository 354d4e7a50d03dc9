"""The frame protocol of second-generation resident ID card readers (二代证 SAM readers),
as publicly documented for these readers: every frame starts with the preamble
AA AA AA 96 69, then a two-byte big-endian length of what follows, then the command and its
parameter (to the reader) or three status bytes (from it), the data, and one XOR checksum
byte over everything after the preamble. Pure bytes in, values or a `ReadFailed` out."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

PREAMBLE = bytes.fromhex("AAAAAA9669")
HEADER = len(PREAMBLE) + 2  # preamble and the length


# Each command and its parameter, as the readers' documentation numbers them.
FIND_CARD = b"\x20\x01"  # 寻找居民身份证
SELECT_CARD = b"\x20\x02"  # 选取居民身份证
READ_BASE = b"\x30\x01"  # 读取固定信息：文字和照片


class Status(IntEnum):
    """The third status byte (SW3) of the reader's answer."""

    DONE = 0x90
    CARD_FOUND = 0x9F
    NO_CARD = 0x80
    SELECT_FAILED = 0x81
    READ_FAILED = 0x41
    BAD_CHECKSUM = 0x10  # the reader found our frame's checksum wrong
    BAD_LENGTH = 0x11
    BAD_COMMAND = 0x21


class Problem(StrEnum):
    """Why a card could not be read; each window words it in the customer's language."""

    PREAMBLE = "the answer does not start with the frame preamble"
    LENGTH = "the answer's length does not match its frame"
    CHECKSUM = "the answer's checksum does not match"
    REFUSED = "the reader refused the command"
    CARD_DATA = "the card's text is not a valid resident ID"
    SILENT = "the reader did not answer"


class ReadFailed(Exception):
    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(f"{problem}{f' ({detail})' if detail else ''}")
        self.problem = problem


# The base text (256 bytes), UCS-2 little-endian, fields of fixed widths in this order.
TEXT_FIELDS = (
    ("name", 30),
    ("sex", 2),
    ("nation", 4),
    ("birth", 16),
    ("address", 70),
    ("id_number", 36),
    ("authority", 30),
    ("valid_from", 16),
    ("valid_to", 16),
)
TEXT_SIZE = 256  # the fields and 36 reserved bytes
PHOTO_SIZE = 1024  # the compressed photo (wlt), read with the text and dropped at once


@dataclass(frozen=True)
class CardText:
    """What the kiosk takes from a card: its printed text. The photo is never part of it."""

    name: str
    sex: str
    nation: str
    birth: str
    address: str
    id_number: str
    authority: str
    valid_from: str
    valid_to: str


def checksum(body: bytes) -> int:
    value = 0
    for byte in body:
        value ^= byte
    return value


def frame(body: bytes) -> bytes:
    """Preamble, length, body and its checksum: one frame, either way."""
    counted = len(body) + 1  # the checksum counts in the length
    length = counted.to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([checksum(length + body)])


def command_frame(command: bytes) -> bytes:
    return frame(command)


def answer_frame(status: Status, data: bytes = b"") -> bytes:
    return frame(bytes([0x00, 0x00, status]) + data)


def frame_length(header: bytes) -> int:
    """How many bytes follow a frame's 7-byte header; refuses anything but the preamble."""
    if header[: len(PREAMBLE)] != PREAMBLE:
        raise ReadFailed(Problem.PREAMBLE, header[: len(PREAMBLE)].hex(" "))
    return int.from_bytes(header[len(PREAMBLE) : HEADER], "big")


def open_frame(whole: bytes) -> bytes:
    """The body of one whole frame (without its checksum), its preamble, length and
    checksum checked."""
    if len(whole) < HEADER + 1 or frame_length(whole[:HEADER]) != len(whole) - HEADER:
        raise ReadFailed(Problem.LENGTH, f"{len(whole)} bytes")
    length_and_body, sent = whole[len(PREAMBLE) : -1], whole[-1]
    if checksum(length_and_body) != sent:
        raise ReadFailed(Problem.CHECKSUM, f"{checksum(length_and_body):02X} ≠ {sent:02X}")
    return whole[HEADER:-1]


def answer(whole: bytes) -> tuple[int, bytes]:
    """The status (SW3) and data of an answer frame."""
    body = open_frame(whole)
    if len(body) < 3:
        raise ReadFailed(Problem.LENGTH, "no status bytes")
    return body[2], body[3:]


def base_text(data: bytes) -> CardText:
    """The card's text from a READ_BASE answer's data: two lengths (text, photo), the text,
    the photo. Only the text is decoded; the photo's bytes go no further than this frame."""
    if len(data) < 4:
        raise ReadFailed(Problem.LENGTH, "no text or photo lengths")
    text_size = int.from_bytes(data[0:2], "big")
    photo_size = int.from_bytes(data[2:4], "big")
    if text_size < sum(width for _, width in TEXT_FIELDS) or len(data) != 4 + text_size + (
        photo_size
    ):
        raise ReadFailed(Problem.LENGTH, f"text {text_size}, photo {photo_size}, {len(data)} read")
    text = data[4 : 4 + text_size]
    values: dict[str, str] = {}
    offset = 0
    for key, width in TEXT_FIELDS:
        try:
            values[key] = text[offset : offset + width].decode("utf-16-le").strip(" \x00")
        except UnicodeDecodeError as error:
            raise ReadFailed(Problem.CARD_DATA, key) from error
        offset += width
    return CardText(**values)


def text_bytes(card: CardText) -> bytes:
    """A card's text as a card holds it: each field padded with spaces to its width."""
    encoded = b""
    for key, width in TEXT_FIELDS:
        value = getattr(card, key).encode("utf-16-le")
        if len(value) > width:
            raise ValueError(f"{key} is longer than the card's {width} bytes")
        encoded += value + " ".encode("utf-16-le") * ((width - len(value)) // 2)
    return encoded + b"\x00" * (TEXT_SIZE - len(encoded))


def base_data(card: CardText, photo: bytes) -> bytes:
    """A READ_BASE answer's data for a card: lengths, text, photo."""
    text = text_bytes(card)
    return len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big") + text + photo
