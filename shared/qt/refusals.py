"""A refusal (shared/errors.py Rejected, or the hall server's answer carrying its code) as a
window says it: from its code and parameters, in the window's language. A refusal without a
code, or with one this program does not know, is shown in the English the service gave."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from shared.qt.codes import name


def _tr(text: str) -> str:
    return QCoreApplication.translate("Refusals", text)


def _state(params: Mapping[str, str]) -> str:
    return name("counter_state", params.get("state"))


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
    except KeyError:
        return message
    for number, value in enumerate(values, start=1):
        words = words.replace(f"%{number}", value)
    return words
