"""The demo hall: simulated customers really flow through the services, and the shift
lead's standby counters open when the crowding alert rises."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys

from sqlalchemy import func, select

from shared.clock import FixedClock
from shared.demo import FIRST_OPEN, DemoHall, arrivals_per_minute
from shared.model import AlertChange, Ticket


def test_arrivals_peak_at_lunch_and_after_work():
    rate = {hour: arrivals_per_minute(dt.datetime(2026, 11, 23, hour, 0)) for hour in (10, 12, 18)}
    assert rate[12] > rate[10] and rate[18] > rate[10]


def test_a_simulated_morning_issues_serves_and_opens_standby_counters_at_level_one(store):
    clock = FixedClock(dt.datetime(2026, 11, 23, 9, 0))
    out = io.StringIO()
    demo = DemoHall(store, clock, seed=5, out=out)
    demo.open_counters()
    for _ in range(240):  # four hours, a minute at a time
        demo.step(60)
    with store.read() as session:
        statuses = dict(
            session.execute(select(Ticket.status, func.count()).group_by(Ticket.status)).all()
        )
        first_alert = session.scalars(select(AlertChange).where(AlertChange.level >= 1)).first()
    assert statuses["finished"] > 50
    assert first_alert is not None, "a busy morning on four counters reaches level 1"
    assert len(demo.opened) == 2 and not demo.opened & set(FIRST_OPEN)
    assert "a standby counter opens" in out.getvalue()


def test_hallq_demo_runs_as_a_program_and_stops_when_told(empty_store_target):
    command = [sys.executable, "-m", "shared.cli", "--db", empty_store_target, "demo"]
    done = subprocess.run(
        [*command, "--minutes", "0.04", "--speed", "600"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "取号 ticket" in done.stdout and "counter 1 opens" in done.stdout
