"""A seeded, replayable business day: customers, clerks and counters simulated against a
pure in-memory model of the hall, written as docs/rules.md replay events.

Used by `hallq simulate`, the demo and forecast evaluation. The model follows the hall's
own rules (routing and the calling rule come from `shared.rules.calling`), so every event it
writes is one the real services accept: times never go back, a counter calls only when
open and idle, pauses and closes only when idle, and every called ticket is finished,
no-showed or transferred before its counter closes. One `random.Random(seed)` drives it
all: the same profile, day and seed give the same list of events.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import json
import math
import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TextIO

from shared.rules.calling import Policy, Waiting, choose_next, route
from shared.vocabulary import BusinessClass, CounterState, Satisfaction, Tier

# What customers of the demo hall come for, and how often (relative weights).
BUSINESS_MIX = {
    "topup": 14, "bill_payment": 10, "bill_query": 6, "plan_change": 12, "service_change": 8,
    "loss_report": 3, "sim_replace": 8, "password_reset": 5, "new_account": 4, "number_port": 2,
    "group_business": 3, "handset_sale": 4, "after_sales": 4,
}  # fmt: skip
# Mean service seconds by class of business (the group desk's by its own queue).
MEAN_SERVICE_S = {
    BusinessClass.ROUTINE: 170,
    BusinessClass.LONG: 420,
    BusinessClass.GROUP: 600,
    BusinessClass.HANDSET: 480,
}
VIP_PHONES = ("13800000001", "13800000002", "13800000003")
GROUP_PHONES = ("13900000001", "13900000002")
# Prefixes of the random normal customers' numbers: none of them is in the demo directory.
NORMAL_PREFIXES = ("135", "136", "150", "158", "186", "187")
# A service never runs longer than this many times its class's mean (keeps the day bounded).
LONGEST_SERVICE = 4.0
SHORTEST_SERVICE_S = 30


@dataclass(frozen=True)
class Shift:
    """A clerk at a counter from `start` to `end` (they finish their customer before closing)."""

    counter: int
    clerk: str
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class Lunch:
    """A clerk's lunch pause: taken at `start` once their customer is done, for `minutes`."""

    clerk: str
    start: dt.time
    minutes: int


def _t(text: str) -> dt.time:
    """Shift tables read like a timetable: "09:00"."""
    return dt.time.fromisoformat(text)


NORMAL_SHIFTS = (
    Shift(1, "E001", _t("09:00"), _t("19:00")),
    Shift(2, "E002", _t("09:00"), _t("19:00")),
    Shift(3, "E003", _t("09:00"), _t("14:00")),
    Shift(3, "E007", _t("14:00"), _t("19:00")),
    Shift(4, "E004", _t("10:00"), _t("13:30")),
    Shift(4, "E004", _t("16:30"), _t("19:00")),
    Shift(5, "E005", _t("09:00"), _t("19:00")),
    Shift(6, "E006", _t("09:00"), _t("19:00")),
)
NORMAL_LUNCHES = (
    Lunch("E001", _t("11:00"), 30),
    Lunch("E002", _t("13:30"), 30),
    Lunch("E003", _t("11:15"), 30),
    Lunch("E005", _t("12:00"), 45),
    Lunch("E006", _t("14:00"), 45),
    Lunch("E007", _t("16:00"), 20),
)
OPENS, CLOSES, LAST_CALL = dt.time(9), dt.time(19), dt.time(20)
# A service begun at the last call must end the same day (the longest is about an hour).
LATEST_LAST_CALL = dt.time(22, 0)
DEMO_MIX = tuple((key, float(weight)) for key, weight in BUSINESS_MIX.items())
DEMO_SERVICE_MEANS = tuple((name, float(mean)) for name, mean in MEAN_SERVICE_S.items())
# Customers per hour, by the hour they arrive in: a morning rise, lunch and after-work peaks.
NORMAL_ARRIVALS = (
    (9, 40.0),
    (10, 55.0),
    (11, 45.0),
    (12, 60.0),
    (13, 50.0),
    (14, 35.0),
    (15, 35.0),
    (16, 40.0),
    (17, 60.0),
    (18, 55.0),
)


