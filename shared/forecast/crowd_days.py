"""A second model of the hall's days, built on purpose on other assumptions than
`shared.forecast.simulate`, so the forecast is not judged only on the model it was tuned on.

Where `simulate` draws single customers from a fixed hourly curve, serves them by class of
business and follows a fixed timetable, this model has:

- customers arriving in groups (a family, colleagues: one to four tickets within seconds,
  mostly for the same business);
- a lunch peak whose hour and height move from day to day, and bursts (a coach of
  visitors, a network fault: a dozen customers within minutes) at random hours;
- service times lognormal per business, with a wider spread, and a wrap-up gap after each
  customer before the clerk calls again;
- clerks absent for the day, counters opening late, and short unplanned breaks;
- fewer counters and a later peak on Saturdays and Sundays.

The events are docs/rules.md replay events the real services accept: a counter calls only
when a ticket of its queues waits (the hall's own calling rule picks which), pauses and
closes only when idle. One `random.Random(seed)` drives it: the same day and seed give
the same events.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shared.rules.calling import Policy, Waiting, choose_next
from shared.services.hall_config import demo_definition

# Mean service seconds of each business, and the spread (sigma) of its lognormal.
SERVICE_S = {
    "topup": 95, "bill_payment": 120, "bill_query": 150, "plan_change": 260,
    "service_change": 210, "loss_report": 200, "sim_replace": 330, "password_reset": 240,
    "new_account": 620, "number_port": 540, "group_business": 700, "handset_sale": 560,
    "after_sales": 450,
}  # fmt: skip
SERVICE_SIGMA = 0.7
BUSINESS_WEIGHTS = {
    "topup": 10, "bill_payment": 12, "bill_query": 9, "plan_change": 10, "service_change": 7,
    "loss_report": 2, "sim_replace": 9, "password_reset": 6, "new_account": 5, "number_port": 3,
    "group_business": 2, "handset_sale": 3, "after_sales": 4,
}  # fmt: skip
GROUP_SIZES = (1, 2, 3, 4)
GROUP_WEIGHTS = (60, 25, 10, 5)
SAME_BUSINESS = 0.7  # a group's later members come for the first one's business this often
WRAP_UP_S = (10, 75)  # the clerk's notes and filing after a customer, before the next call
ABSENT = 0.08  # a clerk is away for the day this often
LATE = 0.3  # a counter opens late this often ...
LATEST_OPENING_MIN = 25  # ... by up to this many minutes
BREAKS_PER_CLERK = 0.6  # short unplanned breaks a clerk takes a day, on average
NO_SHOW = 0.04
BURSTS_PER_DAY = 1.2
OPENS_S, CLOSES_S, LAST_CALL_S = 9 * 3600, 19 * 3600, 20 * 3600


@dataclass(frozen=True)
class Staffing:
    """A counter's clerk and the minutes of the day they mean to open, break for lunch and
    close."""

    counter: int
    clerk: str
    start_min: int
    end_min: int
    lunch_min: int | None = None
    lunch_minutes: int = 40


WEEKDAY_STAFF = (
    Staffing(1, "E001", 540, 1140, 690),
    Staffing(2, "E002", 540, 1140, 780),
    Staffing(3, "E003", 540, 1140, 720),
    Staffing(4, "E004", 600, 1080, 810),
    Staffing(5, "E005", 540, 1140, 740),
    Staffing(6, "E006", 540, 1140, 760),
)
WEEKEND_STAFF = (
    Staffing(1, "E007", 540, 1140, 720),
    Staffing(2, "E008", 570, 1140, 800),
    Staffing(3, "E003", 660, 1020, None),
    Staffing(4, "E004", 600, 1140, 840),
    Staffing(5, "E005", 600, 900, None),
    Staffing(6, "E006", 600, 1140, 770),
)
# Customers per hour before the lunch peak and bursts are added, by hour from 9 to 18.
WEEKDAY_BASE = (26.0, 36.0, 34.0, 28.0, 27.0, 26.0, 28.0, 32.0, 42.0, 34.0)
WEEKEND_BASE = (14.0, 20.0, 24.0, 26.0, 28.0, 28.0, 26.0, 24.0, 20.0, 16.0)


@dataclass
class _Ticket:
    id: int
    queue: str
    business: str
    since: int


@dataclass
class _Counter:
    number: int
    queues: str
    clerk: str | None = None
    open: bool = False
    paused: bool = False
    busy: bool = False
    serving: bool = False
    wants_break: int = 0  # minutes of a break the clerk takes once idle
    ends_at: int | None = None  # closes once idle from this second on


@dataclass
class _Day:
    day: dt.date
    rng: random.Random
    homes: dict[str, str]
    counters: dict[int, _Counter]
    waiting: list[_Ticket] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    due: list[tuple[int, int, str, Any]] = field(default_factory=list)
    now: int = 0
    ids: itertools.count[int] = field(default_factory=itertools.count)

    def at(self, second: int, kind: str, data: Any = None) -> None:
        heapq.heappush(self.due, (second, next(self.ids), kind, data))

    def emit(self, op: str, **fields: Any) -> None:
        when = dt.datetime.combine(self.day, dt.time()) + dt.timedelta(seconds=self.now)
        self.events.append({"at": when.isoformat(timespec="seconds"), "op": op, **fields})


def is_weekend(day: dt.date) -> bool:
    return day.weekday() >= 5


def arrival_rate(day: dt.date, minute: float, lunch_peak: float, lunch_height: float) -> float:
    """Customers a minute: the base curve (by the hour), plus a lunch peak of this height
    (customers an hour) centred on minute `lunch_peak`, 40 minutes wide."""
    base = WEEKEND_BASE if is_weekend(day) else WEEKDAY_BASE
    hour = min(max(int(minute // 60) - 9, 0), len(base) - 1)
    peak = lunch_height * math.exp(-(((minute - lunch_peak) / 40.0) ** 2))
    return (base[hour] + peak) / 60.0


def _group_arrivals(d: _Day) -> None:
    """Groups arrive as a Poisson stream thinned from the day's highest rate; bursts on top."""
    rng = d.rng
    lunch_peak = rng.gauss(12.5 * 60 + (60 if is_weekend(d.day) else 0), 35)
    lunch_height = rng.uniform(10, 45)
    sizes = zip(GROUP_SIZES, GROUP_WEIGHTS, strict=True)
    mean_group = sum(size * weight for size, weight in sizes) / sum(GROUP_WEIGHTS)
    top = max(arrival_rate(d.day, m, lunch_peak, lunch_height) for m in range(540, 1140))
    minute = 540.0
    while True:
        minute += rng.expovariate(top / mean_group)
        if minute >= 1140:
            break
        if rng.random() * top <= arrival_rate(d.day, minute, lunch_peak, lunch_height):
            size = rng.choices(GROUP_SIZES, weights=GROUP_WEIGHTS)[0]
            d.at(round(minute * 60), "group", size)
    for _ in range(_poisson(rng, BURSTS_PER_DAY)):
        start = rng.uniform(570, 1110)
        for _ in range(rng.randint(8, 16)):
            d.at(round((start + rng.uniform(0, 6)) * 60), "group", 1)


