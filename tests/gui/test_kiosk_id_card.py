"""The resident ID card reader at the kiosk, in Chinese: a card laid on the (simulated)
reader fills the slip's name and ID number, the real driver reading it over a
pseudo-terminal; a damaged answer fills nothing and says why; the photo never reaches the
store or the paper."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from kiosk.card_watch import specimen_card_key
from kiosk.id_card.reader import SIMULATED, open_reader
from kiosk.id_card.serial_reader import SerialReader
from kiosk.id_card.simulator import DEMO_PHOTO, SimulatedReader
from kiosk.pages.ticket import PRINTED
from shared.store.models import Ticket
from tests.gui.kiosk_driver import open_kiosk, tap

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def simulated():
    reader = SimulatedReader()
    yield reader
    reader.close()


@pytest.fixture
def kiosk(qtbot, store, clock, tmp_path, simulated):
    window = open_kiosk(
        store, clock, tmp_path / "tickets", card_reader=SerialReader(simulated.path)
    )
    yield window
    window.close()


def take_sim_replacement_by_card(qtbot, kiosk, simulated) -> None:
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-sim_replace")
    simulated.lay()
    qtbot.waitUntil(lambda: kiosk.slip.key == "reason", timeout=3000)  # on to what is left
    tap(kiosk, "choice-0")
    tap(kiosk, "next-field")
    tap(kiosk, "confirm-ticket")
    qtbot.waitUntil(lambda: kiosk.ticket.state == PRINTED, timeout=5000)


def test_a_card_on_the_reader_fills_the_slip_and_a_sim_replacement_ticket_is_taken(
    qtbot, kiosk, store, simulated
):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-sim_replace")
    assert kiosk.slip.card_hint.isVisible()
    assert "身份证" in kiosk.slip.card_hint.text()
    simulated.lay()
    qtbot.waitUntil(lambda: kiosk.slip.key == "reason", timeout=3000)  # on to what is left
    assert kiosk.slip.values == {"name": "张三丰", "id_number": "11010519491231002X"}
    assert "身份证" in kiosk.slip.status.text()
    QTest.qWait(1000)
    assert simulated.reads == 1  # lying there, the card is looked for, not read again
    tap(kiosk, "choice-0")
    tap(kiosk, "next-field")
    tap(kiosk, "confirm-ticket")
    qtbot.waitUntil(lambda: kiosk.ticket.state == PRINTED, timeout=5000)
    assert kiosk.ticket.number.text() == "B001"
    with store.read() as session:
        ticket = session.scalars(select(Ticket)).one()
        assert ticket.slip == {
            "name": "张三丰",
            "id_number": "11010519491231002X",
            "reason": "丢失",
        }


def test_the_cards_photo_reaches_neither_the_store_nor_the_paper(
    qtbot, sqlite_only, kiosk, store, simulated, tmp_path
):
    take_sim_replacement_by_card(qtbot, kiosk, simulated)
    kiosk.close()
    store.close()
    assert simulated.reads >= 1  # the photo did cross the line, inside the answer frame
    kept = b"".join(path.read_bytes() for path in tmp_path.rglob("*") if path.is_file())
    assert b"11010519491231002X" in kept  # the search does see what was stored
    for piece in (DEMO_PHOTO[:32], DEMO_PHOTO[300:332], DEMO_PHOTO[:32].hex().encode()):
        assert piece not in kept


def test_a_damaged_answer_fills_nothing_and_says_why_in_one_line(qtbot, kiosk, simulated):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-sim_replace")
    simulated.lay(garbled=True)
    qtbot.waitUntil(lambda: "未能读取" in kiosk.slip.status.text(), timeout=3000)
    assert "\n" not in kiosk.slip.status.text()
    assert kiosk.slip.values == {}
    assert kiosk.slip.key == "name"
    assert not kiosk.slip.next.isEnabled()
    simulated.lift()  # lifted and laid again, it reads
    QTest.qWait(700)
    simulated.lay()
    qtbot.waitUntil(lambda: kiosk.slip.values.get("name") == "张三丰", timeout=3000)


def test_a_card_is_read_only_where_the_slip_asks_for_it(qtbot, kiosk, simulated):
    simulated.lay()
    tap(kiosk, "take-ticket")
    QTest.qWait(700)
    assert simulated.reads == 0  # the business menu takes no card: the reader rests
    tap(kiosk, "business-sim_replace")  # the card already lying there counts
    qtbot.waitUntil(lambda: kiosk.slip.values.get("name") == "张三丰", timeout=3000)


def test_the_id_number_field_takes_a_lowercase_x_from_a_keyboard(qtbot, kiosk):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-sim_replace")
    tap(kiosk, "at-counter")
    QTest.keyClicks(kiosk.slip.entry, "1101051949-1231002x!")  # stray keys are dropped
    assert kiosk.slip.values["id_number"] == "11010519491231002X"
    assert kiosk.slip.entry.text() == "110105 19491231 002X"
    assert kiosk.slip.next.isEnabled()


def test_with_the_simulated_reader_f8_lays_the_specimen_card(qtbot, store, clock, tmp_path):
    """`hallq-kiosk --id-reader sim`, as the demo starts it."""
    reader, simulated = open_reader(SIMULATED)
    assert simulated is not None
    window = open_kiosk(store, clock, tmp_path / "tickets", card_reader=reader)
    specimen_card_key(window, simulated)
    try:
        with qtbot.waitActive(window):
            window.activateWindow()  # a kiosk's one window has the keyboard
        tap(window, "take-ticket")
        tap(window, "business-password_reset")
        QTest.keyClick(window, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: window.slip.values.get("name") == "张三丰", timeout=3000)
        QTest.keyClick(window, Qt.Key.Key_F8)
        assert simulated.card is None
    finally:
        window.close()
        simulated.close()