@dataclass(frozen=True)
class DayProfile:
    """Everything that shapes a simulated day of the demo hall; the defaults are a normal day."""

    name: str = "normal"
    opens: dt.time = OPENS
    closes: dt.time = CLOSES  # no ticket is issued from here on
    last_call: dt.time = LAST_CALL  # counters stop calling the queue left at closing
    hourly_arrivals: tuple[tuple[int, float], ...] = NORMAL_ARRIVALS
    volume: float = 1.0  # multiplies the whole arrival curve
    surge_start: dt.time | None = None
    surge_minutes: int = 0
    surge_multiplier: float = 1.0
    business_mix: tuple[tuple[str, float], ...] = DEMO_MIX
    vip_share: float = 0.04
    group_share: float = 0.03
    phone_share: float = 0.5  # normal customers who give their number at the kiosk
    shifts: tuple[Shift, ...] = NORMAL_SHIFTS
    lunches: tuple[Lunch, ...] = NORMAL_LUNCHES
    speed: tuple[tuple[str, float], ...] = (("E002", 0.85), ("E007", 1.2))  # x service time
    mean_service_s: tuple[tuple[BusinessClass, float], ...] = DEMO_SERVICE_MEANS
    service_sigma: float = 0.45  # of the lognormal service time
    no_show_rate: float = 0.05
    transfer_rate: float = 0.04  # routine tickets found to be long business at the counter
    recommend_rate: float = 0.4
    accept_rate: float = 0.3  # of recommended
    sign_rate: float = 0.92
    rate_share: float = 0.8  # customers who press a rating key
    rating_weights: tuple[float, float, float] = (85.0, 12.0, 3.0)

    def __post_init__(self) -> None:
        """A profile that cannot make a valid day is refused when it is made."""
        check_profile(self)


def check_profile(profile: DayProfile) -> None:
    """Raise ValueError naming the first thing that would make the day impossible."""
    if not profile.opens < profile.closes <= profile.last_call <= LATEST_LAST_CALL:
        raise ValueError(f"a day needs opens < closes <= last_call <= {LATEST_LAST_CALL}")
    for shift in profile.shifts:
        if not profile.opens <= shift.start < shift.end <= profile.last_call:
            raise ValueError(f"shift {shift} is not within the hall's day")
    if profile.surge_start is not None and profile.surge_multiplier < 0:
        raise ValueError("the surge multiplier must not be negative")
    if any(rate < 0 for _, rate in profile.hourly_arrivals) or profile.volume < 0:
        raise ValueError("arrival rates must not be negative")
    for name in ("vip_share", "group_share", "no_show_rate", "transfer_rate", "rate_share"):
        if not 0 <= getattr(profile, name) <= 1:
            raise ValueError(f"{name} must be between 0 and 1")


def _seconds(at: dt.time) -> int:
    """The simulation clock counts whole seconds, so event times never need rounding."""
    return at.hour * 3600 + at.minute * 60 + at.second


