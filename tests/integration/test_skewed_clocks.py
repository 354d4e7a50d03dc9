"""A hall on several PCs sharing a PostgreSQL store, one PC's clock ten minutes slow (a real
process under libfaketime). Live actions take the server's time, so that PC calls the
ticket just issued and records the call after the issue; timed by its own clock it is
refused (its now is before the hall's latest event), so it writes nothing backwards."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest
from sqlalchemy import select

from shared.services.hall import HallService
from shared.store.database import Store
from shared.store.models import Ticket, TicketEvent
from tests.integration.test_races import CHILD_TIMEOUT_S, REPO

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("postgres_only")]

SLOW_BY = dt.timedelta(minutes=10)


def serve_on_a_slow_pc(target: str, counter: int, clock: str) -> subprocess.CompletedProcess[str]:
    """Counter `counter` calls and finishes what waits, in a process whose clock is slow."""
    faketime = shutil.which("faketime")
    if faketime is None:
        pytest.skip("needs faketime (Debian package faketime) to slow a process's clock")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [
            faketime,
            "-f",
            f"-{int(SLOW_BY.total_seconds())}s",
            sys.executable,
            "-m",
            "tests.integration.race_worker",
            "serve",
            "--db",
            target,
            "--counter",
            str(counter),
            "--clerk",
            f"E{counter:03d}",
            "--start-at",
            "0",
            "--clock",
            clock,
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    return done


def times_of(store: Store, code: str) -> dict[str, dt.datetime]:
    with store.read() as session:
        rows = session.execute(
            select(TicketEvent.kind, TicketEvent.at)
            .join(Ticket, Ticket.id == TicketEvent.ticket_id)
            .where(Ticket.code == code)
        ).all()
    return dict(rows)


def test_a_slow_pc_serves_a_ticket_just_issued_on_the_servers_clock_not_on_its_own(
    store, store_target
):
    kiosk = HallService(store, "demo")  # the store's clock: the server's
    first = kiosk.issue("topup").ticket
    on_the_servers_clock = serve_on_a_slow_pc(store_target, 1, clock="store")
    assert on_the_servers_clock.returncode == 0, on_the_servers_clock.stderr
    second = kiosk.issue("topup").ticket
    on_its_own = serve_on_a_slow_pc(store_target, 2, clock="system")
    assert on_its_own.returncode != 0
    assert "is before the hall's latest event" in on_its_own.stderr

    on_server_time = times_of(store, first)
    assert on_server_time["issued"] <= on_server_time["called"] <= on_server_time["finished"]
    assert abs(on_server_time["finished"] - dt.datetime.now()) < dt.timedelta(minutes=1)
    # The same PC on its own clock is refused: the ticket stays as the kiosk left it.
    assert list(times_of(store, second)) == ["issued"]
