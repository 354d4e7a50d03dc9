"""The administrator's window on the store, in Chinese and in English, reached only by what
an administrator does: types her staff id and PIN, clicks a tab, a row, a button, types a
value. She disables a clerk, who then cannot sign in at a counter; a setting out of its
bounds is refused with one line and nothing changes; a number comes off a special list; a
clerk cannot open the window."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from counter.admin.words import bounds_words, meaning_words
from counter.workstation.window import WorkstationWindow
from shared.qt.application import Translation
from shared.services.campaigns import special_list_entries
from shared.services.settings import load_settings, setting_rules
from shared.store.models import AuditEntry, Clerk
from tests.gui import admin_fixtures

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
admin_window = admin_fixtures.admin_window
BOTH = pytest.mark.parametrize("admin_window", ["zh", "en"], indirect=True)
WORDS = {
    "zh": {
        "not_done": "未执行：",
        "bounds": "未执行：rating_timeout_s 须在 5 至 3600 之间",
        "not_admin": "E002 不是系统管理员，无权使用",
        "refused_lines": (
            "未执行：bad.csv：1 行被拒，未导入任何号码：第 2 行：“not a number”不是手机号码"
        ),
    },
    "en": {
        "not_done": "Not done: ",
        "bounds": "Not done: rating_timeout_s must be from 5 to 3600",
        "not_admin": "E002 is not an administrator",
        "refused_lines": (
            "Not done: bad.csv: 1 lines refused, nothing imported:"
            " line 2: 'not a number' is not a mobile number"
        ),
    },
}


def audited(store, action: str) -> list[AuditEntry]:
    with store.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def staff_id_of(store, clerk_id: int | None) -> str | None:
    with store.read() as session:
        return session.scalar(select(Clerk.staff_id).where(Clerk.id == clerk_id))


@BOTH
def test_an_administrator_disables_a_clerk_who_then_cannot_sign_in(
    qtbot, admin_window, store, clock
):
    admin = admin_window
    window = admin.window
    admin.sign_in(qtbot)
    assert window.pages.currentIndex() == 1 and window.admin is not None
    admin.tab(qtbot, 0)
    admin.choose(qtbot, window.staff_table, "E002")
    qtbot.mouseClick(
        window.findChild(type(window.sign_in_page.button), "disableButton"),
        Qt.MouseButton.LeftButton,
    )
    assert "E002" in window.message.text()
    assert not window.message.text().startswith(WORDS[window.language]["not_done"])
    row = [
        window.staff_table.item(r, 0).text() for r in range(window.staff_table.rowCount())
    ].index("E002")
    assert window.staff_table.item(row, 3).text() in ("已停用（无密码）", "Disabled (no PIN)")
    (entry,) = audited(store, "staff_disabled")
    assert staff_id_of(store, entry.clerk_id) == "S001" and entry.detail["staff_id"] == "E002"

    counter = WorkstationWindow(store, "demo", 2, language=window.language, clock=clock)
    qtbot.addWidget(counter)
    counter.show()
    page = counter.sign_in_page
    qtbot.keyClicks(page.staff, "E002")
    qtbot.keyClick(page.staff, Qt.Key.Key_Return)
    qtbot.keyClicks(page.pin, "1234")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert counter.clerk is None and counter.pages.currentIndex() == 0
    assert page.message.text() in ("工号不存在或 PIN 错误", "Unknown staff ID or wrong PIN")

    # a new PIN lets her back in, with her history kept
    admin.choose(qtbot, window.staff_table, "E002")
    admin.type_into(qtbot, window.new_pin, "4321")
    qtbot.mouseClick(
        window.findChild(type(window.sign_in_page.button), "pinButton"), Qt.MouseButton.LeftButton
    )
    assert window.new_pin.text() == ""
    qtbot.keyClicks(page.pin, "4321")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert counter.clerk is not None
    assert "4321" not in str(audited(store, "pin_reset")[0].detail)


@BOTH
def test_a_setting_out_of_bounds_is_refused_in_one_line_and_a_good_one_is_kept(
    qtbot, admin_window, store
):
    admin = admin_window
    window = admin.window
    admin.sign_in(qtbot)
    admin.tab(qtbot, 3)
    admin.choose(qtbot, window.settings_table, "rating_timeout_s")
    assert window.setting_value.text() == "20"
    admin.type_into(qtbot, window.setting_value, "4")
    qtbot.keyClick(window.setting_value, Qt.Key.Key_Return)
    assert window.message.text() == WORDS[window.language]["bounds"]
    assert "\n" not in window.message.text()
    with store.read() as session:
        assert load_settings(session, 1).rating_timeout_s == 20
    assert audited(store, "settings_changed") == []

    admin.type_into(qtbot, window.setting_value, "30")
    qtbot.keyClick(window.setting_value, Qt.Key.Key_Return)
    assert not window.message.text().startswith(WORDS[window.language]["not_done"])
    with store.read() as session:
        assert load_settings(session, 1).rating_timeout_s == 30
    row = window.settings_table.currentRow()
    assert window.settings_table.item(row, 1).text() == "30"
    (entry,) = audited(store, "settings_changed")
    assert staff_id_of(store, entry.clerk_id) == "S001"
    assert entry.detail == {"changes": {"rating_timeout_s": 30}}


@BOTH
def test_a_list_is_imported_whole_or_not_at_all_and_a_number_is_removed(
    qtbot, admin_window, store, tmp_path: Path
):
    admin = admin_window
    window = admin.window
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"13800000001\nnot a number\n")
    good = tmp_path / "black.csv"
    good.write_bytes(b"13800000001\n13900000002\n")
    admin.files.extend([bad, good])
    admin.sign_in(qtbot)
    admin.tab(qtbot, 4)
    import_button = window.findChild(type(window.sign_in_page.button), "importButton")
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    assert window.message.text() == WORDS[window.language]["refused_lines"]
    assert special_list_entries(store, "demo", None, "blacklist") == []
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    assert window.list_table.rowCount() == 2

    admin.choose(qtbot, window.list_table, "13800000001")
    remove = window.findChild(type(window.sign_in_page.button), "removeButton")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert [e.phone for e in special_list_entries(store, "demo", None, "blacklist")] == [
        "13900000002"
    ]
    assert window.list_table.rowCount() == 1
    (entry,) = audited(store, "list_entry_removed")
    assert staff_id_of(store, entry.clerk_id) == "S001"
    assert entry.detail == {"list": "blacklist", "phone": "138****0001"}


@BOTH
def test_a_clerk_cannot_open_the_administration(qtbot, admin_window):
    admin = admin_window
    window = admin.window
    admin.sign_in(qtbot, "E002", "1234")
    assert window.pages.currentIndex() == 0 and window.admin is None
    assert window.sign_in_page.message.text() == WORDS[window.language]["not_admin"]
    assert window.staff_table.rowCount() == 0


def test_every_settings_meaning_and_bound_is_said_in_chinese(qapp):
    """The catalog holds the core's meanings and bounds as HallSettings writes them."""
    chinese = Translation(["admin"], qapp)
    chinese.switch("zh")
    try:
        for rule in setting_rules():
            assert re.search("[\u4e00-\u9fff]", meaning_words(rule.meaning)), rule.meaning
            bounds = bounds_words(rule.bounds)
            assert not rule.bounds or re.search("[\u4e00-\u9fff]", bounds), rule.bounds
    finally:
        chinese.remove()


