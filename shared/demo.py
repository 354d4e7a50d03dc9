"""`hallq demo`: the demo hall on an embedded store, with a simulated stream of customers.

Customers arrive at random (more at lunch and after work), counters call and serve them,
and the hall's calls, waiting counts and crowding level scroll by in the terminal.
Simulated time runs `speed` times faster than real time.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from shared.clock import FixedClock
from shared.errors import Rejected
from shared.hall import HallService
from shared.hall_config import demo_definition, load_hall
from shared.lookup import find_hall
from shared.status import LEVEL_NAMES, hall_now
from shared.store import Store, open_store

# What customers come for, and how often (relative weights).
BUSINESS_MIX = {
    "topup": 14, "bill_payment": 10, "bill_query": 6, "plan_change": 12, "service_change": 8,
    "loss_report": 3, "sim_replace": 8, "password_reset": 5, "new_account": 4, "number_port": 2,
    "group_business": 3, "handset_sale": 4, "after_sales": 4,
}  # fmt: skip
MEAN_SERVICE_S = {"routine": 170, "long": 420, "group": 600, "handset": 480}
DEMO_STAFF = {1: "E001", 2: "E002", 3: "E003", 4: "E004", 5: "E005", 6: "E006"}
FIRST_OPEN = (1, 2, 5, 6)  # counters 3 and 4 are the standby counters level 1 opens
VIP_PHONES = ("13800000001", "13800000002", "13800000003")
TICK_S = 0.5


def arrivals_per_minute(at: dt.datetime) -> float:
    """A business hall's day: a morning rise, a lunch peak and an after-work peak."""
    hour = at.hour + at.minute / 60
    base = 1.2
    lunch = 1.0 if 11.5 <= hour < 13.5 else 0.0
    evening = 1.2 if 17 <= hour < 19 else 0.0
    return base + lunch + evening


@dataclass
class _Serving:
    ticket: str
    until: dt.datetime


class DemoHall:
    """Drives the demo hall's services like its customers and clerks would."""

    def __init__(self, store: Store, clock: FixedClock, seed: int | None, out: TextIO):
        self.hall = HallService(store, "demo", clock)
        self.store = store
        self.clock = clock
        self.random = random.Random(seed)
        self.out = out
        self.serving: dict[int, _Serving] = {}
        self.classes = {b["key"]: b["class"] for b in demo_definition()["businesses"]}
        self.business_of: dict[str, str] = {}
        self.opened: set[int] = set()

    def say(self, text: str) -> None:
        self.out.write(f"{self.clock.now():%H:%M:%S}  {text}\n")
        self.out.flush()

    def open_counter(self, counter: int) -> None:
        try:
            self.hall.open_counter(counter, DEMO_STAFF[counter])
        except Rejected:
            return  # already open from an earlier run on the same store
        self.say(f"{counter} 号窗口开放 counter {counter} opens ({DEMO_STAFF[counter]})")

    def open_counters(self) -> None:
        for counter in FIRST_OPEN:
            self.open_counter(counter)

    def respond_to_crowding(self) -> None:
        """What the shift lead does at level 1: open the standby counters, one at a time."""
        with self.store.read() as session:
            level = find_hall(session, "demo").alert_level
        standby = [c for c in DEMO_STAFF if c not in FIRST_OPEN and c not in self.opened]
        if level >= 1 and standby:
            chinese, english = LEVEL_NAMES[level]
            self.say(f"预警 {chinese}: 开放备用窗口  {english}: a standby counter opens")
            self.open_counter(standby[0])
            self.opened.add(standby[0])

    def step(self, seconds: float) -> None:
        """Advance simulated time by `seconds`: arrivals, finishes, calls."""
        now = self.clock.advance(seconds)
        expected = arrivals_per_minute(now) * seconds / 60
        while self.random.random() < expected:
            expected -= 1
            self.arrive()
        self.respond_to_crowding()
        for counter in [*FIRST_OPEN, *sorted(self.opened)]:
            serving = self.serving.get(counter)
            if serving and now >= serving.until:
                self.finish(counter, serving.ticket)
            if counter not in self.serving:
                self.call(counter)

    def arrive(self) -> None:
        business = self.random.choices(list(BUSINESS_MIX), weights=list(BUSINESS_MIX.values()))[0]
        phone = self.random.choice(VIP_PHONES) if self.random.random() < 0.04 else None
        issued = self.hall.issue(business, phone=phone)
        self.business_of[issued.ticket] = business
        self.say(f"取号 ticket {issued.ticket} ({business}, {issued.ahead} 人在前 ahead)")

    def call(self, counter: int) -> None:
        called = self.hall.call(counter)
        if called.ticket is None:
            return
        self.say(
            f"叫号 请 {called.ticket} 号到 {counter} 号窗口  "
            f"Ticket {called.ticket} to counter {counter}"
        )
        business_class = self.classes[self.business_of.get(called.ticket, "topup")]
        mean = MEAN_SERVICE_S[business_class] * self.random.uniform(0.6, 1.6)
        self.serving[counter] = _Serving(
            called.ticket, self.clock.now() + dt.timedelta(seconds=mean)
        )

    def finish(self, counter: int, ticket: str) -> None:
        del self.serving[counter]
        if self.random.random() < 0.05:
            self.hall.no_show(counter)
            self.say(f"过号 no-show {ticket} at counter {counter}")
            return
        recommended = self.random.random() < 0.4
        self.hall.finish(
            counter,
            recommended=recommended,
            accepted=recommended and self.random.random() < 0.3,
            signed=self.random.random() < 0.9,
        )
        rating = self.random.choices(["satisfied", "neutral", "dissatisfied"], weights=[85, 12, 3])[
            0
        ]
        self.hall.rate(counter, rating)

    def summary(self) -> str:
        with self.store.read() as session:
            now = hall_now(session, find_hall(session, "demo"))
        waiting = " ".join(f"{q.queue}{q.waiting}" for q in now.queues)
        chinese, english = LEVEL_NAMES[now.level]
        return (
            f"—— 等候 waiting {waiting} | 开放 open {now.open_counters} | "
            f"预警 alert {chinese} {english} ——"
        )


def run_demo(
    target: str | None, *, speed: float, minutes: float | None, seed: int | None, out: TextIO
) -> None:
    """Run until `minutes` of real time have passed, or until interrupted (Ctrl-C)."""
    if speed <= 0:
        raise Rejected("--speed must be above 0")
    if target is None:
        target = str(Path(tempfile.mkdtemp(prefix="hallq-demo-")) / "demo.sqlite3")
    store = open_store(target)
    try:
        with store.write() as session:
            load_hall(session, demo_definition())
        out.write(f"hallq demo: store {target}; Ctrl-C to stop\n")
        clock = FixedClock(dt.datetime.now().replace(microsecond=0))
        demo = DemoHall(store, clock, seed, out)
        demo.open_counters()
        started = time.monotonic()
        ticks = 0
        while minutes is None or time.monotonic() - started < minutes * 60:
            demo.step(TICK_S * speed)
            ticks += 1
            if ticks % 20 == 0:
                out.write(demo.summary() + "\n")
            time.sleep(TICK_S)
    finally:
        store.close()
