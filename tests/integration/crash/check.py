"""After the kills: compare every worker's journal with the store.

Nothing the service returned as committed may be missing, nothing may be stored twice or
without an action that asked for it, and an action in doubt (killed between its two
journal lines) counts as either committed or not, never as half. The event log and the
ticket and counter caches must tell the same story, numbering must have no duplicate or
gap, and the store must pass its own integrity check.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from shared.store.database import Store

STATUS_AFTER = {
    "issued": "waiting",
    "called": "called",
    "recalled": "called",
    "transferred": "waiting",
    "no_show": "no_show",
    "finished": "finished",
    "expired": "expired",
}
TICKET_EVENT_OF = {
    "call": "called",
    "recall": "recalled",
    "no_show": "no_show",
    "transfer": "transferred",
    "finish": "finished",
    "rate": "rated",
}
COUNTER_STATE_AFTER = {"open": "open", "resume": "open", "pause": "paused", "close": "closed"}


@dataclasses.dataclass(frozen=True)
class Expectation:
    """A counter's new life must sign back in to the ticket its last life left called."""

    journal: str
    life: int
    called: str | None


@dataclasses.dataclass
class Op:
    journal: str
    life: int
    seq: int
    op: str
    args: dict[str, Any]
    day: str
    outcome: str | None = None  # "after", "rejected", or None: killed in between
    result: dict[str, Any] | None = None


@dataclasses.dataclass
class Report:
    backend: str = ""
    kills: int = 0
    seconds: float = 0.0
    days: int = 0
    operations: int = 0
    committed: int = 0
    rejected: int = 0
    in_doubt: int = 0
    torn_lines: int = 0
    tickets: int = 0
    transactions: int = 0
    ratings: int = 0
    sign_ins_checked: int = 0
    tickets_given_back: int = 0
    faults: list[str] = dataclasses.field(default_factory=list)


def read_journals(paths: Iterable[Path]) -> tuple[list[Op], int, int]:
    """Every action the workers journaled, how many lines a kill tore mid-write, and how many
    outcomes have no action before them (a fault of the journal)."""
    ops: dict[tuple[str, int, int], Op] = {}
    torn = orphans = 0
    for path in paths:
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                torn += 1
                continue
            key = (str(path), record["life"], record["seq"])
            if record["phase"] == "before":
                ops[key] = Op(
                    str(path), key[1], key[2], record["op"], record["args"], record["day"]
                )
            elif key in ops:
                ops[key].outcome = record["phase"]
                ops[key].result = record.get("result")
            else:  # its `before` was torn: the journal itself failed
                orphans += 1
    return list(ops.values()), torn, orphans


def _rows(session: Session, sql: str) -> list[Any]:
    return list(session.execute(text(sql)))


def check(store: Store, journals: Iterable[Path], expectations: list[Expectation]) -> Report:
    ops, torn, orphans = read_journals(journals)
    report = Report(backend=store.engine.dialect.name, operations=len(ops), torn_lines=torn)
    if orphans:
        report.faults.append(f"{orphans} journal outcomes without their action")
    report.committed = sum(op.outcome == "after" for op in ops)
    report.rejected = sum(op.outcome == "rejected" for op in ops)
    report.in_doubt = sum(op.outcome is None for op in ops)
    with store.read() as session:
        tickets = _rows(
            session,
            "SELECT t.id, t.code, t.number, t.business_day, t.phone, t.status,"
            " c.number AS counter,"
            " t.queue_id FROM tickets t LEFT JOIN counters c ON c.id = t.counter_id",
        )
        events = _rows(
            session,
            "SELECT e.ticket_id, e.kind, c.number AS counter, e.queue_id FROM ticket_events e"
            " LEFT JOIN counters c ON c.id = e.counter_id ORDER BY e.id",
        )
        transactions = _rows(
            session,
            "SELECT x.ticket_id, b.key, x.recommended, x.accepted, x.signed FROM transactions x"
            " JOIN businesses b ON b.id = x.business_id",
        )
        ratings = _rows(session, "SELECT ticket_id, rating FROM ratings")
        sequences = _rows(
            session,
            "SELECT q.letter, s.business_day, s.last_number FROM queue_sequences s"
            " JOIN queues q ON q.id = s.queue_id",
        )
        counter_events = _rows(
            session,
            "SELECT c.number AS counter, e.kind, e.reason FROM counter_events e"
            " JOIN counters c ON c.id = e.counter_id ORDER BY e.id",
        )
        counters = _rows(
            session,
            "SELECT c.number AS counter, c.state, (SELECT count(*) FROM counter_sessions s"
            " WHERE s.counter_id = c.id AND s.closed_at IS NULL) AS open_sessions FROM counters c",
        )
        report.faults += _integrity(session, store.is_sqlite)
    report.tickets, report.transactions, report.ratings = (
        len(tickets),
        len(transactions),
        len(ratings),
    )
    faults = report.faults
    by_key = {(row.code, _day(row.business_day)): row for row in tickets}
    events_of = collections.defaultdict(list)
    for row in events:
        events_of[row.ticket_id].append(row)
    done_of = collections.defaultdict(list)
    for row in transactions:
        done_of[row.ticket_id].append(row)
    rating_of = collections.defaultdict(list)
    for row in ratings:
        rating_of[row.ticket_id].append(row.rating)

    faults += _issues(ops, tickets)
    faults += _numbering(tickets, sequences)
    faults += _event_counts(ops, events, counter_events)
    faults += _finishes(ops, tickets, by_key, done_of, events_of)
    faults += _ratings(ops, tickets, by_key, rating_of)
    faults += _caches(tickets, events_of, done_of, rating_of)
    faults += _counters(tickets, counters, counter_events)
    checked, given_back, sign_in_faults = _sign_ins(ops, expectations)
    report.sign_ins_checked, report.tickets_given_back = checked, given_back
    faults += sign_in_faults
    return report


