"""`hallq status` starts quickly: on a SQLite store whose schema is current it reads the
file with the standard library's driver and loads no database layer at all, and says
exactly what the ordinary way says; anything else takes the ordinary way."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from shared.services.hall import HallService
from shared.services.settings import change_settings
from shared.store.clock import FixedClock
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.migrate import head_revision
from shared.store.place import SCHEMA_HEAD
from tests.conftest import DAY

HEAVY = ("sqlalchemy", "alembic", "reportlab", "PySide6", "numpy", "psycopg")

LOADED_BY_STATUS = """
import io, json, sys
from shared.cli.main import main
out = io.StringIO()
code = main(["--db", sys.argv[1], "status", *(["--json"] if sys.argv[2] == "json" else [])], out)
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[3:]))
print(json.dumps({"code": code, "said": out.getvalue(), "heavy": heavy}))
"""


def test_the_schema_head_is_the_newest_migration():
    assert head_revision() == SCHEMA_HEAD


@pytest.mark.parametrize("form", ["json", "text"])
def test_status_on_a_current_store_loads_no_database_layer_documents_or_qt(
    store_target, sqlite_only, form
):
    ran = subprocess.run(
        [sys.executable, "-c", LOADED_BY_STATUS, store_target, form, *HEAVY],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(ran.stdout)
    said = result["said"]
    assert result["code"] == 0 and result["heavy"] == []
    assert json.loads(said)["hall"] == "demo" if form == "json" else "(demo)" in said


def hallq_status(*args: str) -> dict:
    ran = subprocess.run(
        [sys.executable, "-m", "shared.cli", *args, "status", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.returncode == 0, ran.stderr
    return json.loads(ran.stdout)


@pytest.fixture
def busy_hall(store: Store, hall: HallService, clock: FixedClock) -> HallService:
    """Counter 1 serving A001 (E001), counter 2 paused with its queues narrowed, counter 3
    open and idle, A002, A003 and B001 waiting, the level thresholds set by the hall."""
    with store.write() as session:
        thresholds = {"alert_level1": 1.5, "alert_level2": 4.25, "alert_margin": 0.25}
        change_settings(session, find_hall(session, "demo").id, thresholds)
    for business in ("topup", "topup", "topup", "password_reset"):
        hall.issue(business)
        clock.advance(60)
    hall.open_counter(1, "E001")
    hall.call(1)
    clock.advance(30)
    hall.open_counter(2, "E002", ["B"])
    hall.pause_counter(2, "lunch")
    hall.open_counter(3, "E003")
    return hall


def test_status_says_the_hall_as_it_stands(busy_hall: HallService, store_target: str) -> None:
    """On either store, by whichever way the command reads it."""
    status = hallq_status("--db", store_target)
    at = dt.datetime.combine(DAY, dt.time(8, 30))
    assert (status["hall"], status["business_day"], status["level"]) == ("demo", DAY.isoformat(), 1)
    assert (status["waiting_total"], status["open_counters"], status["ratio"]) == (3, 2, 1.5)
    assert (status["thresholds"], status["margin"]) == ([1.5, 4.25], 0.25)
    assert status["waiting"] == {"V": 0, "A": 2, "B": 1, "C": 0, "D": 0} | {
        queue: 0 for queue in status["waiting"] if queue not in "VABCD"
    }
    queues = {queue["queue"]: queue for queue in status["queues"]}
    assert queues["A"]["oldest_since"] == (at + dt.timedelta(minutes=1)).isoformat()
    assert queues["B"]["oldest_since"] == (at + dt.timedelta(minutes=3)).isoformat()
    counters = {counter["counter"]: counter for counter in status["counters"]}
    assert counters[1] | {"queues": None} == counters[1] | {
        "state": "open",
        "clerk": "E001",
        "ticket": "A001",
        "called_at": (at + dt.timedelta(minutes=4)).isoformat(),
        "queues": None,
    }
    assert (counters[2]["state"], counters[2]["clerk"], counters[2]["queues"]) == (
        "paused",
        "E002",
        ["B"],
    )
    assert (counters[3]["state"], counters[3]["ticket"], counters[3]["called_at"]) == (
        "open",
        None,
        None,
    )
    assert all(counters[n]["state"] == "closed" and counters[n]["clerk"] is None for n in (4, 5))


def test_the_quick_read_says_what_the_ordinary_way_says(
    busy_hall: HallService, store_target: str, sqlite_only: None
) -> None:
    url = f"sqlite:///{Path(store_target).resolve()}"  # a URL always takes the ordinary way
    assert hallq_status("--db", store_target) == hallq_status("--db", url)
    assert hallq_status("--db", store_target, "--hall", "demo") == hallq_status("--db", url)


def test_a_store_the_quick_read_cannot_take_is_read_the_ordinary_way(
    store_target: str, sqlite_only: None, tmp_path: Path
) -> None:
    """An unknown hall is refused in one line; a store of a newer hallq is named so."""
    assert refused("--db", store_target, "--hall", "x") == "no hall 'x' in this store"
    with sqlite3.connect(store_target) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    assert "9999" in refused("--db", store_target)


def refused(*args: str) -> str:
    ran = subprocess.run(
        [sys.executable, "-m", "shared.cli", *args, "status"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.returncode == 1 and ran.stdout == "", ran
    assert ran.stderr.startswith("hallq: error: ") and ran.stderr.count("\n") == 1, ran.stderr
    return ran.stderr.removeprefix("hallq: error: ").strip()
