"""The early warnings on the shift lead's monitor, reached by replaying two mornings through
`hallq replay`: the warning standing now with its chance, its time and the counter to open,
and the record line of how the warning did, in Chinese and in English."""

from __future__ import annotations

import datetime as dt

import pytest

from counter.app import make_application
from counter.screen.monitor import LeadMonitor
from counter.screen.sources import StoreSource
from shared.store.clock import FixedClock
from tests.gui.screen_helpers import LANGUAGE, hallq
from tests.gui.warned_days import SECOND_DAY, two_mornings

STOPPED_AT = dt.datetime.combine(SECOND_DAY, dt.time(9, 6, 30))  # just after the replay's end
# By hand from the replayed days (`hallq warnings`, `hallq alerts`): on the first, the level
# rose to 1 and 2 at 8:58 with no counter open (unwarned), and to 1 at 9:09:06 and 9:11:06,
# each after a level 1 warning (9:06:06, 9:09:12); the level 2 warning of 9:08:06 never
# came true. The second morning's warning of 9:06:06 is 24 seconds old: still open.
RECORD = {
    "zh": "最近 2 个营业日（11-23 起）：发出预警 4 次，应验 2 次，误报 1 次，待验证 1 次；"
    "级别上升 4 次，其中未获预警 2 次。",
    "en": "Record over 2 business day(s) since 11-23: warnings raised 4, came true 2, "
    "false alarms 1, still open 1; rises of the level 4, unwarned 2.",
}
SUGGESTED = {"zh": "再开 1 个：5 号", "en": "1 more: no. 5"}


def in_language(language: str) -> None:
    """The staff application in `language` (its one set of translators switches)."""
    make_application([], language)


@pytest.fixture
def replayed(store_target: str) -> str:
    hallq(store_target, "replay", "-", events=two_mornings())
    return store_target


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_monitor_shows_the_standing_warning_and_the_week_s_record(
    qtbot, replayed, store, language
):
    in_language(language)
    try:
        monitor = LeadMonitor(StoreSource(store, "demo", FixedClock(STOPPED_AT)), language)
        qtbot.addWidget(monitor)
        monitor.sign_in_page.staff.setFocus()
        qtbot.keyClicks(monitor.sign_in_page.staff, "M001")
        qtbot.keyClicks(monitor.sign_in_page.pin, "2468")
        qtbot.keyClick(monitor.sign_in_page.pin, "\r")
        panel = monitor.warnings_panel
        qtbot.waitUntil(lambda: panel.warnings is not None, timeout=5000)
        model = panel.model
        assert model.rowCount() == 1
        cells = [model.index(0, column).data() for column in range(model.columnCount())]
        (live,) = panel.warnings.live
        assert (live.level, live.at, live.expected_at) == (
            1,
            dt.datetime.combine(SECOND_DAY, dt.time(9, 6, 6)),
            dt.datetime.combine(SECOND_DAY, dt.time(9, 14, 6)),
        )
        assert live.chance is not None and 0.8 <= live.chance < 1  # at least the threshold
        level = "一级应急" if language == "zh" else "Level 1 alert"
        chance = f"{live.chance * 100:.0f} %"
        assert cells == [level, chance, "09:14", "09:06", SUGGESTED[language]]
        assert panel.week_label.text() == RECORD[language]
        assert not panel.none_label.isVisible()
    finally:
        in_language(LANGUAGE)
