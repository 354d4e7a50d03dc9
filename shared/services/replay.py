"""`hallq replay`: apply a day of events, one JSON object per line, each in its own transaction.

A line is checked whole (op, time, every field and its type) before its action runs; a
rejected line stores nothing and the replay goes on. The event's `at` is the clock; into
a live store, it is checked against the real one (see HallService).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict
from typing import Any

from shared.archive.forms import archive_replayed_form
from shared.errors import Rejected
from shared.rules.input_text import check_input
from shared.services.hall import Done, HallService, Issued
from shared.store.clock import Clock, FixedClock
from shared.store.database import Store

_Checker = Callable[[str, object], object]


def _counter(name: str, value: object) -> int:
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise Rejected(f"{name} must be a counter number, not {value!r}")
    return value


def _text(name: str, value: object) -> str:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise Rejected(f"{name} must be text of 1 to 200 characters, not {value!r}")
    return value


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise Rejected(f"{name} must be true or false, not {value!r}")
    return value


def _letters(name: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise Rejected(f"{name} must be a list of queue letters, not {value!r}")
    return list(value)


def _businesses(name: str, value: object) -> list[str]:
    if isinstance(value, str):
        return [_text(name, value)]
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return list(value)
    raise Rejected(f"{name} must be a business key or a list of them, not {value!r}")


def _object(name: str, value: object) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise Rejected(f"{name} must be an object, not {value!r}")
    return value


def _reason(name: str, value: object) -> str:
    if not isinstance(value, str) or len(value) > 100:
        raise Rejected(f"{name} must be text of at most 100 characters")
    return value


_COUNTER: dict[str, _Checker] = {"counter": _counter}
# For each op: its required and its optional fields, each with its checker.
OPS: dict[str, tuple[dict[str, _Checker], dict[str, _Checker]]] = {
    "open": ({"counter": _counter, "clerk": _text}, {"queues": _letters}),
    "pause": (_COUNTER, {"reason": _reason}),
    "resume": (_COUNTER, {}),
    "close": (_COUNTER, {}),
    "issue": ({"business": _text}, {"phone": _text, "tier": _text, "slip": _object}),
    "call": (_COUNTER, {}),
    "recall": (_COUNTER, {}),
    "no_show": (_COUNTER, {}),
    "transfer": (_COUNTER, {"queue": _text, "to_counter": _counter}),
    "finish": (
        _COUNTER,
        {"business": _businesses, "recommended": _flag, "accepted": _flag, "signed": _flag},
    ),
    "rate": ({"counter": _counter, "rating": _text}, {}),
}


def parse_time(value: object) -> dt.datetime:
    """A local ISO-8601 time such as 2026-11-23T09:00:00 (no offset: it is the hall's clock)."""
    if not isinstance(value, str):
        raise Rejected("at must be a local ISO-8601 time such as 2026-11-23T09:00:00")
    try:
        at = dt.datetime.fromisoformat(value)
    except ValueError as error:
        raise Rejected(
            f"at {value!r} is not an ISO-8601 time such as 2026-11-23T09:00:00"
        ) from error
    if at.tzinfo is not None:
        raise Rejected(f"at {value!r} has a UTC offset; give the hall's local time without one")
    return at


def parse_event(line: str) -> tuple[str, dt.datetime, dict[str, Any]]:
    """(op, at, checked fields) of one line, or Rejected saying what is wrong with it."""
    try:
        event = json.loads(line)
    except json.JSONDecodeError as error:
        raise Rejected(f"not valid JSON: {error.msg} at column {error.colno}") from error
    except RecursionError as error:
        raise Rejected("the line's JSON is nested too deeply") from error
    if not isinstance(event, dict):
        raise Rejected("each line must be a JSON object")
    check_input("the event", event)
    op = event.get("op")
    if not isinstance(op, str) or op not in OPS:
        raise Rejected(f"unknown op {op!r}; ops: {', '.join(OPS)}")
    if "at" not in event:
        raise Rejected("missing field 'at' (the event's local time)")
    at = parse_time(event["at"])
    required, optional = OPS[op]
    unknown = sorted(set(event) - {"op", "at"} - set(required) - set(optional))
    if unknown:
        raise Rejected(f"{op} has no field {unknown[0]!r}")
    fields: dict[str, Any] = {}
    for name, check in required.items():
        if name not in event:
            raise Rejected(f"{op} needs field {name!r}")
        fields[name] = check(name, event[name])
    for name, check in optional.items():
        if name in event and event[name] is not None:
            fields[name] = check(name, event[name])
    return op, at, fields


def _finish(hall: HallService, f: dict[str, Any]) -> Done:
    """A finish; one replayed as signed archives its service form, as a signing would."""
    done = hall.finish(
        f["counter"],
        businesses=f.get("business", ()),
        recommended=f.get("recommended", False),
        accepted=f.get("accepted", False),
        signed=f.get("signed", False),
    )
    if f.get("signed") and done.ticket is not None:
        archive_replayed_form(hall.store, hall.hall_code, done.ticket, hall.clock)
    return done


_RUN: dict[str, Callable[[HallService, dict[str, Any]], Issued | Done]] = {
    "open": lambda hall, f: hall.open_counter(f["counter"], f["clerk"], f.get("queues")),
    "pause": lambda hall, f: hall.pause_counter(f["counter"], f.get("reason", "")),
    "resume": lambda hall, f: hall.resume_counter(f["counter"]),
    "close": lambda hall, f: hall.close_counter(f["counter"]),
    "issue": lambda hall, f: hall.issue(
        f["business"], phone=f.get("phone"), tier=f.get("tier"), slip=f.get("slip")
    ),
    "call": lambda hall, f: hall.call(f["counter"]),
    "recall": lambda hall, f: hall.recall(f["counter"]),
    "no_show": lambda hall, f: hall.no_show(f["counter"]),
    "transfer": lambda hall, f: hall.transfer(
        f["counter"], f.get("queue"), to_counter=f.get("to_counter")
    ),
    "finish": lambda hall, f: _finish(hall, f),
    "rate": lambda hall, f: hall.rate(f["counter"], f["rating"]),
}
_NO_RESULT: tuple[str, ...] = ()
_RESULT_FIELDS = {
    "open": _NO_RESULT,
    "pause": _NO_RESULT,
    "resume": _NO_RESULT,
    "close": _NO_RESULT,
    "issue": ("ticket", "queue", "ahead", "tier"),
    "call": ("ticket", "queue", "waited_s"),
    "transfer": ("ticket", "queue"),
}


def apply_event(service: HallService, op: str, fields: dict[str, Any]) -> dict[str, object]:
    """Run one checked event; return the result fields docs/rules.md names for its op."""
    result = asdict(_RUN[op](service, fields))
    return {name: result[name] for name in _RESULT_FIELDS.get(op, ("ticket",))}


def replay(
    store: Store,
    hall_code: str | None,
    lines: Iterable[str],
    *,
    real_clock: Clock | None = None,
) -> Iterator[dict[str, object]]:
    """One result per event line, in order: ok with its result fields, or the error.

    With `real_clock` (a live store: `hallq replay`), a line dated past the real now or
    before the hall's latest event is refused like any other bad line."""
    clock = FixedClock(dt.datetime.min)
    service = HallService(store, hall_code, clock, real_clock=real_clock)
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        try:
            op, at, fields = parse_event(text)
            clock.set(at)
            yield {"line": number, "ok": True, **apply_event(service, op, fields)}
        except Rejected as rejection:
            yield {"line": number, "ok": False, "error": rejection.message}
