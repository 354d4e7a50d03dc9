"""The monitor's month performance sheet: the scripted November of
tests/core/test_score_sheet.py, each part, total and rank as computed by hand there (the
comment above EXPECTED), and the lead's entry dialog driven by clicks and keys: an entry
the store takes shows at once, a refused one shows its reason and stores nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from shared.store.clock import FixedClock
from shared.store.models import ScoreEntry
from tests.core.test_score_sheet import CLI, EXPECTED, Month, script_november
from tests.gui.screen_helpers import live_monitor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def november(store, store_target: str) -> Month:
    return script_november(store, store_target)


def _cells(monitor) -> list[list[str]]:
    model = monitor.score_sheet.model
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _open_on_november(qtbot, store, language: str = "zh"):
    clock = FixedClock(dt.datetime(2026, 12, 1, 9, 0))
    monitor, live = live_monitor(qtbot, store, clock, language)
    live.close()
    monitor.tabs.setCurrentIndex(1)
    panel = monitor.score_sheet
    assert panel.month_label.text() == "2026-12 月度" and not panel.later.isEnabled()
    assert panel.note.text() == "本月无营业员服务或考核记录。"
    qtbot.mouseClick(panel.earlier, Qt.MouseButton.LeftButton)
    assert panel.month_label.text() == "2026-11 月度" and panel.later.isEnabled()
    return monitor


def _points(value: float) -> str:
    return f"{value:.2f}"


def test_the_monitor_shows_the_hand_computed_sheet_ranked_with_sources(
    qtbot, store, november: Month
) -> None:
    monitor = _open_on_november(qtbot, store)
    rows = _cells(monitor)
    assert [row[:2] for row in rows] == [["1", "E003 张伟"], ["2", "E002 李娜"], ["3", "E004 刘洋"]]
    for row in rows:
        expected = EXPECTED[row[1].split()[0]]
        parts = [
            "-" if share is None else _points(points)
            for share, points in zip(expected["shares"], expected["points"], strict=True)
        ]
        assert row[2:8] == parts, row[1]
        assert row[8:11] == [
            _points(expected["team"]), _points(expected["personal"]), _points(expected["total"])
        ]  # fmt: skip
    assert rows[1][11] == (
        f"系统计量：业务推荐、业务量、满意度；服务质量：系统计量 + {CLI} 录入；"
        f"团队协作：{CLI} 录入；学习成长：{CLI} 录入"
    )
    assert rows[2][11] == f"团队协作：{CLI} 录入"
    assert monitor.score_sheet.note.text() == (
        "满分 100：团队 20 分（团队协作）+ 个人 80 分，权重为营业厅设置。同分同名次，下一名次顺延。"
    )
    headers = [
        monitor.score_sheet.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(monitor.score_sheet.model.columnCount())
    ]
    assert headers == ["名次", "营业员", "业务推荐", "业务量", "满意度", "服务质量", "团队协作",
                       "学习成长", "团队分", "个人分", "总分", "来源"]  # fmt: skip


def _type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def _entered(store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(ScoreEntry))


def test_the_lead_enters_a_teamwork_mark_and_the_sheet_follows(
    qtbot, store, november: Month
) -> None:
    monitor = _open_on_november(qtbot, store)
    qtbot.mouseClick(monitor.score_sheet.enter_button, Qt.MouseButton.LeftButton)
    dialog = monitor.score_sheet.dialog
    assert dialog is not None and dialog.isVisible()
    # E005 teamwork 75 of 100 -> 20 x 0.75 = 15 points, rank 4 after E004's 20.
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # mystery -> teamwork
    assert dialog.kind.currentData() == "teamwork"
    assert not dialog.items.isVisible() and dialog.points.isVisible()
    _type_into(qtbot, dialog.clerk, "E005")
    _type_into(qtbot, dialog.points.lineEdit(), "75")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "录入"
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    rows = _cells(monitor)
    assert rows[3][:2] == ["4", "E005 陈静"] and rows[3][10] == "15.00"
    assert rows[3][11] == "团队协作：M001 录入"
    with store.read() as session:
        entry = session.scalars(select(ScoreEntry).order_by(ScoreEntry.id.desc())).first()
    assert (entry.kind, entry.points, entry.entered_by, entry.month) == (
        "teamwork", 75.0, "M001", "2026-11"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("clerk", "reason"),
    [
        ("E099", "no clerk 'E099' in hall demo"),
        ("E002", "E002 already has a teamwork entry for 2026-11 (entry 4); remove it first"),
    ],
)
def test_a_refused_entry_shows_its_reason_and_stores_nothing(
    qtbot, store, november: Month, clerk: str, reason: str
) -> None:
    monitor = _open_on_november(qtbot, store)
    before = _entered(store)
    qtbot.mouseClick(monitor.score_sheet.enter_button, Qt.MouseButton.LeftButton)
    dialog = monitor.score_sheet.dialog
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    _type_into(qtbot, dialog.clerk, clerk)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible()
    assert reason in dialog.message.text()
    assert _entered(store) == before


def test_the_mystery_check_day_stays_inside_the_month(qtbot, store, november: Month) -> None:
    monitor = _open_on_november(qtbot, store)
    qtbot.mouseClick(monitor.score_sheet.enter_button, Qt.MouseButton.LeftButton)
    dialog = monitor.score_sheet.dialog
    assert dialog.kind.currentData() == "mystery"
    assert (dialog.day.minimumDate().toPython(), dialog.day.maximumDate().toPython()) == (
        dt.date(2026, 11, 1), dt.date(2026, 11, 30)
    )  # fmt: skip
    assert dialog.items.isVisible() and not dialog.trainings.isVisible()
