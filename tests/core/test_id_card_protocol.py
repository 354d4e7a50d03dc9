"""The ID card reader's frames, built and opened byte for byte, and the real driver
talking to the simulated reader over a pseudo-terminal."""

from __future__ import annotations

import os
import tty

import pytest

from kiosk.id_card.protocol import (
    FIND_CARD,
    PHOTO_SIZE,
    READ_BASE,
    SELECT_CARD,
    TEXT_SIZE,
    CardText,
    Problem,
    ReadFailed,
    Status,
    answer,
    answer_frame,
    base_data,
    base_text,
    checksum,
    command_frame,
    open_frame,
    text_bytes,
)
from kiosk.id_card.serial_reader import SerialReader
from kiosk.id_card.simulator import DEMO_CARD, DEMO_PHOTO, SimulatedReader

MINORITY = CardText(
    name="阿依古丽·买买提",
    sex="2",
    nation="05",
    birth="19800229",
    address="新疆维吾尔自治区乌鲁木齐市天山区解放北路" + "一" * 15,  # 35 characters: full
    id_number="65010219800229004x",
    authority="乌鲁木齐市公安局天山分局",
    valid_from="20150101",
    valid_to="长期",
)


@pytest.mark.parametrize(
    ("command", "wire"),
    [
        (FIND_CARD, "AA AA AA 96 69 00 03 20 01 22"),
        (SELECT_CARD, "AA AA AA 96 69 00 03 20 02 21"),
        (READ_BASE, "AA AA AA 96 69 00 03 30 01 32"),
    ],
)
def test_command_frames_are_the_documented_bytes(command, wire):
    assert command_frame(command) == bytes.fromhex(wire)


def test_an_answer_carries_three_status_bytes_and_an_xor_of_all_after_the_preamble():
    found = answer_frame(Status.CARD_FOUND, bytes(4))
    assert found == bytes.fromhex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97")
    assert answer(found) == (Status.CARD_FOUND, bytes(4))
    assert checksum(found[5:-1]) == found[-1]


def test_a_base_text_answer_is_0x508_bytes_of_lengths_text_and_photo():
    whole = answer_frame(Status.DONE, base_data(DEMO_CARD, DEMO_PHOTO))
    assert whole[5:7] == bytes.fromhex("0508")  # 3 status + 4 lengths + 256 + 1024 + checksum
    status, data = answer(whole)
    assert status == Status.DONE
    assert data[:4] == bytes.fromhex("0100 0400")
    assert base_text(data) == DEMO_CARD


def test_the_text_is_ucs2_little_endian_in_fixed_widths_padded_with_spaces():
    text = text_bytes(DEMO_CARD)
    assert len(text) == TEXT_SIZE
    assert text[:6] == "张三丰".encode("utf-16-le")
    assert text[6:30] == b" \x00" * 12  # the name's 30 bytes, padded
    assert text[30:32] == b"1\x00"  # sex
    assert text[122:158].decode("utf-16-le") == "11010519491231002X"  # after 30+2+4+16+70


def test_the_widest_values_fill_their_fields_and_come_back_whole():
    data = base_data(MINORITY, bytes(PHOTO_SIZE))
    assert base_text(data) == MINORITY


def test_a_value_wider_than_its_field_is_not_written():
    with pytest.raises(ValueError, match="address"):
        text_bytes(CardText(**{**MINORITY.__dict__, "address": MINORITY.address + "号"}))


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda f: f[:-1] + bytes([f[-1] ^ 0x01]), Problem.CHECKSUM),
        (lambda f: f[:20] + bytes([f[20] ^ 0x40]) + f[21:], Problem.CHECKSUM),
        (lambda f: b"\xaa\xaa\xaa\x96\x68" + f[5:], Problem.PREAMBLE),
        (lambda f: f[:-2] + f[-1:], Problem.LENGTH),
        (lambda f: f[:5] + b"\x00\x02" + f[7:], Problem.LENGTH),
    ],
    ids=["checksum-byte", "flipped-data-bit", "preamble", "short", "length-field"],
)
def test_a_damaged_frame_is_refused_with_its_reason(damage, problem):
    whole = answer_frame(Status.DONE, base_data(DEMO_CARD, DEMO_PHOTO))
    with pytest.raises(ReadFailed) as refused:
        open_frame(damage(whole))
    assert refused.value.problem == problem


def test_lengths_that_disagree_with_the_data_are_refused():
    data = base_data(DEMO_CARD, DEMO_PHOTO)
    with pytest.raises(ReadFailed) as refused:
        base_text(data[:-1])
    assert refused.value.problem == Problem.LENGTH


@pytest.fixture
def simulated():
    reader = SimulatedReader()
    yield reader
    reader.close()


def test_the_driver_reads_a_card_laid_on_the_simulated_reader_and_nothing_without(simulated):
    reader = SerialReader(simulated.path)
    try:
        assert reader.read_card() is None
        assert not reader.card_present()
        simulated.lay()
        assert reader.card_present()
        assert simulated.reads == 0  # looking for a card does not read it
        assert reader.read_card() == DEMO_CARD
        simulated.lift()
        assert reader.read_card() is None
    finally:
        reader.close()


def test_the_driver_refuses_an_answer_with_a_wrong_checksum_and_reads_the_next(simulated):
    reader = SerialReader(simulated.path)
    try:
        simulated.lay(garbled=True)
        with pytest.raises(ReadFailed) as refused:
            reader.read_card()
        assert refused.value.problem == Problem.CHECKSUM
        simulated.lay()
        assert reader.read_card() == DEMO_CARD
    finally:
        reader.close()


def test_a_reader_that_does_not_answer_is_named_as_such():
    master, slave = os.openpty()
    tty.setraw(slave)
    reader = SerialReader(os.ttyname(slave), answer_s=0.2)
    try:
        with pytest.raises(ReadFailed) as silent:
            reader.read_card()
        assert silent.value.problem == Problem.SILENT
    finally:
        reader.close()
        os.close(master)
        os.close(slave)


def test_a_missing_device_is_a_reason_not_a_traceback(tmp_path):
    with pytest.raises(ReadFailed) as missing:
        SerialReader(str(tmp_path / "ttyUSB9")).read_card()
    assert missing.value.problem == Problem.SILENT
    assert "ttyUSB9" in str(missing.value)
