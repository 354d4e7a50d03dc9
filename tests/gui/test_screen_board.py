"""The calling board: calls made anywhere show within a second, are announced and flash;
a recall is announced again."""

from __future__ import annotations

import json
import time

import pytest

from counter.screen.words import announcement
from tests.gui.screen_helpers import hallq, live_board


@pytest.mark.slow
def test_a_call_made_by_another_process_shows_on_the_board_within_a_second(
    qtbot, store, store_target, hall, clock
):
    hall.open_counter(3, "E003")
    hall.issue("topup")
    board, live = live_board(qtbot, store, clock)
    try:
        assert board.calling_ticket.text() == "—"
        call = json.dumps({"at": "2026-11-23T08:31:00", "op": "call", "counter": 3})
        with qtbot.waitSignal(board.announcer.announced, timeout=3000) as spoken:
            output = hallq(store_target, "replay", "-", events=call + "\n")
            committed = time.monotonic()
            qtbot.waitUntil(lambda: board.calling_ticket.text() == "A001", timeout=1000)
        shown_after = time.monotonic() - committed
    finally:
        live.close()
    assert json.loads(output)["ticket"] == "A001"
    assert shown_after < 1.0
    assert board.calling_counter.text() == "3 号窗口"
    assert spoken.args == [announcement("A001", 3)] == ["请 A001 号到 3 号窗口"]
    assert board.flashing


def test_a_recall_is_announced_again_and_listed_among_the_last_calls(qtbot, store, hall, clock):
    hall.open_counter(1, "E001")
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.issue("bill_query")
    board, live = live_board(qtbot, store, clock)
    try:
        with qtbot.waitSignal(board.announcer.announced, timeout=2000) as first:
            hall.call(1)
        with qtbot.waitSignal(board.announcer.announced, timeout=2000) as second:
            hall.call(2)
        with qtbot.waitSignal(board.announcer.announced, timeout=2000) as again:
            hall.recall(1)
    finally:
        live.close()
    assert [first.args, second.args, again.args] == [
        ["请 A001 号到 1 号窗口"],
        ["请 A002 号到 2 号窗口"],
        ["请 A001 号到 1 号窗口"],
    ]
    assert board.calling_ticket.text() == "A001"
    assert board.recent_list.text().splitlines() == ["A002  →  2 号窗口", "A001  →  1 号窗口"]
    assert sorted(label.text() for label in board.serving_labels) == [
        "A001  →  1 号窗口",
        "A002  →  2 号窗口",
    ]


def test_the_board_does_not_announce_old_calls_when_it_starts(qtbot, store, hall, clock):
    hall.open_counter(1, "E001")
    hall.issue("topup")
    hall.call(1)
    board, live = live_board(qtbot, store, clock)
    live.close()
    with qtbot.assertNotEmitted(board.announcer.announced, wait=300):
        board.refresh()
    assert board.calling_ticket.text() == "A001"
    assert not board.flashing
