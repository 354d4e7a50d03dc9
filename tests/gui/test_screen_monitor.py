"""The shift lead's monitor: the level banner follows the hall, acknowledging stores who and
when, and the clerk figures are exactly `hallq metrics --json`."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from counter.screen.tables import SORT_ROLE
from counter.screen.words import customer_words, lead_actions, level_title
from shared.figures.clerks import ClerkFigures
from shared.services import audit
from shared.services.alerts import alert_changes
from shared.services.hall import HallService
from shared.store.clock import FixedClock
from shared.store.database import open_store
from shared.store.lookup import find_hall
from shared.store.models import Clerk
from tests.gui.screen_helpers import hallq, live_board, live_monitor

DAY_ONE = Path(__file__).parent.parent / "core" / "days" / "day_one.jsonl"


def _level_shown(monitor, board, level: int) -> bool:
    return monitor.level_label.text().startswith(level_title(level)) and (
        board.level_banner.text() == customer_words(level)
    )


def test_the_level_banner_follows_a_scripted_day_through_levels_0_1_2_1_0(
    qtbot, store, store_target, clock
):
    """Two counters open: 4 waiting is 0, 5 is level 1, 7 is level 2; one call (6 waiting,
    3.0) holds level 2 by the margin; a second (5, 2.5) drops to 1; two more counters
    (5 / 4 = 1.25) bring it back to 0. Every step is made through another connection."""
    other = open_store(store_target)
    hall = HallService(other, "demo", clock)
    monitor, live = live_monitor(qtbot, store, clock)
    board, board_live = live_board(qtbot, store, clock)

    def step(action, level: int) -> None:
        clock.advance(60)
        action()
        qtbot.waitUntil(lambda: _level_shown(monitor, board, level), timeout=2000)

    try:
        hall.open_counter(1, "E001")
        hall.open_counter(2, "E002")
        for _ in range(4):
            hall.issue("topup")
        qtbot.waitUntil(lambda: _level_shown(monitor, board, 0), timeout=2000)
        step(lambda: hall.issue("topup"), 1)
        step(lambda: [hall.issue("topup") for _ in range(2)], 2)
        step(lambda: hall.call(1), 2)
        step(lambda: (hall.finish(1), hall.call(1)), 1)
        step(lambda: (hall.open_counter(3, "E003"), hall.open_counter(4, "E004")), 0)
    finally:
        live.close()
        board_live.close()
        other.close()
    levels = [(row.previous_level, row.level) for row in monitor.floor.alerts]
    assert levels == [(0, 1), (1, 2), (2, 1), (1, 0)]
    assert monitor.alerts_model.rowCount() == 4
    assert monitor.actions_label.text() == lead_actions(0) == "常态分流，无需额外措施。"


def test_acknowledging_stores_the_lead_and_the_time(qtbot, store, store_target, hall, clock):
    hall.open_counter(1, "E001")
    for _ in range(3):
        hall.issue("topup")  # 3 waiting, 1 open: level 1
    monitor, live = live_monitor(qtbot, store, clock)
    live.close()
    assert monitor.ack_button.isEnabled()
    assert "尚未确认" in monitor.ack_label.text()
    clock.advance(120)
    qtbot.mouseClick(monitor.ack_button, Qt.MouseButton.LeftButton)
    with store.read() as session:
        (change,) = alert_changes(session, find_hall(session, "demo"), clock.now().date())
    assert (change.level, change.acknowledged_by, change.acknowledged_at) == (
        1,
        "M001",
        clock.now(),
    )
    assert not monitor.ack_button.isEnabled()
    assert monitor.ack_label.text() == (
        f"{change.at:%H:%M:%S} 升至一级应急，已由 M001 于 {clock.now():%H:%M:%S} 确认。"
    )


def _acknowledged(store, day: dt.date) -> list[tuple[int, int, str | None]]:
    with store.read() as session:
        return [
            (change.previous_level, change.level, change.acknowledged_by)
            for change in alert_changes(session, find_hall(session, "demo"), day)
        ]


def test_after_a_drop_the_button_acknowledges_the_rise_before_it(qtbot, store, hall, clock):
    hall.issue("topup")  # waiting with no counter open: level 2
    clock.advance(60)
    hall.open_counter(1, "E001")  # 1 waiting, 1 open: back to 0
    monitor, live = live_monitor(qtbot, store, clock)
    live.close()
    assert monitor.ack_label.text() == "08:30:00 升至二级应急，尚未确认。"
    clock.advance(60)
    qtbot.mouseClick(monitor.ack_button, Qt.MouseButton.LeftButton)
    assert _acknowledged(store, clock.now().date()) == [(0, 2, "M001"), (2, 0, None)]
    assert not monitor.ack_button.isEnabled()


def test_the_morning_after_nothing_is_offered_for_acknowledging(qtbot, store, hall, clock):
    """Yesterday's unacknowledged rise is over: the button stays disabled and says why, and
    the new day's first action closes yesterday with a drop that is not offered either."""
    day = clock.now().date()
    hall.issue("topup")  # level 2, never acknowledged
    morning = FixedClock(dt.datetime.combine(day + dt.timedelta(days=1), dt.time(8, 0)))
    monitor, live = live_monitor(qtbot, store, morning)
    try:
        assert monitor.ack_label.text() == "无需确认：2026-11-23 不是今天的营业日。"
        assert not monitor.ack_button.isEnabled()
        qtbot.mouseClick(monitor.ack_button, Qt.MouseButton.LeftButton)
        assert _acknowledged(store, day) == [(0, 2, None)]
        HallService(store, "demo", morning).open_counter(1, "E001")  # closes yesterday
        qtbot.waitUntil(lambda: monitor.ack_label.text() == "今日应急级别未升高。", timeout=2000)
    finally:
        live.close()
    assert not monitor.ack_button.isEnabled()
    assert _acknowledged(store, day) == [(0, 2, None), (2, 0, None)]


