"""The kiosk and counter workers the crash harness forks, kills and restarts.

Each worker drives `HallService` on the shared store and keeps an append-only journal,
fsynced line by line: `before` when it starts an action, then `after` (with what the
service returned as committed) or `rejected`. A kill between the two leaves the action in
doubt: committed or not, never half. The checker compares the journals with the store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import random
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from shared.errors import Rejected
from shared.services.hall import HallService
from shared.store.database import open_store

KIOSK_BUSINESSES = (
    "topup",
    "bill_payment",
    "plan_change",
    "sim_replace",
    "new_account",
    "handset_sale",
    "group_business",
)
FINISH_BUSINESSES = ("topup", "bill_query", "plan_change", "service_change", "sim_replace")
TIERS = ("normal",) * 8 + ("vip", "group")
RATINGS = ("satisfied", "satisfied", "neutral", "dissatisfied")
IDLE_S = 0.003  # a counter with nothing to call waits this long before calling again


class ShiftedClock:
    """The wall clock moved on by whole days, so one run can fill several business days."""

    def __init__(self, days: int) -> None:
        self.shift = dt.timedelta(days=days)

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0) + self.shift


class Journal:
    """One worker slot's append-only record of what it asked and what the service answered."""

    def __init__(self, path: Path, life: int, clock: ShiftedClock) -> None:
        self.descriptor = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        self.life, self.clock = life, clock
        size = os.fstat(self.descriptor).st_size
        if size and os.pread(self.descriptor, 1, size - 1) != b"\n":
            self._write_line(b"\n")  # a kill tore the last life's last line: end it there
        self.sequence = 0

    def _write(self, record: dict[str, Any]) -> None:
        self._write_line((json.dumps(record, default=str) + "\n").encode())

    def _write_line(self, line: bytes) -> None:
        os.write(self.descriptor, line)
        os.fsync(self.descriptor)

    def act(self, op: str, args: dict[str, Any], action: Callable[[], object]) -> dict | None:
        """Run one service action between its two journal lines; None when it was rejected."""
        self.sequence += 1
        mark = {"life": self.life, "seq": self.sequence}
        day = self.clock.now().date().isoformat()
        self._write({**mark, "phase": "before", "op": op, "args": args, "day": day})
        try:
            result = dataclasses.asdict(action())  # type: ignore[call-overload]
        except Rejected as rejection:
            self._write({**mark, "phase": "rejected", "error": rejection.message})
            return None
        self._write({**mark, "phase": "after", "result": result})
        return result


def kiosk(hall: HallService, journal: Journal, rng: random.Random) -> None:
    """Issue tickets forever; each phone number is unique to its action, so the checker can
    find the ticket an action made (or did not make) even when the kill left it in doubt."""
    while True:
        phone = f"19{journal.life:05d}{journal.sequence + 1:04d}"
        business, tier = rng.choice(KIOSK_BUSINESSES), rng.choice(TIERS)
        journal.act(
            "issue",
            {"business": business, "tier": tier, "phone": phone},
            partial(hall.issue, business, phone=phone, tier=tier),
        )


def counter(
    hall: HallService, journal: Journal, rng: random.Random, number: int, clerk: str
) -> None:
    """Sign in (getting back any ticket still called here), then serve forever: call, recall,
    no-show, transfer, finish with transactions, rate, now and then a pause or a close."""

    def act(op: str, action: Callable[[], object], **args: Any) -> dict | None:
        return journal.act(op, {"counter": number, "held": held, **args}, action)

    held: str | None = None
    signed_in = act("open", lambda: hall.open_counter(number, clerk), clerk=clerk)
    held = signed_in["ticket"] if signed_in else None
    while True:
        choice = rng.random()
        if held is None:
            if choice < 0.03:
                done = act("pause", lambda: hall.pause_counter(number, "break"))
                done = done and act("resume", lambda: hall.resume_counter(number))
            elif choice < 0.05:
                done = act("close", lambda: hall.close_counter(number))
                done = done and act("open", lambda: hall.open_counter(number, clerk), clerk=clerk)
            else:
                done = act("call", lambda: hall.call(number))
                if done and done["ticket"] is None:
                    time.sleep(IDLE_S)
                held = done["ticket"] if done else None
        elif choice < 0.1:
            done = act("recall", lambda: hall.recall(number))
        elif choice < 0.18:
            done = act("no_show", lambda: hall.no_show(number))
            held = None
        elif choice < 0.26:
            queue = rng.choice("AB")
            done = act("transfer", partial(hall.transfer, number, queue), queue=queue)
            held = None
        else:
            businesses = rng.sample(FINISH_BUSINESSES, rng.randint(1, 2))
            flags = {"recommended": rng.random() < 0.5, "signed": rng.random() < 0.7}
            flags["accepted"] = flags["recommended"] and rng.random() < 0.5
            done = act(
                "finish",
                partial(hall.finish, number, businesses=businesses, **flags),
                businesses=businesses,
                **flags,
            )
            finished, held = held, None
            if done and rng.random() < 0.6:
                rating = rng.choice(RATINGS)
                done = act(
                    "rate", partial(hall.rate, number, rating), rating=rating, ticket=finished
                )
        if done is None:  # refused (another day began, say): find where the counter stands
            act("resume", lambda: hall.resume_counter(number))
            again = act("open", lambda: hall.open_counter(number, clerk), clerk=clerk)
            held = again["ticket"] if again else None


def run(role: str, target: str, journal_path: Path, life: int, seed: int, days: int) -> None:
    """The body of one forked worker: open the store itself, then work until killed."""
    store = open_store(target, upgrade=False)
    clock = ShiftedClock(days)
    hall = HallService(store, "demo", clock)
    journal = Journal(journal_path, life, clock)
    rng = random.Random(seed)
    if role == "kiosk":
        kiosk(hall, journal, rng)
    else:
        number, clerk = role.split(":")[1:]
        counter(hall, journal, rng, int(number), clerk)
