"""Clients and the hall server killed at random moments (SIGKILL), then started again on
the same store: every act the server answered is in the store once, no ticket is called to
two counters or numbered twice, and an act in doubt (asked, never answered) is either done
whole or not at all."""

from __future__ import annotations

import collections
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from shared.services.devices import enrol_device
from shared.store.database import open_store
from shared.store.models import Counter, Ticket, TicketEvent
from tests.integration.hall_server import REPO, free_port, launch, stop

pytestmark = [pytest.mark.integration, pytest.mark.slow]

RUN_S = 24.0
SERVER_KILLS = 3
COUNTERS = ((2, "E002"), (3, "E003"), (4, "E004"))


def _journal(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.endswith("}")]


def _worker(
    role: str, port: int, key: str, counter: int, journal: Path, seconds: float
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.integration.server_worker",
            role,
            str(port),
            key,
            str(counter),
            str(journal),
            str(seconds),
        ],
        cwd=REPO,
        stderr=subprocess.PIPE,
    )


def test_nothing_answered_is_lost_or_doubled_when_server_and_clients_are_killed(
    store_target: str, tmp_path: Path
) -> None:
    rng = random.Random(7)
    store = open_store(store_target)
    kiosk_keys = [enrol_device(store, None, None, f"kiosk-{n}", "kiosk") for n in (1, 2)]
    port = free_port()
    server = launch(store_target, tmp_path, port)
    clerk_keys = {number: server.sign_in(clerk, "1234", number) for number, clerk in COUNTERS}
    journals: dict[str, Path] = {}
    workers: dict[str, subprocess.Popen[bytes]] = {}
    for index, key in enumerate(kiosk_keys):
        name = f"kiosk-{index}"
        journals[name] = tmp_path / f"{name}.jsonl"
        workers[name] = _worker("kiosk", port, key, 0, journals[name], RUN_S)
    for number, key in clerk_keys.items():
        name = f"counter-{number}"
        journals[name] = tmp_path / f"{name}.jsonl"
        workers[name] = _worker("counter", port, key, number, journals[name], RUN_S)
    began = time.monotonic()
    kill_at = sorted(rng.uniform(2.0, RUN_S - 4.0) for _ in range(SERVER_KILLS))
    try:
        for moment in kill_at:
            time.sleep(max(0.0, began + moment - time.monotonic()))
            server.process.send_signal(signal.SIGKILL)
            server.process.wait()
            victim = rng.choice(sorted(workers))  # and one client with it
            workers[victim].send_signal(signal.SIGKILL)
            workers[victim].wait()
            server = launch(store_target, tmp_path, port)
            role, _, number = victim.partition("-")
            key = kiosk_keys[int(number)] if role == "kiosk" else clerk_keys[int(number)]
            left = max(1.0, RUN_S - (time.monotonic() - began))
            workers[victim] = _worker(role, port, key, int(number), journals[victim], left)
        for name, process in workers.items():
            _, errors = process.communicate(timeout=RUN_S + 60)
            assert process.returncode == 0, (name, errors.decode()[-2000:])
    finally:
        stop(server)
    assert server.tracebacks() == 0, server.log.read_text()[-3000:]

    answered = {
        name: [j for j in _journal(path) if j["state"] == "done"] for name, path in journals.items()
    }
    issued = [
        j["answer"]["ticket"]
        for name, js in answered.items()
        if name.startswith("kiosk")
        for j in js
        if j["status"] == 201
    ]
    assert len(issued) > 20, "the clients got too few answers to test anything"
    with store.read() as session:
        stored = collections.Counter(session.scalars(select(Ticket.code)))
        called_at = collections.defaultdict(set)
        for code, counter_id in session.execute(
            select(Ticket.code, TicketEvent.counter_id)
            .join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
            .where(TicketEvent.kind == "called")
        ):
            called_at[code].add(counter_id)
        finished = set(session.scalars(select(Ticket.code).where(Ticket.status == "finished")))
        serving_twice = session.scalar(
            select(func.count())
            .select_from(Ticket)
            .where(Ticket.status == "called")
            .group_by(Ticket.counter_id)
            .having(func.count() > 1)
        )
        counters = session.scalar(select(func.count()).select_from(Counter))
    assert counters == 6
    for code in issued:  # every ticket the server answered for is there, once
        assert stored[code] == 1, code
    assert all(count == 1 for count in stored.values())  # no number given twice
    assert all(len(places) == 1 for places in called_at.values())  # never two counters
    assert serving_twice is None
    for name, js in answered.items():
        for j in js:
            if name.startswith("counter") and j["op"] == "call" and j["answer"].get("ticket"):
                assert j["answer"]["ticket"] in called_at
            if j["op"] == "finish" and j["status"] == 200:
                assert j["answer"]["ticket"] in finished
    store.close()
