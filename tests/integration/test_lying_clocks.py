"""One clock for the hall: a program started in the wrong time zone reads the same hall
time as the rest, a replayed line dated in the real future or before the hall's latest
event is refused, and a PIN lock holds against a program whose zone runs fourteen hours
ahead. Real processes on one store."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import select

from shared.errors import Rejected
from shared.services.hall import HallService
from shared.services.replay import replay
from shared.services.staff import sign_in
from shared.store.clock import SKEW, SystemClock
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import AlertChange, TicketEvent
from tests.core.test_cli import hallq
from tests.integration.test_races import CHILD_TIMEOUT_S, REPO

FAR_EAST = {"TZ": "Etc/GMT-14"}  # fourteen hours ahead of UTC: tomorrow for most halls
ISSUE_AS_A_KIOSK = """
import sys
from shared.services.hall import HallService
from shared.store.database import open_store
store = open_store(sys.argv[1], create=False)
print(HallService(store, "demo").issue("topup").issued_at.isoformat())
"""
SIGN_IN_AS_A_COUNTER = """
import sys
from shared.errors import Rejected
from shared.services.staff import sign_in
from shared.store.database import open_store
try:
    print(sign_in(open_store(sys.argv[1], create=False), "demo", "E002", "1234", source="x").name)
except Rejected as refusal:
    print(refusal)
"""


def run_in_the_far_east(program: str, target: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", program, target],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), **FAR_EAST},
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def business_day(store: Store) -> dt.date | None:
    with store.read() as session:
        return find_hall(session, "demo").business_day


def close_to(at: dt.datetime, other: dt.datetime) -> bool:
    return abs(at - other) <= dt.timedelta(minutes=1)


def test_a_kiosk_started_fourteen_hours_ahead_issues_on_the_halls_clock(store, store_target):
    kiosk = HallService(store, "demo")  # live, on the hall's clock
    here = kiosk.issue("topup")
    day = business_day(store)
    there = dt.datetime.fromisoformat(run_in_the_far_east(ISSUE_AS_A_KIOSK, store_target))
    assert close_to(there, SystemClock().now()) and close_to(there, here.issued_at)
    assert business_day(store) == day == here.issued_at.date()
    with store.read() as session:
        times = session.scalars(select(TicketEvent.at).order_by(TicketEvent.id)).all()
    assert all(close_to(at, here.issued_at) for at in times)


@pytest.mark.usefixtures("sqlite_only")  # on PostgreSQL every program takes the server's time
def test_hallq_acknowledging_from_the_far_east_is_timed_on_the_halls_clock(store, store_target):
    HallService(store, "demo").issue("topup")  # nobody open: the level rises to 2, now
    done = hallq("ack", "--clerk", "M001", db=store_target, env=FAR_EAST)
    assert done.returncode == 0, done.stderr
    with store.read() as session:
        rise = session.scalars(select(AlertChange)).one()
    assert rise.acknowledged_at is not None and close_to(rise.acknowledged_at, rise.at)


def test_a_pin_lock_holds_against_a_program_fourteen_hours_ahead(store, store_target):
    for _ in range(5):
        with pytest.raises(Rejected):
            sign_in(store, "demo", "E002", "0000", source="counter 2")
    refused = run_in_the_far_east(SIGN_IN_AS_A_COUNTER, store_target)
    assert refused.startswith("E002 is locked until ")


def replayed(store_target: str, *lines: dict[str, object]) -> list[dict[str, object]]:
    done = hallq("replay", "-", db=store_target, stdin="\n".join(map(json.dumps, lines)))
    return [json.loads(line) for line in done.stdout.splitlines()]


ISSUE = {"op": "issue", "business": "topup"}


def test_a_replayed_line_dated_9999_is_refused_and_the_business_day_stays(store, store_target):
    results = replayed(
        store_target,
        {**ISSUE, "at": "2026-11-23T09:00:00"},
        {**ISSUE, "at": "9999-12-31T09:00:00"},  # past any calendar hallq takes
        {**ISSUE, "at": "9998-12-31T09:00:00"},  # a real date, on a day yet to come
        {"op": "open", "counter": 1, "clerk": "E001", "at": "9998-12-31T09:00:00"},
    )
    assert [result["ok"] for result in results] == [True, False, False, False]
    assert "outside 1970-01-01 to 9998-12-31" in results[1]["error"]
    assert results[2]["error"].startswith("9998-12-31T09:00:00 is on a day yet to come")
    assert business_day(store) == dt.date(2026, 11, 23)


def test_a_line_a_little_ahead_of_the_real_clock_is_refused(store, store_target):
    ahead = SystemClock().now() + SKEW + dt.timedelta(minutes=1)
    if ahead.date() != SystemClock().now().date():
        pytest.skip("run within six minutes of midnight: the next day's refusal covers it")
    (result,) = replayed(store_target, {**ISSUE, "at": ahead.isoformat()})
    assert result["ok"] is False and "by more than 5 minutes" in result["error"]


def test_a_backdated_line_is_refused_and_history_stays_in_order(store, store_target):
    results = replayed(
        store_target,
        {**ISSUE, "at": "2026-11-23T09:00:00"},
        {**ISSUE, "at": "2026-11-23T08:59:59"},
        {"op": "open", "counter": 1, "clerk": "E001", "at": "2026-11-23T08:00:00"},
        {**ISSUE, "at": "2026-11-23T09:00:00"},
    )
    assert [result["ok"] for result in results] == [True, False, False, True]
    assert results[1]["error"] == (
        "2026-11-23T08:59:59 is before the hall's latest event (2026-11-23T09:00:00)"
    )
    with store.read() as session:
        times = session.scalars(select(TicketEvent.at).order_by(TicketEvent.id)).all()
    assert times == sorted(times)


def test_a_scratch_store_replays_any_day_a_simulation_gives_it(store):
    """No real clock given (simulations, tests): the lines' own times are the only clock."""
    lines = [json.dumps({**ISSUE, "at": "9998-12-30T09:00:00"})]
    assert [result["ok"] for result in replay(store, "demo", lines)] == [True]
    assert business_day(store) == dt.date(9998, 12, 30)
