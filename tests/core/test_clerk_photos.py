"""A clerk's photo for the customer screen comes from the hall definition: a PNG or JPEG
beside the hall file, checked before anything is written; a bad one is refused in one line
and stores nothing."""

from __future__ import annotations

import datetime as dt
import json
import struct
import zlib

import pytest
from sqlalchemy import select

from shared.cli.main import main
from shared.errors import Rejected
from shared.services.hall_config import MAX_PHOTO_BYTES, demo_definition, load_hall
from shared.services.photos import counter_photo, photo_of
from shared.store.models import Clerk

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(32)


def png(width: int = 4, height: int = 5, colour: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A real PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def with_photo(photo: str, staff: str = "E002") -> dict:
    definition = demo_definition()
    for clerk in definition["clerks"]:
        if clerk["staff_id"] == staff:
            clerk["photo"] = photo
    return definition


def photos(store) -> dict[str, bytes | None]:
    with store.read() as session:
        return {row[0]: row[1] for row in session.execute(select(Clerk.staff_id, Clerk.photo))}


def test_a_photo_beside_the_hall_file_is_kept_with_the_clerk(store, tmp_path):
    (tmp_path / "staff").mkdir()
    (tmp_path / "staff" / "e002.png").write_bytes(png())
    (tmp_path / "e003.jpg").write_bytes(JPEG)
    definition = with_photo("staff/e002.png")
    definition["clerks"][2]["photo"] = "e003.jpg"
    with store.write() as session:
        load_hall(session, definition, tmp_path)
    kept = photos(store)
    assert kept["E002"] == png() and kept[definition["clerks"][2]["staff_id"]] == JPEG
    assert kept["E001"] is None
    assert photo_of(store, "demo", "E002") == png()
    with store.write() as session:
        load_hall(session, demo_definition(), tmp_path)  # the definition no longer names it
    assert photos(store)["E002"] is None


def test_the_command_line_reads_the_photo_beside_the_hall_file(store, store_target, tmp_path):
    (tmp_path / "e002.png").write_bytes(png())
    hall_file = tmp_path / "hall.json"
    hall_file.write_text(json.dumps(with_photo("e002.png")), encoding="utf-8")
    assert main(["--db", store_target, "hall", "load", str(hall_file)]) == 0
    assert photos(store)["E002"] == png()


@pytest.mark.parametrize(
    ("photo", "content", "reason"),
    [
        ("/etc/e002.png", None, "photo must be a path relative to the hall file"),
        ("../e002.png", None, "photo must be a path relative to the hall file"),
        ("C:/e002.png", None, "photo must be a path relative to the hall file"),
        ("", None, "photo must be text of 1 to 200 characters"),
        ("missing.png", None, "cannot read the photo missing.png"),
        ("e002.gif", b"GIF89a" + bytes(40), "the photo e002.gif is not PNG or JPEG"),
        ("e002.png", png() + bytes(MAX_PHOTO_BYTES), "the photo e002.png is over 512 KB"),
    ],
)
def test_a_bad_photo_is_refused_and_nothing_is_stored(store, tmp_path, photo, content, reason):
    if content is not None:
        (tmp_path / photo).write_bytes(content)
    definition = with_photo(photo)
    definition["clerks"][0]["name"] = "改了名"
    with pytest.raises(Rejected, match=f"clerk E002: {reason}"), store.write() as session:
        load_hall(session, definition, tmp_path)
    assert set(photos(store).values()) == {None}
    with store.read() as session:
        assert session.scalar(select(Clerk.name).where(Clerk.staff_id == "E001")) != "改了名"


def test_a_photo_needs_the_hall_files_folder(store):
    with pytest.raises(Rejected, match="a photo needs a hall file"), store.write() as session:
        load_hall(session, with_photo("e002.png"), None)


def test_the_counter_shows_the_photo_of_the_clerk_whose_counter_is_open(store, hall, tmp_path):
    (tmp_path / "e002.png").write_bytes(png())
    with store.write() as session:
        load_hall(session, with_photo("e002.png"), tmp_path)
    now = dt.datetime(2026, 11, 23, 9, 0)
    assert counter_photo(store, "demo", 2, now).staff_id == ""  # no one there yet
    hall.open_counter(2, "E002")
    found = counter_photo(store, "demo", 2, now)
    assert (found.staff_id, found.photo) == ("E002", png())
    hall.open_counter(3, "E003")
    assert counter_photo(store, "demo", 3, now).photo is None