def _day(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def _integrity(session: Session, is_sqlite: bool) -> list[str]:
    if not is_sqlite:
        return []
    faults = []
    verdict = [row[0] for row in _rows(session, "PRAGMA integrity_check")]
    if verdict != ["ok"]:
        faults.append(f"integrity_check: {verdict[:5]}")
    if broken := _rows(session, "PRAGMA foreign_key_check"):
        faults.append(f"foreign_key_check: {broken[:5]}")
    return faults


def _issues(ops: list[Op], tickets: list[Any]) -> list[str]:
    faults = []
    issues = {op.args["phone"]: op for op in ops if op.op == "issue"}
    stored = collections.Counter(row.phone for row in tickets)
    codes = {row.phone: row.code for row in tickets}
    for phone, count in stored.items():
        if count > 1:
            faults.append(f"ticket for {phone} stored {count} times")
        op = issues.get(phone)
        if op is None or op.outcome == "rejected":
            faults.append(f"ticket {codes[phone]} ({phone}) stored without an issue that made it")
    for phone, op in issues.items():
        if op.outcome == "after" and codes.get(phone) != op.result["ticket"]:  # type: ignore[index]
            faults.append(f"issued ticket {op.result} ({phone}) is not in the store")
    return faults


def _numbering(tickets: list[Any], sequences: list[Any]) -> list[str]:
    faults = []
    numbers = collections.defaultdict(list)
    for row in tickets:
        if row.code != f"{row.code[0]}{row.number:03d}":
            faults.append(f"ticket {row.code} has number {row.number}")
        numbers[(row.code[0], _day(row.business_day))].append(row.number)
    last = {(row.letter, _day(row.business_day)): row.last_number for row in sequences}
    for key, issued in numbers.items():
        if sorted(issued) != list(range(1, len(issued) + 1)):
            faults.append(f"queue {key[0]} on {key[1]}: numbers are not 1..{len(issued)}")
        if last.get(key) != len(issued):
            faults.append(f"queue {key[0]} on {key[1]}: sequence {last.get(key)}, {len(issued)}")
    return faults


def _event_counts(ops: list[Op], events: list[Any], counter_events: list[Any]) -> list[str]:
    """Per counter and kind: the committed actions ≤ the events ≤ committed + in doubt."""
    faults = []
    stored = collections.Counter((row.counter, row.kind) for row in events if row.counter)
    stored.update((row.counter, row.kind) for row in counter_events if row.reason != "day end")
    low: collections.Counter[tuple[int, str]] = collections.Counter()
    high: collections.Counter[tuple[int, str]] = collections.Counter()
    for op in ops:
        if "counter" not in op.args or op.outcome == "rejected":
            continue
        kind = TICKET_EVENT_OF.get(op.op, op.op)
        key = (int(op.args["counter"]), kind)
        high[key] += 1
        counts_for_sure = op.outcome == "after" and (op.op != "call" or op.result["ticket"])  # type: ignore[index]
        if counts_for_sure and op.op != "open":  # signing back in writes no event
            low[key] += 1
    for key in set(stored) | set(high):
        if not low[key] <= stored[key] <= high[key]:
            faults.append(
                f"counter {key[0]} {key[1]}: {stored[key]} events for {low[key]} committed"
                f" and {high[key] - low[key]} in-doubt actions"
            )
    return faults


def _finishes(
    ops: list[Op], tickets: list[Any], by_key: dict, done_of: dict, events_of: dict
) -> list[str]:
    faults = []
    finishes = {
        (int(op.args["counter"]), op.args["held"], op.day): op
        for op in ops
        if op.op == "finish" and op.outcome != "rejected"
    }
    for op in finishes.values():
        if op.outcome == "after":
            row = by_key.get((op.result["ticket"], op.day))  # type: ignore[index]
            if row is None or row.status != "finished":
                faults.append(f"finished {op.result} on {op.day} is not finished in the store")
    for row in tickets:
        if row.status != "finished":
            continue
        op = finishes.get((row.counter, row.code, _day(row.business_day)))
        done = done_of.get(row.id, [])
        if op is None:
            faults.append(f"{row.code} on {row.business_day} finished by no finish action")
            continue
        if sorted(x.key for x in done) != sorted(op.args["businesses"]):
            faults.append(f"{row.code}: transactions {[x.key for x in done]} for {op.args}")
        flags = {(bool(x.recommended), bool(x.accepted), bool(x.signed)) for x in done}
        wanted = (op.args["recommended"], op.args["accepted"], op.args["signed"])
        if flags != {wanted}:
            faults.append(f"{row.code}: transaction flags {flags} for {op.args}")
    return faults


def _ratings(ops: list[Op], tickets: list[Any], by_key: dict, rating_of: dict) -> list[str]:
    faults = []
    rates = {
        (op.args["ticket"], op.day): op
        for op in ops
        if op.op == "rate" and op.outcome != "rejected"
    }
    for (code, day), op in rates.items():
        row = by_key.get((code, day))
        stored = rating_of.get(row.id, []) if row else []
        if op.outcome == "after" and stored != [op.args["rating"]]:
            faults.append(f"rating of {code} on {day}: {stored}, committed {op.args['rating']}")
    for row in tickets:
        for rating in rating_of.get(row.id, []):
            op = rates.get((row.code, _day(row.business_day)))
            if op is None or op.args["rating"] != rating:
                faults.append(f"rating {rating} of {row.code} stored without a rate that made it")
    return faults


def _caches(tickets: list[Any], events_of: dict, done_of: dict, rating_of: dict) -> list[str]:
    """Each ticket's cached state is what its events say, and its rows agree with them."""
    faults = []
    for row in tickets:
        kinds = [event.kind for event in events_of.get(row.id, [])]
        if not kinds or kinds[0] != "issued" or kinds.count("issued") != 1:
            faults.append(f"{row.code} on {row.business_day}: events {kinds}")
            continue
        states = [event for event in events_of[row.id] if event.kind in STATUS_AFTER]
        status = STATUS_AFTER[states[-1].kind]
        if row.status != status or row.queue_id != states[-1].queue_id:
            faults.append(f"{row.code}: cache {row.status} but events say {status}")
        if status == "called" and row.counter != states[-1].counter:
            faults.append(f"{row.code}: called to {row.counter}, events say {states[-1].counter}")
        if kinds.count("finished") != (status == "finished") or (
            bool(done_of.get(row.id)) != (status == "finished")
        ):
            faults.append(f"{row.code}: {kinds.count('finished')} finishes, status {status}")
        if kinds.count("rated") != len(rating_of.get(row.id, [])) or kinds.count("rated") > 1:
            faults.append(f"{row.code}: {kinds.count('rated')} rated events")
    return faults


def _counters(tickets: list[Any], counters: list[Any], counter_events: list[Any]) -> list[str]:
    faults = []
    last_kind = {row.counter: row.kind for row in counter_events}
    called = collections.Counter(row.counter for row in tickets if row.status == "called")
    for number, state, open_sessions in counters:
        expected = COUNTER_STATE_AFTER.get(last_kind.get(number, "close"))
        if state != expected or open_sessions != (state != "closed"):
            faults.append(f"counter {number}: {state}, {open_sessions} open sessions")
        if called[number] > 1 or (called[number] and state == "closed"):
            faults.append(f"counter {number} ({state}) has {called[number]} called tickets")
    return faults


def _sign_ins(ops: list[Op], expectations: list[Expectation]) -> tuple[int, int, list[str]]:
    first = {}
    for op in sorted(ops, key=lambda op: op.seq, reverse=True):
        first[(op.journal, op.life)] = op
    checked = given_back = 0
    faults = []
    for expectation in expectations:
        op = first.get((expectation.journal, expectation.life))
        if op is None or op.op != "open" or op.outcome is None:
            continue  # killed before it signed in, or before it wrote down the answer
        checked += 1
        got = op.result["ticket"] if op.result else None
        given_back += got is not None
        if got != expectation.called:
            faults.append(f"life {op.life} signed in to {got}, {expectation.called} was called")
    return checked, given_back, faults