def _poisson(rng: random.Random, mean: float) -> int:
    count, total = 0, rng.expovariate(1.0)
    while total < mean:
        count, total = count + 1, total + rng.expovariate(1.0)
    return count


def _business(rng: random.Random) -> str:
    return rng.choices(list(BUSINESS_WEIGHTS), weights=list(BUSINESS_WEIGHTS.values()))[0]


def _group(d: _Day, size: int) -> None:
    first = _business(d.rng)
    for member in range(size):
        business = first if member == 0 or d.rng.random() < SAME_BUSINESS else _business(d.rng)
        if member:
            d.at(d.now + d.rng.randint(5, 40), "issue", business)
        else:
            _issue(d, business)


def _issue(d: _Day, business: str) -> None:
    if d.now >= CLOSES_S:
        return  # the kiosk stops issuing at closing
    d.waiting.append(_Ticket(next(d.ids), d.homes[business], business, d.now))
    d.emit("issue", business=business)
    for counter in sorted(d.counters.values(), key=lambda c: d.rng.random()):
        _next_step(d, counter)


def _clock(d: _Day, second: int) -> dt.datetime:
    return dt.datetime.combine(d.day, dt.time()) + dt.timedelta(seconds=second)


def _next_step(d: _Day, counter: _Counter) -> None:
    """An idle open counter closes, takes its break, or calls (the hall's calling rule)."""
    if not counter.open or counter.paused or counter.busy:
        return
    mine = [t for t in d.waiting if t.queue in counter.queues]
    done = not mine or (counter.ends_at or 0) < CLOSES_S or d.now >= LAST_CALL_S
    if counter.ends_at is not None and d.now >= counter.ends_at and done:
        d.emit("close", counter=counter.number)
        counter.open, counter.clerk, counter.ends_at = False, None, None
        return
    if counter.wants_break:
        d.emit("pause", counter=counter.number, reason="break")
        counter.paused = True
        d.at(d.now + counter.wants_break * 60, "resume", counter.number)
        counter.wants_break = 0
        return
    if not mine:
        return
    by_id = {t.id: t for t in mine}
    candidates = [Waiting(t.id, t.queue, _clock(d, t.since), _clock(d, t.since)) for t in mine]
    chosen = choose_next(
        counter.queues, candidates, policy=Policy(vip_queue="V"), now=_clock(d, d.now)
    )
    if chosen is None:
        return
    ticket = by_id[chosen.ticket_id]
    d.waiting.remove(ticket)
    d.emit("call", counter=counter.number)
    counter.busy = counter.serving = True
    if d.rng.random() < NO_SHOW:
        d.at(d.now + d.rng.randint(60, 120), "no_show", counter.number)
        return
    mean, sigma = SERVICE_S[ticket.business], SERVICE_SIGMA
    seconds = d.rng.lognormvariate(math.log(mean) - sigma * sigma / 2, sigma)
    d.at(d.now + max(20, round(min(seconds, 5 * mean))), "finish", counter.number)


