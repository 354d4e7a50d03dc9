"""A hall's historical tickets (a CSV export: issue, call and finish times, queue, counter,
business) turned into docs/rules.md replay events, so the forecast can be measured on the
hall's real days as well as on modelled ones.

Every row is checked before anything is written: a file with one bad row is refused as a
whole, each bad row named by its line number. The counters' own events are inferred: a
counter opens a second before its first call of the day, pauses when it stands idle for
longer than `PAUSE_AFTER`, and closes a second after its last finish.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from shared.errors import Rejected

COLUMNS = ("issued_at", "called_at", "finished_at", "queue", "counter", "business")
OPTIONAL_COLUMNS = ("clerk",)
PAUSE_AFTER = dt.timedelta(minutes=20)  # a counter idle this long was paused, not waiting
MOST_ROWS = 200_000
# At one second, the order events happen in: a counter opens or resumes before it calls,
# a finish frees it before its next call, a ticket is issued before it can be called.
_ORDER = {"open": 0, "resume": 1, "finish": 2, "issue": 3, "call": 4, "pause": 5, "close": 6}


@dataclass(frozen=True)
class HallShape:
    """What the import checks rows against: the hall's businesses (and their queues),
    its counters, and which queues take customers of a tier rather than a business."""

    homes: Mapping[str, str]  # business key -> its queue
    counters: frozenset[int]
    tier_queues: Mapping[str, str]  # queue -> tier (the green channel, the group desk)

    @staticmethod
    def of(definition: Mapping[str, Any]) -> HallShape:
        tiers = {"V": "vip", "C": "group"}
        queues = {q["letter"] for q in definition["queues"]}
        return HallShape(
            {b["key"]: b["queue"] for b in definition["businesses"]},
            frozenset(c["number"] for c in definition["counters"]),
            {queue: tier for queue, tier in tiers.items() if queue in queues},
        )


@dataclass(frozen=True)
class PastTicket:
    line: int
    issued_at: dt.datetime
    called_at: dt.datetime | None
    finished_at: dt.datetime | None
    queue: str
    counter: int | None
    business: str
    clerk: str


def _time(text: str, column: str) -> dt.datetime:
    try:
        at = dt.datetime.fromisoformat(text)
    except ValueError:
        raise Rejected(f"{column} {text!r} is not a time such as 2026-11-23T09:00:00") from None
    if at.tzinfo is not None:
        raise Rejected(f"{column} must be the hall's local time, without an offset")
    return at.replace(microsecond=0)


def _ticket(line: int, row: Mapping[str, str | None], hall: HallShape) -> PastTicket:
    value = {name: (row.get(name) or "").strip() for name in (*COLUMNS, *OPTIONAL_COLUMNS)}
    if not value["issued_at"]:
        raise Rejected("issued_at is empty")
    issued = _time(value["issued_at"], "issued_at")
    called = _time(value["called_at"], "called_at") if value["called_at"] else None
    finished = _time(value["finished_at"], "finished_at") if value["finished_at"] else None
    business, queue = value["business"], value["queue"]
    if business not in hall.homes:
        raise Rejected(f"business {business!r} is not one of the hall's")
    if queue != hall.homes[business] and queue not in hall.tier_queues:
        raise Rejected(f"queue {queue!r} does not take business {business!r}")
    if finished is not None and called is None:
        raise Rejected("finished_at without called_at")
    if called is not None and finished is None:
        raise Rejected("called_at without finished_at")
    if called is not None and called < issued:
        raise Rejected("called_at is before issued_at")
    if called is not None and finished is not None and finished < called:
        raise Rejected("finished_at is before called_at")
    if finished is not None and finished.date() != issued.date():
        raise Rejected("the ticket is finished on another day than it was issued")
    counter: int | None = None
    if called is not None:
        if not value["counter"].isdigit() or int(value["counter"]) not in hall.counters:
            raise Rejected(f"counter {value['counter']!r} is not one of the hall's")
        counter = int(value["counter"])
    clerk = value["clerk"] or (f"E{counter:03d}" if counter is not None else "")
    return PastTicket(line, issued, called, finished, queue, counter, business, clerk)


def read_history(rows: Iterable[str], hall: HallShape) -> list[PastTicket]:
    """The file's tickets, or Rejected listing every bad line (header is line 1)."""
    reader = csv.DictReader(rows)
    missing = [name for name in COLUMNS if name not in (reader.fieldnames or ())]
    if missing:
        raise Rejected(f"line 1: the header lacks {', '.join(missing)}")
    tickets: list[PastTicket] = []
    problems: list[str] = []
    try:
        for row in reader:
            line = reader.line_num
            if len(tickets) + len(problems) >= MOST_ROWS:
                raise Rejected(f"more than {MOST_ROWS} tickets in one file")
            if None in row:
                problems.append(f"line {line}: more fields than the header names")
                continue
            try:
                tickets.append(_ticket(line, row, hall))
            except Rejected as rejection:
                problems.append(f"line {line}: {rejection.message}")
    except csv.Error as error:
        raise Rejected(f"line {reader.line_num}: not CSV ({error})") from None
    problems.extend(_counter_overlaps(tickets))
    if problems:
        raise Rejected("; ".join(problems))
    if not tickets:
        raise Rejected("the file has no tickets")
    return tickets


