"""`hallq replay`: apply a day of events, one JSON object per line, each in its own transaction.

A line is checked whole (op, time, every field and its type) before its action runs; a
rejected line stores nothing and the replay goes on. The event's `at` is the clock; into
a live store, it is checked against the real one (see HallService).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict
from typing import Any

from shared.archive.forms import archive_replayed_form
from shared.errors import Rejected
from shared.rules.input_text import check_day, check_input, read_json
from shared.services.hall import Done, HallService, Issued
from shared.store.clock import Clock, FixedClock
from shared.store.database import Store

_Checker = Callable[[str, object], object]
LARGEST_COUNTER = 9999
MOST_BUSINESSES = 20  # businesses one finish may record


def _shown(value: object) -> str:
    """A value as a refusal quotes it: short, on one line."""
    try:
        text = repr(value)
    except ValueError:  # an integer past the interpreter's digit limit
        return "a number too long to show"
    return text if len(text) <= 40 else text[:37] + "..."


def _counter(name: str, value: object) -> int:
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 4:
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= LARGEST_COUNTER:
        raise Rejected(f"{name} must be a counter number from 1 to 9999, not {_shown(value)}")
    return value


def _text(name: str, value: object) -> str:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise Rejected(f"{name} must be text of 1 to 200 characters, not {_shown(value)}")
    return value


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise Rejected(f"{name} must be true or false, not {_shown(value)}")
    return value


def _letters(name: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise Rejected(f"{name} must be a list of queue letters, not {_shown(value)}")
    return list(value)


def _businesses(name: str, value: object) -> list[str]:
    if isinstance(value, str):
        return [_text(name, value)]
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        if len(value) > MOST_BUSINESSES:
            raise Rejected(f"{name} lists at most {MOST_BUSINESSES} businesses")
        if twice := sorted({item for item in value if value.count(item) > 1}):
            raise Rejected(f"{name} names {_shown(twice[0])} more than once")
        return [_text(name, item) for item in value]
    raise Rejected(f"{name} must be a business key or a list of them, not {_shown(value)}")


def _object(name: str, value: object) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise Rejected(f"{name} must be an object, not {_shown(value)}")
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
            f"at {_shown(value)} is not an ISO-8601 time such as 2026-11-23T09:00:00"
        ) from error
    if at.tzinfo is not None:
        raise Rejected(
            f"at {_shown(value)} has a UTC offset; give the hall's local time without one"
        )
    check_day("at", at.date())
    return at


def parse_event(line: str) -> tuple[str, dt.datetime, dict[str, Any]]:
    """(op, at, checked fields) of one line, or Rejected saying what is wrong with it."""
    event = read_json(line, "the line")
    if not isinstance(event, dict):
        raise Rejected("each line must be a JSON object")
    check_input("the event", event)
    op = event.get("op")
    if not isinstance(op, str) or op not in OPS:
        raise Rejected(f"unknown op {_shown(op)}; ops: {', '.join(OPS)}")
    if "at" not in event:
        raise Rejected("missing field 'at' (the event's local time)")
    at = parse_time(event["at"])
    required, optional = OPS[op]
    unknown = sorted(set(event) - {"op", "at"} - set(required) - set(optional))
    if unknown:
        raise Rejected(f"{op} has no field {_shown(unknown[0])}")
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
    lines: Iterable[str | bytes],
    *,
    real_clock: Clock | None = None,
) -> Iterator[dict[str, object]]:
    """One result per event line, in order: ok with its result fields, or the error. Lines
    read as bytes are decoded one by one, so a line that is not UTF-8 is refused alone.

    With `real_clock` (a live store: `hallq replay`), a line dated past the real now or
    before the hall's latest event is refused like any other bad line."""
    clock = FixedClock(dt.datetime.min)
    service = HallService(store, hall_code, clock, real_clock=real_clock)
    for number, line in enumerate(lines, start=1):
        try:
            text = (line.decode("utf-8") if isinstance(line, bytes) else line).strip()
        except UnicodeDecodeError as error:
            yield {"line": number, "ok": False, "error": f"not UTF-8 text at byte {error.start}"}
            continue
        if not text or text.startswith("#"):
            continue
        try:
            op, at, fields = parse_event(text)
            clock.set(at)
            yield {"line": number, "ok": True, **apply_event(service, op, fields)}
        except Rejected as rejection:
            yield {"line": number, "ok": False, "error": rejection.message}
