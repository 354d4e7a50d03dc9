"""The performance sheet through the real hall server from `hallq --server`: the lead
enters and removes, a clerk may not, bad input gets one line and stores nothing, and the
sheet of the scripted November (tests/core/test_score_sheet.py) reads back with the
hand-computed totals and ranks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shared.store.database import Store
from shared.store.models import ScoreEntry
from tests.core.test_score_sheet import EXPECTED, script_november
from tests.integration.hall_server import HallServer, running_server
from tests.integration.test_server_clients import hallq

pytestmark = [pytest.mark.integration]


@pytest.fixture
def served(store: Store, store_target: str, tmp_path: Path) -> Iterator[HallServer]:
    script_november(store, store_target)
    with running_server(store_target, tmp_path) as server:
        yield server
        assert server.tracebacks() == 0, server.log.read_text()


def _count(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(ScoreEntry))


def test_the_lead_enters_through_the_server_and_the_sheet_reads_back(
    served: HallServer, store: Store
) -> None:
    lead = ("--staff", "M001")
    done = hallq(served, *lead, "scores", "enter", "teamwork", "--clerk", "E005",
                 "--month", "2026-11", "--points", "75", pin="2468")  # fmt: skip
    assert done.returncode == 0, done.stderr
    entered = json.loads(done.stdout)
    assert (entered["entry"], entered["entered_by"], entered["points"]) == (9, "M001", 75.0)
    sheet = json.loads(hallq(served, *lead, "performance", "--month", "2026-11", pin="2468").stdout)
    totals = {
        row["clerk"]: (row["rank"], round(sum(p["points"] for p in row["parts"]), 6))
        for row in sheet["clerks"]
    }
    assert totals == {
        **{c: (EXPECTED[c]["rank"], EXPECTED[c]["total"]) for c in ("E002", "E003", "E004")},
        "E005": (4, 15.0),  # 20 x 75/100
    }
    removed = hallq(served, *lead, "scores", "remove", "--entry", "9", pin="2468")
    assert removed.returncode == 0 and json.loads(removed.stdout)["clerk"] == "E005"


@pytest.mark.parametrize(
    ("staff", "pin", "args", "reason"),
    [
        ("E002", "1234", ["teamwork", "--clerk", "E002", "--month", "2026-11", "--points", "100"],
         "may not enter the performance sheet's hand-scored parts"),
        ("M001", "2468", ["teamwork", "--clerk", "E099", "--month", "2026-11", "--points", "80"],
         "no clerk 'E099' in hall demo"),
        ("M001", "2468", ["teamwork", "--clerk", "E005", "--month", "2026-13", "--points", "80"],
         "month 2026-13 is out of range"),
        ("M001", "2468", ["teamwork", "--clerk", "E005", "--month", "2026-11", "--points", "101"],
         "the teamwork mark 101.0 is out of bounds: from 0 to 100"),
    ],
)  # fmt: skip
def test_refusals_through_the_server_are_one_line_and_store_nothing(
    served: HallServer, store: Store, staff: str, pin: str, args: list[str], reason: str
) -> None:
    before = _count(store)
    done = hallq(served, "--staff", staff, "scores", "enter", *args, pin=pin)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and reason in done.stderr, done.stderr
    assert _count(store) == before
