"""Customers writing their name in Chinese on the kiosk's pinyin keyboard, leaving a field
for the counter, and reading their own slip back before the ticket: taps only."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from kiosk.widgets import BACKSPACE
from shared.field_definitions import AT_COUNTER
from shared.store.database import Store
from shared.store.models import Ticket
from tests.gui.kiosk_driver import (
    commit_text,
    confirm_lines,
    open_kiosk,
    pick_candidate,
    tap,
    type_keys,
)
from tests.gui.kiosk_driver import type_pinyin as spell

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

GOOD_ID = "11010519491231002X"


@pytest.fixture
def kiosk(qtbot, store, clock, tmp_path):
    window = open_kiosk(store, clock, tmp_path / "tickets")
    yield window
    window.close()


def only_ticket(store: Store) -> Ticket:
    with store.read() as session:
        [ticket] = session.scalars(select(Ticket))
        return ticket


def finish_sim_replacement(qtbot, kiosk) -> None:
    tap(kiosk, "next-field")
    type_keys(kiosk, GOOD_ID)
    tap(kiosk, "next-field")
    tap(kiosk, "choice-0")
    tap(kiosk, "next-field")


def test_a_name_typed_in_pinyin_takes_a_sim_replacement_ticket(qtbot, kiosk, store):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-sim_replace")
    type_keys(kiosk, "zhangsanfeng")
    assert kiosk.slip.pinyin.spelled.text() == "zhang san feng"
    assert not kiosk.slip.next.isEnabled()  # pinyin not yet turned into characters
    assert kiosk.slip.status.property("state") == "hint"
    pick_candidate(kiosk, "张")  # the surname first; "san feng" stays typed
    assert (kiosk.slip.entry.text(), kiosk.slip.pinyin.typed) == ("张", "sanfeng")
    pick_candidate(kiosk, "三")
    pick_candidate(kiosk, "丰")
    assert kiosk.slip.entry.text() == "张三丰"
    assert kiosk.slip.status.property("state") == "ok"
    finish_sim_replacement(qtbot, kiosk)
    lines = confirm_lines(kiosk)
    assert lines["name"] == "张三丰"  # the customer's own screen: not masked
    assert lines["id_number"] == "110105 19491231 002X"
    tap(kiosk, "confirm-ticket")
    qtbot.waitUntil(lambda: kiosk.ticket.state == "printed", timeout=5000)
    ticket = only_ticket(store)
    assert ticket.code == "B001"
    assert ticket.slip == {"name": "张三丰", "id_number": GOOD_ID, "reason": "丢失"}


def test_a_rare_surname_and_a_rare_character_are_reached_by_paging(qtbot, kiosk, store):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-sim_replace")
    spell(kiosk, ("qi", "亓"))
    type_keys(kiosk, "dag")
    type_keys(kiosk, BACKSPACE)  # the erase key takes back pinyin first
    assert (kiosk.slip.entry.text(), kiosk.slip.pinyin.typed) == ("亓", "da")
    pick_candidate(kiosk, "龘")
    tap(kiosk, "key-" + BACKSPACE)  # no pinyin left: now it erases a character
    assert kiosk.slip.entry.text() == "亓"
    spell(kiosk, ("da", "龘"))
    finish_sim_replacement(qtbot, kiosk)
    tap(kiosk, "confirm-ticket")
    qtbot.waitUntil(lambda: kiosk.ticket.state == "printed", timeout=5000)
    assert only_ticket(store).slip["name"] == "亓龘"


def test_initials_offer_the_surname_and_a_whole_name(kiosk):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-loss_report")
    type_keys(kiosk, "zsf")
    bar = [kiosk.slip.pinyin.shown[i].text() for i in range(3)]
    assert len(bar[0]) == 3 and bar[0][0] == "张"  # a whole name, the commonest surname
    assert "张" in [button.text() for button in kiosk.slip.pinyin.shown]
    pick_candidate(kiosk, "张")
    assert kiosk.slip.pinyin.typed == "sf"


def test_a_name_in_latin_letters_is_not_a_name(kiosk):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-sim_replace")
    commit_text(kiosk.slip.entry, "ZHANGSANFENG")  # a handwriting input method could
    assert not kiosk.slip.next.isEnabled()
    assert kiosk.slip.status.text() == "请用汉字填写姓名，与身份证一致"
    assert kiosk.slip.status.property("state") == "problem"


def test_a_minority_name_takes_a_middle_dot_between_its_parts(kiosk):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-password_reset")
    spell(kiosk, ("a", "阿"), ("yi", "依"), ("gu", "古"), ("li", "丽"))
    tap(kiosk, "key-·")
    assert not kiosk.slip.next.isEnabled()
    spell(kiosk, ("mai", "买"), ("mai", "买"), ("ti", "提"))
    assert kiosk.slip.entry.text() == "阿依古丽·买买提"
    assert kiosk.slip.next.isEnabled()


def test_a_company_name_left_for_the_counter_is_taken_and_printed_so(qtbot, kiosk, store, tmp_path):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-group_business")
    assert kiosk.slip.inputs.currentWidget() is kiosk.slip.pinyin
    tap(kiosk, "at-counter")  # the company's full name: the clerk takes it from the licence
    assert kiosk.slip.key == "contact_name"
    spell(kiosk, ("li", "李"), ("si", "四"))
    tap(kiosk, "next-field")
    type_keys(kiosk, "13912345678")
    tap(kiosk, "next-field")
    lines = confirm_lines(kiosk)
    assert lines == {
        "company": "到柜台填写",
        "contact_name": "李四",
        "contact_phone": "139 1234 5678",
    }
    tap(kiosk, "confirm-ticket")
    qtbot.waitUntil(lambda: kiosk.ticket.state == "printed", timeout=5000)
    assert only_ticket(store).slip == {
        "company": AT_COUNTER,
        "contact_name": "李四",
        "contact_phone": "13912345678",
    }
    printed = PdfReader(tmp_path / "tickets" / "20261123-C001.pdf").pages[0].extract_text()
    assert "到柜台填写 / fill in at the counter" in printed
    assert "李*" in printed and "李四" not in printed  # paper stays masked


def test_a_line_tapped_on_the_confirm_screen_goes_back_to_its_field(qtbot, kiosk, store):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-sim_replace")
    spell(kiosk, ("zhang", "张"), ("san", "三"))
    finish_sim_replacement(qtbot, kiosk)
    tap(kiosk, "edit-name")
    assert kiosk.stack.currentWidget() is kiosk.slip and kiosk.slip.key == "name"
    assert kiosk.slip.entry.text() == "张三"
    spell(kiosk, ("feng", "丰"))
    tap(kiosk, "next-field")
    tap(kiosk, "next-field")
    tap(kiosk, "next-field")
    assert confirm_lines(kiosk)["name"] == "张三丰"
    tap(kiosk, "confirm-ticket")
    qtbot.waitUntil(lambda: kiosk.ticket.state == "printed", timeout=5000)
    assert only_ticket(store).slip["name"] == "张三丰"


def test_an_english_speaker_reads_the_choices_in_english_and_the_slip_keeps_the_halls_words(
    qtbot, kiosk, store
):
    tap(kiosk, "language")
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-sim_replace")
    spell(kiosk, ("wang", "王"), ("fang", "芳"))
    tap(kiosk, "next-field")
    type_keys(kiosk, GOOD_ID)
    assert kiosk.slip.entry.text() == "110105 19491231 002X"  # as on the card, grouped
    tap(kiosk, "next-field")
    assert [kiosk.slip.choice_grid.itemAt(i).widget().text() for i in range(3)] == [
        "Lost",
        "Damaged",
        "Bigger SIM or eSIM",
    ]
    tap(kiosk, "choice-1")
    assert kiosk.slip.entry.text() == "Damaged"
    tap(kiosk, "next-field")
    assert confirm_lines(kiosk)["reason"] == "Damaged"
    tap(kiosk, "confirm-ticket")
    qtbot.waitUntil(lambda: kiosk.ticket.state == "printed", timeout=5000)
    assert only_ticket(store).slip["reason"] == "损坏"


def test_no_one_ahead_at_an_open_counter_is_very_soon_not_about_a_minute(qtbot, kiosk, hall):
    hall.open_counter(1, "E001")
    kiosk.reread_state()
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-service_change")
    tap(kiosk, "confirm-ticket")
    qtbot.waitUntil(lambda: kiosk.ticket.state == "printed", timeout=5000)
    shown = [label.text() for label in kiosk.ticket.details.findChildren(type(kiosk.slip.status))]
    assert "马上就到您" in shown and "约 1 分钟" not in shown


def test_a_customer_who_changes_their_mind_types_over_the_counter_words(kiosk):
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-sim_replace")
    tap(kiosk, "at-counter")
    tap(kiosk, "previous-field")
    assert kiosk.slip.entry.text() == "到柜台填写" and kiosk.slip.next.isEnabled()
    spell(kiosk, ("zhang", "张"), ("san", "三"))
    assert kiosk.slip.entry.text() == "张三"
    tap(kiosk, "at-counter")
    tap(kiosk, "previous-field")
    commit_text(kiosk.slip.entry, "李四")  # the handwriting input method, at the end
    assert kiosk.slip.values["name"] == "李四"
