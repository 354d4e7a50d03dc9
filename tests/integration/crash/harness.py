"""Fork kiosk and counter workers on one store, SIGKILL them at random moments, restart
them, and hand the journals to the checker.

Workers are forked from this process after it has imported the core, so a restart costs
milliseconds instead of a Python start-up: that is what makes ten thousand kills a matter
of minutes on a small machine. Each child opens its own store connection after the fork.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import random
import signal
import time
import traceback
from pathlib import Path

from sqlalchemy import func, select

from shared.services.hall_config import demo_definition, load_hall
from shared.store.database import Store, open_store
from shared.store.models import Counter, Ticket
from tests.integration.crash import worker
from tests.integration.crash.check import Expectation, Report, check
from tests.integration.dead_clients import named, wait_until_gone

KIOSKS = 2
COUNTERS = (("1", "E001"), ("2", "E002"), ("5", "E005"), ("6", "E006"))
MEAN_GAP_S = 0.04  # default mean time between two kills (each kills one worker of six)
DAY_FULL = 800  # start the next business day once a queue has issued this many numbers
DAY_CHECK_EVERY = 25  # kills between two looks at the day's numbers


def _client_name(life: int) -> str:
    """The name a life's connections carry, to wait for them to end after its kill."""
    return f"hallq-crash-life-{life}"


@dataclasses.dataclass
class Slot:
    role: str  # "kiosk" or "counter:NUMBER:CLERK"
    journal: Path
    pid: int = 0
    life: int = 0


class Harness:
    def __init__(
        self, target: str, workdir: Path, seed: int, mean_gap_s: float = MEAN_GAP_S
    ) -> None:
        self.target, self.workdir, self.mean_gap_s = target, workdir, mean_gap_s
        self.rng = random.Random(seed)
        self.lives = 0
        self.days = 0
        self.expectations: list[Expectation] = []
        self.unexpected_exits: list[str] = []
        self.store: Store = open_store(target)
        with self.store.write() as session:
            load_hall(session, demo_definition())
        roles = ["kiosk"] * KIOSKS + [f"counter:{n}:{clerk}" for n, clerk in COUNTERS]
        self.slots = [
            Slot(role, workdir / f"journal-{index}-{role.replace(':', '-')}.jsonl")
            for index, role in enumerate(roles)
        ]

    def start(self, slot: Slot, *, expect_back: bool = True) -> None:
        """Fork a new life for the slot; a counter's life is expected to get back the ticket
        its previous life left called (unless a new day has expired it)."""
        self.lives += 1
        life, seed = self.lives, self.rng.randrange(2**32)
        if slot.role.startswith("counter") and expect_back:
            number = int(slot.role.split(":")[1])
            expected = self._called_at(number)
            self.expectations.append(Expectation(str(slot.journal), life, expected))
        errors = self.workdir / f"stderr-{life}.txt"
        pid = os.fork()
        if pid == 0:  # the child: never returns
            status = 1
            try:
                descriptor = os.open(errors, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                os.dup2(descriptor, 2)
                self.store.engine.dispose(close=False)  # the parent's connections stay its own
                target = named(self.target, _client_name(life))
                worker.run(slot.role, target, slot.journal, life, seed, self.days)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(status)
        slot.pid, slot.life = pid, life

    def kill(self, slot: Slot) -> None:
        """SIGKILL the slot's worker; one that had already died on its own is a fault."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(slot.pid, signal.SIGKILL)
        _, status = os.waitpid(slot.pid, 0)
        if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
            detail = (self.workdir / f"stderr-{slot.life}.txt").read_text()
            self.unexpected_exits.append(f"{slot.role} exited by itself ({status}): {detail}")
        slot.pid = 0
        wait_until_gone(self.store, _client_name(slot.life))

    def _called_at(self, number: int) -> str | None:
        """The ticket called to the counter today (an earlier day's expires at sign-in)."""
        day = worker.ShiftedClock(self.days).now().date()
        with self.store.read() as session:
            return session.scalar(
                select(Ticket.code)
                .join(Counter, Counter.id == Ticket.counter_id)
                .where(
                    Counter.number == number,
                    Ticket.status == "called",
                    Ticket.business_day == day,
                )
            )

    def _day_is_full(self) -> bool:
        day = worker.ShiftedClock(self.days).now().date()
        with self.store.read() as session:
            highest = session.scalar(
                select(func.max(Ticket.number)).where(Ticket.business_day == day)
            )
        return (highest or 0) >= DAY_FULL

    def run(self, kills: int) -> Report:
        began = time.monotonic()
        for slot in self.slots:
            self.start(slot, expect_back=False)
        done = 0
        while done < kills:
            time.sleep(self.rng.uniform(0, 2 * self.mean_gap_s))
            if done % DAY_CHECK_EVERY == 0 and self._day_is_full():
                self.days += 1  # every worker dies; the new lives work on the next day
                for slot in self.slots:
                    self.kill(slot)
                for slot in self.slots:
                    self.start(slot, expect_back=False)
                done += len(self.slots)
                continue
            slot = self.rng.choice(self.slots)
            self.kill(slot)
            self.start(slot)
            done += 1
        for slot in self.slots:
            self.kill(slot)
        seconds = time.monotonic() - began
        report = check(self.store, [slot.journal for slot in self.slots], self.expectations)
        report.kills, report.seconds, report.days = done + len(self.slots), seconds, self.days + 1
        report.faults.extend(self.unexpected_exits)
        self.store.close()
        return report