def test_only_a_shift_lead_opens_the_monitor(qtbot, store, clock):
    monitor, live = live_monitor(qtbot, store, clock)
    live.close()
    monitor.lead = None
    monitor.pages.setCurrentIndex(0)
    page = monitor.sign_in_page
    qtbot.keyClicks(page.staff, "E001")
    qtbot.keyClicks(page.pin, "1234")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert "只有值班长或管理员" in page.message.text()
    assert monitor.lead is None and monitor.pages.currentIndex() == 0
    page.staff.setText("M001")
    page.pin.setText("0000")
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "工号不存在或 PIN 错误"
    assert monitor.lead is None and monitor.pages.currentIndex() == 0


def _cell(value: object) -> object:
    return -math.inf if value is None else value


@pytest.mark.slow
def test_the_figures_table_equals_hallq_metrics_json_for_the_same_day(qtbot, store, store_target):
    hallq(store_target, "replay", str(DAY_ONE), check=False)  # some lines are refused on purpose
    expected = json.loads(hallq(store_target, "metrics", "--date", "2026-11-23", "--json"))
    clock = FixedClock(dt.datetime(2026, 11, 23, 17, 30))
    monitor, live = live_monitor(qtbot, store, clock)
    live.close()
    model = monitor.figures_model
    fields = list(ClerkFigures.__dataclass_fields__)
    shown = [
        {
            name: model.data(model.index(row, column), SORT_ROLE)
            for column, name in enumerate(fields)
        }
        for row in range(model.rowCount())
    ]
    assert len(expected) >= 4
    assert shown == [{name: _cell(clerk[name]) for name in fields} for clerk in expected]
    view = monitor.figures_view
    view.sortByColumn(fields.index("handled"), Qt.SortOrder.DescendingOrder)
    handled = [view.model().index(row, fields.index("handled")).data() for row in range(len(shown))]
    assert handled == sorted(handled, key=int, reverse=True)


def test_the_day_report_button_writes_the_report_and_records_the_export(
    qtbot, store, hall, clock, tmp_path
):
    hall.open_counter(1, "E001")
    hall.issue("topup")
    monitor, live = live_monitor(qtbot, store, clock)
    live.close()
    monitor.write_report(tmp_path)
    qtbot.waitUntil(lambda: monitor.report_button.isEnabled(), timeout=20000)
    assert (tmp_path / f"hallq-day-{clock.now():%Y-%m-%d}.pdf").stat().st_size > 0
    with store.read() as session:
        (export,) = audit.entries(session, find_hall(session, "demo").id, action="export")
        lead = session.get(Clerk, export.clerk_id)
    assert (lead.staff_id, export.source, export.detail["report"], export.at) == (
        "M001",
        "monitor",
        "day report",
        clock.now(),
    )
