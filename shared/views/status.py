"""The hall right now: waiting per queue, each counter's state, the crowding level.

Read in plain SQL through a `Read` (a statement and its parameters give rows), so one view
serves an open session of the store (the monitor, the board, the hall server: see
`shared.store.plain.plain_reads`) and a bare read-only connection to a SQLite file, with
which `hallq status` answers from a fresh process without loading the database layer
(shared/cli/quick_status.py). Moments and days come back as text from SQLite and as
values from PostgreSQL; both are read the same way here."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from shared.rules.hall_settings import HallSettings
from shared.vocabulary import CounterState, TicketStatus

Read = Callable[[str, Mapping[str, object]], Sequence[Sequence[Any]]]

LEVEL_NAMES = {0: ("正常", "normal"), 1: ("一级应急", "level 1"), 2: ("二级应急", "level 2")}


@dataclass(frozen=True)
class QueueNow:
    queue: str
    name: str
    name_en: str
    waiting: int
    oldest_since: dt.datetime | None
    target_wait_s: int  # the wait the hall promises in this queue


@dataclass(frozen=True)
class CounterNow:
    counter: int
    name: str
    state: CounterState
    clerk: str | None
    clerk_name: str | None
    queues: list[str]
    ticket: str | None
    called_at: dt.datetime | None


@dataclass(frozen=True)
class HallNow:
    hall: str
    name: str
    name_en: str
    business_day: dt.date | None
    level: int
    waiting_total: int
    open_counters: int
    ratio: float | None
    thresholds: tuple[float, float]
    margin: float
    queues: list[QueueNow]
    counters: list[CounterNow]

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["waiting"] = {queue.queue: queue.waiting for queue in self.queues}
        data["thresholds"] = list(self.thresholds)
        return {key: _isoformat(value) for key, value in data.items()}


def _isoformat(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _isoformat(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_isoformat(item) for item in value]
    return value


_HALL = "SELECT code, name, name_en, business_day, alert_level FROM halls WHERE id = :hall"
_THRESHOLDS = ("alert_level1", "alert_level2", "alert_margin")
_SETTINGS = "SELECT key, value FROM settings WHERE hall_id = :hall AND key IN ({})".format(
    ", ".join(f"'{key}'" for key in _THRESHOLDS)
)
_WAITING = (
    "SELECT queue_id, count(*), min(waiting_since) FROM tickets"
    " WHERE hall_id = :hall AND status = :waiting GROUP BY queue_id"
)
_QUEUES = (
    "SELECT id, letter, name, name_en, target_wait_s FROM queues WHERE hall_id = :hall ORDER BY id"
)
# Each counter with its open stint (the queues it serves now) and that stint's clerk.
_COUNTERS = (
    "SELECT c.id, c.number, c.name, c.state, c.queues, s.id, s.queues, k.staff_id, k.name"
    " FROM counters c"
    " LEFT JOIN counter_sessions s ON s.counter_id = c.id AND s.closed_at IS NULL"
    " LEFT JOIN clerks k ON k.id = s.clerk_id"
    " WHERE c.hall_id = :hall ORDER BY c.number"
)
_SERVING = (
    "SELECT counter_id, code, called_at FROM tickets WHERE hall_id = :hall AND status = :called"
)


def _moment(value: object) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _day(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _thresholds(read: Read, hall_id: int) -> HallSettings:
    """The crowding thresholds as the hall set them, the rest as the defaults."""
    stored = {
        key: json.loads(value) if isinstance(value, str) else value
        for key, value in read(_SETTINGS, {"hall": hall_id})
    }
    return HallSettings(**{key: stored[key] for key in _THRESHOLDS if key in stored})


def hall_now(read: Read, hall_id: int) -> HallNow:
    """The hall as it stands in the reader's snapshot. The crowding ratio counts what the
    level counts (shared/services/alerts.py): every waiting ticket, every open counter."""
    ((code, name, name_en, business_day, level),) = read(_HALL, {"hall": hall_id})
    settings = _thresholds(read, hall_id)
    waiting = {
        queue_id: (int(count), _moment(oldest))
        for queue_id, count, oldest in read(
            _WAITING, {"hall": hall_id, "waiting": TicketStatus.WAITING.value}
        )
    }
    queues = [
        QueueNow(letter, queue_name, queue_name_en, *waiting.get(queue_id, (0, None)), target)
        for queue_id, letter, queue_name, queue_name_en, target in read(_QUEUES, {"hall": hall_id})
    ]
    counters = _counters_now(read, hall_id)
    waiting_total = sum(count for count, _ in waiting.values())
    open_counters = sum(counter.state == CounterState.OPEN for counter in counters)
    return HallNow(
        hall=code,
        name=name,
        name_en=name_en,
        business_day=_day(business_day),
        level=int(level),
        waiting_total=waiting_total,
        open_counters=open_counters,
        ratio=waiting_total / open_counters if open_counters else None,
        thresholds=(settings.alert_level1, settings.alert_level2),
        margin=settings.alert_margin,
        queues=queues,
        counters=counters,
    )


def _counters_now(read: Read, hall_id: int) -> list[CounterNow]:
    serving = {
        counter_id: (ticket, _moment(called_at))
        for counter_id, ticket, called_at in read(
            _SERVING, {"hall": hall_id, "called": TicketStatus.CALLED.value}
        )
    }
    counters = []
    for row in read(_COUNTERS, {"hall": hall_id}):
        counter_id, number, name, state, queues, stint, stint_queues, staff_id, clerk_name = row
        ticket, called_at = serving.get(counter_id, (None, None))
        counters.append(
            CounterNow(
                counter=number,
                name=name,
                state=CounterState(state),
                clerk=staff_id,
                clerk_name=clerk_name,
                queues=list(stint_queues if stint is not None else queues),
                ticket=ticket,
                called_at=called_at,
            )
        )
    return counters