def _counter_overlaps(tickets: list[PastTicket]) -> list[str]:
    """A counter serves one customer at a time: its calls must follow its finishes."""
    problems = []
    by_counter: dict[tuple[dt.date, int], list[PastTicket]] = defaultdict(list)
    for ticket in tickets:
        if ticket.counter is not None:
            by_counter[ticket.issued_at.date(), ticket.counter].append(ticket)
    for served in by_counter.values():
        served.sort(key=lambda t: (t.called_at, t.line))
        for before, after in itertools.pairwise(served):
            assert before.finished_at is not None and after.called_at is not None
            if after.called_at < before.finished_at:
                problems.append(
                    f"line {after.line}: counter {after.counter} calls before it finished "
                    f"the ticket of line {before.line}"
                )
            elif before.clerk != after.clerk and after.called_at == before.finished_at:
                problems.append(
                    f"line {after.line}: counter {after.counter} changes clerk without a gap"
                )
    return problems


def _at(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


def history_events(tickets: Iterable[PastTicket], hall: HallShape) -> list[dict[str, Any]]:
    """Replay events in time order: the issues, each counter's stints, calls and finishes."""
    timed: list[tuple[dt.datetime, int, int, dict[str, Any]]] = []

    def add(when: dt.datetime, op: str, **fields: Any) -> None:
        timed.append((when, _ORDER[op], len(timed), {"at": _at(when), "op": op, **fields}))

    by_counter: dict[tuple[dt.date, int], list[PastTicket]] = defaultdict(list)
    for ticket in tickets:
        tier = hall.tier_queues.get(ticket.queue)
        add(ticket.issued_at, "issue", business=ticket.business, **({"tier": tier} if tier else {}))
        if ticket.counter is not None:
            by_counter[ticket.issued_at.date(), ticket.counter].append(ticket)
    for (_, number), served in sorted(by_counter.items()):
        served.sort(key=lambda t: (t.called_at, t.line))
        clerk: str | None = None
        idle_since: dt.datetime | None = None
        for ticket in served:
            assert ticket.called_at is not None and ticket.finished_at is not None
            if clerk is not None and ticket.clerk != clerk:
                assert idle_since is not None
                add(idle_since + dt.timedelta(seconds=1), "close", counter=number)
                clerk = None
            if clerk is None:
                add(
                    ticket.called_at - dt.timedelta(seconds=1),
                    "open",
                    counter=number,
                    clerk=ticket.clerk,
                )
                clerk = ticket.clerk
            elif idle_since is not None and ticket.called_at - idle_since > PAUSE_AFTER:
                add(idle_since + dt.timedelta(seconds=1), "pause", counter=number, reason="break")
                add(ticket.called_at - dt.timedelta(seconds=1), "resume", counter=number)
            add(ticket.called_at, "call", counter=number)
            add(ticket.finished_at, "finish", counter=number)
            idle_since = ticket.finished_at
        assert idle_since is not None
        add(idle_since + dt.timedelta(seconds=1), "close", counter=number)
    timed.sort(key=lambda item: item[:3])
    return [event for *_, event in timed]


def events_by_day(events: Iterable[dict[str, Any]]) -> dict[dt.date, list[dict[str, Any]]]:
    days: dict[dt.date, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        days[dt.datetime.fromisoformat(event["at"]).date()].append(event)
    return dict(sorted(days.items()))
