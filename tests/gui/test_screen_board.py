"""The calling board: calls made anywhere show within a second, are announced and flash;
calls made together share the "now calling" row, each once; a recall is announced again
without taking a second place; missed numbers and paused or closed counters are listed."""

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
        assert board.card_tickets[0].text() == "—"
        call = json.dumps({"at": "2026-11-23T08:31:00", "op": "call", "counter": 3})
        with qtbot.waitSignal(board.announcer.announced, timeout=3000) as spoken:
            output = hallq(store_target, "replay", "-", events=call + "\n")
            committed = time.monotonic()
            qtbot.waitUntil(lambda: board.card_tickets[0].text() == "A001", timeout=1000)
        shown_after = time.monotonic() - committed
    finally:
        live.close()
    assert json.loads(output)["ticket"] == "A001"
    assert shown_after < 1.0
    assert board.card_counters[0].text() == "3 号窗口"
    assert spoken.args == [announcement("A001", 3)] == ["请 A零零一 号到 3 号窗口"]
    assert board.flashing


@pytest.mark.parametrize(
    ("language", "counter_words", "earlier"),
    [("zh", "2 号窗口", "此前叫号：—"), ("en", "Counter 2", "Earlier: —")],
)
def test_three_calls_in_one_second_are_each_shown_once_and_announced_once(
    qtbot, store, hall, clock, language, counter_words, earlier
):
    for counter in (1, 2, 3):
        hall.open_counter(counter, f"E00{counter}")
        hall.issue("topup")
    board, live = live_board(qtbot, store, clock, language)
    spoken: list[str] = []
    board.announcer.announced.connect(spoken.append)
    try:
        for counter in (1, 2, 3):
            hall.call(counter)
            clock.advance(0.3)
        qtbot.waitUntil(lambda: len(spoken) == 3, timeout=3000)
    finally:
        live.close()
    shown = [label.text() for label in board.card_tickets if label.isVisibleTo(board)]
    assert shown == ["A003", "A002", "A001"]  # newest first, each once
    assert [label.text() for label in board.card_counters][1] == counter_words
    assert spoken == [announcement(f"A00{n}", n) for n in (1, 2, 3)]
    assert board.earlier_line.text() == earlier  # not the same calls again below
    assert board.flashing


def test_a_recall_is_announced_again_without_a_second_card(qtbot, store, hall, clock):
    hall.open_counter(1, "E001")
    hall.open_counter(2, "E002")
    hall.issue("topup")
    hall.issue("bill_query")
    board, live = live_board(qtbot, store, clock)
    try:
        with qtbot.waitSignal(board.announcer.announced, timeout=2000) as first:
            hall.call(1)
        clock.advance(120)
        with qtbot.waitSignal(board.announcer.announced, timeout=2000) as second:
            hall.call(2)
        with qtbot.waitSignal(board.announcer.announced, timeout=2000) as again:
            hall.recall(1)
    finally:
        live.close()
    assert [first.args, second.args, again.args] == [
        [announcement("A001", 1)],
        [announcement("A002", 2)],
        [announcement("A001", 1)],
    ]
    shown = [label.text() for label in board.card_tickets if label.isVisibleTo(board)]
    assert shown == ["A001", "A002"]  # the recall and the call made with it, once each
    assert board.earlier_line.text() == "此前叫号：—"


def test_missed_numbers_and_paused_or_closed_counters_are_listed(qtbot, store, hall, clock):
    for counter in (1, 2):
        hall.open_counter(counter, f"E00{counter}")
    hall.issue("topup")
    hall.call(1)
    hall.no_show(1)
    hall.pause_counter(2, "lunch")
    board, live = live_board(qtbot, store, clock, "en")
    live.close()
    assert board.missed_line.text() == "Missed: A001"
    assert board.counters_line.text() == "Paused: 2 · Closed: 3 4 5 6"


def test_the_board_does_not_announce_old_calls_when_it_starts(qtbot, store, hall, clock):
    hall.open_counter(1, "E001")
    hall.issue("topup")
    hall.call(1)
    board, live = live_board(qtbot, store, clock)
    live.close()
    with qtbot.assertNotEmitted(board.announcer.announced, wait=300):
        board.refresh()
    assert board.card_tickets[0].text() == "A001"
    assert not board.flashing


def test_without_a_speech_engine_the_board_still_announces_by_chime_and_flash(
    qtbot, store, hall, clock, monkeypatch, tmp_path
):
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng, no sox on this PC
    hall.open_counter(1, "E001")
    hall.issue("topup")
    board, live = live_board(qtbot, store, clock)
    try:
        assert not board.announcer.speaks
        with qtbot.waitSignal(board.announcer.announced, timeout=2000) as spoken:
            hall.call(1)
    finally:
        live.close()
    assert spoken.args == [announcement("A001", 1)]
    assert board.flashing
