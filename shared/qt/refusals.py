"""A refusal (shared/errors.py Rejected, or the hall server's answer carrying its code) as a
window says it: from its code and parameters, in the window's language. A refusal without a
code, or with one this program does not know, is shown in the English the service gave."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from shared.qt.codes import name
from shared.vocabulary import Role


def _tr(text: str) -> str:
    return QCoreApplication.translate("Refusals", text)


def _state(params: Mapping[str, str]) -> str:
    return name("counter_state", params.get("state"))


def _kind(params: Mapping[str, str]) -> str:
    """What a setting of this type takes, in words."""
    kinds = {
        "float": _tr("a number"),
        "int": _tr("a whole number"),
        "bool": _tr("true or false"),
        "str": _tr("text"),
    }
    return kinds[params["kind"]]


def _not_permitted(params: Mapping[str, str]) -> str:
    """Who may do what was refused: the least role that may."""
    needs = params["needs"]
    if needs == Role.ADMIN:
        return _tr("%1 is not an administrator")
    if needs == Role.LEAD:
        return _tr("%1 is not a shift lead or an administrator")
    return _tr("%1 may not do this")


def _said(words: str, values: tuple[str, ...]) -> str:
    for number, value in enumerate(values, start=1):
        words = words.replace(f"%{number}", value)
    return words


# The words of a refused list's row, by the row's code (the row's values fill them in order).
_ROW_WORDS: dict[str, Callable[[], str]] = {
    "not_mobile": lambda: _tr("line %1: '%2' is not a mobile number"),
    "repeats": lambda: _tr("line %1: %2 repeats line %3"),
    "columns": lambda: _tr("line %1: %2 columns; this list has at most %3"),
}


def _rows(params: Mapping[str, str]) -> str:
    """The refused rows the refusal names, each in the window's language where its code is
    known (else in the service's English), and how many more there are."""
    said = []
    for line, code, *values in json.loads(params["rows"]):
        words = _ROW_WORDS.get(code, lambda: _tr("line %1: %2"))()
        shown = values if code in _ROW_WORDS else values[-1:]
        said.append(_said(words, (str(line), *shown)))
    more = _said(_tr(" (and %1 more)"), (params["more"],)) if params["more"] != "0" else ""
    return _tr("; ").join(said) + more


# Each code's words; %1, %2… are its parameters in the order the lambda passes them.
_SAID: dict[str, Callable[[Mapping[str, str]], tuple[str, tuple[str, ...]]]] = {
    "pin_wrong": lambda p: (_tr("Unknown staff ID or wrong PIN"), ()),
    "pin_locked_now": lambda p: (
        _tr("Wrong PIN: %1 is now locked for %2 minutes"),
        (p["staff"], p["minutes"]),
    ),
    "pin_locked_until": lambda p: (
        _tr("%1 is locked until %2 after wrong PINs"),
        (p["staff"], p["until"]),
    ),
    "counter_cannot_pause": lambda p: (
        _tr("Counter %1 is %2 and cannot pause"),
        (p["counter"], _state(p)),
    ),
    "counter_cannot_resume": lambda p: (
        _tr("Counter %1 is %2 and cannot resume"),
        (p["counter"], _state(p)),
    ),
    "counter_cannot_close": lambda p: (
        _tr("Counter %1 is %2 and cannot close"),
        (p["counter"], _state(p)),
    ),
    "counter_not_calling": lambda p: (
        _tr("Counter %1 is not open: open or resume it to call"),
        (p["counter"],),
    ),
    "counter_still_serving": lambda p: (
        _tr("Counter %1 is still serving %2: finish it first"),
        (p["counter"], p["ticket"]),
    ),
    "ticket_not_waiting": lambda p: (_tr("%1 is not waiting today"), (p["ticket"],)),
    "ticket_for_another_counter": lambda p: (
        _tr("%1 was sent to wait for another counter"),
        (p["ticket"],),
    ),
    "counter_not_serving_queue": lambda p: (
        _tr("Counter %1 does not serve queue %2 (%3)"),
        (p["counter"], p["queue"], p["ticket"]),
    ),
    "ticket_already_there": lambda p: (
        _tr("%1 is already at counter %2"),
        (p["ticket"], p["counter"]),
    ),
    "transfer_to_closed": lambda p: (
        _tr("Counter %1 is closed: choose an open counter"),
        (p["counter"],),
    ),
    "already_rated": lambda p: (_tr("%1 is already rated"), (p["ticket"],)),
    "lead_acknowledges": lambda p: (
        _tr("Only a shift lead or an administrator confirms a crowding alert"),
        (),
    ),
    "counter_no_ticket": lambda p: (_tr("Counter %1 has no called ticket"), (p["counter"],)),
    "counter_already": lambda p: (_tr("Counter %1 is already %2"), (p["counter"], _state(p))),
    "clerk_elsewhere": lambda p: (
        _tr("%1 is already at counter %2"),
        (p["staff"], p["counter"]),
    ),
    "queue_full": lambda p: (
        _tr("Queue %1 has issued all %2 numbers for today"),
        (p["queue"], p["numbers"]),
    ),
    "counter_not_open": lambda p: (_tr("Counter %1 is not open"), (p["counter"],)),
    "called_elsewhere": lambda p: (
        _tr("Another counter called this ticket: call again"),
        (),
    ),
    "pin_length": lambda p: (_tr("A PIN is %1 to %2 digits"), (p["least"], p["most"])),
    "not_permitted": lambda p: (_not_permitted(p), (p["actor"],)),
    "wrong_counter": lambda p: (
        (
            _tr("%1 is at counter %2, not counter %3")
            if p["at"]
            else _tr("%1 is at no counter, not counter %3")
        ),
        (p["actor"], p["at"], p["counter"]),
    ),
    "staff_text_length": lambda p: (
        _tr("A staff ID is 1 to %1 characters")
        if p["field"] == "staff id"
        else _tr("A name is 1 to %1 characters"),
        (p["most"],),
    ),
    "staff_id_taken": lambda p: (_tr("Staff ID %1 is already taken"), (p["staff"],)),
    "own_role": lambda p: (_tr("You cannot change your own role"), ()),
    "disable_self": lambda p: (_tr("You cannot disable yourself"), ()),
    "staff_at_counter": lambda p: (
        _tr("%1 is at counter %2; close it first"),
        (p["staff"], p["counter"]),
    ),
    "counter_exists": lambda p: (_tr("Counter %1 already exists"), (p["counter"],)),
    "counter_queues": lambda p: (
        _tr("A counter serves at least one queue, each listed once"),
        (),
    ),
    "no_queue": lambda p: (_tr("There is no queue %1"), (p["queue"],)),
    "device_name": lambda p: (
        _tr("A device name is 1 to 40 lowercase letters, digits and '-' (kiosk-1)"),
        (),
    ),
    "device_enrolled": lambda p: (
        _tr("A device named %1 is already enrolled; revoke it first"),
        (p["device"],),
    ),
    "not_on_list": lambda p: (_tr("%1 is not on this list"), (p["phone"],)),
    "setting_range": lambda p: (
        _tr("%1 must be from %2 to %3"),
        (p["setting"], p["least"], p["most"]),
    ),
    "setting_kind": lambda p: (_tr("%1 must be %2, not %3"), (p["setting"], _kind(p), p["value"])),
    "list_refused": lambda p: (
        _tr("%1: %2 lines refused, nothing imported: %3"),
        (p["list"], p["count"], _rows(p)),
    ),
}


def codes() -> frozenset[str]:
    """Every refusal code a window says in its own words."""
    return frozenset(_SAID)


def refusal_text(code: str | None, params: Mapping[str, str], message: str) -> str:
    """The refusal in the window's language, or `message` when it has no code known here
    (or lacks a parameter its words need)."""
    said = _SAID.get(code or "")
    if said is None:
        return message
    try:
        words, values = said(params)
    except (KeyError, ValueError):  # a parameter missing, or rows that are not the service's
        return message
    return _said(words, values)