def _finish(d: _Day, number: int) -> None:
    d.emit("finish", counter=number, signed=True)
    d.counters[number].serving = False
    d.at(d.now + d.rng.randint(*WRAP_UP_S), "free", number)


def _no_show(d: _Day, number: int) -> None:
    d.emit("no_show", counter=number)
    d.counters[number].serving = False
    d.at(d.now + d.rng.randint(*WRAP_UP_S) // 3, "free", number)


def _free(d: _Day, number: int) -> None:
    d.counters[number].busy = False
    _next_step(d, d.counters[number])


def _open(d: _Day, staffing: Staffing) -> None:
    counter = d.counters[staffing.counter]
    if counter.open:
        return
    d.emit("open", counter=counter.number, clerk=staffing.clerk)
    counter.open, counter.clerk, counter.paused = True, staffing.clerk, False
    counter.ends_at = staffing.end_min * 60
    d.at(counter.ends_at, "wake", counter.number)
    for waiting_counter in d.counters.values():
        _next_step(d, waiting_counter)


def _break(d: _Day, data: tuple[int, int]) -> None:
    number, minutes = data
    counter = d.counters[number]
    if counter.open and not counter.paused and counter.ends_at and d.now < counter.ends_at:
        counter.wants_break = minutes
        _next_step(d, counter)


def _resume(d: _Day, number: int) -> None:
    counter = d.counters[number]
    if counter.open and counter.paused:
        d.emit("resume", counter=number)
        counter.paused = False
        _next_step(d, counter)


def _wake(d: _Day, number: int) -> None:
    """The clerk's time is up (or the last call came): close once idle."""
    counter = d.counters[number]
    if counter.open and counter.paused:
        d.emit("resume", counter=number)
        counter.paused = False
    _next_step(d, counter)
    if counter.open and d.now < LAST_CALL_S:
        d.at(LAST_CALL_S, "wake", number)


def _plan_staff(d: _Day) -> None:
    """Who comes today: absences, late openings, lunches and unplanned breaks."""
    rng = d.rng
    for staffing in WEEKEND_STAFF if is_weekend(d.day) else WEEKDAY_STAFF:
        if rng.random() < ABSENT:
            continue
        late = rng.randint(1, LATEST_OPENING_MIN) if rng.random() < LATE else 0
        d.at((staffing.start_min + late) * 60, "open", staffing)
        if staffing.lunch_min is not None:
            lunch = staffing.lunch_min + rng.randint(-20, 20)
            d.at(lunch * 60, "break", (staffing.counter, staffing.lunch_minutes))
        for _ in range(_poisson(rng, BREAKS_PER_CLERK)):
            start = rng.uniform(staffing.start_min + 30, staffing.end_min - 30)
            d.at(round(start * 60), "break", (staffing.counter, rng.randint(5, 15)))


_HANDLERS: dict[str, Callable[[_Day, Any], None]] = {
    "group": _group,
    "issue": _issue,
    "finish": _finish,
    "no_show": _no_show,
    "free": _free,
    "open": _open,
    "break": _break,
    "resume": _resume,
    "wake": _wake,
}


def crowd_day(day: dt.date, seed: int) -> list[dict[str, Any]]:
    """The day's replay events in order, reproducible from `seed`."""
    definition = demo_definition()
    d = _Day(
        day=day,
        rng=random.Random(seed),
        homes={b["key"]: b["queue"] for b in definition["businesses"]},
        counters={c["number"]: _Counter(c["number"], c["queues"]) for c in definition["counters"]},
    )
    _plan_staff(d)
    _group_arrivals(d)
    while d.due:
        d.now, _, kind, data = heapq.heappop(d.due)
        _HANDLERS[kind](d, data)
    return d.events
