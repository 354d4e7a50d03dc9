"""The board and the floor a screen rebuilds from the server's JSON equal the ones read from
the store; an answer that does not fit is refused with the field it failed on."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from shared.client.decoding import Undecodable, board_of, floor_of
from shared.server.encoding import to_json
from shared.services.replay import replay
from shared.views.floor import read_board, read_floor

DAY_ONE = Path(__file__).parent / "days" / "day_one.jsonl"
DAY = dt.date(2026, 11, 23)
MIDDAY = dt.datetime(2026, 11, 23, 12, 0)


def _over_the_wire(value: object) -> object:
    return json.loads(json.dumps(to_json(value)))


def test_a_replayed_day_reads_the_same_from_the_json_as_from_the_store(store):
    lines = DAY_ONE.read_text(encoding="utf-8").splitlines()
    list(replay(store, "demo", lines[: len(lines) // 2]))  # mid-day: people wait, counters serve
    board = read_board(store, "demo", MIDDAY)
    floor = read_floor(store, "demo", DAY)
    assert board.calls and board.waits and floor.figures and floor.series.handle_times
    assert board_of(_over_the_wire(board)) == board
    assert floor_of(_over_the_wire(floor)) == floor


def test_an_answer_that_does_not_fit_names_the_field(store):
    board = _over_the_wire(read_board(store, "demo", MIDDAY))
    assert isinstance(board, dict)
    board["now"]["queues"][0]["waiting"] = "many"
    with pytest.raises(Undecodable, match=r"Board\.now\.queues\[0\]\.waiting: 'many'"):
        board_of(board)
    del board["now"]
    with pytest.raises(Undecodable, match=r"Board: no now"):
        board_of(board)
