"""Real processes on one store: kiosks issuing at once, counters calling at once, and a kiosk
killed mid-stream. Each runs on the run's backend: a SQLite file, or with `--backend
postgresql` a fresh PostgreSQL database (skipped when no server answers, failed when
HALLQ_REQUIRE_POSTGRES is set).

The children are `python -m tests.integration.race_worker ...` on the same store target
string as the test. Each says `ready` once set up, then all are given one wall-clock start
instant, so that they really collide.
"""

from __future__ import annotations

import collections
import json
import os
import queue
import selectors
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.store.clock import SystemClock
from shared.store.database import Store, open_store
from shared.store.models import Counter, Queue, QueueSequence, Ticket, TicketEvent
from tests.integration.dead_clients import named, wait_until_gone

pytestmark = [pytest.mark.integration, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
CHILD_TIMEOUT_S = 90
START_DELAY_S = 0.3  # from the last child's `ready` to the shared start instant
KILLED_ISSUER = "hallq-killed-issuer"  # its connections' name, to wait for them to end
TICKETS_TO_SERVE = 120  # 30 calls per counter on average; PostgreSQL is the slow backend here


# ----- the store and the children -----


@pytest.fixture
def shared_target(empty_store_target: str) -> str:
    """One store target string for the test and all its children: a file or a fresh database
    on the backend the run chose (`--backend`)."""
    return empty_store_target


@pytest.fixture
def demo_store(shared_target: str) -> Iterator[Store]:
    """The store at `shared_target`, created here and holding the demo hall."""
    store = open_store(shared_target)
    with store.write() as session:
        load_hall(session, demo_definition())
    yield store
    store.close()


class Children:
    """The worker processes a test starts; any still running at the end are killed."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen[str]] = []

    def start(self, *args: str) -> subprocess.Popen[str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.race_worker", *args],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.started.append(child)
        return child

    def kill_all(self) -> None:
        for child in self.started:
            if child.poll() is None:
                child.kill()
                child.wait()


@pytest.fixture
def children() -> Iterator[Children]:
    started = Children()
    yield started
    started.kill_all()


def describe(child: subprocess.Popen[str]) -> str:
    args = [str(arg) for arg in child.args]  # type: ignore[union-attr]
    return " ".join(args[3:])


def start_together(workers: Sequence[subprocess.Popen[str]]) -> None:
    """Wait until every child (started with `--start-at -`) is ready, then give them all one
    wall-clock instant just ahead. Starting Python and importing the core costs each child
    about a second of CPU, so an instant fixed at launch would be too early or wasteful."""
    deadline = time.monotonic() + CHILD_TIMEOUT_S
    for number, worker in enumerate(workers):
        assert worker.stdout is not None and worker.stderr is not None
        with selectors.DefaultSelector() as selector:
            selector.register(worker.stdout, selectors.EVENT_READ)
            readable = selector.select(max(deadline - time.monotonic(), 0))
        line = worker.stdout.readline() if readable else ""
        if line.strip() != "ready":
            if worker.poll() is None:
                worker.kill()
            pytest.fail(
                f"child {number} ({describe(worker)}) did not get ready ({line!r}):\n"
                + worker.stderr.read()
            )
    instant = repr(time.time() + START_DELAY_S)
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write(instant + "\n")
        worker.stdin.flush()


def results_of(workers: Sequence[subprocess.Popen[str]]) -> list[dict[str, Any]]:
    """Each child's JSON result; a child that failed or hung fails the test with its stderr."""
    deadline = time.monotonic() + CHILD_TIMEOUT_S
    outputs = []
    for number, worker in enumerate(workers):
        try:
            stdout, stderr = worker.communicate(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            pytest.fail(f"child {number} ({describe(worker)}) runs after {CHILD_TIMEOUT_S} s")
        if worker.returncode != 0:
            pytest.fail(
                f"child {number} ({describe(worker)}) exited {worker.returncode}:\n{stderr}"
            )
        outputs.append(json.loads(stdout.strip().splitlines()[-1]))
    return outputs


# ----- what the store holds -----


def codes_up_to(count: int, letter: str = "A") -> list[str]:
    return [f"{letter}{number:03d}" for number in range(1, count + 1)]


def sequence_numbers(session: Session) -> dict[str, int]:
    """Each queue's sequence row: the last number it issued."""
    rows = session.execute(
        select(Queue.letter, QueueSequence.last_number).join(
            Queue, Queue.id == QueueSequence.queue_id
        )
    ).all()
    return {letter: number for letter, number in rows}


def event_count(session: Session, kind: str) -> int:
    return int(session.scalar(select(func.count()).where(TicketEvent.kind == kind)) or 0)


def is_interleaved(batches: Sequence[Sequence[str]]) -> bool:
    """True when some process's numbers are not one contiguous run: they ran together."""
    for codes in batches:
        numbers = sorted(int(code[1:]) for code in codes)
        if numbers and numbers[-1] - numbers[0] + 1 != len(numbers):
            return True
    return False


# ----- kiosks issuing at once -----


def test_processes_issuing_at_once_never_share_a_number(
    demo_store: Store, shared_target: str, children: Children
) -> None:
    processes, each = 6, 40
    workers = [
        children.start("issue", "--db", shared_target, "--count", str(each), "--start-at", "-")
        for _ in range(processes)
    ]
    start_together(workers)
    batches = [list(result["codes"]) for result in results_of(workers)]

    codes = [code for batch in batches for code in batch]
    assert [len(batch) for batch in batches] == [each] * processes
    assert len(set(codes)) == len(codes) == processes * each
    assert sorted(codes) == codes_up_to(processes * each)
    assert is_interleaved(batches), "the children ran one after another, not together"
    with demo_store.read() as session:
        assert sorted(session.scalars(select(Ticket.code))) == codes_up_to(processes * each)
        assert event_count(session, "issued") == processes * each
        assert sequence_numbers(session) == {"A": processes * each}


# ----- counters calling at once -----


def test_counters_calling_at_once_never_share_a_ticket(
    demo_store: Store, shared_target: str, children: Children
) -> None:
    counters = (1, 2, 3, 4)
    workers = [
        children.start(
            "serve",
            "--db",
            shared_target,
            "--counter",
            str(number),
            "--clerk",
            f"E{number:03d}",
            "--start-at",
            "-",
        )
        for number in counters
    ]
    # The kiosk issues while the counters start up; they call only once all are ready.
    kiosk = HallService(demo_store, "demo", SystemClock())
    businesses = ["topup", "topup", "sim_replace"]  # queues A, A, B
    issued = [kiosk.issue(businesses[n % 3]).ticket for n in range(TICKETS_TO_SERVE)]
    start_together(workers)
    results = results_of(workers)

    served_by = {
        number: list(result["tickets"]) for number, result in zip(counters, results, strict=True)
    }
    times_called = collections.Counter(code for tickets in served_by.values() for code in tickets)
    assert sorted(times_called) == sorted(issued), "a ticket was never called, or one made up"
    assert [code for code, count in times_called.items() if count > 1] == []
    calls = {number: len(tickets) for number, tickets in served_by.items()}
    assert sum(1 for count in calls.values() if count) >= 2, f"no overlap: calls {calls}"
    with demo_store.read() as session:
        called_twice = session.execute(
            select(Ticket.code)
            .join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
            .where(TicketEvent.kind == "called")
            .group_by(Ticket.code)
            .having(func.count() > 1)
        ).all()
        assert called_twice == []
        assert event_count(session, "called") == len(issued)
        assert event_count(session, "finished") == len(issued)
        rows = session.execute(
            select(Ticket.code, Ticket.status, Counter.number).outerjoin(
                Counter, Counter.id == Ticket.counter_id
            )
        ).all()
    assert sorted(code for code, _, _ in rows) == sorted(issued)
    assert {code: status for code, status, _ in rows} == dict.fromkeys(issued, "finished")
    assert {code: number for code, _, number in rows} == {
        code: number for number, tickets in served_by.items() for code in tickets
    }


# ----- a kiosk killed mid-stream -----


def _read_lines(stream: IO[str], into: queue.Queue[str | None]) -> None:
    for line in stream:
        into.put(line.strip())
    into.put(None)


def test_a_killed_issuer_loses_nothing_committed(
    demo_store: Store, shared_target: str, children: Children
) -> None:
    child = children.start("issue-until-killed", "--db", named(shared_target, KILLED_ISSUER))
    assert child.stdout is not None and child.stderr is not None
    lines: queue.Queue[str | None] = queue.Queue()
    reader = threading.Thread(target=_read_lines, args=(child.stdout, lines), daemon=True)
    reader.start()
    try:
        first = lines.get(timeout=CHILD_TIMEOUT_S)
    except queue.Empty:
        first = None
    if first is None:
        children.kill_all()
        pytest.fail(f"the child issued nothing (exit {child.returncode}):\n{child.stderr.read()}")
    time.sleep(0.5)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    reader.join(timeout=10)
    stderr = child.stderr.read()
    assert child.returncode == -signal.SIGKILL, (
        f"it ended by itself ({child.returncode}):\n{stderr}"
    )
    printed = [first]  # each printed code was committed before it was printed
    while (line := lines.get_nowait()) is not None:
        printed.append(line)

    wait_until_gone(demo_store, KILLED_ISSUER)
    demo_store.close()  # as after a crash: a new process opens the store afresh
    store = open_store(shared_target)
    try:
        with store.read() as session:
            numbers = list(session.scalars(select(Ticket.number).order_by(Ticket.number)))
            codes = set(session.scalars(select(Ticket.code)))
            stored = len(numbers)
            assert numbers == list(range(1, stored + 1)), "the numbers in the store have a gap"
            assert set(printed) <= codes, f"committed but lost: {sorted(set(printed) - codes)}"
            assert printed == codes_up_to(len(printed))
            assert stored - len(printed) in (0, 1)  # at most the one committed as it was killed
            assert event_count(session, "issued") == stored
            assert sequence_numbers(session) == {"A": stored}
        next_code = HallService(store, "demo", SystemClock()).issue("topup").ticket
        assert next_code == f"A{stored + 1:03d}"
        if store.is_sqlite:
            with sqlite3.connect(shared_target) as connection:
                assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        store.close()
