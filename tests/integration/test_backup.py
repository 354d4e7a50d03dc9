"""Backups of a SQLite store taken while real kiosk processes keep issuing tickets: each one is
a sound store as of one commit, and the kiosks lose nothing to it."""

from __future__ import annotations

import collections
import queue
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import select

from shared.services.hall_config import demo_definition, load_hall
from shared.store import backup
from shared.store.backup import BackupReport, backup_store
from shared.store.database import open_store
from shared.store.models import Queue, QueueSequence, Ticket, TicketEvent
from tests.integration.test_races import CHILD_TIMEOUT_S, Children

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.usefixtures("sqlite_only")]

KIOSK_BUSINESSES = ("topup", "topup", "sim_replace")  # two kiosks contend for queue A
BACKUPS = 3
BETWEEN_BACKUPS_S = 0.4
FIRST_CODES_EACH = 20  # every kiosk is well under way before the first backup


@pytest.fixture
def children() -> Iterator[Children]:
    started = Children()
    yield started
    started.kill_all()


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    """A new SQLite store holding the demo hall, closed: only the children write to it."""
    path = tmp_path / "hall.sqlite3"
    store = open_store(str(path))
    with store.write() as session:
        load_hall(session, demo_definition())
    store.close()
    return path


class Kiosk:
    """One issuing child and the codes it has printed, each printed after its commit."""

    def __init__(self, children: Children, store_file: Path, business: str) -> None:
        self.process = children.start(
            "issue-until-killed", "--db", str(store_file), "--business", business
        )
        assert self.process.stdout is not None
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.printed: list[str] = []
        self.reader = threading.Thread(target=self._read, args=(self.process.stdout,))
        self.reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.put(line.strip())
        self.lines.put(None)

    def wait_for(self, count: int, deadline: float) -> None:
        """Collect printed codes until there are `count`; fail with stderr if the child dies."""
        while len(self.printed) < count:
            try:
                line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                pytest.fail(f"the kiosk printed {len(self.printed)} codes in {CHILD_TIMEOUT_S} s")
            if line is None:
                assert self.process.stderr is not None
                pytest.fail(
                    f"the kiosk died ({self.process.wait()}):\n{self.process.stderr.read()}"
                )
            self.printed.append(line)

    def stop(self) -> None:
        """Kill the kiosk as a power cut would, then keep every code it printed."""
        self.process.kill()
        self.process.wait(timeout=10)
        self.reader.join(timeout=10)
        while (line := self.lines.get_nowait()) is not None:
            self.printed.append(line)


def numbers_by_queue(path: Path) -> dict[tuple[str, str], list[int]]:
    """Each queue's ticket numbers on each day, in order."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT queues.letter, tickets.business_day, tickets.number FROM tickets "
            "JOIN queues ON queues.id = tickets.queue_id ORDER BY tickets.number"
        ).fetchall()
    connection.close()
    numbers: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    for letter, day, number in rows:
        numbers[letter, str(day)].append(number)
    return dict(numbers)


def assert_sound_store_as_of_one_commit(report: BackupReport) -> None:
    """The backup passes integrity_check, opens as a store, and no queue skips a number."""
    with sqlite3.connect(report.path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()
    numbers = numbers_by_queue(report.path)
    for queue_day, found in numbers.items():
        assert found == list(range(1, len(found) + 1)), f"queue {queue_day} has a gap"
    store = open_store(str(report.path))
    try:
        with store.read() as session:
            tickets = session.scalars(select(Ticket.id)).all()
            issued = session.scalars(
                select(TicketEvent.id).where(TicketEvent.kind == "issued")
            ).all()
            last_numbers = {
                (letter, str(day)): last
                for letter, day, last in session.execute(
                    select(
                        Queue.letter, QueueSequence.business_day, QueueSequence.last_number
                    ).join(Queue, Queue.id == QueueSequence.queue_id)
                ).all()
            }
    finally:
        store.close()
    assert len(issued) == len(tickets) == report.tickets
    assert last_numbers == {queue_day: len(found) for queue_day, found in numbers.items()}


def test_backups_taken_while_kiosks_issue_are_whole_and_lose_nothing(
    store_file: Path, children: Children, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One page a step: the kiosks commit between the steps of every backup.
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 1)
    kiosks = [Kiosk(children, store_file, business) for business in KIOSK_BUSINESSES]
    deadline = time.monotonic() + CHILD_TIMEOUT_S
    for kiosk in kiosks:
        kiosk.wait_for(FIRST_CODES_EACH, deadline)

    reports = []
    for number in range(BACKUPS):
        reports.append(backup_store(store_file, tmp_path / f"backup-{number}.sqlite3"))
        time.sleep(BETWEEN_BACKUPS_S)
    still_issuing = [kiosk.process.poll() is None for kiosk in kiosks]
    for kiosk in kiosks:
        kiosk.stop()

    assert all(still_issuing), "a kiosk stopped while the backups ran"
    for report in reports:
        assert_sound_store_as_of_one_commit(report)
    counts = [report.tickets for report in reports]
    assert counts == sorted(set(counts)), f"the kiosks did not issue between backups: {counts}"
    with sqlite3.connect(store_file) as connection:
        stored = {code for (code,) in connection.execute("SELECT code FROM tickets")}
    connection.close()
    printed = [code for kiosk in kiosks for code in kiosk.printed]
    assert len(printed) == len(set(printed)), "two kiosks printed the same code"
    assert set(printed) <= stored, f"printed but lost: {sorted(set(printed) - stored)[:10]}"
    assert counts[-1] <= len(stored)