def test_the_catalog_is_complete_and_its_compiled_form_says_the_same():
    """Every entry of admin_zh_CN.ts is translated, and the shipped .qm gives each one."""
    import xml.etree.ElementTree as ElementTree

    from PySide6.QtCore import QTranslator

    from shared.resources import catalog

    source = Path(__file__).resolve().parents[2] / "assets" / "i18n" / "admin_zh_CN.ts"
    translator = QTranslator()
    assert translator.load(str(catalog("admin", "zh")))
    root = ElementTree.parse(source).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            english, chinese = message.findtext("source"), message.find("translation")
            assert chinese is not None and chinese.get("type") is None, english
            assert chinese.text and translator.translate(name, english) == chinese.text, english


@BOTH
def test_staff_counters_and_devices_change_by_clicks_and_a_key_is_shown_once(
    qtbot, admin_window, store
):
    admin = admin_window
    window = admin.window
    button = type(window.sign_in_page.button)
    admin.sign_in(qtbot)
    admin.type_into(qtbot, window.new_staff_id, "E009")
    admin.type_into(qtbot, window.new_staff_name, "Sun Yue")
    qtbot.mouseClick(window.findChild(button, "addStaffButton"), Qt.MouseButton.LeftButton)
    assert window.new_staff_id.text() == ""
    admin.choose(qtbot, window.staff_table, "E009")
    window.chosen_role.setFocus()
    qtbot.keyClick(window.chosen_role, Qt.Key.Key_Down)  # clerk -> lead
    qtbot.mouseClick(window.findChild(button, "roleButton"), Qt.MouseButton.LeftButton)
    with store.read() as session:
        assert session.scalar(select(Clerk.role).where(Clerk.staff_id == "E009")) == "lead"
    admin.choose(qtbot, window.staff_table, "S001")
    qtbot.mouseClick(window.findChild(button, "disableButton"), Qt.MouseButton.LeftButton)
    assert window.message.text().startswith(WORDS[window.language]["not_done"])

    admin.tab(qtbot, 1)
    admin.choose(qtbot, window.counter_table, "4")
    admin.type_into(qtbot, window.counter_queues, "ab")
    qtbot.mouseClick(window.findChild(button, "queuesButton"), Qt.MouseButton.LeftButton)
    row = window.counter_table.currentRow()
    assert window.counter_table.item(row, 2).text() == "AB"
    admin.type_into(qtbot, window.counter_queues, "AZ")
    qtbot.mouseClick(window.findChild(button, "queuesButton"), Qt.MouseButton.LeftButton)
    assert window.message.text().startswith(WORDS[window.language]["not_done"])
    assert "Z" in window.message.text() and window.counter_table.item(row, 2).text() == "AB"

    admin.tab(qtbot, 2)
    admin.type_into(qtbot, window.device_name, "kiosk-2")
    qtbot.mouseClick(window.findChild(button, "enrolButton"), Qt.MouseButton.LeftButton)
    key = window.new_key.text()
    assert key.startswith("hd_") and window.device_table.rowCount() == 1
    admin.choose(qtbot, window.device_table, "kiosk-2")
    qtbot.mouseClick(window.findChild(button, "revokeButton"), Qt.MouseButton.LeftButton)
    assert window.device_table.item(0, 4).text() != ""
    qtbot.mouseClick(window.findChild(button, "signOutButton"), Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 0 and window.new_key.text() == ""
    assert [e.detail["device"] for e in audited(store, "device_enrolled")] == ["kiosk-2"]
    assert key not in str([e.detail for e in audited(store, "device_enrolled")])