def arrivals_per_hour(profile: DayProfile, second: float) -> float:
    """The arrival rate at a second of the day: the hourly curve, the volume and the surge."""
    if not _seconds(profile.opens) <= second < _seconds(profile.closes):
        return 0.0
    rate = dict(profile.hourly_arrivals).get(int(second // 3600), 0.0) * profile.volume
    if profile.surge_start is not None:
        start = _seconds(profile.surge_start)
        if start <= second < start + profile.surge_minutes * 60:
            rate *= profile.surge_multiplier
    return rate


def expected_arrivals(profile: DayProfile, hour: int) -> float:
    """Expected customers in one hour of the day (integrates the rate minute by minute)."""
    return sum(arrivals_per_hour(profile, hour * 3600 + m * 60 + 30) for m in range(60)) / 60


def arrival_times(profile: DayProfile, rng: random.Random) -> list[int]:
    """Arrival seconds of the day: a non-homogeneous Poisson process, by thinning."""
    start, end = _seconds(profile.opens), _seconds(profile.closes)
    peak = max(arrivals_per_hour(profile, s) for s in range(start, end, 60))
    peak = max(peak, *(arrivals_per_hour(profile, s) for s in _rate_edges(profile)))
    if peak <= 0:
        return []
    times: list[int] = []
    second = float(start)
    while True:
        second += rng.expovariate(peak / 3600)
        if second >= end:
            return times
        if rng.random() * peak < arrivals_per_hour(profile, second):
            times.append(int(second))


def _rate_edges(profile: DayProfile) -> list[int]:
    """Seconds where the rate may change off the minute grid (a surge starting at :xx:30)."""
    if profile.surge_start is None:
        return [_seconds(profile.opens)]
    return [_seconds(profile.opens), _seconds(profile.surge_start)]


# ----- the in-memory hall -----


@dataclass
class _Ticket:
    id: int
    queue: str
    business: str  # what the customer asked for at the kiosk
    actual: str  # what the clerk finds they need
    issued_at: int
    waiting_since: int
    transferred: bool = False


@dataclass
class _Counter:
    number: int
    queues: str
    state: CounterState = CounterState.CLOSED
    clerk: str | None = None
    stint: int = 0  # bumped at each opening, so stale scheduled events are ignored
    serving: _Ticket | None = None
    busy: bool = False  # serving, or the customer is still rating
    wants_pause: int | None = None  # minutes of the pause the clerk takes once idle
    closing: Shift | None = None  # the shift being closed once idle


@dataclass(order=True)
class _Due:
    at: int
    order: int
    kind: str = field(compare=False)
    data: Any = field(compare=False, default=None)


@dataclass
class _Hall:
    """The simulated hall: waiting tickets, counters, the event log and the clock."""

    profile: DayProfile
    day: dt.date
    rng: random.Random
    classes: Mapping[str, BusinessClass]
    homes: Mapping[str, str]
    counters: dict[int, _Counter]
    waiting: list[_Ticket] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    due: list[_Due] = field(default_factory=list)
    pending_opens: list[Shift] = field(default_factory=list)
    now: int = 0
    ids: itertools.count[int] = field(default_factory=itertools.count)

    def at(self, second: int, kind: str, data: Any = None) -> None:
        """Schedule something to happen at a second of the day."""
        heapq.heappush(self.due, _Due(second, next(self.ids), kind, data))

    def emit(self, op: str, **fields: Any) -> None:
        """Write one replay event at the current time."""
        when = dt.datetime.combine(self.day, dt.time()) + dt.timedelta(seconds=self.now)
        self.events.append({"at": when.isoformat(timespec="seconds"), "op": op, **fields})


def _new_hall(profile: DayProfile, day: dt.date, seed: int) -> _Hall:
    """The demo hall's routing and counters, read from the same definition the store loads."""
    from shared.services.hall_config import demo_definition  # the store's layer: on use

    definition = demo_definition()
    return _Hall(
        profile=profile,
        day=day,
        rng=random.Random(seed),
        classes={b["key"]: BusinessClass(b["class"]) for b in definition["businesses"]},
        homes={b["key"]: b["queue"] for b in definition["businesses"]},
        counters={c["number"]: _Counter(c["number"], c["queues"]) for c in definition["counters"]},
    )


def _draw_business(hall: _Hall) -> str:
    """What a customer came for, by the profile's mix weights."""
    keys = [key for key, _ in hall.profile.business_mix]
    weights = [weight for _, weight in hall.profile.business_mix]
    return hall.rng.choices(keys, weights=weights)[0]


def _draw_customer(hall: _Hall) -> tuple[str | None, Tier]:
    """(phone, tier) of an arriving customer: a directory VIP or group number, else normal."""
    draw = hall.rng.random()
    if draw < hall.profile.vip_share:
        return hall.rng.choice(VIP_PHONES), Tier.VIP
    if draw < hall.profile.vip_share + hall.profile.group_share:
        return hall.rng.choice(GROUP_PHONES), Tier.GROUP
    if hall.rng.random() < hall.profile.phone_share:
        number = hall.rng.choice(NORMAL_PREFIXES) + f"{hall.rng.randrange(10**8):08d}"
        return number, Tier.NORMAL
    return None, Tier.NORMAL


def _arrive(hall: _Hall, _: Any) -> None:
    """A customer takes a ticket; idle counters that serve its queue call."""
    phone, tier = _draw_customer(hall)
    business = _draw_business(hall)
    queue = route(tier, hall.homes[business], vip_queue="V", group_queue="C")
    ticket = _Ticket(next(hall.ids), queue, business, business, hall.now, hall.now)
    hall.waiting.append(ticket)
    hall.emit("issue", business=business, **({"phone": phone} if phone else {}))
    idle = [
        counter
        for counter in hall.counters.values()
        if counter.state == CounterState.OPEN and not counter.busy
    ]
    hall.rng.shuffle(idle)
    for counter in idle:
        _next_step(hall, counter)


def _next_ticket(hall: _Hall, counter: _Counter) -> _Ticket | None:
    """The ticket the real service would give this counter (docs/rules.md's calling rule)."""
    mine = [ticket for ticket in hall.waiting if ticket.queue in counter.queues]
    if not mine:
        return None
    by_id = {ticket.id: ticket for ticket in mine}
    candidates = [
        Waiting(t.id, t.queue, _clock(hall, t.waiting_since), _clock(hall, t.issued_at))
        for t in mine
    ]
    now = _clock(hall, hall.now)
    chosen = choose_next(counter.queues, candidates, policy=Policy(vip_queue="V"), now=now)
    return by_id[chosen.ticket_id] if chosen else None


def _clock(hall: _Hall, second: int) -> dt.datetime:
    """The calling rule compares datetimes, as the real service does."""
    return dt.datetime.combine(hall.day, dt.time()) + dt.timedelta(seconds=second)


def _next_step(hall: _Hall, counter: _Counter) -> None:
    """What an idle open counter does next: close, pause, or call the next ticket."""
    if counter.state != CounterState.OPEN or counter.busy:
        return
    if counter.closing is not None and _may_close(hall, counter):
        _close(hall, counter)
    elif counter.wants_pause is not None:
        hall.emit("pause", counter=counter.number, reason="lunch")
        counter.state = CounterState.PAUSED
        hall.at(hall.now + counter.wants_pause * 60, "resume", (counter.number, counter.stint))
        counter.wants_pause = None
    elif (ticket := _next_ticket(hall, counter)) is not None:
        _call(hall, counter, ticket)


def _may_close(hall: _Hall, counter: _Counter) -> bool:
    """A counter's last shift of the day serves out its queue until the last call."""
    assert counter.closing is not None
    if counter.closing.end < hall.profile.closes or hall.now >= _seconds(hall.profile.last_call):
        return True
    return _next_ticket(hall, counter) is None


def _close(hall: _Hall, counter: _Counter) -> None:
    """Close an idle counter; a shift waiting for this counter or clerk may now open."""
    hall.emit("close", counter=counter.number)
    counter.state, counter.clerk, counter.closing, counter.wants_pause = (
        CounterState.CLOSED,
        None,
        None,
        None,
    )
    _open_pending(hall)


def _call(hall: _Hall, counter: _Counter, ticket: _Ticket) -> None:
    """Call a ticket and decide how its service will end."""
    hall.emit("call", counter=counter.number)
    hall.waiting.remove(ticket)
    counter.serving, counter.busy = ticket, True
    profile, rng = hall.profile, hall.rng
    if rng.random() < profile.no_show_rate:
        hall.at(hall.now + rng.randint(30, 60), "recall", counter.number)
        hall.at(hall.now + rng.randint(90, 150), "no_show", counter.number)
    elif ticket.queue == "A" and not ticket.transferred and rng.random() < profile.transfer_rate:
        ticket.actual = _draw_long_business(hall)
        hall.at(hall.now + rng.randint(45, 150), "transfer", counter.number)
    else:
        hall.at(hall.now + _service_seconds(hall, counter, ticket), "finish", counter.number)


def _draw_long_business(hall: _Hall) -> str:
    """What a transferred customer really needs: a long business, by the mix weights."""
    long = [
        (key, w) for key, w in hall.profile.business_mix if hall.classes[key] == BusinessClass.LONG
    ]
    return hall.rng.choices([key for key, _ in long], weights=[w for _, w in long])[0]


def _service_seconds(hall: _Hall, counter: _Counter, ticket: _Ticket) -> int:
    """Lognormal around the class's mean, scaled by the clerk's speed, within bounds."""
    # Queue C is the group desk, whatever the business.
    business_class = BusinessClass.GROUP if ticket.queue == "C" else hall.classes[ticket.actual]
    mean = dict(hall.profile.mean_service_s)[business_class]
    sigma = hall.profile.service_sigma
    drawn = hall.rng.lognormvariate(math.log(mean) - sigma * sigma / 2, sigma)
    speed = dict(hall.profile.speed).get(counter.clerk or "", 1.0)
    return max(SHORTEST_SERVICE_S, round(min(drawn, LONGEST_SERVICE * mean) * speed))


def _recall(hall: _Hall, number: int) -> None:
    """The clerk calls an absent customer once more before giving up."""
    hall.emit("recall", counter=number)


def _no_show(hall: _Hall, number: int) -> None:
    """The customer never came: the counter moves on."""
    hall.emit("no_show", counter=number)
    _free(hall, hall.counters[number])


def _transfer(hall: _Hall, number: int) -> None:
    """Long business found at a routine counter: the ticket waits again in queue B."""
    counter = hall.counters[number]
    ticket = counter.serving
    assert ticket is not None
    hall.emit("transfer", counter=number, queue="B")
    ticket.queue, ticket.waiting_since, ticket.transferred = "B", hall.now, True
    hall.waiting.append(ticket)
    _free(hall, counter)
    for other in hall.counters.values():
        _next_step(hall, other)


def _finish(hall: _Hall, number: int) -> None:
    """Finish with the sales outcome and the form's signature; the customer may then rate."""
    counter = hall.counters[number]
    ticket = counter.serving
    assert ticket is not None
    profile, rng = hall.profile, hall.rng
    recommended = rng.random() < profile.recommend_rate
    extra = {"business": ticket.actual} if ticket.actual != ticket.business else {}
    hall.emit(
        "finish",
        counter=number,
        **extra,
        recommended=recommended,
        accepted=recommended and rng.random() < profile.accept_rate,
        signed=rng.random() < profile.sign_rate,
    )
    counter.serving = None
    if rng.random() < profile.rate_share:
        hall.at(hall.now + rng.randint(3, 15), "rate", number)
    else:
        _free(hall, counter)


def _rate(hall: _Hall, number: int) -> None:
    """The customer rates before the counter calls again (rate targets its last finish)."""
    rating = hall.rng.choices(tuple(Satisfaction), weights=hall.profile.rating_weights)[0]
    hall.emit("rate", counter=number, rating=rating)
    _free(hall, hall.counters[number])


def _free(hall: _Hall, counter: _Counter) -> None:
    """The counter is idle again: it closes, pauses or calls, as its clerk is due to."""
    counter.serving, counter.busy = None, False
    _next_step(hall, counter)


# ----- the staff's day -----


def _shift_start(hall: _Hall, shift: Shift) -> None:
    """A shift opens as soon as its counter is closed and its clerk has left any other."""
    hall.pending_opens.append(shift)
    _open_pending(hall)


def _open_pending(hall: _Hall) -> None:
    """Open every waiting shift whose counter is closed and whose clerk is free."""
    for shift in list(hall.pending_opens):
        counter = hall.counters[shift.counter]
        elsewhere = any(d.clerk == shift.clerk for d in hall.counters.values())
        if counter.state != CounterState.CLOSED or elsewhere:
            continue
        hall.pending_opens.remove(shift)
        hall.emit("open", counter=counter.number, clerk=shift.clerk)
        counter.state, counter.clerk, counter.stint = (
            CounterState.OPEN,
            shift.clerk,
            counter.stint + 1,
        )
        counter.closing = None
        hall.at(max(hall.now, _seconds(shift.end)), "shift_end", (shift, counter.stint))
        _next_step(hall, counter)


def _shift_end(hall: _Hall, data: tuple[Shift, int]) -> None:
    """The clerk closes once idle; a stale end (the counter reopened since) is ignored."""
    shift, stint = data
    counter = hall.counters[shift.counter]
    if counter.stint != stint or counter.state == CounterState.CLOSED:
        return
    counter.closing = shift
    if counter.state == CounterState.PAUSED:
        _close(hall, counter)
    else:
        _next_step(hall, counter)  # when busy, freeing the counter comes back here


def _lunch(hall: _Hall, lunch: Lunch) -> None:
    """The clerk pauses once idle; a clerk not at an open counter now skips lunch here."""
    for counter in hall.counters.values():
        if (
            counter.clerk == lunch.clerk
            and counter.state == CounterState.OPEN
            and counter.closing is None
        ):
            counter.wants_pause = lunch.minutes
            _next_step(hall, counter)


def _resume(hall: _Hall, data: tuple[int, int]) -> None:
    """Back from lunch, unless the counter closed (and perhaps reopened) meanwhile."""
    number, stint = data
    counter = hall.counters[number]
    if counter.stint != stint or counter.state != CounterState.PAUSED:
        return
    hall.emit("resume", counter=number)
    counter.state = CounterState.OPEN
    _next_step(hall, counter)


_HANDLERS: dict[str, Callable[[_Hall, Any], None]] = {
    "arrive": _arrive,
    "shift_start": _shift_start,
    "shift_end": _shift_end,
    "lunch": _lunch,
    "resume": _resume,
    "recall": _recall,
    "no_show": _no_show,
    "transfer": _transfer,
    "finish": _finish,
    "rate": _rate,
}


def _plan_day(hall: _Hall) -> None:
    """Put the staff's schedule and the customers' arrivals on the calendar."""
    for shift in hall.profile.shifts:
        hall.at(_seconds(shift.start), "shift_start", shift)
    for lunch in hall.profile.lunches:
        hall.at(_seconds(lunch.start), "lunch", lunch)
    for second in arrival_times(hall.profile, hall.rng):
        hall.at(second, "arrive")


def simulate_day(profile: DayProfile, day: dt.date, seed: int) -> list[dict[str, Any]]:
    """The day's replay events in file order (docs/rules.md format), reproducible from `seed`."""
    hall = _new_hall(profile, day, seed)
    _plan_day(hall)
    while hall.due:
        due = heapq.heappop(hall.due)
        hall.now = due.at
        _HANDLERS[due.kind](hall, due.data)
    return hall.events


def write_day(events: Iterable[Mapping[str, Any]], stream: TextIO) -> None:
    """Write events as JSON lines, in order, ready for `hallq replay`."""
    for event in events:
        stream.write(json.dumps(event, ensure_ascii=False) + "\n")


PROFILES: dict[str, DayProfile] = {
    "normal": DayProfile(),
    "busy": DayProfile(
        name="busy",
        volume=1.35,
        shifts=(*NORMAL_SHIFTS[:4], Shift(4, "E004", _t("09:30"), _t("19:00")), *NORMAL_SHIFTS[6:]),
        lunches=(*NORMAL_LUNCHES, Lunch("E004", _t("14:30"), 30)),
    ),
    "surge": DayProfile(
        name="surge", surge_start=_t("15:00"), surge_minutes=45, surge_multiplier=3.0
    ),
    "understaffed": DayProfile(
        name="understaffed",
        shifts=(
            Shift(1, "E001", _t("09:00"), _t("19:00")),
            Shift(2, "E002", _t("09:00"), _t("19:00")),
            Shift(3, "E008", _t("12:00"), _t("19:00")),
            Shift(5, "E005", _t("09:00"), _t("19:00")),
            Shift(6, "E006", _t("09:00"), _t("19:00")),
        ),
        lunches=(
            Lunch("E001", _t("11:00"), 30),
            Lunch("E002", _t("13:30"), 30),
            Lunch("E005", _t("12:00"), 30),
            Lunch("E006", _t("14:00"), 30),
        ),
        speed=(("E008", 1.3),),
    ),
}


def preset(name: str, **changes: Any) -> DayProfile:
    """A named preset, optionally with some fields changed (e.g. a different surge)."""
    return replace(PROFILES[name], **changes)
